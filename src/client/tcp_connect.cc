#include "client/tcp_connect.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/error.hpp>

namespace voxwire::client {

Status tcp_connect(boost::asio::io_context& ioc, boost::beast::tcp_stream& stream, const ServerUrl& server) {
  const std::string where = server.host + ":" + server.port;
  boost::asio::ip::tcp::resolver resolver(ioc);
  boost::system::error_code error;
  auto endpoints = resolver.resolve(server.host, server.port, error);
  if (error) return Status(StatusCode::kUnavailable, "cannot resolve " + where + ": " + error.message());
  stream.async_connect(endpoints, [&](boost::system::error_code e, const auto&) { error = e; });
  ioc.restart();
  ioc.run();
  if (error == boost::beast::error::timeout) {
    return Status(StatusCode::kDeadlineExceeded, "no answer from " + where + " (is the server running?)");
  }
  if (error) return Status(StatusCode::kUnavailable, "cannot connect to " + where + ": " + error.message());
  stream.socket().set_option(boost::asio::ip::tcp::no_delay(true), error);
  return Status();
}

}  // namespace voxwire::client
