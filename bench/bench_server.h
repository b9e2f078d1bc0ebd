// bench/bench_server.h: what every benchmark starts from — a voxwire server
// in this process on 127.0.0.1 (an ephemeral port, a fresh data directory
// under /tmp removed afterwards, one API key, and no rate limits or session
// caps: the benchmarks measure the server, not its admission policy) — and
// the arithmetic of their reports. Header-only: every bench/*.cc is a program.
#pragma once
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

#include "base/log.h"
#include "server/server.h"

namespace voxwire::bench {

using Clock = std::chrono::steady_clock;

inline double ms_since(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

// The p-th percentile (0..100) of v, nearest rank. REQUIRES: !v.empty().
inline double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  const std::size_t i = static_cast<std::size_t>(p / 100.0 * (v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

class BenchServer {
 public:
  // Started and serving, or null (the reason printed to stderr). Logs only
  // warnings and errors. warm_up: prime the engines at start, as `voxwire
  // serve` does.
  static std::unique_ptr<BenchServer> start(const std::string& key, int workers, bool warm_up) {
    log::set_level(log::Level::kWarn);
    server::ServerConfig config;
    config.port = 0;
    config.api_keys = {key};
    config.rate_limits = false;
    config.max_sessions_per_account = 0;
    config.worker_threads = workers;
    config.warm_up = warm_up;
    config.data_dir = "/tmp/voxwire-bench-" + std::to_string(::getpid());
    std::filesystem::create_directories(config.data_dir);
    std::unique_ptr<BenchServer> bench(new BenchServer(config.data_dir));
    auto made = server::Server::create(config);
    const Status started = made.ok() ? (*made)->start() : made.status();
    if (!started.ok()) {
      std::fprintf(stderr, "server did not start: %s\n", started.to_string().c_str());
      return nullptr;
    }
    bench->server_ = std::move(made).value();
    bench->serving_ = std::thread([s = bench->server_.get()] { s->run(); });
    return bench;
  }

  ~BenchServer() {
    if (server_) server_->stop();
    if (serving_.joinable()) serving_.join();
    server_.reset();
    std::error_code ec;
    std::filesystem::remove_all(data_dir_, ec);
  }

  uint16_t port() const { return server_->port(); }

 private:
  explicit BenchServer(std::string data_dir) : data_dir_(std::move(data_dir)) {}

  std::string data_dir_;
  std::unique_ptr<server::Server> server_;
  std::thread serving_;
};

}  // namespace voxwire::bench
