// libFuzzer target: the voice description and instruction parser (voice
// design's voice_prompt, instruct models' instructions): any text, Chinese,
// English or neither, yields a profile inside the documented ranges.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "voice/voice_description.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace voxwire;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const InterpretedVoice designed = design_voice(text);
  const VoiceProfile& p = designed.profile;
  if (!(p.median_f0_hz >= 50 && p.median_f0_hz <= 500) || !std::isfinite(p.speaking_rate) ||
      !std::isfinite(p.formant_scale)) {
    std::abort();
  }
  const InterpretedVoice instructed = apply_instructions(p, text);
  if (!std::isfinite(instructed.profile.median_f0_hz)) std::abort();
  return 0;
}
