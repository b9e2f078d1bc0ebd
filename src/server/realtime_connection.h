// server/realtime_connection.h: one realtime WebSocket (/api-ws/v1/realtime):
// JSON text frames in and out over a WsTransport (one write in flight,
// synthesis output posted back from the workers, idle and stalled-reader
// timeouts), its metrics and one log line when it ends (event=realtime_end).
// The protocol itself is realtime::Session. Lives while an operation of its
// transport holds it; every handler runs on the connection's strand.
#pragma once
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "metrics/metrics.h"
#include "realtime/session.h"
#include "server/server_context.h"
#include "server/ws_transport.h"

namespace voxwire::server {

class RealtimeConnection : public std::enable_shared_from_this<RealtimeConnection>,
                           private realtime::SessionHost,
                           private WsTransport::Host {
 public:
  // `caller` owns the custom voices this connection may use; request_id is
  // the upgrade request's; `connection` counts the socket while it lives.
  RealtimeConnection(boost::beast::tcp_stream stream, ServerContext& context, const catalog::ModelInfo& model,
                     auth::Caller caller, limits::SessionLimiter::Ticket session_place, std::string request_id,
                     metrics::GaugeHold connection);

  // Completes the WebSocket handshake for `request` and starts the session; a
  // non-empty `subprotocol` is named in the answer (browsers' key,
  // server/browser_key.h).
  void accept(boost::beast::http::request<boost::beast::http::string_body> request, std::string subprotocol = {});

 private:
  // realtime::SessionHost
  void send(boost::json::object event, uint64_t job_id, std::size_t audio_bytes) override;
  void start_job(uint64_t job_id, synthesis::SynthesisSpec spec) override;
  void cancel_job(uint64_t job_id) override;
  void close(uint16_t code, std::string reason) override;
  void served(const catalog::ServedUsage& usage, double audio_seconds, audio::AudioFormat format) override;
  void first_audio(std::chrono::steady_clock::duration wait) override;
  void error_sent(std::string_view code) override;

  // WsTransport::Host
  void on_open() override;
  void on_message(std::string_view frame, bool text) override;
  void on_job_chunk(uint64_t job_id, std::string bytes) override;
  void on_job_done(uint64_t job_id, const Status& status, const synthesis::JobStats& stats) override;
  bool busy() const override { return session_.busy(); }
  void on_end(std::string_view by, int code, std::string_view reason, std::chrono::milliseconds open_for) override;

  ServerContext& context_;
  const catalog::ModelInfo& model_;
  const std::string account_;                      // the caller's, for metering
  limits::SessionLimiter::Ticket session_place_;  // held while the connection lives
  metrics::GaugeHold connection_;                // held while the connection lives
  int responses_ = 0;
  realtime::Session session_;
  WsTransport transport_;
};

}  // namespace voxwire::server
