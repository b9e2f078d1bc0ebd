// server/inference_connection.h: one CosyVoice/Sambert task WebSocket
// (/api-ws/v1/inference): JSON text frames in, JSON events and binary audio
// frames out, one write in flight, synthesis output posted back from the
// workers, the 60 s idle close, the 23 s client-gap rule, a stalled-reader
// timeout, metrics and one log line when it ends (event=inference_end). The
// protocol itself is inference::TaskSession. Lives while an operation or a
// job holds it; every handler runs on the connection's strand.
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

#include "inference/task_session.h"
#include "metrics/metrics.h"
#include "server/job_forwarder.h"
#include "server/server_context.h"

namespace voxwire::server {

class InferenceConnection : public std::enable_shared_from_this<InferenceConnection>, private inference::TaskHost {
 public:
  // `account` is the caller's, for metering; request_id is the upgrade
  // request's; `connection` counts the socket while it lives.
  InferenceConnection(boost::beast::tcp_stream stream, ServerContext& context, std::string account,
                      limits::SessionLimiter::Ticket session_place, std::string request_id,
                      metrics::GaugeHold connection);
  ~InferenceConnection() override;

  // Completes the WebSocket handshake for `request` and starts reading.
  void accept(boost::beast::http::request<boost::beast::http::string_body> request);

 private:
  using Clock = std::chrono::steady_clock;
  friend class JobForwarder<InferenceConnection>;
  // Job output arriving on the strand (server/job_forwarder.h).
  void forward_chunk(uint64_t job_id, std::string bytes);
  void forward_done(uint64_t job_id, const Status& status, const synthesis::JobStats& stats);

  struct Outgoing {
    std::string frame;
    bool binary = false;
    uint64_t job_id = 0;         // audio: whose PCM it carries ...
    std::size_t pcm_bytes = 0;   // ... and how much, credited once written
  };

  // inference::TaskHost
  void send_event(boost::json::object event) override;
  void send_audio(std::string bytes, uint64_t job_id, std::size_t pcm_bytes) override;
  void discard_queued() override;
  void start_job(uint64_t job_id, synthesis::SynthesisSpec spec) override;
  void cancel_job(uint64_t job_id) override;
  void consumed(uint64_t job_id, std::size_t bytes) override;
  void close(uint16_t code, std::string reason) override;
  void served(std::string_view model, long long characters, double audio_seconds, audio::AudioFormat format) override;
  void task_failed(std::string_view code) override;
  bool admit(std::string_view model) override;

  void enqueue(Outgoing out);
  void on_accept(boost::beast::error_code ec);
  void read_next();
  void on_read(boost::beast::error_code ec, std::size_t bytes);
  void write_next();
  void on_write(boost::beast::error_code ec, std::size_t bytes);
  void start_close();
  void arm_timer();
  void on_timer(boost::beast::error_code ec);
  void end(std::string_view by, int code, std::string_view reason);
  void abort(std::string_view reason);
  void cancel_jobs();

  boost::beast::websocket::stream<boost::beast::tcp_stream> ws_;
  boost::beast::flat_buffer read_buffer_;
  ServerContext& context_;
  const std::string account_;
  limits::SessionLimiter::Ticket session_place_;  // held while the connection lives
  const std::string request_id_;
  metrics::GaugeHold connection_;
  std::optional<metrics::GaugeHold> active_;
  Clock::time_point opened_;
  inference::TaskSession session_;
  boost::asio::steady_timer timer_;

  std::deque<Outgoing> outbox_;
  std::size_t outbox_bytes_ = 0;
  bool writing_ = false;
  std::optional<boost::beast::websocket::close_reason> close_when_drained_;
  bool closed_ = false;
  std::unordered_map<uint64_t, std::shared_ptr<synthesis::JobHandle>> jobs_;
  Clock::time_point last_activity_ = Clock::now();  // last client message or end of work
  Clock::time_point last_instruction_ = Clock::now();  // last client message (23 s rule)
  Clock::time_point write_started_ = Clock::now();
};

}  // namespace voxwire::server
