#include "customization/recording_fetch.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <chrono>
#include <optional>

namespace voxwire::customization {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

struct Url {
  bool https = false;
  std::string host;
  std::string port;
  std::string target;
};

Status bad_url(std::string message) { return Status::invalid_argument(std::move(message), "input.audio.data"); }

Result<Url> parse_url(std::string_view url) {
  Url u;
  if (url.starts_with("https://")) {
    u.https = true;
    url.remove_prefix(8);
  } else if (url.starts_with("http://")) {
    url.remove_prefix(7);
  } else {
    return bad_url("The recording URL must start with http:// or https://.");
  }
  std::size_t slash = url.find('/');
  std::string_view authority = url.substr(0, slash);
  u.target = slash == std::string_view::npos ? "/" : std::string(url.substr(slash));
  if (authority.empty() || authority.find('@') != std::string_view::npos) return bad_url("Malformed recording URL.");
  std::size_t colon = authority.rfind(':');
  if (authority.front() == '[') {  // IPv6 literal
    std::size_t close = authority.find(']');
    if (close == std::string_view::npos) return bad_url("Malformed recording URL.");
    u.host = std::string(authority.substr(1, close - 1));
    colon = authority.size() > close + 1 && authority[close + 1] == ':' ? close + 1 : std::string_view::npos;
  } else {
    u.host = std::string(authority.substr(0, colon));
  }
  u.port = colon == std::string_view::npos ? (u.https ? "443" : "80") : std::string(authority.substr(colon + 1));
  if (u.host.empty() || u.port.empty() || u.port.find_first_not_of("0123456789") != std::string::npos) {
    return bad_url("Malformed recording URL.");
  }
  return u;
}

// Runs the context until `done` or the deadline; false on timeout.
bool run_until(net::io_context& ioc, const bool& done, Clock::time_point deadline) {
  ioc.restart();
  while (!done && Clock::now() < deadline) ioc.run_one_for(deadline - Clock::now());
  return done;
}

struct Response {
  unsigned status = 0;
  std::string location;
  std::string body;
};

template <class Stream>
Result<Response> exchange(net::io_context& ioc, Stream& stream, const Url& u, const FetchLimits& limits,
                          Clock::time_point deadline) {
  http::request<http::empty_body> req{http::verb::get, u.target, 11};
  req.set(http::field::host, u.host);
  req.set(http::field::user_agent, "voxwire");
  bool done = false;
  beast::error_code ec;
  http::async_write(stream, req, [&](beast::error_code e, std::size_t) {
    ec = e;
    done = true;
  });
  if (!run_until(ioc, done, deadline)) return Status(StatusCode::kDeadlineExceeded, "Downloading the recording timed out.");
  if (ec) return Status(StatusCode::kUnavailable, "Cannot send the recording request: " + ec.message());
  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(limits.max_bytes);
  done = false;
  http::async_read(stream, buffer, parser, [&](beast::error_code e, std::size_t) {
    ec = e;
    done = true;
  });
  if (!run_until(ioc, done, deadline)) return Status(StatusCode::kDeadlineExceeded, "Downloading the recording timed out.");
  if (ec == http::error::body_limit) return bad_url("The recording is larger than 10 MB.");
  if (ec) return Status(StatusCode::kUnavailable, "Cannot download the recording: " + ec.message());
  Response r;
  r.status = parser.get().result_int();
  r.location = std::string(parser.get()[http::field::location]);
  r.body = std::move(parser.get().body());
  return r;
}

Result<Response> fetch_once(const Url& u, const FetchLimits& limits, Clock::time_point deadline) {
  net::io_context ioc;
  tcp::resolver resolver(ioc);
  beast::error_code ec;
  auto endpoints = resolver.resolve(u.host, u.port, ec);
  if (ec || endpoints.empty()) return Status(StatusCode::kUnavailable, "Cannot resolve " + u.host + ".");
  // Connect only to an address that passed the check (no re-resolution).
  std::optional<tcp::endpoint> target;
  for (const auto& e : endpoints) {
    if (limits.allow_private || !is_non_public_address(e.endpoint().address().to_string())) {
      target = e.endpoint();
      break;
    }
  }
  if (!target) return bad_url("The recording URL points at a non-public address.");
  beast::tcp_stream tcp_stream(ioc);
  bool done = false;
  tcp_stream.async_connect(*target, [&](beast::error_code e) {
    ec = e;
    done = true;
  });
  if (!run_until(ioc, done, deadline)) return Status(StatusCode::kDeadlineExceeded, "Connecting for the recording timed out.");
  if (ec) return Status(StatusCode::kUnavailable, "Cannot connect to " + u.host + ": " + ec.message());
  if (!u.https) return exchange(ioc, tcp_stream, u, limits, deadline);

  ssl::context tls(ssl::context::tls_client);
  tls.set_default_verify_paths();
  tls.set_verify_mode(ssl::verify_peer);
  beast::ssl_stream<beast::tcp_stream> stream(std::move(tcp_stream), tls);
  SSL_set_tlsext_host_name(stream.native_handle(), u.host.c_str());
  stream.set_verify_callback(ssl::host_name_verification(u.host));
  done = false;
  stream.async_handshake(ssl::stream_base::client, [&](beast::error_code e) {
    ec = e;
    done = true;
  });
  if (!run_until(ioc, done, deadline)) return Status(StatusCode::kDeadlineExceeded, "TLS handshake timed out.");
  if (ec) return Status(StatusCode::kUnavailable, "TLS handshake with " + u.host + " failed: " + ec.message());
  return exchange(ioc, stream, u, limits, deadline);
}

}  // namespace

bool is_non_public_address(std::string_view ip) {
  boost::system::error_code ec;
  net::ip::address a = net::ip::make_address(std::string(ip), ec);
  if (ec) return true;
  if (a.is_v6() && a.to_v6().is_v4_mapped()) a = net::ip::make_address_v4(net::ip::v4_mapped, a.to_v6());
  if (a.is_v4()) {
    auto b = a.to_v4().to_bytes();
    return b[0] == 0 || b[0] == 10 || b[0] == 127 || (b[0] == 100 && (b[1] & 0xC0) == 64) ||
           (b[0] == 169 && b[1] == 254) || (b[0] == 172 && (b[1] & 0xF0) == 16) || (b[0] == 192 && b[1] == 168) ||
           b[0] >= 224;
  }
  auto v6 = a.to_v6();
  auto b = v6.to_bytes();
  return v6.is_loopback() || v6.is_unspecified() || v6.is_link_local() || v6.is_multicast() || (b[0] & 0xFE) == 0xFC;
}

Result<std::string> fetch_recording(std::string_view url, const FetchLimits& limits) {
  Clock::time_point deadline = Clock::now() + std::chrono::milliseconds(limits.timeout_ms);
  std::string current(url);
  for (int redirects = 0; redirects <= 3; ++redirects) {
    auto parsed = parse_url(current);
    if (!parsed.ok()) return parsed.status();
    auto response = fetch_once(*parsed, limits, deadline);
    if (!response.ok()) return response.status();
    if (response->status == 200) return std::move(response->body);
    bool redirect = response->status == 301 || response->status == 302 || response->status == 303 ||
                    response->status == 307 || response->status == 308;
    if (!redirect || response->location.empty()) {
      return bad_url("Downloading the recording failed with HTTP " + std::to_string(response->status) + ".");
    }
    current = response->location.starts_with("http")
                  ? response->location
                  : (parsed->https ? "https://" : "http://") + parsed->host + ":" + parsed->port + response->location;
  }
  return bad_url("Too many redirects downloading the recording.");
}

}  // namespace voxwire::customization
