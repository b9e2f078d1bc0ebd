// client/api_error_text.h: a server's error answers in plain words for the
// command line. Pure functions; thread-safe.
#pragma once
#include <string>
#include <string_view>

#include <boost/json/object.hpp>

#include "base/status.h"

namespace voxwire::client {

// An HTTP error answer (also a refused WebSocket handshake): the documented
// body {"request_id","code","message"} becomes "<message> (<code>, HTTP
// <status>)"; a body that is not that JSON is quoted (shortened) instead.
std::string describe_http_error(int status, std::string_view body);

// The StatusCode of an HTTP error status (401 Unauthenticated, 404 NotFound,
// 429 ResourceExhausted, other 4xx InvalidArgument, 5xx Unavailable).
StatusCode status_code_for_http(int status);

// A realtime `error` event: "<message> (<code>, <param>)", the parts that
// are present.
std::string describe_error_event(const boost::json::object& event);

}  // namespace voxwire::client
