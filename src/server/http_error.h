// server/http_error.h: the documented DashScope HTTP errors (api-reference
// §1.3-§1.4) in one place: status, code and message, and their JSON response
// `{"request_id", "code", "message"}`. Pure, thread-safe.
#pragma once
#include <string>
#include <string_view>

#include <boost/beast/http.hpp>

#include "base/status.h"

namespace voxwire::server {

namespace http = boost::beast::http;

struct HttpError {
  http::status status = http::status::internal_server_error;
  std::string code;     // DashScope code, e.g. "InvalidParameter"
  std::string message;  // human-readable

  static HttpError invalid_api_key();                      // 401 InvalidApiKey
  static HttpError model_not_found(std::string_view model);  // 404 ModelNotFound
  static HttpError missing_model();                        // 400 BadRequest.EmptyModel
  static HttpError invalid_parameter(std::string message); // 400 InvalidParameter
  static HttpError path_not_found(std::string_view path);  // 404 NotFound
  static HttpError websocket_required();                   // 426 InvalidParameter
  static HttpError too_large();                            // 413 BadRequest.TooLarge
  static HttpError timed_out();                            // 408 RequestTimeOut
  // The documented status and code for a Status (InvalidArgument -> 400
  // InvalidParameter, Unauthenticated -> 401, ResourceExhausted -> 429 ...).
  static HttpError from_status(const Status& status);
};

// A complete JSON error response; request_id is made up when empty.
http::response<http::string_body> error_response(const HttpError& error, unsigned http_version, bool keep_alive,
                                                 std::string request_id = {});

}  // namespace voxwire::server
