// bench/server_process.h: a `voxwire serve` child process for the load
// benchmark, so the server's CPU time and memory can be read from /proc apart
// from the load generator's. It listens on 127.0.0.1 (an ephemeral port), uses
// a fresh data directory under /tmp (removed afterwards) and one API key, with
// rate limits and session caps off. Header-only; not thread-safe.
#pragma once
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "support/http_client.h"

namespace voxwire::bench {

class ServerProcess {
 public:
  // Started and ready (/readyz answered 200 within `ready_timeout`), or null
  // with the reason and the server's log on stderr.
  static std::unique_ptr<ServerProcess> start(const std::string& binary, const std::string& key,
                                              const std::vector<std::string>& extra_args,
                                              std::chrono::seconds ready_timeout = std::chrono::seconds(120)) {
    const std::string dir = "/tmp/voxwire-load-" + std::to_string(::getpid());
    std::filesystem::create_directories(dir);
    std::vector<std::string> args = {binary,       "serve",   "--host",           "127.0.0.1", "--port",
                                     "0",          "--data-dir", dir,             "--api-key", key,
                                     "--no-rate-limits", "--max-sessions-per-key", "0"};
    args.insert(args.end(), extra_args.begin(), extra_args.end());
    std::unique_ptr<ServerProcess> server(new ServerProcess(dir));
    server->pid_ = ::fork();
    if (server->pid_ == 0) {
      std::FILE* log = std::fopen(server->log_path().c_str(), "w");
      if (log) {
        ::dup2(::fileno(log), STDOUT_FILENO);
        ::dup2(::fileno(log), STDERR_FILENO);
      }
      std::vector<char*> argv;
      for (std::string& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      ::execv(argv[0], argv.data());
      std::perror("execv");
      ::_exit(127);
    }
    if (server->pid_ < 0 || !server->wait_ready(ready_timeout)) {
      std::fprintf(stderr, "voxwire did not become ready; its log:\n%s\n", server->log().c_str());
      return nullptr;
    }
    return server;
  }

  ~ServerProcess() {
    if (pid_ > 0) {
      ::kill(pid_, SIGTERM);
      int status = 0;
      ::waitpid(pid_, &status, 0);
    }
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  uint16_t port() const { return port_; }

  // User + system CPU time the server has used so far, in seconds.
  double cpu_seconds() const {
    std::ifstream in("/proc/" + std::to_string(pid_) + "/stat");
    std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::istringstream fields(stat.substr(stat.rfind(')') + 2));  // after "pid (comm) "
    std::string field;
    unsigned long long utime = 0, stime = 0;
    for (int i = 3; fields >> field; ++i) {  // field 3 is the state
      if (i == 14) utime = std::stoull(field);
      if (i == 15) {
        stime = std::stoull(field);
        break;
      }
    }
    return static_cast<double>(utime + stime) / static_cast<double>(::sysconf(_SC_CLK_TCK));
  }

  // Resident set size now, in KiB (0 if unreadable).
  long rss_kib() const {
    std::ifstream in("/proc/" + std::to_string(pid_) + "/status");
    std::string line;
    while (std::getline(in, line)) {
      if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
    }
    return 0;
  }

  std::string log() const {
    std::ifstream in(log_path());
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  }

 private:
  explicit ServerProcess(std::string dir) : dir_(std::move(dir)) {}
  std::string log_path() const { return dir_ + "/server.log"; }

  // Finds the port in the log ("event=listening ... port=N"), then polls
  // /readyz: the server warms every voice up before it is ready.
  bool wait_ready(std::chrono::seconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    const std::regex listening("event=listening host=\\S+ port=(\\d+)");
    while (std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return false;
      }
      std::smatch m;
      const std::string text = log();
      if (port_ == 0 && std::regex_search(text, m, listening)) port_ = static_cast<uint16_t>(std::stoi(m[1]));
      if (port_ != 0 && testing::http_request(port_, "GET", "/readyz").status == 200) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
  }

  std::string dir_;
  pid_t pid_ = -1;
  uint16_t port_ = 0;
};

}  // namespace voxwire::bench
