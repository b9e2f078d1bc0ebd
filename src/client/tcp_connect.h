// client/tcp_connect.h: resolves a server URL's host and connects a Beast
// stream to it, within the stream's current expiry. Blocking; runs `ioc`.
#pragma once
#include <boost/asio/io_context.hpp>
#include <boost/beast/core/tcp_stream.hpp>

#include "base/status.h"
#include "client/server_url.h"

namespace voxwire::client {

// OK once connected (TCP_NODELAY set). Unavailable, naming the address, when
// the name does not resolve or no address accepts; DeadlineExceeded when the
// stream's expiry passes first. REQUIRES: `ioc` has no other pending work.
Status tcp_connect(boost::asio::io_context& ioc, boost::beast::tcp_stream& stream, const ServerUrl& server);

}  // namespace voxwire::client
