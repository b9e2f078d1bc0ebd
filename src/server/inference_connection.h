// server/inference_connection.h: one CosyVoice/Sambert task WebSocket
// (/api-ws/v1/inference): JSON text frames in, JSON events and binary audio
// frames out over a WsTransport (one write in flight, synthesis output posted
// back from the workers, the 60 s idle close, a stalled-reader timeout), the
// 23 s client-gap rule, metrics and one log line when it ends
// (event=inference_end). The protocol itself is inference::TaskSession.
// Lives while an operation of its transport holds it; every handler runs on
// the connection's strand.
#pragma once
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "inference/task_session.h"
#include "metrics/metrics.h"
#include "server/server_context.h"
#include "server/ws_transport.h"

namespace voxwire::server {

class InferenceConnection : public std::enable_shared_from_this<InferenceConnection>,
                            private inference::TaskHost,
                            private WsTransport::Host {
 public:
  // `caller` owns the cloned and designed voices its tasks may use and is
  // metered; request_id is the upgrade request's; `connection` counts the
  // socket while it lives.
  InferenceConnection(boost::beast::tcp_stream stream, ServerContext& context, auth::Caller caller,
                      limits::SessionLimiter::Ticket session_place, std::string request_id,
                      metrics::GaugeHold connection);

  // Completes the WebSocket handshake for `request` and starts reading.
  void accept(boost::beast::http::request<boost::beast::http::string_body> request);

 private:
  using Clock = WsTransport::Clock;

  // inference::TaskHost
  void send_event(boost::json::object event) override;
  void send_audio(std::string bytes, uint64_t job_id, std::size_t pcm_bytes) override;
  void discard_queued() override;
  void start_job(uint64_t job_id, synthesis::SynthesisSpec spec) override;
  void cancel_job(uint64_t job_id) override;
  void fetch_audio(uint64_t fetch_id, std::string url, std::size_t max_bytes) override;
  void consumed(uint64_t job_id, std::size_t bytes) override;
  void close(uint16_t code, std::string reason) override;
  void served(std::string_view model, long long characters, double audio_seconds, audio::AudioFormat format) override;
  void task_failed(std::string_view code) override;
  bool admit(std::string_view model) override;

  // WsTransport::Host
  void on_open() override;
  void on_message(std::string_view frame, bool text) override;
  void on_job_chunk(uint64_t job_id, std::string bytes) override;
  void on_job_done(uint64_t job_id, const Status& status, const synthesis::JobStats& stats) override;
  bool busy() const override { return session_.busy(); }
  bool check_timeouts(Clock::time_point now) override;  // the 23 s rule
  Clock::time_point next_deadline() const override;
  void on_end(std::string_view by, int code, std::string_view reason, std::chrono::milliseconds open_for) override;

  ServerContext& context_;
  const std::string account_;                    // the caller's, for metering
  limits::SessionLimiter::Ticket session_place_;  // held while the connection lives
  metrics::GaugeHold connection_;                // held while the connection lives
  inference::TaskSession session_;
  Clock::time_point last_instruction_ = Clock::now();  // last client message (23 s rule)
  WsTransport transport_;
};

}  // namespace voxwire::server
