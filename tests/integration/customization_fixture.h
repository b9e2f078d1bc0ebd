// Shared set-up for tests of the customization endpoint and custom voices:
// JSON POSTs over loopback and ready-made reference recordings.
#pragma once
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include <boost/json.hpp>

#include "integration/test_server.h"

namespace voxwire::testing {

inline constexpr const char* kCustomizationPath = "/api/v1/services/audio/tts/customization";
inline constexpr const char* kDesignModel = "qwen3-tts-vd-realtime-2025-12-16";
inline constexpr const char* kCloneModel = "qwen3-tts-vc-realtime-2025-11-27";

struct JsonReply {
  int status = 0;
  boost::json::object body;  // {} if the body was not a JSON object
};

JsonReply post_customization(const TestServer& server, const boost::json::object& body,
                             const std::string& key = kTestKey, const std::string& workspace = "");
// POSTs `body` as it is with exactly `headers` (e.g. the SDK's).
JsonReply post_customization_text(const TestServer& server, const std::string& body,
                                  const std::vector<std::pair<std::string, std::string>>& headers);

// A voice_design create with these fields over sensible defaults.
boost::json::object design_request(boost::json::object input_overrides = {}, boost::json::object parameters = {});
// A qwen-voice-enrollment create of `audio_data` (a data URI or a URL).
boost::json::object clone_request(const std::string& audio_data, boost::json::object input_overrides = {});

// ~15 s of one human speaker (three librivox recordings joined with sox),
// as WAV bytes; `sox_effects` (e.g. "pitch 400") are applied when given.
std::string reference_recording_wav(const std::string& sox_effects = "");
std::string data_uri(const std::string& media_type, const std::string& bytes);

}  // namespace voxwire::testing
