#include "synthesis/synthesizer.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

#include "audio/pitch_shifter.h"
#include "tts/espeak_engine.h"
#include "tts/flite_engine.h"
#include "text/cleaner.h"
#include "text/normalizer.h"
#include "synthesis/phrase_joiner.h"
#include "text/mandarin.h"
#include "text/prosody.h"
#include "tts/text_runs.h"

namespace voxwire {
namespace {

// Passes audio on with its pitch moved by a constant factor (the part of a
// requested F0 the engine cannot reach). finish() flushes the shifter.
class PitchShiftingSink final : public AudioSink {
 public:
  PitchShiftingSink(AudioSink& next, double factor) : next_(next), factor_(factor) {}

  void on_audio(std::span<const int16_t> pcm, int sample_rate_hz) override {
    if (!shifter_ || sample_rate_hz != rate_) {
      finish();
      auto shifter = audio::PitchShifter::create(sample_rate_hz, factor_);
      if (!shifter.ok()) {  // a rate the shifter refuses: pass through unshifted
        next_.on_audio(pcm, sample_rate_hz);
        return;
      }
      shifter_ = std::move(*shifter);
      rate_ = sample_rate_hz;
    }
    out_.clear();
    shifter_->process(pcm, &out_);
    if (!out_.empty()) next_.on_audio(out_, rate_);
  }

  void finish() {
    if (!shifter_) return;
    out_.clear();
    shifter_->finish(&out_);
    if (!out_.empty()) next_.on_audio(out_, rate_);
    shifter_.reset();
  }

 private:
  AudioSink& next_;
  const double factor_;
  std::unique_ptr<audio::PitchShifter> shifter_;
  int rate_ = 0;
  std::vector<int16_t> out_;
};

// Passes audio on and keeps the words an engine reports.
class WordCollector final : public AudioSink {
 public:
  explicit WordCollector(AudioSink& next) : next_(next) {}
  void on_audio(std::span<const int16_t> pcm, int sample_rate_hz) override { next_.on_audio(pcm, sample_rate_hz); }
  void on_word(const WordMark& word) override { words.push_back(word); }
  std::vector<WordMark> words;

 private:
  AudioSink& next_;
};

}  // namespace

Synthesizer::Synthesizer(std::vector<std::unique_ptr<Engine>> engines,
                         std::array<Engine*, kAllLanguages.size()> routes, text::FrontEndConfig front_end)
    : engines_(std::move(engines)), routes_(routes), front_end_(std::move(front_end)) {}

Result<std::unique_ptr<Synthesizer>> Synthesizer::create_builtin(text::FrontEndConfig front_end) {
  auto flite = make_flite_engine();
  if (!flite.ok()) return flite.status();
  auto espeak = make_espeak_engine();
  if (!espeak.ok()) return espeak.status();
  std::array<Engine*, kAllLanguages.size()> routes{};
  for (Language lang : kAllLanguages) routes[static_cast<int>(lang)] = espeak->get();
  routes[static_cast<int>(Language::kEnglish)] = flite->get();
  std::vector<std::unique_ptr<Engine>> engines;
  engines.push_back(std::move(*flite));
  engines.push_back(std::move(*espeak));
  return std::make_unique<Synthesizer>(std::move(engines), routes, std::move(front_end));
}

void Synthesizer::warm_up(std::span<const VoiceProfile> voices, const CancelToken& stop) const {
  struct Discard final : AudioSink {
    void on_audio(std::span<const int16_t>, int) override {}
  } discard;
  (void)text::annotate_mandarin("你好");  // indexes the Chinese dictionaries
  constexpr std::pair<Language, std::string_view> kGreetings[] = {
      {Language::kChinese, "你好"},    {Language::kEnglish, "Hello"}, {Language::kGerman, "Hallo"},
      {Language::kItalian, "Ciao"},    {Language::kPortuguese, "Olá"}, {Language::kSpanish, "Hola"},
      {Language::kJapanese, "こんにちは"}, {Language::kKorean, "안녕하세요"}, {Language::kFrench, "Bonjour"},
      {Language::kRussian, "Привет"}};
  for (const VoiceProfile& voice : voices) {
    for (const auto& [language, greeting] : kGreetings) {
      if (stop.cancelled()) return;
      SynthesisRequest request{greeting, language, voice};
      (void)engine_for(language).synthesize(request, discard, stop);
    }
  }
}

// One engine call: a phrase of one language, and the pause after it.
struct Synthesizer::Utterance {
  Engine* engine;
  Language language;
  std::string text;
  int pause_after_ms;
};

std::vector<Synthesizer::Utterance> Synthesizer::plan(std::string_view text, LanguageType language,
                                                      const VoiceProfile& voice, Normalization normalization) const {
  std::vector<Utterance> utterances;
  if (normalization == Normalization::kOff) {
    for (TextRun& run : split_runs(text, language)) {
      utterances.push_back({&engine_for(run.language), run.language, std::move(run.text), 0});
    }
    return utterances;
  }
  for (const TextRun& run : split_runs(text::clean_markup(text), language)) {
    const std::string normalized = text::normalize(run.text, run.language, front_end_.web_addresses);
    for (text::Phrase& phrase : text::split_phrases(normalized, front_end_.pauses)) {
      if (run.language == Language::kChinese && voice.dialect != Dialect::kCantonese) {
        phrase.text = text::annotate_mandarin(phrase.text);  // Mandarin readings; Cantonese has its own
      }
      utterances.push_back({&engine_for(run.language), run.language, std::move(phrase.text), phrase.pause_after_ms});
    }
  }
  return utterances;
}

Status Synthesizer::synthesize(std::string_view text, LanguageType language, const VoiceProfile& voice,
                               double rate, double pitch, AudioSink& sink, const CancelToken& cancel,
                               Normalization normalization, std::vector<TimedWord>* words) const {
  const double target_hz = voice.median_f0_hz * pitch;
  const std::vector<Utterance> utterances = plan(text, language, voice, normalization);
  PhraseJoiner joiner(sink);
  std::vector<SpokenUnit> spoken;
  for (std::size_t i = 0; i < utterances.size(); ++i) {
    if (cancel.cancelled()) return Status::cancelled();
    const Utterance& u = utterances[i];
    F0Reach reach = u.engine->f0_reach(u.language, voice);
    const double engine_hz = std::clamp(target_hz, reach.low_hz, reach.high_hz);
    SynthesisRequest request{u.text, u.language, voice, rate, engine_hz / voice.median_f0_hz, words != nullptr};
    // Beyond what the engine reaches it goes as far as it can, and DSP does the rest.
    std::optional<PitchShiftingSink> shifted;
    if (std::abs(target_hz / engine_hz - 1.0) >= 0.01) shifted.emplace(joiner, target_hz / engine_hz);
    WordCollector collector(shifted ? static_cast<AudioSink&>(*shifted) : joiner);
    Status s = u.engine->synthesize(request, collector, cancel);
    if (s.ok() && shifted) shifted->finish();
    if (!s.ok()) return s;
    // Pauses shorten with faster speech; after the last phrase the engine's own ending stays.
    const bool pause = i + 1 < utterances.size() && u.pause_after_ms > 0;
    const PhrasePlacement placement =
        joiner.end_phrase(pause ? static_cast<int>(std::lround(u.pause_after_ms / std::max(rate, 0.1))) : 0);
    if (words) {
      std::vector<SpokenUnit> units = spoken_units(u.text, collector.words, placement);
      spoken.insert(spoken.end(), std::make_move_iterator(units.begin()), std::make_move_iterator(units.end()));
    }
  }
  joiner.finish();
  if (cancel.cancelled()) return Status::cancelled();
  if (words) *words = align_words(text, spoken, joiner.seconds());
  return Status();
}

}  // namespace voxwire
