#include "client/server_url.h"

#include <charconv>

namespace voxwire::client {

Result<ServerUrl> parse_server_url(std::string_view url) {
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) {
    return Status::invalid_argument("server URL '" + std::string(url) + "' has no scheme; use http://host:port", "url");
  }
  const std::string_view scheme = url.substr(0, scheme_end);
  if (scheme == "https" || scheme == "wss") {
    return Status::not_supported("this client speaks plain http:// and ws:// only, not " + std::string(scheme), "url");
  }
  if (scheme != "http" && scheme != "ws") {
    return Status::invalid_argument("unknown scheme '" + std::string(scheme) + "'; use http://host:port", "url");
  }
  std::string_view rest = url.substr(scheme_end + 3);
  const auto path_start = rest.find('/');
  const std::string_view authority = rest.substr(0, path_start);
  ServerUrl parsed;
  if (path_start != std::string_view::npos) {
    std::string_view path = rest.substr(path_start);
    while (!path.empty() && path.back() == '/') path.remove_suffix(1);
    parsed.path_prefix = std::string(path);
  }
  const auto colon = authority.rfind(':');
  const bool bracketed_ipv6 = authority.find(']') != std::string_view::npos && colon < authority.find(']');
  if (colon == std::string_view::npos || bracketed_ipv6) {
    parsed.host = std::string(authority);
    parsed.port = "80";
  } else {
    parsed.host = std::string(authority.substr(0, colon));
    parsed.port = std::string(authority.substr(colon + 1));
    int port = 0;
    auto [end, error] = std::from_chars(parsed.port.data(), parsed.port.data() + parsed.port.size(), port);
    if (error != std::errc() || end != parsed.port.data() + parsed.port.size() || port < 1 || port > 65535) {
      return Status::invalid_argument("bad port '" + parsed.port + "' in server URL", "url");
    }
  }
  if (parsed.host.size() > 1 && parsed.host.front() == '[' && parsed.host.back() == ']') {
    parsed.host = parsed.host.substr(1, parsed.host.size() - 2);
  }
  if (parsed.host.empty()) return Status::invalid_argument("server URL '" + std::string(url) + "' has no host", "url");
  return parsed;
}

}  // namespace voxwire::client
