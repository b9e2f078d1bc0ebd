#include "integration/test_server.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <mutex>
#include <vector>

namespace voxwire::testing {

namespace {

// Removes the data directories handed out by default_config() when the test
// process exits (a directory may outlive one server: restart tests reuse it).
struct DataDirs {
  std::mutex mutex;
  std::vector<std::string> paths;
  ~DataDirs() {
    for (const auto& p : paths) std::filesystem::remove_all(p);
  }
};
DataDirs g_data_dirs;

}  // namespace

server::ServerConfig TestServer::default_config() {
  static std::atomic<int> counter{0};
  server::ServerConfig config;
  config.host = "127.0.0.1";
  config.port = 0;
  config.api_keys = {kTestKey};
  config.data_dir = (std::filesystem::temp_directory_path() /
                     ("voxwire-it-" + std::to_string(getpid()) + "-" + std::to_string(counter++)))
                        .string();
  {
    std::lock_guard<std::mutex> lock(g_data_dirs.mutex);
    g_data_dirs.paths.push_back(config.data_dir);
  }
  config.worker_threads = 2;
  config.warm_up = false;  // each test process starts a server: keep start-up cheap
  // Tests open many sessions with one key; limits_test.cc turns these back on.
  config.rate_limits = false;
  config.max_sessions_per_account = 0;
  return config;
}

TestServer::TestServer(server::ServerConfig config, const Clock* clock) : data_dir_(config.data_dir) {
  std::filesystem::create_directories(config.data_dir);
  auto server = server::Server::create(config, clock);
  if (!server.ok()) {
    ADD_FAILURE() << "server did not start: " << server.status().to_string();
    std::abort();
  }
  server_ = std::move(*server);
  Status s = server_->start();
  if (!s.ok()) {
    ADD_FAILURE() << "server did not listen: " << s.to_string();
    std::abort();
  }
  thread_ = std::thread([this] { server_->run(); });
}

TestServer::~TestServer() {
  server_->stop();
  thread_.join();
  server_.reset();
}

TestServer* SharedServerTest::server_ = nullptr;

}  // namespace voxwire::testing
