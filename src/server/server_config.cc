#include "server/server_config.h"

#include <filesystem>

namespace voxwire::server {

std::string ServerConfig::audio_directory() const {
  return audio_dir.empty() ? (std::filesystem::path(data_dir) / "audio").string() : audio_dir;
}

bool is_loopback_host(const std::string& host) {
  return host == "127.0.0.1" || host == "::1" || host == "localhost" || host.rfind("127.", 0) == 0;
}

bool ServerConfig::restrict_open_server_to_loopback() {
  if (!api_keys.empty() || is_loopback_host(host)) return false;
  host = "127.0.0.1";
  return true;
}

Status ServerConfig::validate() const {
  if (host.empty()) return Status::invalid_argument("host must not be empty", "host");
  if (io_threads < 1 || io_threads > 64) return Status::invalid_argument("io_threads must be 1..64", "io_threads");
  if (worker_threads < 0 || worker_threads > 256) {
    return Status::invalid_argument("worker_threads must be 0..256", "worker_threads");
  }
  if (task_gap_timeout_ms < 100) {
    return Status::invalid_argument("task_gap_timeout_ms must be >= 100", "task_gap_timeout_ms");
  }
  if (idle_timeout_ms < 100) return Status::invalid_argument("idle_timeout_ms must be >= 100", "idle_timeout_ms");
  if (write_timeout_ms < 100) return Status::invalid_argument("write_timeout_ms must be >= 100", "write_timeout_ms");
  if (header_timeout_ms < 100) {
    return Status::invalid_argument("header_timeout_ms must be >= 100", "header_timeout_ms");
  }
  if (max_message_bytes < 1024) {
    return Status::invalid_argument("max_message_bytes must be >= 1024", "max_message_bytes");
  }
  if (data_dir.empty()) return Status::invalid_argument("data_dir must not be empty", "data_dir");
  if (drain_timeout_ms < 0) return Status::invalid_argument("drain_timeout_ms must be >= 0", "drain_timeout_ms");
  if (rpm < 0 || default_rpm < 0) return Status::invalid_argument("rpm and default_rpm must be >= 0", "rpm");
  if (max_sessions_per_account < 0) {
    return Status::invalid_argument("max_sessions_per_account must be >= 0", "max_sessions_per_account");
  }
  if (max_voices_per_account < 0) {
    return Status::invalid_argument("max_voices_per_account must be >= 0", "max_voices_per_account");
  }
  if (voice_retention_ms < 1000 || sweep_interval_ms < 10) {
    return Status::invalid_argument("voice_retention_ms and sweep_interval_ms must be positive", "sweep_interval_ms");
  }
  if (Status pauses = text.pauses.validate(); !pauses.ok()) return pauses;
  for (const std::string& key : api_keys) {
    if (key.empty() || key.find_first_of(" \t\r\n") != std::string::npos) {
      return Status::invalid_argument("API keys must be non-empty and contain no whitespace", "api_keys");
    }
  }
  return Status();
}

std::string ServerConfig::to_string() const {
  return "host=" + host + " port=" + std::to_string(port) + " data_dir=" + data_dir +
         " api_keys=" + std::to_string(api_keys.size()) + " io_threads=" + std::to_string(io_threads) +
         " worker_threads=" + std::to_string(worker_threads) + " idle_timeout_ms=" + std::to_string(idle_timeout_ms);
}

}  // namespace voxwire::server
