// api/api_error.h: the documented DashScope HTTP errors (api-reference
// §1.3-§1.4) in one place — status, code and message — for every surface
// that answers over HTTP (the OpenAI-compatible one renders the same errors
// in its own shape, api/error_body.h). Pure, thread-safe.
#pragma once
#include <string>
#include <string_view>

#include "base/status.h"

namespace voxwire {

struct ApiError {
  int http_status = 500;
  std::string code;     // DashScope code, e.g. "InvalidParameter"
  std::string message;  // human-readable
  std::string param;    // the request field at fault ("voice"), if known; OpenAI bodies name it

  ApiError() = default;
  ApiError(int status, std::string dashscope_code, std::string text)
      : http_status(status), code(std::move(dashscope_code)), message(std::move(text)) {}

  static ApiError invalid_api_key();                        // 401 InvalidApiKey
  static ApiError access_denied();                          // 403 AccessDenied
  static ApiError model_not_found(std::string_view model);  // 404 ModelNotFound
  static ApiError missing_model();                          // 400 BadRequest.EmptyModel
  static ApiError missing_input();                          // 400 BadRequest.EmptyInput
  static ApiError invalid_parameter(std::string message);   // 400 InvalidParameter
  static ApiError voice_not_found(std::string_view voice);  // 400 VoiceNotFound
  static ApiError audio_preprocess(std::string message);    // 400 Audio.PreprocessError
  static ApiError download_failed(std::string message);     // 400 InvalidFile.DownloadFailed
  static ApiError allocation_quota(std::string message);    // 429 Throttling.AllocationQuota
  static ApiError rate_quota(std::string message = {});     // 429 Throttling.RateQuota
  static ApiError path_not_found(std::string_view path);    // 404 NotFound
  static ApiError websocket_required();                     // 426 InvalidParameter
  static ApiError too_large();                              // 413 BadRequest.TooLarge
  static ApiError timed_out();                              // 408 RequestTimeOut
  static ApiError internal();                               // 500 InternalError
  // The documented status and code for a Status: InvalidArgument -> 400
  // InvalidParameter, Unauthenticated -> 401, ResourceExhausted -> 429 ...
  static ApiError from_status(const Status& status);
};

}  // namespace voxwire
