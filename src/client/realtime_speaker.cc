#include "client/realtime_speaker.h"

#include <algorithm>
#include <cctype>

#include <boost/asio/io_context.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/json.hpp>

#include "base/base64.h"
#include "client/api_error_text.h"
#include "client/tcp_connect.h"

namespace voxwire::client {
namespace {

namespace beast = boost::beast;
namespace websocket = beast::websocket;
namespace json = boost::json;

constexpr auto kConnectTimeout = std::chrono::seconds(10);
constexpr std::size_t kWavHeaderBytes = 44;  // what the server puts before each response's samples

std::string percent_encoded(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

// One realtime WebSocket connection driven synchronously: every operation
// runs the private io_context until it completes (Beast's timeouts bound it).
class RealtimeConnection {
 public:
  RealtimeConnection() : ws_(ioc_) {}

  Status open(const ServerUrl& server, const std::string& api_key, const std::string& model,
              std::chrono::seconds silence_timeout) {
    auto& stream = beast::get_lowest_layer(ws_);
    stream.expires_after(kConnectTimeout);
    if (Status connected = tcp_connect(ioc_, stream, server); !connected.ok()) return connected;
    ws_.set_option(websocket::stream_base::decorator([api_key](websocket::request_type& request) {
      request.set(beast::http::field::authorization, "Bearer " + api_key);
      request.set(beast::http::field::user_agent, "voxwire-cli");
    }));
    websocket::response_type response;
    beast::error_code error;
    bool done = false;
    const std::string target = server.path_prefix + "/api-ws/v1/realtime?model=" + percent_encoded(model);
    ws_.async_handshake(response, server.host_header(), target, [&](beast::error_code e) { error = e; done = true; });
    run_until(done);
    if (error == websocket::error::upgrade_declined) {
      const int status = static_cast<int>(response.result_int());
      return Status(status_code_for_http(status), describe_http_error(status, response.body()));
    }
    if (error == beast::error::timeout) {
      return Status(StatusCode::kDeadlineExceeded, "the server did not complete the WebSocket handshake");
    }
    if (error) return Status(StatusCode::kUnavailable, "WebSocket handshake failed: " + error.message());
    stream.expires_never();
    ws_.set_option(websocket::stream_base::timeout{kConnectTimeout, silence_timeout, false});
    return Status();
  }

  Status send(json::object event) {
    event["event_id"] = "event_cli_" + std::to_string(++events_sent_);
    const std::string text = json::serialize(event);
    beast::error_code error;
    bool done = false;
    ws_.text(true);
    ws_.async_write(boost::asio::buffer(text), [&](beast::error_code e, std::size_t) { error = e; done = true; });
    run_until(done);
    if (error) return Status(StatusCode::kUnavailable, "sending to the server failed: " + error.message());
    return Status();
  }

  Result<json::object> next_event() {
    buffer_.clear();
    beast::error_code error;
    bool done = false;
    ws_.async_read(buffer_, [&](beast::error_code e, std::size_t) { error = e; done = true; });
    run_until(done);
    if (error == beast::error::timeout) {
      return Status(StatusCode::kDeadlineExceeded, "the server sent nothing for too long");
    }
    if (error == websocket::error::closed) {
      return Status(StatusCode::kUnavailable, "the server closed the connection (code " +
                                                  std::to_string(ws_.reason().code) + " " +
                                                  std::string(ws_.reason().reason.c_str()) + ")");
    }
    if (error) return Status(StatusCode::kUnavailable, "the connection failed: " + error.message());
    boost::system::error_code parse_error;
    json::value event = json::parse(beast::buffers_to_string(buffer_.data()), parse_error);
    if (parse_error || !event.is_object() || !event.as_object().contains("type")) {
      return Status(StatusCode::kInternal, "the server sent a message that is not an event");
    }
    return std::move(event.as_object());
  }

  void close() {
    bool done = false;
    ws_.async_close(websocket::close_code::normal, [&](beast::error_code) { done = true; });
    run_until(done);
  }

 private:
  // Runs handlers until `done`; not until the context is out of work, since
  // the websocket's idle timer stays armed between operations.
  void run_until(const bool& done) {
    ioc_.restart();
    while (!done && ioc_.run_one() > 0) {
    }
  }

  boost::asio::io_context ioc_;
  websocket::stream<beast::tcp_stream> ws_;
  beast::flat_buffer buffer_;
  int events_sent_ = 0;
};

std::string type_of(const json::object& event) {
  const json::value& type = event.at("type");
  return type.is_string() ? std::string(type.as_string()) : std::string();
}

}  // namespace

Status speak(const ServerUrl& server, const std::string& api_key, const SpeechRequest& request,
             const SpeechCallbacks& callbacks) {
  RealtimeConnection connection;
  if (Status s = connection.open(server, api_key, request.model, request.silence_timeout); !s.ok()) return s;
  json::object session = request.session;
  session["mode"] = "server_commit";
  if (Status s = connection.send({{"type", "session.update"}, {"session", session}}); !s.ok()) return s;

  bool is_wav = false;
  int responses = 0;
  std::size_t header_bytes_to_skip = 0;
  while (true) {
    auto event = connection.next_event();
    if (!event.ok()) return event.status();
    const std::string type = type_of(*event);
    if (type == "error") return Status::invalid_argument(describe_error_event(*event));
    if (type == "session.updated") {
      const json::value* reported = event->if_contains("session");
      const json::object effective = reported && reported->is_object() ? reported->as_object() : json::object();
      is_wav = effective.contains("response_format") && effective.at("response_format") == "wav";
      if (callbacks.on_configured) callbacks.on_configured(effective);
      // The text goes only after the configuration is accepted, so a bad
      // voice or format is never spoken with the defaults.
      if (Status s = connection.send({{"type", "input_text_buffer.append"}, {"text", request.text}}); !s.ok()) return s;
      if (Status s = connection.send({{"type", "session.finish"}}); !s.ok()) return s;
    } else if (type == "response.created") {
      header_bytes_to_skip = is_wav && ++responses > 1 ? kWavHeaderBytes : 0;
    } else if (type == "response.audio.delta") {
      const json::value* delta = event->if_contains("delta");
      std::optional<std::string> audio =
          delta && delta->is_string() ? base64::decode(delta->as_string()) : std::nullopt;
      if (!audio) return Status(StatusCode::kInternal, "the server sent audio that is not base64");
      std::string_view bytes = *audio;
      const std::size_t skipped = std::min(header_bytes_to_skip, bytes.size());
      bytes.remove_prefix(skipped);
      header_bytes_to_skip -= skipped;
      if (!bytes.empty()) {
        if (Status s = callbacks.on_audio(bytes); !s.ok()) return s;
      }
    } else if (type == "session.finished") {
      connection.close();
      return Status();
    }
  }
}

}  // namespace voxwire::client
