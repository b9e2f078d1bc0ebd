#include "server/http_session.h"

#include <algorithm>
#include <cctype>
#include <variant>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/json.hpp>

#include "base/ids.h"
#include "base/log.h"
#include "openai/openai_names.h"
#include "server/audio_file_response.h"
#include "server/http_error.h"
#include "server/inference_connection.h"
#include "server/realtime_connection.h"
#include "server/browser_key.h"
#include "server/playground.h"
#include "server/request_target.h"

namespace voxwire::server {

namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = boost::asio::ip::tcp;

namespace {

constexpr std::string_view kRealtimePath = "/api-ws/v1/realtime";
constexpr std::string_view kInferencePath = "/api-ws/v1/inference";
constexpr std::string_view kCustomizationPath = "/api/v1/services/audio/tts/customization";
constexpr std::string_view kGenerationPath = "/api/v1/services/aigc/multimodal-generation/generation";
constexpr std::string_view kOpenAiSpeechPath = "/v1/audio/speech";
constexpr std::string_view kFilesPrefix = "/files/";
constexpr std::chrono::seconds kLingerTime{2};        // how long close() drains a client still sending
constexpr std::size_t kDrainChunkBytes = 64 * 1024;
constexpr int kSessionRetryAfterS = 1;  // a session place frees whenever another session ends
constexpr std::size_t kMaxRequestIdBytes = 64;
constexpr std::size_t kMaxLoggedPathBytes = 256;
constexpr std::string_view kRequestIdHeader = "X-Request-Id";

// The client's X-Request-Id when it looks like an id (one set by a proxy,
// say), so logs on both sides agree; otherwise a fresh one.
std::string request_id_of(const http::request<http::string_body>& request) {
  std::string_view id = request[kRequestIdHeader];
  const bool plausible = !id.empty() && id.size() <= kMaxRequestIdBytes && std::ranges::all_of(id, [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
  });
  return plausible ? std::string(id) : ids::uuid();
}

// The DashScope code of an error reply, or empty for a success.
std::string_view error_code_of(const ApiReply& reply) {
  return reply.failure ? std::string_view(reply.failure->code) : std::string_view();
}

http::response<http::string_body> plain_response(http::status status, unsigned version, bool keep_alive,
                                                 std::string_view content_type, std::string body) {
  http::response<http::string_body> res{status, version};
  res.set(http::field::server, "voxwire");
  res.set(http::field::content_type, content_type);
  res.keep_alive(keep_alive);
  res.body() = std::move(body);
  res.prepare_payload();
  return res;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

bool quiet_error(beast::error_code ec) {
  return ec == http::error::end_of_stream || ec == boost::asio::error::operation_aborted ||
         ec == boost::asio::error::connection_reset || ec == beast::error::timeout ||
         ec == boost::asio::error::eof;
}

}  // namespace

// An API call's way back to its client: hops onto the session's strand.
class HttpSession::Responder final : public ApiResponder {
 public:
  Responder(std::shared_ptr<HttpSession> session, const Exchange& exchange, std::string base_url)
      : session_(std::move(session)),
        request_id_(exchange.request_id),
        base_url_(std::move(base_url)),
        dialect_(exchange.dialect),
        version_(exchange.version),
        keep_alive_(exchange.keep_alive) {}

  void reply(ApiReply reply) override {
    if (std::string_view code = error_code_of(reply); !code.empty()) session_->context_.metrics.error(code);
    on_strand([s = session_, reply = std::move(reply), id = request_id_, d = dialect_, v = version_, k = keep_alive_] {
      s->send(json_response(reply, d, v, k, id));
    });
  }
  void open_stream(std::string content_type) override {
    on_strand([s = session_, v = version_, k = keep_alive_, type = std::move(content_type)] {
      s->stream_open(v, k, type);
    });
  }
  void send(std::string piece, std::function<void(bool)> written) override {
    on_strand([s = session_, p = std::move(piece), w = std::move(written)]() mutable {
      s->stream_send(std::move(p), std::move(w));
    });
  }
  void close_stream() override {
    on_strand([s = session_] { s->stream_end(Piece::kLast); });
  }
  void abort_stream() override {
    on_strand([s = session_] { s->stream_end(Piece::kAbort); });
  }
  const std::string& request_id() const override { return request_id_; }
  const std::string& base_url() const override { return base_url_; }

 private:
  template <class F>
  void on_strand(F f) {
    boost::asio::post(session_->stream_.get_executor(), std::move(f));
  }

  std::shared_ptr<HttpSession> session_;
  const std::string request_id_;
  const std::string base_url_;
  const ErrorDialect dialect_;
  const unsigned version_;
  const bool keep_alive_;
};

HttpSession::HttpSession(tcp::socket socket, ServerContext& context)
    : stream_(std::move(socket)),
      request_timer_(stream_.get_executor()),
      context_(context),
      connection_(context.metrics.connection_opened()) {
  // Audio deltas are small and latency-critical: never hold them back (Nagle).
  boost::system::error_code ignored;
  stream_.socket().set_option(tcp::no_delay(true), ignored);
}

void HttpSession::run() {
  boost::asio::dispatch(stream_.get_executor(), beast::bind_front_handler(&HttpSession::read_request, shared_from_this()));
}

void HttpSession::read_request() {
  parser_.emplace();
  parser_->header_limit(16 * 1024);
  parser_->body_limit(context_.config.max_body_bytes);
  // Not the stream's own timeout: that closes the socket, and a client that
  // was too slow must still get its 408.
  stream_.expires_never();
  request_timed_out_ = false;
  request_timer_.expires_after(std::chrono::milliseconds(context_.config.header_timeout_ms));
  request_timer_.async_wait([self = shared_from_this()](beast::error_code ec) {
    if (ec) return;  // the request arrived in time
    self->request_timed_out_ = true;
    beast::error_code ignored;
    self->stream_.socket().cancel(ignored);
  });
  http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&HttpSession::on_read, shared_from_this()));
}

void HttpSession::on_read(beast::error_code ec, std::size_t) {
  request_timer_.cancel();
  // A request that could not be read is answered (if at all) and the
  // connection closed.
  auto fail_and_close = [this](const ApiError& error) {
    begin_exchange(parser_->get());
    exchange_.keep_alive = false;
    fail(error);
  };
  if (ec == http::error::body_limit) return fail_and_close(ApiError::too_large());
  if (request_timed_out_) {
    if (parser_->got_some()) return fail_and_close(ApiError::timed_out());
    return close();  // an idle keep-alive connection: nothing to answer
  }
  if (ec) {
    if (!quiet_error(ec)) {
      if (parser_->got_some()) {
        return fail_and_close(ApiError::invalid_parameter("Malformed HTTP request: " + ec.message()));
      }
      log::debug("http_read_failed", {{"error", ec.message()}});
    }
    return close();
  }
  begin_exchange(parser_->get());
  handle(parser_->release());
}

void HttpSession::begin_exchange(const Request& request) {
  std::string_view path = split_target(request.target()).path;
  exchange_ = {.request_id = request_id_of(request),
               .method = std::string(request.method_string()),
               .path = std::string(path.substr(0, kMaxLoggedPathBytes)),
               .dialect = dialect_for_path(path),
               .version = request.version(),
               .keep_alive = request.keep_alive(),
               .started = std::chrono::steady_clock::now()};
}

void HttpSession::handle(Request request) {
  RequestTarget target = split_target(request.target());
  if (target.path == kRealtimePath) {
    if (websocket::is_upgrade(request)) {
      upgrade_realtime(std::move(request));
    } else {
      fail(ApiError::websocket_required());
    }
    return;
  }
  if (target.path == kInferencePath || target.path == std::string(kInferencePath) + "/") {
    if (websocket::is_upgrade(request)) {
      upgrade_inference(std::move(request));
    } else {
      fail(ApiError::websocket_required());
    }
    return;
  }
  if (target.path == kCustomizationPath) {
    serve_api(std::move(request), [this](const auth::Caller& caller, const boost::json::object& body,
                                         const Request&, std::shared_ptr<ApiResponder> responder) {
      context_.customization.handle(caller, body, [responder](ApiReply reply) { responder->reply(std::move(reply)); });
    });
    return;
  }
  if (target.path == kGenerationPath) {
    serve_api(std::move(request), [this](const auth::Caller& caller, const boost::json::object& body,
                                         const Request& http_request, std::shared_ptr<ApiResponder> responder) {
      bool sse = iequals(http_request["X-DashScope-SSE"], "enable") ||
                 http_request[http::field::accept].find("text/event-stream") != std::string_view::npos;
      context_.generation.handle(caller, body, sse, std::move(responder));
    });
    return;
  }
  if (target.path == kOpenAiSpeechPath) {
    serve_api(
        std::move(request),
        [this](const auth::Caller& caller, const boost::json::object& body, const Request&,
               std::shared_ptr<ApiResponder> responder) {
          context_.openai_speech.handle(caller, body, std::move(responder));
        },
        &openai::counted_model);
    return;
  }
  if (target.path.starts_with(kFilesPrefix) &&
      (request.method() == http::verb::get || request.method() == http::verb::head)) {
    AudioFileAnswer answer = audio_file_response(request, context_.audio_files);
    if (const ApiError* error = std::get_if<ApiError>(&answer)) return fail(*error);
    return send(std::get<Response>(std::move(answer)));
  }
  // Operations endpoints and the playground: no API key (keep /metrics away from the public).
  if (request.method() == http::verb::get) {
    const unsigned version = request.version();
    const bool keep_alive = request.keep_alive();
    if (std::optional<PlaygroundFile> file = playground_file(target.path, context_.models)) {
      return send(plain_response(http::status::ok, version, keep_alive, file->content_type, std::move(file->body)));
    }
    if (target.path == "/healthz") {
      return send(plain_response(http::status::ok, version, keep_alive, "application/json", R"({"status":"ok"})"));
    }
    if (target.path == "/readyz") {
      std::string_view reason = context_.readiness.not_ready_reason();
      if (reason.empty()) {
        return send(plain_response(http::status::ok, version, keep_alive, "application/json", R"({"status":"ready"})"));
      }
      boost::json::object body{{"status", "not_ready"}, {"reason", reason}};
      return send(plain_response(http::status::service_unavailable, version, keep_alive, "application/json",
                                 boost::json::serialize(body)));
    }
    if (target.path == "/metrics") {
      context_.metrics.set_queue_depth(context_.synthesis.queue_depth());
      return send(plain_response(http::status::ok, version, keep_alive, "text/plain; version=0.0.4; charset=utf-8",
                                 context_.metrics.exposition()));
    }
  }
  fail(ApiError::path_not_found(target.path));
}

void HttpSession::serve_api(Request request, const ApiHandler& handler, LimitedModel limited_model) {
  if (request.method() != http::verb::post) return fail(ApiError::invalid_parameter("Use POST for this endpoint."));
  Result<auth::Caller> caller =
      context_.keys.authenticate(request[http::field::authorization], request["X-DashScope-WorkSpace"]);
  if (!caller.ok()) {
    if (caller.status().code() == StatusCode::kUnauthenticated) return fail(ApiError::invalid_api_key());
    return fail(ApiError::invalid_parameter(caller.status().message()));
  }
  if (request[http::field::content_type].find("application/json") == std::string_view::npos) {
    return fail(ApiError::invalid_parameter("Content-Type must be application/json."));
  }
  boost::system::error_code ec;
  boost::json::value body = boost::json::parse(request.body(), ec);
  if (ec) return fail(ApiError::invalid_parameter("The request body is not valid JSON: " + ec.message() + "."));
  if (!body.is_object()) return fail(ApiError::invalid_parameter("The request body must be a JSON object."));
  if (const boost::json::value* model = body.as_object().if_contains("model"); model && model->is_string()) {
    const std::string_view name = limited_model ? limited_model(model->get_string()) : model->get_string();
    const limits::Admission admission = context_.rate_limiter.admit(caller->account, name, context_.rpm_limit(name));
    if (!admission.admitted) {
      log::info("rate_limited", {{"account", caller->account}, {"model", name}, {"request_id", exchange_.request_id}});
      return refuse(metrics::Limit::kRpm, {}, admission.retry_after_s);
    }
  }
  std::string base_url = context_.config.public_base_url;
  if (base_url.empty()) {
    std::string_view host = request[http::field::host];
    base_url = "http://" + (host.empty() ? context_.config.host + ":" + std::to_string(context_.config.port)
                                         : std::string(host));
  }
  auto responder = std::make_shared<Responder>(shared_from_this(), exchange_, std::move(base_url));
  handler(*caller, body.as_object(), request, std::move(responder));
}

std::optional<auth::Caller> HttpSession::authenticate_upgrade(std::string_view authorization, const Request& request,
                                                             std::string_view rejected_event) {
  Result<auth::Caller> caller = context_.keys.authenticate(authorization, request["X-DashScope-WorkSpace"]);
  if (caller.ok()) return std::move(*caller);
  log::info(rejected_event, {{"reason", "unauthenticated"}, {"request_id", exchange_.request_id}});
  fail(caller.status().code() == StatusCode::kUnauthenticated ? ApiError::invalid_api_key()
                                                              : ApiError::invalid_parameter(caller.status().message()));
  return std::nullopt;
}

std::optional<limits::SessionLimiter::Ticket> HttpSession::session_place(const auth::Caller& caller,
                                                                        std::string_view rejected_event) {
  std::optional<limits::SessionLimiter::Ticket> ticket = context_.session_limiter.acquire(caller.account);
  if (ticket) return ticket;
  log::info(rejected_event,
            {{"reason", "too_many_sessions"}, {"account", caller.account}, {"request_id", exchange_.request_id}});
  refuse(metrics::Limit::kSessions,
         "Too many concurrent realtime sessions for this API key (at most " +
             std::to_string(context_.session_limiter.max_per_account()) + ").",
         kSessionRetryAfterS);
  return std::nullopt;
}

void HttpSession::upgrade_realtime(Request request) {
  exchange_.keep_alive = false;  // a refused upgrade ends the connection
  std::string authorization(request[http::field::authorization]);
  std::optional<BrowserKey> from_browser;
  if (authorization.empty()) from_browser = browser_key(request[http::field::sec_websocket_protocol]);
  if (from_browser) authorization = from_browser->authorization;
  std::optional<auth::Caller> caller = authenticate_upgrade(authorization, request, "realtime_rejected");
  if (!caller) return;
  std::optional<std::string> model_name = query_param(split_target(request.target()).query, "model");
  if (!model_name || model_name->empty()) return fail(ApiError::missing_model());
  const catalog::ModelInfo* model = context_.models.find_model(*model_name, catalog::Surface::kRealtime);
  if (!model) {
    log::info("realtime_rejected",
              {{"reason", "unknown_model"}, {"model", *model_name}, {"request_id", exchange_.request_id}});
    return fail(ApiError::model_not_found(*model_name));
  }
  const limits::Admission admission =
      context_.rate_limiter.admit(caller->account, model->name, context_.rpm_limit(model->name));
  if (!admission.admitted) {
    log::info("realtime_rejected", {{"reason", "rate_limited"},
                                    {"account", caller->account},
                                    {"model", model->name},
                                    {"request_id", exchange_.request_id}});
    return refuse(metrics::Limit::kRpm, {}, admission.retry_after_s);
  }
  std::optional<limits::SessionLimiter::Ticket> ticket = session_place(*caller, "realtime_rejected");
  if (!ticket) return;
  stream_.expires_never();
  std::make_shared<RealtimeConnection>(std::move(stream_), context_, *model, std::move(*caller), std::move(*ticket),
                                       exchange_.request_id, std::move(connection_))
      ->accept(std::move(request), from_browser ? from_browser->subprotocol : std::string());
}

void HttpSession::upgrade_inference(Request request) {
  exchange_.keep_alive = false;  // a refused upgrade ends the connection
  // Bearer or bearer (the Sambert SDK's spelling): ApiKeys matches the scheme ignoring case.
  std::optional<auth::Caller> caller =
      authenticate_upgrade(request[http::field::authorization], request, "inference_rejected");
  if (!caller) return;
  std::optional<limits::SessionLimiter::Ticket> ticket = session_place(*caller, "inference_rejected");
  if (!ticket) return;
  stream_.expires_never();
  std::make_shared<InferenceConnection>(std::move(stream_), context_, std::move(*caller), std::move(*ticket),
                                        exchange_.request_id, std::move(connection_))
      ->accept(std::move(request));
}

void HttpSession::send(Response response) {
  response.set(kRequestIdHeader, exchange_.request_id);
  stream_.expires_after(std::chrono::milliseconds(context_.config.write_timeout_ms));
  const bool close = !response.keep_alive();
  const unsigned status = response.result_int();
  auto shared = std::make_shared<Response>(std::move(response));
  http::async_write(stream_, *shared,
                    [self = shared_from_this(), shared, close, status](beast::error_code ec, std::size_t n) {
                      self->on_write(close, status, ec, n);
                    });
}

void HttpSession::fail(const ApiError& error, int retry_after_s) {
  context_.metrics.error(error.code);
  Response res = error_response(error, exchange_.dialect, exchange_.version, exchange_.keep_alive,
                                exchange_.request_id);
  if (retry_after_s > 0) res.set(http::field::retry_after, std::to_string(retry_after_s));
  send(std::move(res));
}

void HttpSession::refuse(metrics::Limit limit, std::string message, int retry_after_s) {
  context_.metrics.rate_limited(limit);
  fail(ApiError::rate_quota(std::move(message)), retry_after_s);
}

void HttpSession::log_exchange(unsigned status) const {
  const auto duration =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - exchange_.started);
  log::info("http_request", {{"request_id", exchange_.request_id},
                             {"method", exchange_.method},
                             {"path", exchange_.path},
                             {"status", status},
                             {"bytes", exchange_.bytes},
                             {"duration_ms", duration.count()}});
}

void HttpSession::on_write(bool close_after, unsigned status, beast::error_code ec, std::size_t bytes) {
  exchange_.bytes += bytes;
  log_exchange(status);
  if (ec || close_after) {
    close();
    return;
  }
  read_request();
}

void HttpSession::close() {
  beast::error_code ec;
  stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  // Lingering close: a client still sending (a body over the limit) would get
  // a reset, losing the response, if the socket closed with input unread.
  stream_.expires_after(kLingerTime);
  drain_input();
}

void HttpSession::drain_input() {
  buffer_.clear();
  stream_.async_read_some(buffer_.prepare(kDrainChunkBytes), [self = shared_from_this()](beast::error_code ec, std::size_t) {
    if (!ec) self->drain_input();
  });
}

void HttpSession::stream_open(unsigned version, bool keep_alive, const std::string& content_type) {
  stream_head_ = std::make_unique<http::response<http::empty_body>>(http::status::ok, version);
  stream_head_->set(http::field::server, "voxwire");
  stream_head_->set(http::field::content_type, content_type);
  stream_head_->set(http::field::cache_control, "no-cache");
  stream_head_->set("X-Accel-Buffering", "no");
  stream_head_->set(kRequestIdHeader, exchange_.request_id);
  stream_head_->keep_alive(keep_alive);
  stream_head_->chunked(true);
  stream_serializer_ = std::make_unique<http::response_serializer<http::empty_body>>(*stream_head_);
  stream_broken_ = false;
  pending_.push_back({Piece::kHeader, {}, nullptr});
  stream_pump();
}

void HttpSession::stream_send(std::string piece, std::function<void(bool)> written) {
  if (stream_broken_) {
    if (written) written(false);
    return;
  }
  if (piece.empty()) {  // an empty chunk would read as the body's end
    if (written) written(true);
    return;
  }
  pending_.push_back({Piece::kChunk, std::move(piece), std::move(written)});
  stream_pump();
}

void HttpSession::stream_end(Piece how) {
  if (stream_broken_) return;
  pending_.push_back({how, {}, nullptr});
  stream_pump();
}

void HttpSession::stream_pump() {
  if (writing_piece_ || pending_.empty()) return;
  if (pending_.front().piece == Piece::kAbort) {  // what was queued before it has left
    pending_.clear();
    stream_broken_ = true;
    log_exchange(200);
    close();
    return;
  }
  writing_piece_ = true;
  stream_.expires_after(std::chrono::milliseconds(context_.config.write_timeout_ms));
  auto done = beast::bind_front_handler(
      [](std::shared_ptr<HttpSession> self, beast::error_code ec, std::size_t n) { self->stream_written(ec, n); },
      shared_from_this());
  Pending& next = pending_.front();
  switch (next.piece) {
    case Piece::kHeader: http::async_write_header(stream_, *stream_serializer_, std::move(done)); break;
    case Piece::kChunk: boost::asio::async_write(stream_, http::make_chunk(boost::asio::buffer(next.data)), std::move(done)); break;
    case Piece::kLast: boost::asio::async_write(stream_, http::make_chunk_last(), std::move(done)); break;
    case Piece::kAbort: break;  // handled above
  }
}

void HttpSession::stream_written(beast::error_code ec, std::size_t bytes) {
  writing_piece_ = false;
  exchange_.bytes += bytes;
  Pending done = std::move(pending_.front());
  pending_.pop_front();
  if (ec) {  // the client is gone: everything queued fails, the connection ends
    log_exchange(200);
    stream_broken_ = true;
    if (done.written) done.written(false);
    for (Pending& p : pending_) {
      if (p.written) p.written(false);
    }
    pending_.clear();
    close();
    return;
  }
  if (done.written) done.written(true);
  if (done.piece == Piece::kLast) {
    log_exchange(200);
    bool keep_alive = stream_head_->keep_alive();
    stream_serializer_.reset();
    stream_head_.reset();
    if (keep_alive) read_request();
    else close();
    return;
  }
  stream_pump();
}

}  // namespace voxwire::server
