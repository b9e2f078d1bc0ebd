#include "server/http_error.h"

#include <boost/json.hpp>

#include "base/ids.h"

namespace voxwire::server {

HttpError HttpError::invalid_api_key() { return {http::status::unauthorized, "InvalidApiKey", "Invalid API-key provided."}; }

HttpError HttpError::model_not_found(std::string_view model) {
  return {http::status::not_found, "ModelNotFound", "Model not exist: '" + std::string(model) + "'."};
}

HttpError HttpError::missing_model() {
  return {http::status::bad_request, "BadRequest.EmptyModel", "Required parameter \"model\" missing from request."};
}

HttpError HttpError::invalid_parameter(std::string message) {
  return {http::status::bad_request, "InvalidParameter", std::move(message)};
}

HttpError HttpError::path_not_found(std::string_view path) {
  return {http::status::not_found, "NotFound", "No such endpoint: " + std::string(path)};
}

HttpError HttpError::websocket_required() {
  return {http::status::upgrade_required, "InvalidParameter",
          "This endpoint speaks WebSocket: send an Upgrade: websocket request."};
}

HttpError HttpError::too_large() { return {http::status::payload_too_large, "BadRequest.TooLarge", "Payload Too Large"}; }

HttpError HttpError::timed_out() {
  return {http::status::request_timeout, "RequestTimeOut", "Request timed out, please try again later."};
}

HttpError HttpError::from_status(const Status& s) {
  switch (s.code()) {
    case StatusCode::kOk:
    case StatusCode::kInternal:
      break;
    case StatusCode::kInvalidArgument:
    case StatusCode::kNotSupported:
      return invalid_parameter(s.message());
    case StatusCode::kNotFound: return {http::status::bad_request, "InvalidParameter", s.message()};
    case StatusCode::kUnauthenticated: return invalid_api_key();
    case StatusCode::kPermissionDenied: return {http::status::forbidden, "AccessDenied", "Access denied."};
    case StatusCode::kResourceExhausted:
      return {http::status::too_many_requests, "Throttling.RateQuota", s.message()};
    case StatusCode::kCancelled:
    case StatusCode::kUnavailable:
      return {http::status::service_unavailable, "ServiceUnavailable",
              "Service temporarily unavailable, possibly overloaded or not ready."};
    case StatusCode::kDeadlineExceeded: return timed_out();
  }
  return {http::status::internal_server_error, "InternalError",
          "An internal error has occured, please try again later or contact service support."};
}

http::response<http::string_body> error_response(const HttpError& error, unsigned http_version, bool keep_alive,
                                                 std::string request_id) {
  if (request_id.empty()) request_id = ids::uuid();
  http::response<http::string_body> res{error.status, http_version};
  res.set(http::field::server, "voxwire");
  res.set(http::field::content_type, "application/json");
  if (error.status == http::status::upgrade_required) res.set(http::field::upgrade, "websocket");
  res.keep_alive(keep_alive);
  res.body() = boost::json::serialize(
      boost::json::object{{"request_id", request_id}, {"code", error.code}, {"message", error.message}});
  res.prepare_payload();
  return res;
}

}  // namespace voxwire::server
