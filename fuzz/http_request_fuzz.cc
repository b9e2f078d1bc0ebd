// libFuzzer target: the HTTP side of a request before any service sees it —
// Beast's parser with the server's limits, then the glue the server applies
// to what it parsed: target split and query decoding, the Authorization and
// X-DashScope-WorkSpace headers, and the JSON body. Nothing may crash.
#include <boost/beast/http.hpp>
#include <boost/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "auth/api_keys.h"
#include "server/request_target.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace http = boost::beast::http;
  static const voxwire::auth::ApiKeys keys({"sk-fuzz"});
  http::request_parser<http::string_body> parser;
  parser.header_limit(16 * 1024);
  parser.body_limit(1 << 20);
  parser.eager(true);
  boost::beast::error_code ec;
  parser.put(boost::asio::buffer(data, size), ec);
  if (ec || !parser.is_header_done()) return 0;
  const auto& request = parser.get();
  const voxwire::server::RequestTarget target = voxwire::server::split_target(request.target());
  (void)voxwire::server::query_param(target.query, "model");
  (void)keys.authenticate(request[http::field::authorization], request["X-DashScope-WorkSpace"]);
  if (parser.is_done()) {
    boost::json::value body = boost::json::parse(request.body(), ec);
    if (!ec && body.is_object()) (void)body.as_object().if_contains("model");
  }
  return 0;
}
