#include "client/http_post.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "client/tcp_connect.h"

namespace voxwire::client {

namespace beast = boost::beast;
namespace http = beast::http;

Result<HttpReply> post_json(const ServerUrl& server, const std::string& path, const std::string& api_key,
                            const std::string& json_body, std::chrono::seconds timeout) {
  boost::asio::io_context ioc;
  beast::tcp_stream stream(ioc);
  stream.expires_after(timeout);
  if (Status connected = tcp_connect(ioc, stream, server); !connected.ok()) return connected;

  http::request<http::string_body> request{http::verb::post, server.path_prefix + path, 11};
  request.set(http::field::host, server.host_header());
  request.set(http::field::authorization, "Bearer " + api_key);
  request.set(http::field::content_type, "application/json");
  request.set(http::field::user_agent, "voxwire-cli");
  request.body() = json_body;
  request.prepare_payload();

  http::response_parser<http::string_body> parser;
  parser.body_limit(256 * 1024 * 1024);  // a preview clip of 1024 characters at 48 kHz fits easily
  beast::flat_buffer buffer;
  beast::error_code error;
  http::async_write(stream, request, [&](beast::error_code e, std::size_t) {
    error = e;
    if (!e) http::async_read(stream, buffer, parser, [&](beast::error_code e2, std::size_t) { error = e2; });
  });
  ioc.restart();
  ioc.run();
  if (error == beast::error::timeout) {
    return Status(StatusCode::kDeadlineExceeded, "the server did not answer within " +
                                                     std::to_string(timeout.count()) + " s");
  }
  if (error) return Status(StatusCode::kUnavailable, "the exchange with the server failed: " + error.message());
  return HttpReply{static_cast<int>(parser.get().result_int()), parser.get().body()};
}

}  // namespace voxwire::client
