// client/customization_call.h: one call of the customization API (POST
// /api/v1/services/audio/tts/customization: voice design and cloning), with
// the server's errors in plain words. Blocking; thread-safe.
#pragma once
#include <string>
#include <string_view>

#include <boost/json/object.hpp>

#include "base/result.h"
#include "client/server_url.h"

namespace voxwire::client {

inline constexpr std::string_view kDesignProduct = "qwen-voice-design";
inline constexpr std::string_view kCloningProduct = "qwen-voice-enrollment";

// Sends {"model": product, "input": input, "parameters": parameters} and
// returns the whole JSON answer of a 200. Unavailable / DeadlineExceeded
// when the server cannot be reached or does not answer within 120 s; for an
// HTTP error, status_code_for_http() with a message describing the server's
// {code, message} body.
Result<boost::json::object> call_customization(const ServerUrl& server, const std::string& api_key,
                                               std::string_view product,
                                               boost::json::object input, boost::json::object parameters = {});

}  // namespace voxwire::client
