// catalog/voice_lookup.h: finds the voice a request names for a model, with
// the documented error when the model does not take it. Thread-safe.
#pragma once
#include <string_view>

#include "base/result.h"
#include "catalog/model_catalog.h"
#include "voice/voice_profile.h"

namespace voxwire::catalog {

// The profile of `voice` (canonical name in profile.name) if `model` accepts
// it; otherwise InvalidArgument "Invalid value: '<voice>'. Voice is not
// supported by model '<model>'." with `field` as the offending field.
Result<VoiceProfile> resolve_voice(const ModelInfo& model, std::string_view voice, std::string_view field);

}  // namespace voxwire::catalog
