// Runs a real voxwire Server in-process on 127.0.0.1 (an ephemeral port) with
// its own thread, for integration tests that talk to it over loopback.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include "server/server.h"

namespace voxwire::testing {

inline constexpr const char* kTestKey = "sk-voxwire-test";

class TestServer {
 public:
  // 127.0.0.1, port 0, API key kTestKey, a fresh data directory.
  static server::ServerConfig default_config();
  explicit TestServer(server::ServerConfig config = default_config(), const Clock* clock = nullptr);
  ~TestServer();

  uint16_t port() const { return server_->port(); }
  const server::Server& server() const { return *server_; }
  const std::string& data_dir() const { return data_dir_; }
  std::string realtime_target(const std::string& model = "qwen3-tts-flash-realtime") const {
    return "/api-ws/v1/realtime?model=" + model;
  }

 private:
  std::string data_dir_;
  std::unique_ptr<server::Server> server_;
  std::thread thread_;
};

// A test suite whose tests share one TestServer (default_config()), started
// before its first test and stopped after its last.
class SharedServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new TestServer(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static TestServer* server_;
};

}  // namespace voxwire::testing
