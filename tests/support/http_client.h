// A blocking HTTP/1.1 test client over loopback, bounded in time.
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace voxwire::testing {

struct HttpResult {
  int status = 0;  // 0: no response
  std::string content_type;
  std::string retry_after;  // the Retry-After header, if any
  std::string body;
};

HttpResult http_request(uint16_t port, const std::string& method, const std::string& target,
                        const std::vector<std::pair<std::string, std::string>>& headers = {},
                        const std::string& body = {});

}  // namespace voxwire::testing
