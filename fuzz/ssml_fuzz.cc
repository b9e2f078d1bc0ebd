// libFuzzer target: the SSML parser and renderer (CosyVoice <speak>
// documents): any bytes yield a plan or an InvalidArgument, never a crash;
// a plan's breaks stay within 10 s, its sounds have URLs, bgm volumes are
// 0..100 and forced readings lie inside their text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ssml/speech_plan.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace voxwire;
  const std::string_view document(reinterpret_cast<const char*>(data), size);
  for (LanguageType language : {LanguageType(), LanguageType(Language::kEnglish)}) {
    Result<ssml::SpeechPlan> plan = ssml::render_ssml(document, language);
    if (!plan.ok()) {
      if (plan.status().code() != StatusCode::kInvalidArgument || plan.status().message().empty()) std::abort();
      continue;
    }
    for (const ssml::PlanStep& step : plan->steps) {
      if (const auto* silence = std::get_if<ssml::Silence>(&step)) {
        if (silence->ms < 50 || silence->ms > 10000) std::abort();
        continue;
      }
      if (const auto* sound = std::get_if<ssml::Sound>(&step)) {
        if (sound->url.empty()) std::abort();
        continue;
      }
      const auto& speech = std::get<ssml::SpeechSegment>(step);
      if (speech.settings.bgm_volume < 0 || speech.settings.bgm_volume > 100) std::abort();
      std::size_t at = 0;
      for (const text::ForcedReading& r : speech.readings) {
        if (r.begin < at || r.begin >= r.end || r.end > speech.text.size()) std::abort();
        at = r.end;
      }
    }
  }
  return 0;
}
