#include "customization/voice_directory.h"

#include "base/log.h"
#include "catalog/voice_lookup.h"
#include "customization/cosyvoice_enrollment.h"

namespace voxwire::customization {

store::Scope scope_of(const auth::Caller& caller) { return {caller.account, caller.workspace}; }

Result<VoiceProfile> VoiceDirectory::resolve(const catalog::ModelInfo& model, const auth::Caller& caller,
                                             std::string_view voice, std::string_view field) {
  if (model.caps.voice_kind == catalog::VoiceKind::kSystem) return catalog::resolve_voice(model, voice, field);
  auto refused = [&] {
    return Status::invalid_argument("Invalid value: '" + std::string(voice) + "'. Voice is not supported by model '" +
                                        std::string(model.name) + "'.",
                                    std::string(field));
  };
  store::Scope scope = scope_of(caller);
  Result<store::StoredVoice> found = store_.find(scope, model.caps.customization_model, voice);
  if (!found.ok()) return found.status().code() == StatusCode::kNotFound ? refused() : found.status();
  if (found->target_model != model.name) return refused();
  if (Status s = store_.mark_used(scope, found->name, clock_.now_ms()); !s.ok()) return s;
  return found->profile;
}

Result<store::StoredVoice> VoiceDirectory::enrolled_voice(const auth::Caller& caller, std::string_view model,
                                                         std::string_view voice_id) {
  const store::Scope scope = scope_of(caller);
  Result<store::StoredVoice> found = store_.find(scope, kCosyVoiceEnrollment, voice_id);
  if (!found.ok()) {
    if (found.status().code() != StatusCode::kNotFound) log::error("voice_lookup_failed", {{"error", found.status().to_string()}});
    return found;
  }
  if (found->target_model != model) return Status::not_found("'" + std::string(voice_id) + "' is not a voice of " + std::string(model));
  if (Status s = store_.mark_used(scope, found->name, clock_.now_ms()); !s.ok()) {
    log::error("voice_lookup_failed", {{"error", s.to_string()}});
    return s;
  }
  return found;
}

Result<std::string> VoiceDirectory::target_model_of(const auth::Caller& caller, std::string_view voice) {
  for (const catalog::CustomizationModel& product : catalog::customization_models()) {
    Result<store::StoredVoice> found = store_.find(scope_of(caller), product.name, voice);
    if (found.ok()) return found->target_model;
    if (found.status().code() != StatusCode::kNotFound) return found.status();
  }
  return Status::not_found("no custom voice '" + std::string(voice) + "'");
}

}  // namespace voxwire::customization
