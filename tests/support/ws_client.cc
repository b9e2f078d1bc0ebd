#include "support/ws_client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/http.hpp>

namespace voxwire::testing {

namespace beast = boost::beast;
namespace websocket = beast::websocket;
namespace net = boost::asio;
using tcp = net::ip::tcp;

WsClient::WsClient() : ws_(ioc_) {}

WsClient::~WsClient() {
  beast::error_code ec;
  beast::get_lowest_layer(ws_).socket().close(ec);
}

bool WsClient::run_until(bool& done, std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  ioc_.restart();
  while (!done) {
    auto now = std::chrono::steady_clock::now();
    if (now >= deadline) break;
    ioc_.run_one_for(deadline - now);  // returns as soon as a handler ran
    if (ioc_.stopped()) ioc_.restart();
  }
  if (!done) {
    beast::get_lowest_layer(ws_).cancel();
    ioc_.restart();
    while (!done) ioc_.run_one_for(std::chrono::milliseconds(1000));
    return false;
  }
  return true;
}

std::unique_ptr<WsClient> WsClient::connect(uint16_t port, const std::string& target, const std::string& api_key,
                                            HandshakeResult* result) {
  std::unique_ptr<WsClient> c(new WsClient());
  auto& tcp_stream = beast::get_lowest_layer(c->ws_);
  beast::error_code ec;
  tcp_stream.socket().connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port), ec);
  if (ec) return nullptr;
  tcp_stream.socket().set_option(tcp::no_delay(true), ec);
  c->ws_.set_option(websocket::stream_base::decorator([api_key](websocket::request_type& req) {
    if (!api_key.empty()) req.set(beast::http::field::authorization, "Bearer " + api_key);
  }));
  websocket::response_type response;
  bool done = false;
  tcp_stream.expires_after(std::chrono::seconds(10));
  c->ws_.async_handshake(response, "127.0.0.1", target, [&](beast::error_code e) {
    ec = e;
    done = true;
  });
  c->run_until(done, 15s);
  result->status = static_cast<int>(response.result_int());
  result->body = response.body();
  result->upgraded = !ec;
  if (ec) return nullptr;
  tcp_stream.expires_never();
  return c;
}

void WsClient::send(const boost::json::object& e) { send_text(boost::json::serialize(e)); }

void WsClient::send_text(const std::string& text) {
  ws_.text(true);
  beast::error_code ec;
  ws_.write(net::buffer(text), ec);
  if (ec) closed_ = true;
}

void WsClient::send_binary(const std::string& bytes) {
  ws_.binary(true);
  beast::error_code ec;
  ws_.write(net::buffer(bytes), ec);
  if (ec) closed_ = true;
}

std::optional<WsClient::Message> WsClient::read_message(std::chrono::milliseconds timeout) {
  if (closed_) return std::nullopt;
  bool done = false;
  beast::error_code ec;
  ws_.async_read(buffer_, [&](beast::error_code e, std::size_t) {
    ec = e;
    done = true;
  });
  if (!run_until(done, timeout)) {
    closed_ = true;
    return std::nullopt;
  }
  if (ec) {
    closed_ = true;
    close_code_ = ws_.reason().code;
    close_reason_ = ws_.reason().reason.c_str();
    return std::nullopt;
  }
  Message m{!ws_.got_text(), beast::buffers_to_string(buffer_.data())};
  buffer_.consume(buffer_.size());
  return m;
}

std::optional<boost::json::object> WsClient::read_event(std::chrono::milliseconds timeout) {
  if (closed_) return std::nullopt;
  bool done = false;
  beast::error_code ec;
  ws_.async_read(buffer_, [&](beast::error_code e, std::size_t) {
    ec = e;
    done = true;
  });
  if (!run_until(done, timeout)) {
    // A timed-out read leaves the stream unusable; treat it as closed.
    closed_ = true;
    return std::nullopt;
  }
  if (ec) {
    closed_ = true;
    close_code_ = ws_.reason().code;
    close_reason_ = ws_.reason().reason.c_str();
    return std::nullopt;
  }
  std::string text = beast::buffers_to_string(buffer_.data());
  buffer_.consume(buffer_.size());
  boost::system::error_code parse_error;
  boost::json::value v = boost::json::parse(text, parse_error);
  if (parse_error || !v.is_object()) return boost::json::object{{"type", "<not-json>"}, {"raw", text}};
  return v.as_object();
}

std::vector<boost::json::object> WsClient::read_until(std::string_view type, std::chrono::milliseconds timeout) {
  std::vector<boost::json::object> events;
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    auto e = read_event(left);
    if (!e) return {};
    bool last = e->at("type").as_string() == type;
    events.push_back(std::move(*e));
    if (last) return events;
  }
  return {};
}

void WsClient::close() {
  if (closed_) return;
  bool done = false;
  ws_.async_close(websocket::close_code::normal, [&](beast::error_code) { done = true; });
  run_until(done, 5s);
  closed_ = true;
}

boost::json::object event(std::string_view type, boost::json::object extra) {
  static int counter = 0;
  extra["event_id"] = "event_test" + std::to_string(++counter);
  extra["type"] = type;
  return extra;
}

}  // namespace voxwire::testing
