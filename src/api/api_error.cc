#include "api/api_error.h"

namespace voxwire {

ApiError ApiError::invalid_api_key() { return {401, "InvalidApiKey", "Invalid API-key provided."}; }
ApiError ApiError::access_denied() { return {403, "AccessDenied", "Access denied."}; }
ApiError ApiError::model_not_found(std::string_view model) {
  return {404, "ModelNotFound", "Model not exist: '" + std::string(model) + "'."};
}
ApiError ApiError::missing_model() {
  return {400, "BadRequest.EmptyModel", "Required parameter \"model\" missing from request."};
}
ApiError ApiError::missing_input() {
  return {400, "BadRequest.EmptyInput", "Required input parameter missing from request."};
}
ApiError ApiError::invalid_parameter(std::string message) { return {400, "InvalidParameter", std::move(message)}; }
ApiError ApiError::voice_not_found(std::string_view voice) {
  return {400, "VoiceNotFound", "Voice not found: " + std::string(voice)};
}
ApiError ApiError::audio_preprocess(std::string message) { return {400, "Audio.PreprocessError", std::move(message)}; }
ApiError ApiError::download_failed(std::string message) { return {400, "InvalidFile.DownloadFailed", std::move(message)}; }
ApiError ApiError::allocation_quota(std::string message) {
  return {429, "Throttling.AllocationQuota", std::move(message)};
}
ApiError ApiError::rate_quota(std::string message) {
  if (message.empty()) message = "Requests rate limit exceeded, please try again later.";
  return {429, "Throttling.RateQuota", std::move(message)};
}
ApiError ApiError::path_not_found(std::string_view path) {
  return {404, "NotFound", "No such endpoint: " + std::string(path)};
}
ApiError ApiError::websocket_required() {
  return {426, "InvalidParameter", "This endpoint speaks WebSocket: send an Upgrade: websocket request."};
}
ApiError ApiError::too_large() { return {413, "BadRequest.TooLarge", "Payload Too Large"}; }
ApiError ApiError::timed_out() { return {408, "RequestTimeOut", "Request timed out, please try again later."}; }
ApiError ApiError::internal() {
  return {500, "InternalError", "An internal error has occured, please try again later or contact service support."};
}

ApiError ApiError::from_status(const Status& s) {
  switch (s.code()) {
    case StatusCode::kOk:
    case StatusCode::kInternal:
      break;
    case StatusCode::kInvalidArgument:
    case StatusCode::kNotSupported:
    case StatusCode::kAlreadyExists:
    case StatusCode::kNotFound:
      return invalid_parameter(s.message());
    case StatusCode::kUnauthenticated: return invalid_api_key();
    case StatusCode::kPermissionDenied: return access_denied();
    case StatusCode::kResourceExhausted: return {429, "Throttling.RateQuota", s.message()};
    case StatusCode::kCancelled:
    case StatusCode::kUnavailable:
      return {503, "ServiceUnavailable", "Service temporarily unavailable, possibly overloaded or not ready."};
    case StatusCode::kDeadlineExceeded: return timed_out();
  }
  return internal();
}

}  // namespace voxwire
