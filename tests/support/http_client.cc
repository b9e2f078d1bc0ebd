#include "support/http_client.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace voxwire::testing {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;

HttpResult http_request(uint16_t port, const std::string& method, const std::string& target,
                        const std::vector<std::pair<std::string, std::string>>& headers, const std::string& body) {
  net::io_context ioc;
  beast::tcp_stream stream(ioc);
  HttpResult result;
  http::request<http::string_body> req{http::string_to_verb(method), target, 11};
  req.set(http::field::host, "127.0.0.1:" + std::to_string(port));  // as a browser or SDK sends it
  for (const auto& [k, v] : headers) req.set(k, v);
  req.body() = body;
  req.prepare_payload();
  http::response<http::string_body> res;
  beast::flat_buffer buffer;
  stream.expires_after(std::chrono::seconds(10));
  stream.async_connect(net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), port), [&](beast::error_code ec) {
    if (ec) return;
    http::async_write(stream, req, [&](beast::error_code ec2, std::size_t) {
      if (ec2) return;
      http::async_read(stream, buffer, res, [&](beast::error_code ec3, std::size_t) {
        if (ec3) return;
        result.status = static_cast<int>(res.result_int());
        result.content_type = std::string(res[http::field::content_type]);
        result.retry_after = std::string(res[http::field::retry_after]);
        result.body = res.body();
      });
    });
  });
  ioc.run_for(std::chrono::seconds(15));
  return result;
}

}  // namespace voxwire::testing
