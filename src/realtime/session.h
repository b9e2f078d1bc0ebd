// realtime/session.h: one realtime connection's protocol state machine
// (api-reference §2.3-§2.8): client events in, server events and synthesis
// jobs out. It knows no sockets: a SessionHost sends events, runs jobs and
// closes the connection, and feeds job output back in. Not thread-safe: the
// host calls it from one strand.
#pragma once
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>

#include <boost/json.hpp>

#include "catalog/model_catalog.h"
#include "catalog/usage.h"
#include "realtime/events.h"
#include "realtime/session_config.h"
#include "synthesis/synthesis_service.h"
#include "tts/segmenter.h"

namespace voxwire::realtime {

class SessionHost {
 public:
  virtual ~SessionHost() = default;
  // Queues a server event. For an audio delta, job_id and audio_bytes say
  // whose output it carries and how much, so the host can report consumption.
  virtual void send(boost::json::object event, uint64_t job_id = 0, std::size_t audio_bytes = 0) = 0;
  // Starts synthesis; output comes back via Session::on_job_chunk/on_job_done.
  virtual void start_job(uint64_t job_id, synthesis::SynthesisSpec spec) = 0;
  virtual void cancel_job(uint64_t job_id) = 0;
  // Sends what is queued, then closes the connection with code and reason.
  virtual void close(uint16_t code, std::string reason) = 0;
  // A response ended having served `usage` (as its response.done reports)
  // and audio_seconds of audio in `format`.
  virtual void served(const catalog::ServedUsage& usage, double audio_seconds, audio::AudioFormat format) = 0;
  // For metrics: a listener waited `wait` for a response's first audio delta
  // (from the commit, or from when the session's earlier audio ran out if
  // that was later; not reported when the earlier audio still plays); an
  // error event with `code` was sent.
  virtual void first_audio(std::chrono::steady_clock::duration wait) = 0;
  virtual void error_sent(std::string_view code) = 0;
};

struct SessionLimits {
  std::size_t max_pending_chars = 10000;  // text appended but not yet synthesized
  SegmenterOptions segmenter;             // server_commit segmentation
};

class Session {
 public:
  // REQUIRES: host and model outlive the session.
  Session(SessionHost& host, const catalog::ModelInfo& model, VoiceResolver voices, SessionLimits limits = {});

  void start();                                 // sends session.created
  void on_text_frame(std::string_view frame);   // one client event
  void on_binary_frame();                       // refused: the protocol is JSON text
  void on_job_chunk(uint64_t job_id, std::string bytes);
  void on_job_done(uint64_t job_id, const Status& status, const synthesis::JobStats& stats);

  // A response is running or waiting: the connection is not idle.
  bool busy() const { return active_.has_value() || !queue_.empty(); }
  const std::string& id() const { return id_; }

 private:
  enum class State { kCreated, kStarted, kFinishing, kFinished, kFailed };
  using Clock = std::chrono::steady_clock;

  struct Committed {
    std::string text;
    Clock::time_point at;
  };
  struct Active {
    uint64_t job_id;
    ResponseIds ids;
    Committed input;
    std::size_t audio_bytes = 0;
    Clock::time_point heard_from{};  // when the listener starts hearing it (set at its first audio)
  };

  void handle_event(const boost::json::object& event, const std::string& client_event_id);
  void on_session_update(const boost::json::object& event, const std::string& client_event_id);
  void on_append(const boost::json::object& event, const std::string& client_event_id);
  void on_commit(const std::string& client_event_id);
  void on_clear();
  void on_cancel();
  void on_finish();

  void send_error(std::string code, std::string message, std::string param, const std::string& client_event_id);
  void send_error_event(const ErrorInfo& error);
  void send_status_error(const Status& status, const std::string& client_event_id);
  // Server-side segmentation of the buffer in server_commit mode.
  void commit_ready_text();
  // Moves text into the response queue (input_text_buffer.committed).
  void commit(std::string text);
  void start_next_response();
  // Ends the active response: audio.done ... response.done with `status`.
  void end_response(std::string_view status, double audio_seconds);
  void cancel_all();
  void finish_if_drained();

  SessionHost& host_;
  const catalog::ModelInfo& model_;
  const VoiceResolver voices_;
  const SessionLimits limits_;

  std::string id_;
  State state_ = State::kCreated;
  SessionConfig config_;
  std::string buffer_;               // appended, not yet committed
  std::size_t buffer_chars_ = 0;     // code points in buffer_
  std::deque<Committed> queue_;      // committed, waiting for synthesis
  std::size_t queued_chars_ = 0;     // code points in queue_
  std::optional<Active> active_;     // the response being synthesized
  Clock::time_point heard_by_{};     // when the listener will have heard every response so far
  uint64_t next_job_id_ = 1;
};

}  // namespace voxwire::realtime
