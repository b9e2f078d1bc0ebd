// server/ws_transport.h: the socket side of one server WebSocket, shared by
// the realtime and inference connections: handshake, read loop with the
// 1009 message-size close, a byte-bounded outbox with one write in flight,
// synthesis jobs whose flow control is credited as their frames are written,
// close/abort, and the stalled-reader and idle timeouts. The protocol is the
// Host's. Owned by its connection (the Host); every call and hook runs on
// the connection's strand.
#pragma once
#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>

#include "metrics/metrics.h"
#include "server/job_forwarder.h"
#include "server/server_context.h"

namespace voxwire::server {

class WsTransport {
 public:
  using Clock = std::chrono::steady_clock;

  // The protocol side. Hooks run on the strand, never after on_end().
  class Host {
   public:
    virtual ~Host() = default;
    virtual void on_open() = 0;  // handshake done; reading starts next
    // One complete client message, text or binary.
    virtual void on_message(std::string_view frame, bool text) = 0;
    // Output of a job started with start_job().
    virtual void on_job_chunk(uint64_t job_id, std::string bytes) = 0;
    virtual void on_job_done(uint64_t job_id, const Status& status, const synthesis::JobStats& stats) = 0;
    // Serving a request: the idle timeout does not run.
    virtual bool busy() const = 0;
    // The host's own timeouts, checked at each timer wake after the
    // stalled-reader check, with next_deadline() the latest next wake.
    // Returns false when one fired (the host has closed; the timer stops).
    virtual bool check_timeouts(Clock::time_point /*now*/) { return true; }
    virtual Clock::time_point next_deadline() const { return Clock::time_point::max(); }
    // The connection is over, ended by `by` ("client", "server", "error")
    // with a close code (1006 when dropped) and reason, after `open_for`.
    virtual void on_end(std::string_view by, int code, std::string_view reason, std::chrono::milliseconds open_for) = 0;
  };

  // `name` prefixes the log events (<name>_handshake_failed,
  // <name>_message_too_big); request_id is the upgrade request's.
  // REQUIRES: host and context outlive the transport.
  WsTransport(boost::beast::tcp_stream stream, ServerContext& context, Host& host, std::string_view name,
              std::string request_id);
  ~WsTransport();  // cancels the jobs still running

  // Completes the WebSocket handshake for `request` (a non-empty
  // `subprotocol` is named in the answer), then calls host.on_open() and
  // reads. Pending operations and timers hold `owner` alive; job output
  // reaching a dead owner is dropped. REQUIRES: owner owns this transport.
  void accept(std::shared_ptr<void> owner, boost::beast::http::request<boost::beast::http::string_body> request,
              std::string subprotocol = {});

  // Queue a frame; job_id/job_bytes: whose output it carries and how much,
  // credited to the job once written. Dropped once close() was asked; a
  // client whose queue passes the outbox limit is aborted.
  void send_text(std::string frame, uint64_t job_id = 0, std::size_t job_bytes = 0);
  void send_binary(std::string frame, uint64_t job_id = 0, std::size_t job_bytes = 0);
  // Drops queued frames not yet being written.
  void discard_queued();
  // Sends what is queued, then closes with code and reason. Once only.
  void close(uint16_t code, std::string reason);

  // Starts synthesis; output comes back through the host's job hooks.
  void start_job(uint64_t job_id, synthesis::SynthesisSpec spec);
  void cancel_job(uint64_t job_id);
  // Credits `bytes` of a job's output as consumed without a frame.
  void consumed(uint64_t job_id, std::size_t bytes);
  // Runs `task` on the strand, from any thread, unless the transport has
  // ended or its owner died by then.
  void post(std::function<void()> task);
  // Restarts the idle timeout, as a client message does.
  void note_activity() { last_activity_ = Clock::now(); }

  const std::string& request_id() const { return request_id_; }

 private:
  friend class JobForwarder<WsTransport>;
  void forward_chunk(uint64_t job_id, std::string bytes);
  void forward_done(uint64_t job_id, const Status& status, const synthesis::JobStats& stats);

  struct Outgoing {
    std::string frame;
    bool binary = false;
    uint64_t job_id = 0;         // whose output it carries ...
    std::size_t job_bytes = 0;   // ... and how much, credited once written
  };

  std::shared_ptr<WsTransport> hold() const;  // keeps the owner alive
  void enqueue(Outgoing out);
  void on_accept(boost::beast::error_code ec);
  void read_next();
  void on_read(boost::beast::error_code ec, std::size_t bytes);
  void write_next();
  void on_write(boost::beast::error_code ec, std::size_t bytes);
  void start_close();
  void arm_timer();
  void on_timer(boost::beast::error_code ec);
  // No more reads, writes or jobs; tells the host once.
  void end(std::string_view by, int code, std::string_view reason);
  // Ends at once (read/write failure, stalled reader).
  void abort(std::string_view reason);
  void cancel_jobs();

  boost::beast::websocket::stream<boost::beast::tcp_stream> ws_;
  boost::beast::flat_buffer read_buffer_;
  ServerContext& context_;
  Host& host_;
  const std::string name_;
  const std::string request_id_;
  std::weak_ptr<WsTransport> self_;           // aliases the owner, from accept()
  std::optional<metrics::GaugeHold> active_;  // from the handshake until end()
  Clock::time_point opened_;
  boost::asio::steady_timer timer_;

  std::deque<Outgoing> outbox_;
  std::size_t outbox_bytes_ = 0;
  bool writing_ = false;
  std::optional<boost::beast::websocket::close_reason> close_when_drained_;
  bool closed_ = false;  // closing or closed: no new reads, writes or jobs
  std::unordered_map<uint64_t, std::shared_ptr<synthesis::JobHandle>> jobs_;
  Clock::time_point last_activity_ = Clock::now();  // last client bytes or end of work
  Clock::time_point write_started_ = Clock::now();
};

}  // namespace voxwire::server
