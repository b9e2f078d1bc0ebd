// A small WebSocket client over real loopback TCP (Boost.Beast) for tests and
// benchmarks, with every operation bounded in time. Not thread-safe.
#pragma once
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/json.hpp>

namespace voxwire::testing {

using namespace std::chrono_literals;

struct HandshakeResult {
  bool upgraded = false;
  int status = 0;        // HTTP status of the upgrade response
  std::string body;      // its body when the upgrade was refused
};

class WsClient {
 public:
  // Connects to 127.0.0.1:port and asks to upgrade `target`. api_key empty
  // sends no Authorization header. Returns null if not upgraded (see result).
  static std::unique_ptr<WsClient> connect(uint16_t port, const std::string& target, const std::string& api_key,
                                           HandshakeResult* result);
  ~WsClient();

  void send(const boost::json::object& event);
  void send_text(const std::string& text);
  void send_binary(const std::string& bytes);
  // The next server event, or nullopt on timeout or when the connection closed.
  std::optional<boost::json::object> read_event(std::chrono::milliseconds timeout = 10s);
  // The next message of either kind (binary = audio), or nullopt on timeout
  // or when the connection closed.
  struct Message {
    bool binary = false;
    std::string data;
  };
  std::optional<Message> read_message(std::chrono::milliseconds timeout = 10s);
  // Events up to and including the first of `type`; empty if it never came.
  std::vector<boost::json::object> read_until(std::string_view type, std::chrono::milliseconds timeout = 20s);
  bool closed() const { return closed_; }
  // The close code the server sent (valid once closed()).
  int close_code() const { return close_code_; }
  std::string close_reason() const { return close_reason_; }
  void close();

 private:
  WsClient();
  bool run_until(bool& done, std::chrono::milliseconds timeout);

  boost::asio::io_context ioc_;
  boost::beast::websocket::stream<boost::beast::tcp_stream> ws_;
  boost::beast::flat_buffer buffer_;
  bool closed_ = false;
  int close_code_ = 0;
  std::string close_reason_;
};

// Builds a client event {"event_id", "type", ...extra}.
boost::json::object event(std::string_view type, boost::json::object extra = {});

}  // namespace voxwire::testing
