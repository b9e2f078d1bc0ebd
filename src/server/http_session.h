// server/http_session.h: one HTTP/1.1 connection: reads requests (bounded
// header time and body size), routes them — JSON APIs (DashScope's, and
// OpenAI's under /v1/ with its error shape), their streamed bodies (Server-
// Sent Events, audio), generated audio files, health, readiness, metrics — and
// hands WebSocket upgrades of the realtime path to a RealtimeConnection. One
// request at a time: the next is read once the answer is written, and logged
// (event=http_request). Every answer carries the request's X-Request-Id.
// Lives as long as an asynchronous operation (or an ApiResponder) holds it;
// runs on its strand.
#pragma once
#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>

#include "api/api_responder.h"
#include "api/error_body.h"
#include "metrics/metrics.h"
#include "server/server_context.h"

namespace voxwire::server {

class HttpSession : public std::enable_shared_from_this<HttpSession> {
 public:
  HttpSession(boost::asio::ip::tcp::socket socket, ServerContext& context);
  void run();

 private:
  class Responder;
  using Request = boost::beast::http::request<boost::beast::http::string_body>;
  using Response = boost::beast::http::response<boost::beast::http::string_body>;
  // Answers a JSON API call: POST, authenticated, JSON object body.
  using ApiHandler = std::function<void(const auth::Caller&, const boost::json::object&, const Request&,
                                        std::shared_ptr<ApiResponder>)>;
  // The model name a request's "model" is rate-limited as.
  using LimitedModel = std::string_view (*)(std::string_view model);

  // The request being answered (one at a time, so one record suffices).
  struct Exchange {
    std::string request_id;  // X-Request-Id, and request_id in JSON bodies
    std::string method;
    std::string path;        // never the query: it may carry signatures
    ErrorDialect dialect = ErrorDialect::kDashScope;  // how its errors are written
    unsigned version = 11;
    bool keep_alive = false;
    std::chrono::steady_clock::time_point started;
    std::size_t bytes = 0;   // written so far
  };

  void read_request();
  void on_read(boost::beast::error_code ec, std::size_t bytes);
  // Starts the record of `request` (whatever of it was parsed).
  void begin_exchange(const Request& request);
  void handle(Request request);
  // Authenticates, parses the JSON body and applies the caller's rate limit
  // for the body's model (as `limited_model` names it), then calls handler.
  void serve_api(Request request, const ApiHandler& handler, LimitedModel limited_model = nullptr);
  // The caller of a WebSocket upgrade, or nullopt once the refusal is sent
  // (logged as `rejected_event`).
  std::optional<auth::Caller> authenticate_upgrade(std::string_view authorization, const Request& request,
                                                   std::string_view rejected_event);
  // A place among the caller's concurrent sessions, or nullopt once the 429 is sent.
  std::optional<limits::SessionLimiter::Ticket> session_place(const auth::Caller& caller,
                                                              std::string_view rejected_event);
  void upgrade_realtime(Request request);
  // The CosyVoice/Sambert task endpoint: authentication and session caps as
  // for realtime; the model (and its rate limit) comes with each run-task.
  void upgrade_inference(Request request);
  void send(Response response);
  // Answers the current request with `error` (counted by its code), and a
  // Retry-After when retry_after_s > 0.
  void fail(const ApiError& error, int retry_after_s = 0);
  // 429 Throttling.RateQuota for a request over `limit`.
  void refuse(metrics::Limit limit, std::string message, int retry_after_s);
  void on_write(bool close, unsigned status, boost::beast::error_code ec, std::size_t bytes);
  void log_exchange(unsigned status) const;
  void close();  // ends the response side, then drains input for a moment
  void drain_input();

  // A streamed body (Server-Sent Events, audio): a chunked 200 response
  // written piece by piece; kAbort closes the connection without the last chunk.
  enum class Piece { kHeader, kChunk, kLast, kAbort };
  struct Pending {
    Piece piece;
    std::string data;
    std::function<void(bool delivered)> written;
  };
  void stream_open(unsigned version, bool keep_alive, const std::string& content_type);
  void stream_send(std::string piece, std::function<void(bool)> written);
  void stream_end(Piece how);  // kLast or kAbort
  void stream_pump();
  void stream_written(boost::beast::error_code ec, std::size_t bytes);

  boost::beast::tcp_stream stream_;
  boost::asio::steady_timer request_timer_;  // header_timeout_ms for each request to arrive
  bool request_timed_out_ = false;
  boost::beast::flat_buffer buffer_;
  std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
  ServerContext& context_;
  metrics::GaugeHold connection_;  // handed on to the RealtimeConnection on upgrade
  Exchange exchange_;

  std::deque<Pending> pending_;
  bool writing_piece_ = false;
  bool stream_broken_ = false;
  std::unique_ptr<boost::beast::http::response<boost::beast::http::empty_body>> stream_head_;
  std::unique_ptr<boost::beast::http::response_serializer<boost::beast::http::empty_body>> stream_serializer_;
};

}  // namespace voxwire::server
