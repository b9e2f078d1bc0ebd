// customization/cosyvoice_enrollment.h: the CosyVoice wire format of the
// customization endpoint (api-reference-cosyvoice §13): model
// `voice-enrollment`, actions create_voice (a clone from input.url or a
// design from input.voice_prompt), list_voice, query_voice, update_voice
// (clones) and delete_voice, clones and designs in one collection under one
// quota. Voices are made by VoiceCreation, like the Qwen products'. Thread-safe.
#pragma once
#include <functional>
#include <memory>
#include <string_view>

#include <boost/json.hpp>

#include "api/api_reply.h"
#include "auth/api_keys.h"
#include "customization/voice_creation.h"

namespace voxwire::customization {

// The customization model, and the collection its voices are stored in.
inline constexpr std::string_view kCosyVoiceEnrollment = "voice-enrollment";

class CosyVoiceEnrollment {
 public:
  // REQUIRES: creation outlives this object.
  explicit CosyVoiceEnrollment(VoiceCreation& creation) : creation_(creation) {}

  // Serves one request (input = the body's input object). `done` is called
  // exactly once, maybe on another thread: 200 {"output", "usage":
  // {"count": 1}} or 400 InvalidParameter / InvalidFile.DownloadFailed /
  // Audio.PreprocessError, 413, 429 Throttling.AllocationQuota, 500.
  void handle(const auth::Caller& caller, const boost::json::object& input, const boost::json::object& parameters,
              std::function<void(ApiReply)> done);

 private:
  struct Request;
  void create_clone(std::shared_ptr<Request> request);
  void create_design(std::shared_ptr<Request> request);
  void update(std::shared_ptr<Request> request);
  ApiReply list(const Request& request);
  ApiReply query(const Request& request);
  ApiReply remove(const Request& request);

  VoiceCreation& creation_;
};

}  // namespace voxwire::customization
