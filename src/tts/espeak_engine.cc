#include "tts/espeak_engine.h"

#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <map>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

#include "audio/pitch_tracker.h"
#include "base/log.h"
#include "base/utf8.h"
#include "tts/espeak_variants.h"
#include "tts/japanese_reading.h"
#include "tts/script.h"

namespace voxwire {
namespace {

constexpr int kChunkMs = 10;  // the sink receives audio in slices of at most this

// Calibration sentences: a statement, a question and an exclamation, each
// synthesized on its own as requests are, so the measured median F0 and tempo
// average over the language's usual tunes.
using Sentences = std::array<std::string_view, 3>;
struct LanguageVoice {
  Language language;
  std::string_view voice;  // espeak-ng voice name
  Sentences calibration;   // ~6 s of typical speech the voice reads as written
};

// clang-format off
constexpr Sentences kChineseCalibration = {"今天天气很好，我们一起去公园散步吧。", "你吃过晚饭了吗？", "这本书非常有意思！"};

constexpr std::array<LanguageVoice, 11> kLanguageVoices = {{
    {Language::kChinese, "cmn-latn-pinyin", kChineseCalibration},
    {Language::kChinese, "yue", kChineseCalibration},
    {Language::kEnglish, "en-us",
     {"The quick brown fox jumps over the lazy dog.", "Did you remember to call your mother?", "What a beautiful day it is!"}},
    {Language::kGerman, "de",
     {"Heute ist das Wetter sehr schön, wir gehen im Park spazieren.", "Hast du schon zu Abend gegessen?",
      "Das Buch ist wirklich spannend!"}},
    {Language::kItalian, "it",
     {"Oggi il tempo è molto bello, andiamo a fare una passeggiata nel parco.", "Hai già cenato?",
      "Questo libro è davvero interessante!"}},
    {Language::kPortuguese, "pt-br",
     {"Hoje o tempo está muito bom, vamos passear no parque.", "Você já jantou?", "Este livro é muito interessante!"}},
    {Language::kSpanish, "es",
     {"Hoy hace muy buen tiempo, vamos a pasear por el parque.", "¿Ya has cenado?", "¡Este libro es muy interesante!"}},
    {Language::kJapanese, "ja",
     {"きょうはてんきがとてもいいので、こうえんをさんぽしましょう。", "もうばんごはんをたべましたか？", "このほんはとてもおもしろいです！"}},
    {Language::kKorean, "ko", {"오늘은 날씨가 아주 좋아서 공원에 산책하러 갑시다.", "저녁은 먹었어요?", "이 책은 정말 재미있어요!"}},
    {Language::kFrench, "fr",
     {"Aujourd'hui il fait très beau, allons nous promener dans le parc.", "As-tu déjà dîné ?",
      "Ce livre est vraiment passionnant !"}},
    {Language::kRussian, "ru",
     {"Сегодня очень хорошая погода, пойдём гулять в парк.", "Ты уже поужинал?", "Эта книга очень интересная!"}},
}};
// clang-format on

const LanguageVoice& language_voice(Language lang, Dialect dialect) {
  const bool cantonese = lang == Language::kChinese && dialect == Dialect::kCantonese;
  for (const LanguageVoice& v : kLanguageVoices) {
    if (v.language == lang && (lang != Language::kChinese || (v.voice == "yue") == cantonese)) return v;
  }
  return kLanguageVoices[2];  // unreachable: every Language has a row
}

std::string_view variant_for(const VoiceProfile& p) {
  const bool young = p.age == AgeBand::kChild || p.age == AgeBand::kTeen;
  if (p.median_f0_hz < 115.0) return "m3";
  if (p.median_f0_hz >= 270.0) return "f5";
  if (p.gender == Gender::kFemale) {
    if (p.breathiness >= 0.5) return "f5";
    if (young) return "f4";
    return p.age == AgeBand::kElderly ? "f1" : "f2";
  }
  if (young) return "f4";
  if (p.median_f0_hz >= 180.0) return "f2";
  return p.age == AgeBand::kElderly ? "m1" : "m3";
}

int range_for(const VoiceProfile& p) {
  return std::clamp(static_cast<int>(std::lround(5.0 * std::max(0.0, p.f0_range))) * 10, 0, 100);
}

// Calibration (see espeak_engine.h). Median F0 = a * 2^((pitch-50)/50) + b.
struct PitchFit {
  double a = 0.0;
  double b = 0.0;
};
constexpr std::array<int, 3> kCalibrationPitches = {0, 50, 100};
constexpr int kNormalWpm = espeakRATE_NORMAL;  // 175
// Speeds above 450 wpm go through libsonic.
constexpr std::array<int, 7> kCalibrationWpm = {80, 110, 175, 260, 380, 550, 900};
using TempoCurve = std::array<double, kCalibrationWpm.size()>;  // seconds at each speed

// Least squares of median = a * x + b over x = 2^((pitch-50)/50).
PitchFit fit_pitch(const std::array<double, kCalibrationPitches.size()>& medians) {
  double sx = 0, sy = 0, sxx = 0, sxy = 0;
  const double n = static_cast<double>(medians.size());
  for (std::size_t i = 0; i < medians.size(); ++i) {
    const double x = std::exp2((kCalibrationPitches[i] - 50) / 50.0);
    sx += x, sy += medians[i], sxx += x * x, sxy += x * medians[i];
  }
  PitchFit fit;
  fit.a = (n * sxy - sx * sy) / (n * sxx - sx * sx);
  fit.b = (sy - fit.a * sx) / n;
  return fit;
}

// espeakPITCH whose median F0 is target_hz under `fit`, clamped to 0..100.
int espeak_pitch_for(double target_hz, const PitchFit& fit) {
  const double x = (target_hz - fit.b) / fit.a;
  if (!(x > 0.5)) return 0;
  return std::clamp(static_cast<int>(std::lround(50.0 + 50.0 * std::log2(x))), 0, 100);
}

// espeakRATE whose duration is 1/tempo of the 175 wpm one: log-log
// interpolation of the measured curve, clamped to its ends.
int espeak_rate_for(double tempo, const TempoCurve& seconds) {
  const auto normal = static_cast<std::size_t>(std::find(kCalibrationWpm.begin(), kCalibrationWpm.end(), kNormalWpm) -
                                               kCalibrationWpm.begin());
  const double want = std::log(seconds[normal] / tempo);
  if (want >= std::log(seconds.front())) return kCalibrationWpm.front();
  for (std::size_t i = 1; i < seconds.size(); ++i) {
    const double hi = std::log(seconds[i - 1]), lo = std::log(seconds[i]);
    if (want >= lo) {
      const double t = hi > lo ? (hi - want) / (hi - lo) : 0.0;
      const double wpm = std::exp(std::log(kCalibrationWpm[i - 1]) +
                                  t * (std::log(kCalibrationWpm[i]) - std::log(kCalibrationWpm[i - 1])));
      return static_cast<int>(std::lround(wpm));
    }
  }
  return kCalibrationWpm.back();
}

// Removes what espeak would treat as markup or commands: control characters
// (U+0001 starts an embedded command), C1 controls, NUL, and U+FFFD from
// invalid UTF-8. Tabs and newlines stay.
std::string sanitize(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t c : utf8::decode(text)) {
    const bool control = (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c < 0xA0) || c == 0xFFFD;
    utf8::append(out, control ? U' ' : c);
  }
  return out;
}

std::string drop_han(std::string_view text) {
  std::string out;
  for (char32_t c : utf8::decode(text)) {
    if (script_of(c) != Script::kHan) utf8::append(out, c);
  }
  return out;
}

// What espeak said about one synthesis: its word and phoneme events, in order.
struct EventLog {
  struct Event {
    espeak_EVENT_TYPE type;
    int text_position;  // espeakEVENT_WORD: 1-based character of the text
    int length;         // espeakEVENT_WORD: characters
    int64_t sample;     // where it starts in espeak's timeline
    std::string phoneme;  // espeakEVENT_PHONEME: the mnemonic
  };
  std::vector<Event> events;
  int64_t samples = 0;  // audio actually delivered
};

struct Stream {
  AudioSink* sink;
  const CancelToken* cancel;
  int sample_rate_hz;
  EventLog* log;  // null: events are not wanted
  bool cancelled = false;
  bool sink_threw = false;
};

void record_events(const espeak_EVENT* events, EventLog& log) {
  for (const espeak_EVENT* e = events; e->type != espeakEVENT_LIST_TERMINATED; ++e) {
    if (e->type != espeakEVENT_WORD && e->type != espeakEVENT_PHONEME && e->type != espeakEVENT_END &&
        e->type != espeakEVENT_MSG_TERMINATED) {
      continue;
    }
    std::string phoneme;
    if (e->type == espeakEVENT_PHONEME) phoneme.assign(e->id.string, strnlen(e->id.string, sizeof e->id.string));
    log.events.push_back({e->type, e->text_position, e->length, e->sample, std::move(phoneme)});
  }
}

// Byte offset of every code point of `text`, and one past the end.
std::vector<std::size_t> char_offsets(std::string_view text) {
  std::vector<std::size_t> offsets;
  for (std::size_t at = 0; at < text.size(); at += std::max<std::size_t>(1, utf8::char_length(text, at))) {
    offsets.push_back(at);
  }
  offsets.push_back(text.size());
  return offsets;
}

// Turns the event log of `text` (spoken with one character per character of
// it) into words. A word spans its phones: from its first phoneme event
// (espeak's WORD event comes earlier, before the silent closure of a first
// stop) to the event after its last phone; phonemes named "_..." are pauses and
// boundaries, in no word. Above 450 wpm espeak speeds its audio up with
// libsonic after timing the events, so event samples are scaled onto the
// audio actually delivered.
void report_words(const EventLog& log, std::string_view text, AudioSink& sink) {
  int64_t timeline = 0;
  for (const EventLog::Event& e : log.events) timeline = std::max(timeline, e.sample);
  if (timeline <= 0 || log.samples <= 0) return;
  const double scale = static_cast<double>(log.samples) / static_cast<double>(timeline);
  auto at = [&](int64_t sample) { return std::min(log.samples, static_cast<int64_t>(std::lround(sample * scale))); };
  const std::vector<std::size_t> offsets = char_offsets(text);
  auto byte_of = [&](int character) {
    return offsets[std::clamp<std::size_t>(static_cast<std::size_t>(std::max(character, 0)), 0, offsets.size() - 1)];
  };
  WordMark word;
  bool in_word = false;
  auto flush = [&] {
    if (in_word && !word.phones.empty()) {
      word.begin_sample = word.phones.front().begin_sample;
      word.end_sample = std::max(word.begin_sample, word.phones.back().end_sample);
      sink.on_word(word);
    }
    in_word = false;
  };
  bool phone_open = false;  // the word's last phone ends at the next event
  for (const EventLog::Event& e : log.events) {
    if (phone_open) {
      word.phones.back().end_sample = std::max(word.phones.back().begin_sample, at(e.sample));
      phone_open = false;
    }
    if (e.type == espeakEVENT_WORD) {
      flush();
      word = WordMark{byte_of(e.text_position - 1), byte_of(e.text_position - 1 + e.length), at(e.sample), 0, {}};
      in_word = true;
    } else if (e.type == espeakEVENT_PHONEME && in_word && !e.phoneme.empty() && e.phoneme.front() != '_') {
      word.phones.push_back({e.phoneme, 0, at(e.sample), at(e.sample)});
      phone_open = true;
    }
  }
  if (phone_open) word.phones.back().end_sample = log.samples;
  flush();
}

// espeak's synth callback (synchronous mode: on the thread inside espeak_Synth).
// espeak hands over up to 60 ms (its minimum buffer); the sink gets it in
// kChunkMs slices, with a cancellation check before each. Returning 1 aborts.
int on_espeak_audio(short* wav, int samples, espeak_EVENT* events) {
  auto* stream = static_cast<Stream*>(events->user_data);
  if (stream->log) {
    record_events(events, *stream->log);
    if (wav != nullptr) stream->log->samples += samples;
  }
  const int slice = stream->sample_rate_hz * kChunkMs / 1000;
  for (int start = 0; wav != nullptr && start < samples; start += slice) {
    if (stream->cancel->cancelled()) break;
    try {  // an exception must not unwind through espeak's C frames
      stream->sink->on_audio(
          std::span<const int16_t>(wav + start, static_cast<std::size_t>(std::min(slice, samples - start))),
          stream->sample_rate_hz);
    } catch (...) {
      stream->sink_threw = true;
      return 1;
    }
  }
  stream->cancelled = stream->cancel->cancelled();
  return stream->cancelled ? 1 : 0;
}

struct Collector : AudioSink {
  std::vector<int16_t> pcm;
  void on_audio(std::span<const int16_t> chunk, int) override { pcm.insert(pcm.end(), chunk.begin(), chunk.end()); }
};

struct Prosody {
  int pitch = 50;  // espeakPITCH
  int range = 50;  // espeakRANGE
  int wpm = kNormalWpm;
};

// What reads a request: the language's voice, the variant, the pitch range,
// and the profile whose timbre reshapes the variant.
struct VoiceChoice {
  const LanguageVoice* lang;
  std::string_view variant;
  int range;
  const VoiceProfile* profile;
  // The unshaped voice, which prosody is calibrated on.
  std::string name() const { return std::string(lang->voice) + "+" + std::string(variant); }
};

// The one owner of libespeak-ng's process-global state: initialized once,
// never terminated, every call under mutex_.
class Espeak {
 public:
  // Initializes espeak-ng on the first call; every call returns that outcome.
  static Result<Espeak*> get() {
    static const Result<Espeak*> instance = initialize();
    return instance;
  }

  // Speaks prepared text at a target median F0 and tempo, calibrating the
  // voice first if this is its first use; logs espeak's events to *log if given.
  Status speak(const std::string& text, const VoiceChoice& choice, double target_hz, double tempo, AudioSink& sink,
               const CancelToken& cancel, EventLog* log) {
    std::lock_guard<std::mutex> lock(mutex_);
    Result<PitchFit> fit = pitch_fit(choice);
    if (!fit.ok()) return fit.status();
    Result<TempoCurve> curve = tempo_curve(*choice.lang);
    if (!curve.ok()) return curve.status();
    const Prosody prosody{espeak_pitch_for(target_hz, fit.value()), choice.range,
                          espeak_rate_for(tempo, curve.value())};
    std::string voice = choice.name();
    if (variants_) {  // the same variant with the profile's timbre: formants, breath and tone leave F0 and tempo alone
      Result<std::string> shaped = variants_->variant_for(choice.variant, *choice.profile);
      if (!shaped.ok()) return shaped.status();
      voice = std::string(choice.lang->voice) + "+" + shaped.value();
    }
    return run(text, voice, prosody, sink, cancel, log);
  }

  // Median F0 at espeakPITCH 0 and 100 (calibrating first if needed).
  Result<F0Reach> reach(const VoiceChoice& choice) {
    std::lock_guard<std::mutex> lock(mutex_);
    Result<PitchFit> fit = pitch_fit(choice);
    if (!fit.ok()) return fit.status();
    return F0Reach{fit->a * 0.5 + fit->b, fit->a * 2.0 + fit->b};
  }

  Result<std::string> phonemes(const std::string& text, const VoiceChoice& choice) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (Status s = select_voice(choice.name()); !s.ok()) return s;
    std::string out;
    const void* cursor = text.c_str();
    while (cursor != nullptr) {
      const char* clause = espeak_TextToPhonemes(&cursor, espeakCHARS_UTF8, 0);
      if (clause == nullptr) break;
      if (*clause == '\0') continue;
      if (!out.empty()) out += ' ';
      out += clause;
    }
    return out;
  }

  int sample_rate_hz() const { return sample_rate_hz_; }

 private:
  Espeak(int sample_rate_hz, std::optional<EspeakVariants> variants)
      : sample_rate_hz_(sample_rate_hz), variants_(std::move(variants)) {}

  // espeak-ng reads its data from a private directory that adds the shaped
  // variants to the system data. Should that directory be unusable, voices
  // keep their plain variants (logged): speech without timbre beats none.
  static Result<Espeak*> initialize() {
    espeak_ng_InitializePath(nullptr);  // only resolves the system data path
    const char* system_data = nullptr;
    espeak_Info(&system_data);
    std::optional<EspeakVariants> variants;
    const std::string dir = default_espeak_variant_dir();
    if (Result<EspeakVariants> opened = EspeakVariants::open(system_data ? system_data : "", dir); opened.ok()) {
      variants.emplace(std::move(opened).value());
    } else {
      log::warn("espeak_timbre_unavailable", {{"dir", dir}, {"reason", opened.status().message()}});
    }
    const int rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, kChunkMs,
                                       variants ? variants->data_dir().c_str() : nullptr,
                                       espeakINITIALIZE_DONT_EXIT | espeakINITIALIZE_PHONEME_EVENTS);
    if (rate <= 0) return Status::internal("espeak-ng failed to initialize (is espeak-ng-data installed?)");
    espeak_SetSynthCallback(&on_espeak_audio);
    return new Espeak(rate, std::move(variants));  // lives for the process, like espeak's own state
  }

  // REQUIRES: mutex_ held (for all private methods below).
  Status select_voice(const std::string& voice) {
    if (voice == current_voice_) return Status::ok_status();
    if (espeak_SetVoiceByName(voice.c_str()) != EE_OK) {
      current_voice_.clear();
      return Status::internal("espeak-ng has no voice " + voice);
    }
    current_voice_ = voice;
    return Status::ok_status();
  }

  Status run(const std::string& text, const std::string& voice, const Prosody& prosody, AudioSink& sink,
             const CancelToken& cancel, EventLog* log = nullptr) {
    if (Status s = select_voice(voice); !s.ok()) return s;
    espeak_SetParameter(espeakPITCH, prosody.pitch, 0);
    espeak_SetParameter(espeakRANGE, prosody.range, 0);
    espeak_SetParameter(espeakRATE, prosody.wpm, 0);
    Stream stream{&sink, &cancel, sample_rate_hz_, log};
    // No espeakSSML and no espeakPHONEMES: '<' and "[[" are plain text.
    const espeak_ERROR err =
        espeak_Synth(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, &stream);
    if (stream.sink_threw) return Status::internal("audio sink threw");
    if (stream.cancelled) return Status::cancelled();
    if (err != EE_OK) return Status::internal("espeak_Synth failed with " + std::to_string(err));
    return Status::ok_status();
  }

  // The calibration sentences, one synthesis each, concatenated.
  Result<std::vector<int16_t>> render(const LanguageVoice& lang, const std::string& voice, const Prosody& prosody) {
    Collector collector;
    for (std::string_view sentence : lang.calibration) {
      if (Status s = run(std::string(sentence), voice, prosody, collector, CancelToken()); !s.ok()) return s;
    }
    return std::move(collector.pcm);
  }

  Result<PitchFit> pitch_fit(const VoiceChoice& choice) {
    const std::string voice = choice.name();
    const auto key = std::make_pair(voice, choice.range);
    if (auto it = pitch_fits_.find(key); it != pitch_fits_.end()) return it->second;
    audio::PitchOptions options;
    options.min_f0_hz = 40.0;  // espeakPITCH 0 on a male variant goes below 60 Hz
    options.hop_ms = 20.0;     // plenty of frames for a median; halves the cost
    std::array<double, kCalibrationPitches.size()> medians{};
    for (std::size_t i = 0; i < medians.size(); ++i) {
      Result<std::vector<int16_t>> pcm =
          render(*choice.lang, voice, {kCalibrationPitches[i], choice.range, kNormalWpm});
      if (!pcm.ok()) return pcm.status();
      Result<audio::PitchStats> stats = audio::analyze_pitch(pcm.value(), sample_rate_hz_, options);
      if (!stats.ok()) return stats.status();
      medians[i] = stats->median_hz;
    }
    const PitchFit fit = fit_pitch(medians);
    if (!(fit.a > 0.0)) return Status::internal("espeak-ng pitch calibration failed for " + voice);
    log::debug("espeak_pitch_calibrated",
               {{"voice", voice}, {"range", choice.range}, {"a_hz", fit.a}, {"b_hz", fit.b}});
    pitch_fits_.emplace(key, fit);
    return fit;
  }

  Result<TempoCurve> tempo_curve(const LanguageVoice& lang) {
    const std::string voice(lang.voice);
    if (auto it = tempo_curves_.find(voice); it != tempo_curves_.end()) return it->second;
    TempoCurve curve{};
    for (std::size_t i = 0; i < curve.size(); ++i) {
      Result<std::vector<int16_t>> pcm = render(lang, voice + "+m3", {50, 50, kCalibrationWpm[i]});
      if (!pcm.ok()) return pcm.status();
      curve[i] = static_cast<double>(pcm->size()) / sample_rate_hz_;
      if (curve[i] <= 0.0) return Status::internal("espeak-ng calibration produced no audio for " + voice);
    }
    tempo_curves_.emplace(voice, curve);
    return curve;
  }

  std::mutex mutex_;
  const int sample_rate_hz_;                                    // constant after construction
  std::string current_voice_;                                   // GUARDED_BY(mutex_)
  std::map<std::pair<std::string, int>, PitchFit> pitch_fits_;  // GUARDED_BY(mutex_)
  std::map<std::string, TempoCurve> tempo_curves_;              // GUARDED_BY(mutex_)
  std::optional<EspeakVariants> variants_;                      // GUARDED_BY(mutex_); none: plain variants
};

bool positive_finite(double x) { return std::isfinite(x) && x > 0.0; }

class EspeakEngineImpl final : public EspeakEngine {
 public:
  EspeakEngineImpl(Espeak* espeak, std::unique_ptr<JapaneseReading> japanese)
      : espeak_(espeak), japanese_(std::move(japanese)) {
    info_.name = "espeak-ng";
    info_.sample_rate_hz = espeak_->sample_rate_hz();
    info_.languages.assign(kAllLanguages.begin(), kAllLanguages.end());
  }

  const EngineInfo& info() const override { return info_; }

  Status synthesize(const SynthesisRequest& req, AudioSink& sink, const CancelToken& cancel) override {
    const double tempo = req.voice.speaking_rate * req.rate;
    const double target_hz = req.voice.median_f0_hz * req.pitch;
    if (!positive_finite(tempo)) return Status::invalid_argument("speaking rate must be positive", "rate");
    if (!positive_finite(target_hz)) return Status::invalid_argument("pitch must be positive", "pitch");
    if (cancel.cancelled()) return Status::cancelled();
    Result<std::string> text = prepare(req.text, req.language);
    if (!text.ok()) return text.status();
    if (!has_speakable(text.value())) return Status::ok_status();
    // Japanese is read from kana the text does not contain: it has no word positions.
    const bool marks = req.marks && req.language != Language::kJapanese;
    EventLog log;
    Status spoken =
        espeak_->speak(text.value(), choose(req.language, req.voice), target_hz, tempo, sink, cancel, marks ? &log : nullptr);
    if (spoken.ok() && marks) report_words(log, req.text, sink);
    return spoken;
  }

  F0Reach f0_reach(Language lang, const VoiceProfile& voice) override {
    Result<F0Reach> reach = espeak_->reach(choose(lang, voice));
    return reach.ok() ? *reach : F0Reach{voice.median_f0_hz, voice.median_f0_hz};
  }

  Result<std::string> phonemes(std::string_view text, Language lang, const VoiceProfile& voice) override {
    Result<std::string> prepared = prepare(text, lang);
    if (!prepared.ok()) return prepared.status();
    if (!has_speakable(prepared.value())) return std::string();
    return espeak_->phonemes(prepared.value(), choose(lang, voice));
  }

 private:
  static VoiceChoice choose(Language lang, const VoiceProfile& voice) {
    return {&language_voice(lang, voice.dialect), variant_for(voice), range_for(voice), &voice};
  }

  Result<std::string> prepare(std::string_view text, Language lang) const {
    std::string clean = sanitize(text);
    if (lang != Language::kJapanese) return clean;
    Result<std::string> kana = japanese_->to_kana(clean);
    if (!kana.ok()) return kana.status();
    return drop_han(kana.value());
  }

  EngineInfo info_;
  Espeak* espeak_;                             // process-wide, outlives every engine
  std::unique_ptr<JapaneseReading> japanese_;  // thread-safe
};

}  // namespace

Result<std::unique_ptr<EspeakEngine>> make_espeak_engine() {
  Result<Espeak*> espeak = Espeak::get();
  if (!espeak.ok()) return espeak.status();
  Result<std::unique_ptr<JapaneseReading>> japanese = make_japanese_reading();
  if (!japanese.ok()) return japanese.status();
  return std::unique_ptr<EspeakEngine>(std::make_unique<EspeakEngineImpl>(espeak.value(), std::move(japanese).value()));
}

}  // namespace voxwire
