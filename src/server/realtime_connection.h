// server/realtime_connection.h: one realtime WebSocket (/api-ws/v1/realtime):
// frames in and out, one write in flight, synthesis output posted back from
// the workers, idle and stalled-reader timeouts, its metrics and one log line
// when it ends (event=realtime_end). The protocol itself is
// realtime::Session. Lives while an operation or a job holds it; every
// handler runs on the connection's strand.
#pragma once
#include <chrono>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>

#include "metrics/metrics.h"
#include "realtime/session.h"
#include "server/job_forwarder.h"
#include "server/server_context.h"

namespace voxwire::server {

class RealtimeConnection : public std::enable_shared_from_this<RealtimeConnection>, private realtime::SessionHost {
 public:
  // `caller` owns the custom voices this connection may use; request_id is
  // the upgrade request's; `connection` counts the socket while it lives.
  RealtimeConnection(boost::beast::tcp_stream stream, ServerContext& context, const catalog::ModelInfo& model,
                     auth::Caller caller, limits::SessionLimiter::Ticket session_place, std::string request_id,
                     metrics::GaugeHold connection);
  ~RealtimeConnection() override;

  // Completes the WebSocket handshake for `request` and starts the session; a
  // non-empty `subprotocol` is named in the answer (browsers' key,
  // server/browser_key.h).
  void accept(boost::beast::http::request<boost::beast::http::string_body> request, std::string subprotocol = {});

 private:
  using Clock = std::chrono::steady_clock;
  friend class JobForwarder<RealtimeConnection>;
  // Job output arriving on the strand (server/job_forwarder.h).
  void forward_chunk(uint64_t job_id, std::string bytes);
  void forward_done(uint64_t job_id, const Status& status, const synthesis::JobStats& stats);

  struct Outgoing {
    std::string frame;
    uint64_t job_id = 0;          // audio deltas: whose output ...
    std::size_t audio_bytes = 0;  // ... and how much, credited once written
  };

  // realtime::SessionHost
  void send(boost::json::object event, uint64_t job_id, std::size_t audio_bytes) override;
  void start_job(uint64_t job_id, synthesis::SynthesisSpec spec) override;
  void cancel_job(uint64_t job_id) override;
  void close(uint16_t code, std::string reason) override;
  void served(const catalog::ServedUsage& usage, double audio_seconds, audio::AudioFormat format) override;
  void first_audio(std::chrono::steady_clock::duration wait) override;
  void error_sent(std::string_view code) override;

  void on_accept(boost::beast::error_code ec);
  void read_next();
  void on_read(boost::beast::error_code ec, std::size_t bytes);
  void write_next();
  void on_write(boost::beast::error_code ec, std::size_t bytes);
  void start_close();
  void arm_timer();
  void on_timer(boost::beast::error_code ec);
  // The connection is over, ended by `by` ("client", "server", "error") with
  // a close code and reason: no more reads, writes or jobs. Logs once.
  void end(std::string_view by, int code, std::string_view reason);
  // Ends the connection at once (read/write failure, stalled reader).
  void abort(std::string_view reason);
  void cancel_jobs();

  boost::beast::websocket::stream<boost::beast::tcp_stream> ws_;
  boost::beast::flat_buffer read_buffer_;
  ServerContext& context_;
  const catalog::ModelInfo& model_;
  const std::string account_;                      // the caller's, for metering
  limits::SessionLimiter::Ticket session_place_;  // held while the connection lives
  const std::string request_id_;
  metrics::GaugeHold connection_;                // held while the connection lives
  std::optional<metrics::GaugeHold> active_;     // from the handshake until end()
  Clock::time_point opened_;
  int responses_ = 0;
  realtime::Session session_;
  boost::asio::steady_timer timer_;

  std::deque<Outgoing> outbox_;
  std::size_t outbox_bytes_ = 0;
  bool writing_ = false;
  std::optional<boost::beast::websocket::close_reason> close_when_drained_;
  bool closed_ = false;  // closing or closed: no new reads, writes or jobs
  std::unordered_map<uint64_t, std::shared_ptr<synthesis::JobHandle>> jobs_;
  Clock::time_point last_activity_ = Clock::now();
  Clock::time_point write_started_ = Clock::now();
};

}  // namespace voxwire::server
