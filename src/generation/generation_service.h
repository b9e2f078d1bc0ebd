// generation/generation_service.h: one-shot synthesis, POST /api/v1/services/
// aigc/multimodal-generation/generation (api-reference §3): validates the
// request like the SDK sends it, synthesizes with the shared engines and
// pipeline, and answers either with JSON pointing at a WAV file (valid 24 h)
// or as Server-Sent Events of base64 PCM chunks ending with the file's URL.
// Thread-safe.
#pragma once
#include <memory>

#include <boost/json.hpp>

#include "api/api_responder.h"
#include "auth/api_keys.h"
#include "catalog/model_catalog.h"
#include "customization/voice_directory.h"
#include "generation/audio_files.h"
#include "metering/meter.h"
#include "synthesis/synthesis_service.h"

namespace voxwire::generation {

inline constexpr int kOutputSampleRateHz = 24000;  // WAV file and PCM stream (§3.3)
inline constexpr int64_t kFileTtlSeconds = 24 * 3600;

class GenerationService {
 public:
  // REQUIRES: the references outlive the service.
  GenerationService(const catalog::ModelCatalog& models, customization::VoiceDirectory& voices,
                    synthesis::SynthesisService& synthesis, AudioFiles& files, metering::Meter& meter)
      : models_(models), voices_(voices), synthesis_(synthesis), files_(files), meter_(meter) {}

  // Handles one request. `sse_requested`: the headers asked for a stream
  // (X-DashScope-SSE: enable, or Accept: text/event-stream); the body's
  // parameters.stream does too. Errors found before synthesis starts are a
  // JSON reply (400 InvalidParameter, BadRequest.EmptyInput/EmptyModel, 404
  // ModelNotFound); an error mid-stream is an `event:error` event.
  void handle(const auth::Caller& caller, const boost::json::object& body, bool sse_requested,
              std::shared_ptr<ApiResponder> responder);

 private:
  const catalog::ModelCatalog& models_;
  customization::VoiceDirectory& voices_;
  synthesis::SynthesisService& synthesis_;
  AudioFiles& files_;
  metering::Meter& meter_;
};

}  // namespace voxwire::generation
