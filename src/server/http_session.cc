#include "server/http_session.h"

#include <boost/asio/dispatch.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/json.hpp>

#include "base/ids.h"
#include "base/log.h"
#include "server/http_error.h"
#include "server/realtime_connection.h"
#include "server/request_target.h"

namespace voxwire::server {

namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = boost::asio::ip::tcp;

namespace {

constexpr std::string_view kRealtimePath = "/api-ws/v1/realtime";
constexpr std::string_view kCustomizationPath = "/api/v1/services/audio/tts/customization";

bool quiet_error(beast::error_code ec) {
  return ec == http::error::end_of_stream || ec == boost::asio::error::operation_aborted ||
         ec == boost::asio::error::connection_reset || ec == beast::error::timeout ||
         ec == boost::asio::error::eof;
}

}  // namespace

HttpSession::HttpSession(tcp::socket socket, ServerContext& context)
    : stream_(std::move(socket)), context_(context) {
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
  stream_.expires_after(std::chrono::milliseconds(context_.config.header_timeout_ms));
  http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&HttpSession::on_read, shared_from_this()));
}

void HttpSession::on_read(beast::error_code ec, std::size_t) {
  if (ec == http::error::body_limit) {
    send(error_response(ApiError::too_large(), 11, false));
    return;
  }
  if (ec == beast::error::timeout && parser_->got_some()) {
    send(error_response(ApiError::timed_out(), 11, false));
    return;
  }
  if (ec) {
    if (!quiet_error(ec)) {
      if (parser_->got_some()) {
        send(error_response(ApiError::invalid_parameter("Malformed HTTP request: " + ec.message()), 11, false));
        return;
      }
      log::debug("http_read_failed", {{"error", ec.message()}});
    }
    close();
    return;
  }
  handle(parser_->release());
}

void HttpSession::handle(Request request) {
  RequestTarget target = split_target(request.target());
  if (target.path == kRealtimePath) {
    if (websocket::is_upgrade(request)) {
      upgrade_realtime(std::move(request));
    } else {
      send(error_response(ApiError::websocket_required(), request.version(), request.keep_alive()));
    }
    return;
  }
  if (target.path == kCustomizationPath) {
    serve_api(std::move(request), [this](const auth::Caller& caller, const boost::json::object& body,
                                         std::function<void(ApiReply)> done) {
      context_.customization.handle(caller, body, std::move(done));
    });
    return;
  }
  if (target.path == "/healthz" && request.method() == http::verb::get) {
    Response res{http::status::ok, request.version()};
    res.set(http::field::server, "voxwire");
    res.set(http::field::content_type, "application/json");
    res.keep_alive(request.keep_alive());
    res.body() = R"({"status":"ok"})";
    res.prepare_payload();
    send(std::move(res));
    return;
  }
  send(error_response(ApiError::path_not_found(target.path), request.version(), request.keep_alive()));
}

void HttpSession::serve_api(Request request, const ApiHandler& handler) {
  const std::string request_id = ids::uuid();
  const unsigned version = request.version();
  const bool keep_alive = request.keep_alive();
  auto fail = [&](const ApiError& error) { send(error_response(error, version, keep_alive, request_id)); };
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
  handler(*caller, body.as_object(), [self = shared_from_this(), request_id, version, keep_alive](ApiReply reply) {
    boost::asio::post(self->stream_.get_executor(), [self, request_id, version, keep_alive, reply = std::move(reply)] {
      self->send(json_response(reply, version, keep_alive, request_id));
    });
  });
}

void HttpSession::upgrade_realtime(Request request) {
  Result<auth::Caller> caller =
      context_.keys.authenticate(request[http::field::authorization], request["X-DashScope-WorkSpace"]);
  if (!caller.ok()) {
    log::info("realtime_rejected", {{"reason", "unauthenticated"}});
    ApiError error = caller.status().code() == StatusCode::kUnauthenticated
                         ? ApiError::invalid_api_key()
                         : ApiError::invalid_parameter(caller.status().message());
    send(error_response(error, request.version(), false));
    return;
  }
  std::optional<std::string> model_name = query_param(split_target(request.target()).query, "model");
  if (!model_name || model_name->empty()) {
    send(error_response(ApiError::missing_model(), request.version(), false));
    return;
  }
  const catalog::ModelInfo* model = context_.models.find_model(*model_name, catalog::Surface::kRealtime);
  if (!model) {
    log::info("realtime_rejected", {{"reason", "unknown_model"}, {"model", *model_name}});
    send(error_response(ApiError::model_not_found(*model_name), request.version(), false));
    return;
  }
  stream_.expires_never();
  std::make_shared<RealtimeConnection>(std::move(stream_), context_, *model, std::move(*caller))
      ->accept(std::move(request));
}

void HttpSession::send(Response response) {
  bool close = !response.keep_alive();
  auto shared = std::make_shared<Response>(std::move(response));
  http::async_write(stream_, *shared,
                    [self = shared_from_this(), shared, close](beast::error_code ec, std::size_t n) {
                      self->on_write(close, ec, n);
                    });
}

void HttpSession::on_write(bool close_after, beast::error_code ec, std::size_t) {
  if (ec || close_after) {
    close();
    return;
  }
  read_request();
}

void HttpSession::close() {
  beast::error_code ec;
  stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
}

}  // namespace voxwire::server
