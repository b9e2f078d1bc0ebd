// A minimal HTTP server on 127.0.0.1 for tests: each accepted connection
// gets the next canned response (an empty one: no answer for 1.5 s), on a
// thread of its own. Serves len(responses) connections, then stops.
#pragma once
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <atomic>
#include <string>
#include <thread>
#include <vector>

namespace voxwire::testing {

class CannedHttpServer {
 public:
  explicit CannedHttpServer(std::vector<std::string> responses);
  ~CannedHttpServer();
  std::string url(const std::string& path = "/voice.wav") const;

 private:
  boost::asio::io_context ioc_;
  boost::asio::ip::tcp::acceptor acceptor_;
  std::vector<std::string> responses_;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

// "HTTP/1.1 200 OK" with `body`.
std::string ok_response(const std::string& body, const std::string& content_type = "application/octet-stream");

}  // namespace voxwire::testing
