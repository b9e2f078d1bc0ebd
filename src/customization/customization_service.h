// customization/customization_service.h: POST /api/v1/services/audio/tts/
// customization (api-reference §4-§6): voice design (`qwen-voice-design`) and
// voice cloning (`qwen-voice-enrollment`), actions create / list / query /
// delete, on the caller's voices in the VoiceStore. Transport-agnostic: it
// takes the parsed body and answers through a callback. Thread-safe.
#pragma once
#include <cstddef>
#include <functional>
#include <memory>

#include <boost/json.hpp>

#include "api/api_reply.h"
#include "auth/api_keys.h"
#include "base/clock.h"
#include "catalog/model_catalog.h"
#include "metering/meter.h"
#include "store/voice_store.h"
#include "synthesis/synthesis_service.h"
#include "synthesis/worker_pool.h"

namespace voxwire::customization {

struct CustomizationConfig {
  int max_voices_per_account = 1000;             // per product (design, cloning), all workspaces
  std::size_t max_audio_bytes = 10u << 20;       // reference recordings: data URI text or download
  int fetch_timeout_ms = 10000;                  // downloading an http(s) recording
  bool allow_private_urls = false;               // let recordings come from loopback/private addresses
};

class CustomizationService {
 public:
  // REQUIRES: the references outlive the service.
  // REQUIRES: the references outlive the service.
  CustomizationService(store::VoiceStore& store, const catalog::ModelCatalog& models,
                       synthesis::SynthesisService& synthesis, metering::Meter& meter, const Clock& clock,
                       CustomizationConfig config = {});
  ~CustomizationService();

  // Handles one request body. `done` is called exactly once, maybe on another
  // thread, with the documented answer: 200 {"output", "usage"} or an error
  // (400 InvalidParameter / VoiceNotFound / Audio.PreprocessError,
  // BadRequest.EmptyModel / EmptyInput, 404 ModelNotFound, 413, 429
  // Throttling.AllocationQuota, 500).
  void handle(const auth::Caller& caller, const boost::json::object& body, std::function<void(ApiReply)> done);

 private:
  struct Request;
  void create_design(std::shared_ptr<Request> request);
  void create_enrollment(std::shared_ptr<Request> request);
  ApiReply list(const Request& request);
  ApiReply query(const Request& request);
  ApiReply remove(const Request& request);
  // Stores a created voice and answers; `output` is the success body's output.
  void finish_create(const Request& request, store::StoredVoice voice, boost::json::object output);

  store::VoiceStore& store_;
  metering::Meter& meter_;
  const catalog::ModelCatalog& models_;
  synthesis::SynthesisService& synthesis_;
  const Clock& clock_;
  const CustomizationConfig config_;
  synthesis::WorkerPool blocking_;  // downloads and recording analysis, off the network threads
};

}  // namespace voxwire::customization
