#include "realtime/session.h"

#include <algorithm>

#include "base/base64.h"
#include "base/ids.h"
#include "base/utf8.h"
#include "tts/script.h"
#include "synthesis/instructed_voice.h"

namespace voxwire::realtime {
namespace {

namespace json = boost::json;

std::string string_field(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

}  // namespace

Session::Session(SessionHost& host, const catalog::ModelInfo& model, VoiceResolver voices, SessionLimits limits)
    : host_(host), model_(model), voices_(std::move(voices)), limits_(limits) {}

void Session::start() {
  id_ = ids::prefixed("sess");
  config_ = default_config(model_, voices_);
  host_.send(session_event("session.created", describe_session(config_, id_, model_, /*full=*/false)));
}

void Session::on_text_frame(std::string_view frame) {
  if (state_ == State::kFailed) return;
  boost::system::error_code ec;
  json::value parsed = json::parse(frame, ec);
  if (ec) {
    send_error("invalid_json", "The event is not valid JSON: " + ec.message() + ".", "", "");
    return;
  }
  if (!parsed.is_object()) {
    send_error("invalid_value", "An event must be a JSON object.", "", "");
    return;
  }
  const json::object& event = parsed.as_object();
  std::string client_event_id = string_field(event, "event_id");
  handle_event(event, client_event_id);
}

void Session::on_binary_frame() {
  if (state_ == State::kFailed) return;
  send_error("invalid_value", "Binary frames are not supported: send each event as a JSON text frame.", "", "");
}

void Session::handle_event(const json::object& event, const std::string& client_event_id) {
  const json::value* type_value = event.if_contains("type");
  if (!type_value || !type_value->is_string()) {
    send_error("invalid_value", "The event has no string 'type'.", "type", client_event_id);
    return;
  }
  std::string_view type = type_value->as_string();
  if (state_ == State::kFinishing) {
    send_error("invalid_value", "The session is finishing: no further events are accepted until session.finished.",
               "type", client_event_id);
    return;
  }
  if (state_ == State::kFinished && type != "session.update") {
    send_error("invalid_value", "The session has finished: send session.update to start a new session.", "type",
               client_event_id);
    return;
  }
  if (type == "session.update") on_session_update(event, client_event_id);
  else if (type == "input_text_buffer.append") on_append(event, client_event_id);
  else if (type == "input_text_buffer.commit") on_commit(client_event_id);
  else if (type == "input_text_buffer.clear") on_clear();
  else if (type == "response.cancel") on_cancel();
  else if (type == "session.finish") on_finish();
  else send_error("invalid_value", "Unknown event type: '" + std::string(type) + "'.", "type", client_event_id);
}

void Session::on_session_update(const json::object& event, const std::string& client_event_id) {
  if (state_ == State::kStarted) {
    send_error("invalid_value", "Session update error: session already started or finished or failed.", "",
               client_event_id);
    return;
  }
  if (state_ == State::kFinished) {  // connection reuse: a new session (§2.8)
    state_ = State::kCreated;
    buffer_.clear();
    buffer_chars_ = 0;
    start();
  }
  const json::value* session = event.if_contains("session");
  Status s = apply_session_update(&config_, session ? *session : json::value(nullptr), model_, voices_);
  if (!s.ok()) {
    send_status_error(s, client_event_id);
    return;
  }
  host_.send(session_event("session.updated", describe_session(config_, id_, model_, /*full=*/true)));
}

void Session::on_append(const json::object& event, const std::string& client_event_id) {
  const json::value* text_value = event.if_contains("text");
  if (!text_value || !text_value->is_string()) {
    send_error("invalid_value", "input_text_buffer.append needs a string 'text'.", "text", client_event_id);
    return;
  }
  std::string_view text = text_value->as_string();
  if (text.empty()) return;
  if (!config_.voice) {
    send_error("invalid_value", "No voice is set: send session.update with a voice for model '" +
                                    std::string(model_.name) + "' first.",
               "session.voice", client_event_id);
    return;
  }
  std::size_t chars = utf8::length(text);
  if (buffer_chars_ + queued_chars_ + chars > limits_.max_pending_chars) {
    send_error("invalid_value",
               "The input text buffer is full: at most " + std::to_string(limits_.max_pending_chars) +
                   " characters may wait for synthesis. Commit, or wait for responses to finish.",
               "text", client_event_id);
    return;
  }
  state_ = State::kStarted;
  buffer_ += text;
  buffer_chars_ += chars;
  if (config_.mode == Mode::kServerCommit) commit_ready_text();
}

void Session::on_commit(const std::string& client_event_id) {
  if (buffer_.find_first_not_of(" \t\r\n") == std::string::npos) {
    send_error("invalid_value", "Error committing input text buffer: the buffer is empty.", "input_text_buffer",
               client_event_id);
    return;
  }
  commit(std::move(buffer_));
  buffer_.clear();
  buffer_chars_ = 0;
}

void Session::on_clear() {
  cancel_all();
  buffer_.clear();
  buffer_chars_ = 0;
  host_.send(simple_event("input_text_buffer.cleared"));
}

void Session::on_cancel() {
  if (!busy()) return;  // nothing to cancel: no event (§2.4.5)
  cancel_all();
}

void Session::on_finish() {
  state_ = State::kFinishing;
  if (has_speakable(buffer_) && config_.voice) commit(std::move(buffer_));
  buffer_.clear();
  buffer_chars_ = 0;
  finish_if_drained();
}

void Session::commit_ready_text() {
  for (;;) {
    std::size_t n = ready_prefix(buffer_, limits_.segmenter);
    if (n == 0) return;
    std::string segment = buffer_.substr(0, n);
    buffer_.erase(0, n);
    buffer_chars_ = utf8::length(buffer_);
    if (has_speakable(segment)) commit(std::move(segment));
  }
}

void Session::commit(std::string text) {
  host_.send(committed_event(ids::prefixed("item")));
  queued_chars_ += utf8::length(text);
  queue_.push_back({std::move(text), Clock::now()});
  start_next_response();
}

void Session::start_next_response() {
  if (active_ || queue_.empty() || !config_.voice) return;
  Active a{next_job_id_++, {ids::prefixed("resp"), ids::prefixed("item")}, std::move(queue_.front())};
  queue_.pop_front();
  queued_chars_ -= utf8::length(a.input.text);
  host_.send(response_created(a.ids, config_.voice->name));
  host_.send(output_item_added(a.ids));
  host_.send(content_part_added(a.ids));

  synthesis::SynthesisSpec spec;
  spec.text = a.input.text;
  spec.language = config_.language;
  spec.voice = synthesis::instructed_voice(model_, *config_.voice, config_.instructions);
  spec.speech_rate = config_.speech_rate;
  spec.pitch_rate = config_.pitch_rate;
  spec.output.encoder = {config_.format, config_.sample_rate_hz, config_.bit_rate_kbps};
  spec.output.volume = config_.volume;
  spec.first_audio_due = heard_by_;
  spec.normalize_text = config_.enable_tn.value_or(true);
  uint64_t job_id = a.job_id;
  active_ = std::move(a);
  host_.start_job(job_id, std::move(spec));
}

void Session::on_job_chunk(uint64_t job_id, std::string bytes) {
  if (!active_ || active_->job_id != job_id) return;  // a cancelled response's late output
  if (active_->audio_bytes == 0) {
    const Clock::time_point now = Clock::now();
    // The wait a listener hears: from the commit, or from when the earlier
    // responses ran out if that was later; none if they still play.
    if (now > heard_by_) host_.first_audio(now - std::max(active_->input.at, heard_by_));
    active_->heard_from = std::max(now, heard_by_);
  }
  active_->audio_bytes += bytes.size();
  std::size_t n = bytes.size();
  host_.send(audio_delta(active_->ids, base64::encode(bytes)), job_id, n);
}

void Session::on_job_done(uint64_t job_id, const Status& status, const synthesis::JobStats& stats) {
  if (!active_ || active_->job_id != job_id) return;
  if (status.ok() || status.code() == StatusCode::kCancelled) {
    end_response(status.ok() ? "completed" : "cancelled", stats.audio_seconds);
    start_next_response();
    finish_if_drained();
    return;
  }
  ErrorInfo error;
  error.code = "internal_error";
  error.type = "server_error";
  error.message = "Synthesis failed: " + status.message();
  send_error_event(error);
  state_ = State::kFailed;
  active_.reset();
  queue_.clear();
  host_.close(1011, "synthesis failed");
}

void Session::end_response(std::string_view status, double audio_seconds) {
  const Active& a = *active_;
  host_.send(audio_done(a.ids));
  host_.send(content_part_done(a.ids));
  host_.send(output_item_done(a.ids));
  const catalog::ServedUsage usage = catalog::usage_of(model_.caps, a.input.text, audio_seconds);
  host_.send(response_done(a.ids, config_.voice ? config_.voice->name : "", status, catalog::usage_json(usage)));
  host_.served(usage, audio_seconds, config_.format);
  if (a.heard_from != Clock::time_point{}) {
    heard_by_ = a.heard_from + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(audio_seconds));
  }
  active_.reset();
}

void Session::cancel_all() {
  queue_.clear();
  queued_chars_ = 0;
  if (!active_) return;
  host_.cancel_job(active_->job_id);
  double seconds = 0;
  if (config_.format == audio::AudioFormat::kPcm || config_.format == audio::AudioFormat::kWav) {
    seconds = static_cast<double>(active_->audio_bytes) / (2.0 * config_.sample_rate_hz);
  }
  end_response("cancelled", seconds);
  finish_if_drained();
}

void Session::finish_if_drained() {
  if (state_ != State::kFinishing || busy()) return;
  state_ = State::kFinished;
  host_.send(simple_event("session.finished"));
}

void Session::send_error(std::string code, std::string message, std::string param,
                         const std::string& client_event_id) {
  ErrorInfo error;
  error.code = std::move(code);
  error.message = std::move(message);
  error.param = std::move(param);
  error.client_event_id = client_event_id;
  send_error_event(error);
}

void Session::send_error_event(const ErrorInfo& error) {
  host_.error_sent(error.code);
  host_.send(error_event(error));
}

void Session::send_status_error(const Status& status, const std::string& client_event_id) {
  send_error("invalid_value", status.message(), status.field(), client_event_id);
}

}  // namespace voxwire::realtime
