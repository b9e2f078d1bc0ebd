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
