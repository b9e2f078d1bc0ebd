// synthesis/instructed_voice.h: the voice a request speaks with once its
// `instructions` are applied — only on models with instruction control
// (api-reference §9.1); other models ignore them. Pure, thread-safe.
#pragma once
#include <cstddef>
#include <string_view>

#include "catalog/model_catalog.h"
#include "voice/voice_profile.h"

namespace voxwire::synthesis {

// The longest `instructions` a request may carry, in estimate_tokens() (§9.1).
inline constexpr std::size_t kMaxInstructionTokens = 1600;

VoiceProfile instructed_voice(const catalog::ModelInfo& model, const VoiceProfile& voice,
                              std::string_view instructions);

}  // namespace voxwire::synthesis
