// server/http_session.h: one HTTP/1.1 connection: reads requests (bounded
// header time and body size), answers the plain HTTP routes and hands
// WebSocket upgrades of the realtime path to a RealtimeConnection.
// Lives as long as an asynchronous operation holds it; runs on its strand.
#pragma once
#include <functional>
#include <memory>
#include <optional>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <boost/json.hpp>

#include "api/api_reply.h"
#include "server/server_context.h"

namespace voxwire::server {

class HttpSession : public std::enable_shared_from_this<HttpSession> {
 public:
  HttpSession(boost::asio::ip::tcp::socket socket, ServerContext& context);
  void run();

 private:
  using Request = boost::beast::http::request<boost::beast::http::string_body>;
  using Response = boost::beast::http::response<boost::beast::http::string_body>;

  void read_request();
  void on_read(boost::beast::error_code ec, std::size_t bytes);
  void handle(Request request);
  using ApiHandler =
      std::function<void(const auth::Caller&, const boost::json::object&, std::function<void(ApiReply)>)>;
  // A JSON API call: POST, authenticated, JSON object body; the handler
  // answers through the callback, from any thread.
  void serve_api(Request request, const ApiHandler& handler);
  void upgrade_realtime(Request request);
  void send(Response response);
  void on_write(bool close, boost::beast::error_code ec, std::size_t bytes);
  void close();

  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
  ServerContext& context_;
};

}  // namespace voxwire::server
