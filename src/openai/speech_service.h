// openai/speech_service.h: POST /v1/audio/speech, OpenAI's text-to-speech API.
// Validates the JSON request (model, input, voice, response_format, speed,
// instructions), maps OpenAI's names onto voxwire's (openai_names.h) and
// streams the encoded audio as the response body while it is synthesized.
// Errors before the first byte are ApiErrors naming the field in `param`; a
// failure after it truncates the body. Thread-safe.
#pragma once
#include <memory>

#include <boost/json.hpp>

#include "api/api_responder.h"
#include "auth/api_keys.h"
#include "catalog/model_catalog.h"
#include "customization/voice_directory.h"
#include "metering/meter.h"
#include "synthesis/synthesis_service.h"

namespace voxwire::openai {

inline constexpr int kOutputSampleRateHz = 24000;  // every format; pcm is s16le mono at this rate
inline constexpr int kBitRateKbps = 64;            // mp3, opus, aac
inline constexpr std::size_t kMaxInputCharacters = 4096;
inline constexpr double kMinSpeed = 0.25;
inline constexpr double kMaxSpeed = 4.0;

class SpeechService {
 public:
  // REQUIRES: the references outlive the service.
  SpeechService(const catalog::ModelCatalog& models, customization::VoiceDirectory& voices,
                synthesis::SynthesisService& synthesis, metering::Meter& meter)
      : models_(models), voices_(voices), synthesis_(synthesis), meter_(meter) {}

  // Answers one request: a 400 (field in `param`) for a bad field, 500 if
  // the voice store fails, else a 200 stream of audio in the requested format.
  void handle(const auth::Caller& caller, const boost::json::object& body, std::shared_ptr<ApiResponder> responder);

 private:
  const catalog::ModelCatalog& models_;
  customization::VoiceDirectory& voices_;
  synthesis::SynthesisService& synthesis_;
  metering::Meter& meter_;
};

}  // namespace voxwire::openai
