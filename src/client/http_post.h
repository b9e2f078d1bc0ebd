// client/http_post.h: one blocking JSON POST to the server, bounded in time,
// for the customization API. Each call opens and closes its own connection;
// thread-safe (no shared state).
#pragma once
#include <chrono>
#include <string>

#include "base/result.h"
#include "client/server_url.h"

namespace voxwire::client {

struct HttpReply {
  int status = 0;
  std::string body;
};

// POSTs `json_body` to server.path_prefix + path with `Authorization: Bearer
// <api_key>`. Any HTTP status is a reply (the caller judges it). Unavailable
// when the server cannot be resolved or reached or the connection fails;
// DeadlineExceeded when the whole exchange takes longer than `timeout`.
Result<HttpReply> post_json(const ServerUrl& server, const std::string& path, const std::string& api_key,
                            const std::string& json_body, std::chrono::seconds timeout);

}  // namespace voxwire::client
