#include "client/client_options.h"

namespace voxwire::client {

Result<ServerUrl> checked_server(const ServerOptions& options) {
  if (options.api_key.empty()) {
    return Status::invalid_argument("no API key: pass --api-key or set DASHSCOPE_API_KEY", "api_key");
  }
  return parse_server_url(options.url);
}

}  // namespace voxwire::client
