// client/server_url.h: where the command-line client finds a voxwire (or
// DashScope-compatible) server, parsed from --url / VOXWIRE_URL.
// Plain values; thread-safe. Only http:// and ws:// (no TLS).
#pragma once
#include <string>
#include <string_view>

#include "base/result.h"

namespace voxwire::client {

struct ServerUrl {
  std::string host;         // name or address, as given
  std::string port;         // "80" when the URL names none
  std::string path_prefix;  // "" or e.g. "/tts" (no trailing slash), prepended to every path

  std::string host_header() const { return host + ":" + port; }
};

// Accepts "http://host[:port][/prefix]" and "ws://…" (the same server either
// way). InvalidArgument for https/wss (not supported), another scheme, an
// empty host or a bad port.
Result<ServerUrl> parse_server_url(std::string_view url);

}  // namespace voxwire::client
