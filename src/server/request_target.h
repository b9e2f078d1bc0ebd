// server/request_target.h: the path and query parameters of an HTTP request
// target ("/api-ws/v1/realtime?model=x"). Pure, thread-safe.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace voxwire::server {

struct RequestTarget {
  std::string_view path;   // before '?'
  std::string_view query;  // after '?', may be empty
};

RequestTarget split_target(std::string_view target);
// The percent-decoded value of the first `name` parameter ('+' is a space),
// or nullopt if absent or malformed.
std::optional<std::string> query_param(std::string_view query, std::string_view name);

}  // namespace voxwire::server
