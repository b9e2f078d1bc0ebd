// server/http_error.h: API answers (api/api_reply.h) and errors
// (api/api_error.h) as complete HTTP responses with a request_id in the body.
// Pure, thread-safe.
#pragma once
#include <string>

#include <boost/beast/http.hpp>

#include "api/api_reply.h"

namespace voxwire::server {

namespace http = boost::beast::http;

http::response<http::string_body> error_response(const ApiError& error, unsigned http_version, bool keep_alive,
                                                 const std::string& request_id);
// An ApiReply with request_id added to its body.
http::response<http::string_body> json_response(const ApiReply& reply, unsigned http_version, bool keep_alive,
                                                const std::string& request_id);

}  // namespace voxwire::server
