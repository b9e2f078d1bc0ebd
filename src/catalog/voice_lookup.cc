#include "catalog/voice_lookup.h"

#include <string>

namespace voxwire::catalog {

Result<VoiceProfile> resolve_voice(const ModelInfo& model, std::string_view voice, std::string_view field) {
  if (const SystemVoice* system = accepted_system_voice(model, voice)) return system->profile;
  return Status::invalid_argument("Invalid value: '" + std::string(voice) + "'. Voice is not supported by model '" +
                                      std::string(model.name) + "'.",
                                  std::string(field));
}

}  // namespace voxwire::catalog
