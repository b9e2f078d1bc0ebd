// metrics/metrics.h: the server's Prometheus metrics (every name below starts
// with voxwire_) and their text exposition for GET /metrics. One Metrics per
// Server, outliving every connection. Thread-safe: updates are atomic, and a
// labelled metric is looked up (under a short lock) once per call.
#pragma once
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace prometheus {
class Counter;
class Gauge;
class Histogram;
class Registry;
template <typename T>
class Family;
}  // namespace prometheus

namespace voxwire::metrics {

// One unit of a gauge (an open connection, an active session), held while
// this lives. Move-only; a moved-from hold holds nothing.
class GaugeHold {
 public:
  explicit GaugeHold(prometheus::Gauge& gauge);
  GaugeHold(GaugeHold&& other) noexcept;
  GaugeHold& operator=(GaugeHold&&) = delete;
  GaugeHold(const GaugeHold&) = delete;
  ~GaugeHold();

 private:
  prometheus::Gauge* gauge_;
};

// Why a request was refused with 429 Throttling.RateQuota.
enum class Limit {
  kRpm,       // requests per minute per key and model ("rpm")
  kSessions,  // concurrent realtime sessions per key ("sessions")
};

class Metrics {
 public:
  Metrics();
  ~Metrics();
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  // voxwire_open_connections: an accepted TCP connection, HTTP or the
  // WebSocket it became. REQUIRES (both holds): *this outlives the hold.
  GaugeHold connection_opened();
  // voxwire_realtime_sessions_active: a realtime WebSocket, from its
  // handshake until it starts closing.
  GaugeHold realtime_session_started();

  // voxwire_realtime_first_audio_seconds: how long a listener waited for a
  // response's first response.audio.delta (see realtime::SessionHost).
  void first_audio(std::chrono::steady_clock::duration wait);
  // voxwire_synthesis_real_time_factor: a completed synthesis job's worker
  // seconds per second of audio. Jobs without audio are not observed.
  void synthesis_completed(double worker_seconds, double audio_seconds);
  // voxwire_audio_seconds_total and voxwire_characters_total{model, format}:
  // one response served (characters: of character-billed models, else 0).
  void served(std::string_view model, std::string_view format, double audio_seconds, int64_t characters);
  // voxwire_errors_total{code}: an error answer (HTTP) or error event
  // (realtime) with this DashScope code.
  void error(std::string_view code);
  // voxwire_rate_limited_total{reason}: a request refused by `limit`.
  void rate_limited(Limit limit);
  // voxwire_synthesis_queue_depth: sampled by the caller (e.g. per scrape).
  void set_queue_depth(std::size_t jobs);

  // Every metric in the Prometheus text format 0.0.4.
  std::string exposition() const;

 private:
  std::unique_ptr<prometheus::Registry> registry_;
  prometheus::Gauge& open_connections_;
  prometheus::Gauge& realtime_sessions_;
  prometheus::Gauge& queue_depth_;
  prometheus::Histogram& first_audio_;
  prometheus::Histogram& real_time_factor_;
  prometheus::Family<prometheus::Counter>& audio_seconds_;
  prometheus::Family<prometheus::Counter>& characters_;
  prometheus::Family<prometheus::Counter>& errors_;
  prometheus::Family<prometheus::Counter>& rate_limited_;
  prometheus::Counter& rate_limited_rpm_;
  prometheus::Counter& rate_limited_sessions_;
};

}  // namespace voxwire::metrics
