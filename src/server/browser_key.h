// server/browser_key.h: API keys from browsers, which cannot set headers on
// a WebSocket. The playground offers the key as a WebSocket subprotocol,
// "voxwire.key.<key>", in Sec-WebSocket-Protocol; the server authenticates it
// as it would `Authorization: Bearer <key>` and must answer with that same
// subprotocol, or the browser drops the connection. Pure.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace voxwire::server {

struct BrowserKey {
  std::string authorization;  // "Bearer <key>"
  std::string subprotocol;    // to echo in the handshake's answer
};

// The key in a Sec-WebSocket-Protocol header value (a comma-separated list),
// or nullopt if none of its entries carries one.
std::optional<BrowserKey> browser_key(std::string_view sec_websocket_protocol);

}  // namespace voxwire::server
