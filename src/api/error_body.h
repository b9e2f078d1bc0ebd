// api/error_body.h: the JSON body of an ApiError in each dialect the HTTP
// server speaks: DashScope's {"request_id", "code", "message"}, and OpenAI's
// {"error": {"message", "type", "param", "code"}} for the /v1/ endpoints.
// Pure, thread-safe.
#pragma once
#include <string_view>

#include <boost/json.hpp>

#include "api/api_error.h"

namespace voxwire {

enum class ErrorDialect { kDashScope, kOpenAi };

// The dialect of the endpoint at `path`: OpenAI's for paths under /v1/.
ErrorDialect dialect_for_path(std::string_view path);

// OpenAI bodies carry no request id (the X-Request-Id header does); `type` is
// invalid_request_error (4xx), "requests" (429) or server_error (5xx); `code`
// is invalid_api_key (401), rate_limit_exceeded (429), model_not_found (404
// ModelNotFound), unknown_url (404 NotFound), request_too_large (413),
// invalid_value (400 naming a param) or null; `param` is null unless named.
boost::json::object error_body(const ApiError& error, ErrorDialect dialect, std::string_view request_id);

}  // namespace voxwire
