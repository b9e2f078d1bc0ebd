// server/http_error.h: API answers (api/api_reply.h) and errors
// (api/api_error.h) as complete HTTP responses, errors in the endpoint's
// dialect (api/error_body.h; DashScope bodies carry the request_id).
// Pure, thread-safe.
#pragma once
#include <string>

#include <boost/beast/http.hpp>

#include "api/api_reply.h"
#include "api/error_body.h"

namespace voxwire::server {

namespace http = boost::beast::http;

http::response<http::string_body> error_response(const ApiError& error, ErrorDialect dialect, unsigned http_version,
                                                 bool keep_alive, const std::string& request_id);
// A successful ApiReply with request_id added to its body; an error one as
// error_response().
http::response<http::string_body> json_response(const ApiReply& reply, ErrorDialect dialect, unsigned http_version,
                                                bool keep_alive, const std::string& request_id);

}  // namespace voxwire::server
