// server/server_config.h: everything `voxwire serve` can be told, with the
// defaults it runs on. Plain value type; validate() before use.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "text/front_end_config.h"

namespace voxwire::server {

struct ServerConfig {
  std::string host = "127.0.0.1";          // listen address (VOXWIRE_HOST)
  uint16_t port = 8080;                    // 0 picks a free port (VOXWIRE_PORT)
  std::string data_dir = "voxwire-data";   // SQLite database, audio files (VOXWIRE_DATA_DIR)
  std::string audio_dir;                   // generated audio files; empty = <data_dir>/audio (VOXWIRE_AUDIO_DIR)
  std::vector<std::string> api_keys;       // accepted keys; none = any key, loopback only (VOXWIRE_API_KEYS)
  int io_threads = 1;                      // network threads
  int worker_threads = 0;                  // synthesis threads; 0 = one per core
  int idle_timeout_ms = 60000;             // close a WebSocket idle this long (§2.8)
  int task_gap_timeout_ms = 23000;         // CosyVoice task without a client instruction this long fails (§10.3 of the CosyVoice reference)
  int write_timeout_ms = 30000;            // close a client that stops reading this long
  int header_timeout_ms = 30000;           // time to send an HTTP request's headers
  std::size_t max_message_bytes = 1 << 20;  // largest WebSocket message accepted
  std::size_t max_body_bytes = 16 << 20;   // largest HTTP request body accepted
  int drain_timeout_ms = 10000;            // on SIGTERM: how long in-flight responses may take to finish
  bool warm_up = true;                     // prime the engines for every system voice after start()
  int max_voices_per_account = 1000;       // custom voices per product and account
  int64_t voice_retention_ms = 365LL * 24 * 3600 * 1000;  // unused custom voices are deleted after this
  int64_t sweep_interval_ms = 3600 * 1000; // how often to look for them
  bool allow_private_urls = false;         // cloning may download recordings from private/loopback hosts
  std::string public_base_url;             // base of audio file URLs; empty = http://<Host header>
  bool rate_limits = true;                 // enforce requests per minute per key and model
  int rpm = 0;                             // > 0: this limit for every model instead of the documented ones
  int default_rpm = 180;                   // for models whose limit the reference does not give
  int max_sessions_per_account = 20;       // concurrent realtime sessions per key; 0 = unlimited
  text::FrontEndConfig text;               // pauses, clause cutting, web addresses (with enable_tn)

  // For an open server (no API key configured or created): forces loopback,
  // as it must not be reachable from other hosts. Returns true if it changed
  // the host.
  bool restrict_open_server_to_loopback();
  // Where generated audio files live: audio_dir, or <data_dir>/audio.
  std::string audio_directory() const;
  // InvalidArgument naming the field for out-of-range values.
  Status validate() const;
  // One line for the startup log; API keys are counted, never printed.
  std::string to_string() const;
};

bool is_loopback_host(const std::string& host);

}  // namespace voxwire::server
