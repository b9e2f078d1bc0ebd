#include "server/realtime_connection.h"

#include <boost/json.hpp>

#include "base/log.h"

namespace voxwire::server {

RealtimeConnection::RealtimeConnection(boost::beast::tcp_stream stream, ServerContext& context,
                                       const catalog::ModelInfo& model, auth::Caller caller,
                                       limits::SessionLimiter::Ticket session_place, std::string request_id,
                                       metrics::GaugeHold connection)
    : context_(context),
      model_(model),
      account_(caller.account),
      session_place_(std::move(session_place)),
      connection_(std::move(connection)),
      session_(*this, model,
               [&context, &model, caller = std::move(caller)](std::string_view voice) {
                 return context.voices.resolve(model, caller, voice, "session.voice");
               }),
      transport_(std::move(stream), context, *this, "realtime", std::move(request_id)) {}

void RealtimeConnection::accept(boost::beast::http::request<boost::beast::http::string_body> request,
                                std::string subprotocol) {
  transport_.accept(shared_from_this(), std::move(request), std::move(subprotocol));
}

void RealtimeConnection::on_open() {
  session_.start();
  log::info("realtime_open",
            {{"request_id", transport_.request_id()}, {"session", session_.id()}, {"model", model_.name}});
}

void RealtimeConnection::on_message(std::string_view frame, bool text) {
  if (text) {
    session_.on_text_frame(frame);
  } else {
    session_.on_binary_frame();
  }
}

void RealtimeConnection::send(boost::json::object event, uint64_t job_id, std::size_t audio_bytes) {
  transport_.send_text(boost::json::serialize(event), job_id, audio_bytes);
}

void RealtimeConnection::start_job(uint64_t job_id, synthesis::SynthesisSpec spec) {
  transport_.start_job(job_id, std::move(spec));
}

void RealtimeConnection::cancel_job(uint64_t job_id) { transport_.cancel_job(job_id); }

void RealtimeConnection::close(uint16_t code, std::string reason) { transport_.close(code, std::move(reason)); }

void RealtimeConnection::served(const catalog::ServedUsage& usage, double audio_seconds, audio::AudioFormat format) {
  ++responses_;
  context_.meter.served(account_, model_.name, format, usage, audio_seconds);
}

void RealtimeConnection::first_audio(std::chrono::steady_clock::duration wait) {
  context_.metrics.first_audio(wait);
}

void RealtimeConnection::error_sent(std::string_view code) { context_.metrics.error(code); }

void RealtimeConnection::on_job_chunk(uint64_t job_id, std::string bytes) {
  session_.on_job_chunk(job_id, std::move(bytes));
}

void RealtimeConnection::on_job_done(uint64_t job_id, const Status& status, const synthesis::JobStats& stats) {
  session_.on_job_done(job_id, status, stats);
}

void RealtimeConnection::on_end(std::string_view by, int code, std::string_view reason,
                                std::chrono::milliseconds open_for) {
  log::info("realtime_end", {{"request_id", transport_.request_id()},
                             {"session", session_.id()},
                             {"model", model_.name},
                             {"by", by},
                             {"code", code},
                             {"reason", reason},
                             {"duration_ms", open_for.count()},
                             {"responses", responses_}});
}

}  // namespace voxwire::server
