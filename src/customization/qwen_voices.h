// customization/qwen_voices.h: the Qwen wire format of the customization
// endpoint (api-reference §4-§6): `qwen-voice-design` and
// `qwen-voice-enrollment`, actions create / list / query / delete, each
// product's voices in its own collection. Voices are made by VoiceCreation.
// Thread-safe.
#pragma once
#include <functional>
#include <memory>

#include <boost/json.hpp>

#include "api/api_reply.h"
#include "auth/api_keys.h"
#include "catalog/model_catalog.h"
#include "customization/voice_creation.h"

namespace voxwire::customization {

class QwenVoices {
 public:
  // REQUIRES: the references outlive this object.
  QwenVoices(VoiceCreation& creation, const catalog::ModelCatalog& models) : creation_(creation), models_(models) {}

  // Serves one request of `product` (input = the body's input object).
  // `done` is called exactly once, maybe on another thread: 200 {"output",
  // "usage"} or 400 InvalidParameter / VoiceNotFound / Audio.PreprocessError,
  // 413, 429 Throttling.AllocationQuota, 500.
  void handle(const auth::Caller& caller, const catalog::CustomizationModel& product, const boost::json::object& input,
              const boost::json::object& parameters, std::function<void(ApiReply)> done);

 private:
  struct Request;
  void create_design(std::shared_ptr<Request> request);
  void create_enrollment(std::shared_ptr<Request> request);
  ApiReply list(const Request& request);
  ApiReply query(const Request& request);
  ApiReply remove(const Request& request);
  // Saves a created voice and answers; `output` is the success body's output.
  void finish_create(const Request& request, const store::StoredVoice& voice, boost::json::object output);

  VoiceCreation& creation_;
  const catalog::ModelCatalog& models_;
};

}  // namespace voxwire::customization
