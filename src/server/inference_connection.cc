#include "server/inference_connection.h"

#include <boost/json.hpp>

#include "base/log.h"
#include "catalog/usage.h"

namespace voxwire::server {

InferenceConnection::InferenceConnection(boost::beast::tcp_stream stream, ServerContext& context,
                                         auth::Caller caller, limits::SessionLimiter::Ticket session_place,
                                         std::string request_id, metrics::GaugeHold connection)
    : context_(context),
      account_(caller.account),
      session_place_(std::move(session_place)),
      connection_(std::move(connection)),
      session_(*this, {},
               [&context, caller = std::move(caller)](std::string_view model,
                                                      std::string_view voice_id) -> std::optional<inference::CustomVoice> {
                 Result<store::StoredVoice> voice = context.voices.enrolled_voice(caller, model, voice_id);
                 if (!voice.ok()) return std::nullopt;
                 return inference::CustomVoice{std::move(voice->profile),
                                               voice->kind == store::CustomVoiceKind::kDesigned};
               }),
      transport_(std::move(stream), context, *this, "inference", std::move(request_id)) {}

void InferenceConnection::accept(boost::beast::http::request<boost::beast::http::string_body> request) {
  transport_.accept(shared_from_this(), std::move(request));
}

void InferenceConnection::on_open() {
  log::info("inference_open", {{"request_id", transport_.request_id()}});
  last_instruction_ = Clock::now();
}

void InferenceConnection::on_message(std::string_view frame, bool text) {
  last_instruction_ = Clock::now();
  if (text) {
    session_.on_text_frame(frame);
  } else {
    session_.on_binary_frame();
  }
}

void InferenceConnection::send_event(boost::json::object event) {
  transport_.send_text(boost::json::serialize(event));
}

void InferenceConnection::send_audio(std::string bytes, uint64_t job_id, std::size_t pcm_bytes) {
  transport_.send_binary(std::move(bytes), job_id, pcm_bytes);
}

void InferenceConnection::discard_queued() { transport_.discard_queued(); }

void InferenceConnection::start_job(uint64_t job_id, synthesis::SynthesisSpec spec) {
  transport_.start_job(job_id, std::move(spec));
}

void InferenceConnection::cancel_job(uint64_t job_id) { transport_.cancel_job(job_id); }

void InferenceConnection::fetch_audio(uint64_t fetch_id, std::string url, std::size_t max_bytes) {
  // The download runs on the customization workers; its answer comes back on
  // the strand while the connection lives.
  std::weak_ptr<InferenceConnection> weak = weak_from_this();
  context_.customization.fetch_audio(url, max_bytes, [weak, fetch_id, url](Result<std::string> body) {
    auto self = weak.lock();
    if (!self) return;
    self->transport_.post([self = self.get(), fetch_id, url, body = std::move(body)] {
      self->session_.on_audio_fetched(fetch_id, url, body);
    });
  });
}

void InferenceConnection::consumed(uint64_t job_id, std::size_t bytes) { transport_.consumed(job_id, bytes); }

void InferenceConnection::close(uint16_t code, std::string reason) { transport_.close(code, std::move(reason)); }

void InferenceConnection::served(std::string_view model, long long characters, double audio_seconds,
                                 audio::AudioFormat format) {
  catalog::ServedUsage usage;
  usage.unit = catalog::UsageUnit::kCharacters;
  usage.characters = characters;
  context_.meter.served(account_, model, format, usage, audio_seconds);
  transport_.note_activity();  // the 60 s idle rule counts from the task's end
}

void InferenceConnection::task_failed(std::string_view code) { context_.metrics.error(code); }

bool InferenceConnection::admit(std::string_view model) {
  const limits::Admission admission = context_.rate_limiter.admit(account_, model, context_.rpm_limit(model));
  if (!admission.admitted) {
    context_.metrics.rate_limited(metrics::Limit::kRpm);
    log::info("rate_limited", {{"account", account_}, {"model", model}, {"request_id", transport_.request_id()}});
  }
  return admission.admitted;
}

void InferenceConnection::on_job_chunk(uint64_t job_id, std::string bytes) {
  session_.on_job_chunk(job_id, std::move(bytes));
}

void InferenceConnection::on_job_done(uint64_t job_id, const Status& status, const synthesis::JobStats& stats) {
  session_.on_job_done(job_id, status, stats);
}

bool InferenceConnection::check_timeouts(Clock::time_point now) {
  if (!session_.awaiting_client()) {
    last_instruction_ = now;  // the gap rule runs only while text is awaited
    return true;
  }
  if (now - last_instruction_ >= std::chrono::milliseconds(context_.config.task_gap_timeout_ms)) {
    session_.on_client_timeout();
    return false;
  }
  return true;
}

WsTransport::Clock::time_point InferenceConnection::next_deadline() const {
  return last_instruction_ + std::chrono::milliseconds(context_.config.task_gap_timeout_ms);
}

void InferenceConnection::on_end(std::string_view by, int code, std::string_view reason,
                                 std::chrono::milliseconds open_for) {
  log::info("inference_end", {{"request_id", transport_.request_id()},
                              {"by", by},
                              {"code", code},
                              {"reason", reason},
                              {"duration_ms", open_for.count()},
                              {"tasks", session_.tasks_finished()}});
}

}  // namespace voxwire::server
