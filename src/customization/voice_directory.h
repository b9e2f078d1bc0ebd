// customization/voice_directory.h: which voice a synthesis request names,
// for a model and a caller — a system voice from the catalogue, or a custom
// voice of the caller's scope whose target_model is exactly the model
// (api-reference §4 pairing rules; for CosyVoice's voice-enrollment voices,
// api-reference-cosyvoice §13.3) — and recording that a custom voice was
// used. Thread-safe.
#pragma once
#include <string>
#include <string_view>

#include "auth/api_keys.h"
#include "base/clock.h"
#include "base/result.h"
#include "catalog/model_catalog.h"
#include "store/voice_store.h"
#include "voice/voice_profile.h"

namespace voxwire::customization {

// The store scope of a caller.
store::Scope scope_of(const auth::Caller& caller);

class VoiceDirectory {
 public:
  VoiceDirectory(store::VoiceStore& store, const Clock& clock) : store_(store), clock_(clock) {}

  // The profile of `voice` if `model` may speak it for `caller`; otherwise
  // InvalidArgument "Invalid value: '<voice>'. Voice is not supported by
  // model '<model>'." naming `field`. System-voice models take only system
  // voices, designed/cloned-voice models only the caller's voices of their
  // kind created for exactly this model. A custom voice's last use is
  // recorded. Internal on a store failure.
  Result<VoiceProfile> resolve(const catalog::ModelInfo& model, const auth::Caller& caller, std::string_view voice,
                               std::string_view field);

  // The caller's CosyVoice voice (voice-enrollment, api-reference-cosyvoice
  // §13) `voice_id` if it was made for `model`, recording its use; NotFound
  // if the caller's scope has none made for that model; Internal on a store
  // failure (logged).
  Result<store::StoredVoice> enrolled_voice(const auth::Caller& caller, std::string_view model,
                                            std::string_view voice_id);

  // The model the caller's voice `voice` of a Qwen product (qwen-voice-design,
  // qwen-voice-enrollment) was created for (its target_model, the only model
  // that speaks it); NotFound if the caller's scope has no such voice;
  // Internal on a store failure.
  Result<std::string> target_model_of(const auth::Caller& caller, std::string_view voice);

 private:
  store::VoiceStore& store_;
  const Clock& clock_;
};

}  // namespace voxwire::customization
