// client/client_options.h: what every client command needs to reach a
// server, and the exit codes they share. Thread-safe (no shared state).
#pragma once
#include <string>

#include "base/result.h"
#include "client/server_url.h"

namespace voxwire::client {

struct ServerOptions {
  std::string url = "http://127.0.0.1:8080";  // --url / VOXWIRE_URL
  std::string api_key;                        // --api-key / DASHSCOPE_API_KEY
};

// The parsed URL, or InvalidArgument in plain words for no API key or a bad
// URL (checked before anything is sent).
Result<ServerUrl> checked_server(const ServerOptions& options);

constexpr int kExitServerError = 1;  // the server refused, failed or could not be reached
constexpr int kExitBadInput = 2;     // the command line or the local input is wrong

}  // namespace voxwire::client
