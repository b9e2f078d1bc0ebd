#include "synthesis/instructed_voice.h"

#include "voice/voice_description.h"

namespace voxwire::synthesis {

VoiceProfile instructed_voice(const catalog::ModelInfo& model, const VoiceProfile& voice,
                              std::string_view instructions) {
  if (!model.caps.instructions || instructions.empty()) return voice;
  return apply_instructions(voice, instructions).profile;
}

}  // namespace voxwire::synthesis
