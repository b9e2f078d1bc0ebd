#include "synthesis/synthesizer.h"

#include "tts/espeak_engine.h"
#include "tts/flite_engine.h"
#include "tts/text_runs.h"

namespace voxwire {

Synthesizer::Synthesizer(std::vector<std::unique_ptr<Engine>> engines,
                         std::array<Engine*, kAllLanguages.size()> routes)
    : engines_(std::move(engines)), routes_(routes) {}

Result<std::unique_ptr<Synthesizer>> Synthesizer::create_builtin() {
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
  return std::make_unique<Synthesizer>(std::move(engines), routes);
}

void Synthesizer::warm_up(std::span<const VoiceProfile> voices, const CancelToken& stop) const {
  struct Discard final : AudioSink {
    void on_audio(std::span<const int16_t>, int) override {}
  } discard;
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

Status Synthesizer::synthesize(std::string_view text, LanguageType language, const VoiceProfile& voice,
                               double rate, double pitch, AudioSink& sink, const CancelToken& cancel) const {
  for (const TextRun& run : split_runs(text, language)) {
    if (cancel.cancelled()) return Status::cancelled();
    SynthesisRequest request{run.text, run.language, voice, rate, pitch};
    Status s = engine_for(run.language).synthesize(request, sink, cancel);
    if (!s.ok()) return s;
  }
  return cancel.cancelled() ? Status::cancelled() : Status();
}

}  // namespace voxwire
