// customization/customization_service.h: POST /api/v1/services/audio/tts/
// customization — one voice-creation core (voice_creation.h) behind two wire
// formats, dispatched on `model`: the Qwen products `qwen-voice-design` and
// `qwen-voice-enrollment` (qwen_voices.h, api-reference §4-§6) and CosyVoice's
// `voice-enrollment` (cosyvoice_enrollment.h, api-reference-cosyvoice §13),
// on the caller's voices in the VoiceStore. Transport-agnostic: it takes the
// parsed body and answers through a callback. Thread-safe.
#pragma once
#include <functional>

#include <boost/json.hpp>

#include "api/api_reply.h"
#include "auth/api_keys.h"
#include "base/clock.h"
#include "catalog/model_catalog.h"
#include "customization/cosyvoice_enrollment.h"
#include "customization/qwen_voices.h"
#include "customization/voice_creation.h"
#include "metering/meter.h"
#include "store/voice_store.h"
#include "synthesis/synthesis_service.h"

namespace voxwire::customization {

class CustomizationService {
 public:
  // REQUIRES: the references outlive the service.
  CustomizationService(store::VoiceStore& store, const catalog::ModelCatalog& models,
                       synthesis::SynthesisService& synthesis, metering::Meter& meter, const Clock& clock,
                       CustomizationConfig config = {});

  // Handles one request body. `done` is called exactly once, maybe on another
  // thread, with the documented answer: 200 {"output", "usage"} or an error
  // (400 BadRequest.EmptyModel / EmptyInput, 404 ModelNotFound, or the
  // product's own errors: see QwenVoices and CosyVoiceEnrollment).
  void handle(const auth::Caller& caller, const boost::json::object& body, std::function<void(ApiReply)> done);

  // Downloads other audio a request names (SSML sounds): VoiceCreation::fetch.
  void fetch_audio(std::string url, std::size_t max_bytes, std::function<void(Result<std::string>)> done) {
    creation_.fetch(std::move(url), max_bytes, std::move(done));
  }

 private:
  VoiceCreation creation_;
  QwenVoices qwen_;
  CosyVoiceEnrollment cosyvoice_;
};

}  // namespace voxwire::customization
