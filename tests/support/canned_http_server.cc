#include "support/canned_http_server.h"

#include <boost/asio/read_until.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>
#include <chrono>

namespace voxwire::testing {

namespace net = boost::asio;
using tcp = net::ip::tcp;

CannedHttpServer::CannedHttpServer(std::vector<std::string> responses)
    : acceptor_(ioc_, tcp::endpoint(net::ip::make_address("127.0.0.1"), 0)), responses_(std::move(responses)) {
  thread_ = std::thread([this] {
    for (const std::string& response : responses_) {
      tcp::socket socket(ioc_);
      boost::system::error_code ec;
      acceptor_.accept(socket, ec);
      if (ec || stopping_) return;
      net::streambuf request;
      net::read_until(socket, request, "\r\n\r\n", ec);
      if (response.empty()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1500));
        continue;
      }
      net::write(socket, net::buffer(response), ec);
    }
  });
}

CannedHttpServer::~CannedHttpServer() {
  // A blocking accept() is not woken by close(): connect once to release it.
  stopping_ = true;
  boost::system::error_code ec;
  tcp::socket wake(ioc_);
  wake.connect(acceptor_.local_endpoint(), ec);
  thread_.join();
  acceptor_.close(ec);
}

std::string CannedHttpServer::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(acceptor_.local_endpoint().port()) + path;
}

std::string ok_response(const std::string& body, const std::string& content_type) {
  return "HTTP/1.1 200 OK\r\nContent-Type: " + content_type + "\r\nContent-Length: " + std::to_string(body.size()) +
         "\r\nConnection: close\r\n\r\n" + body;
}

}  // namespace voxwire::testing
