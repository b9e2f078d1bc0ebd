#include "client/api_error_text.h"

#include <boost/json/parse.hpp>

namespace voxwire::client {
namespace {

std::string string_field(const boost::json::object& object, std::string_view key) {
  const boost::json::value* value = object.if_contains(key);
  return value && value->is_string() ? std::string(value->as_string()) : std::string();
}

// "<message> (<detail>, <detail>)", leaving out empty details.
std::string message_with_details(std::string message, std::initializer_list<std::string> details) {
  std::string joined;
  for (const std::string& detail : details) {
    if (detail.empty()) continue;
    joined += (joined.empty() ? "" : ", ") + detail;
  }
  if (message.empty()) message = "the server reported an error";
  return joined.empty() ? message : message + " (" + joined + ")";
}

}  // namespace

StatusCode status_code_for_http(int status) {
  switch (status) {
    case 401: return StatusCode::kUnauthenticated;
    case 403: return StatusCode::kPermissionDenied;
    case 404: return StatusCode::kNotFound;
    case 429: return StatusCode::kResourceExhausted;
    default: return status >= 500 ? StatusCode::kUnavailable : StatusCode::kInvalidArgument;
  }
}

std::string describe_http_error(int status, std::string_view body) {
  const std::string http = "HTTP " + std::to_string(status);
  boost::system::error_code error;
  boost::json::value parsed = boost::json::parse(body, error);
  if (!error && parsed.is_object()) {
    const boost::json::object& object = parsed.as_object();
    return message_with_details(string_field(object, "message"), {string_field(object, "code"), http});
  }
  constexpr std::size_t kQuoted = 200;
  std::string quoted(body.substr(0, kQuoted));
  if (quoted.empty()) return "the server answered " + http + " with an empty body";
  return "the server answered " + http + ": " + quoted + (body.size() > kQuoted ? "…" : "");
}

std::string describe_error_event(const boost::json::object& event) {
  const boost::json::value* error = event.if_contains("error");
  if (!error || !error->is_object()) return "the server reported an error without details";
  const boost::json::object& details = error->as_object();
  return message_with_details(string_field(details, "message"),
                              {string_field(details, "code"), string_field(details, "param")});
}

}  // namespace voxwire::client
