#include "server/inference_connection.h"

#include <boost/asio/post.hpp>
#include <boost/json.hpp>

#include "base/log.h"
#include "catalog/usage.h"

namespace voxwire::server {

namespace beast = boost::beast;
namespace websocket = beast::websocket;
namespace http = beast::http;
namespace net = boost::asio;

namespace {

// A client whose unsent output grows past this is not reading: drop it.
constexpr std::size_t kMaxOutboxBytes = 16u << 20;
constexpr std::size_t kReadChunkBytes = 64 * 1024;

}  // namespace

InferenceConnection::InferenceConnection(beast::tcp_stream stream, ServerContext& context, std::string account,
                                         limits::SessionLimiter::Ticket session_place, std::string request_id,
                                         metrics::GaugeHold connection)
    : ws_(std::move(stream)),
      context_(context),
      account_(std::move(account)),
      session_place_(std::move(session_place)),
      request_id_(std::move(request_id)),
      connection_(std::move(connection)),
      session_(*this),
      timer_(ws_.get_executor()) {}

InferenceConnection::~InferenceConnection() { cancel_jobs(); }

void InferenceConnection::accept(http::request<http::string_body> request) {
  ws_.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
  ws_.set_option(websocket::stream_base::decorator([id = request_id_](websocket::response_type& res) {
    res.set(http::field::server, "voxwire");
    res.set("X-Request-Id", id);
  }));
  ws_.read_message_max(0);  // enforced in on_read, with a 1009 close (see RealtimeConnection)
  ws_.async_accept(request, beast::bind_front_handler(&InferenceConnection::on_accept, shared_from_this()));
}

void InferenceConnection::on_accept(beast::error_code ec) {
  if (ec) {
    log::info("inference_handshake_failed", {{"request_id", request_id_}, {"error", ec.message()}});
    return;
  }
  active_.emplace(context_.metrics.realtime_session_started());
  opened_ = Clock::now();
  log::info("inference_open", {{"request_id", request_id_}});
  last_activity_ = last_instruction_ = Clock::now();
  arm_timer();
  read_next();
}

void InferenceConnection::read_next() {
  ws_.async_read_some(read_buffer_, kReadChunkBytes,
                      beast::bind_front_handler(&InferenceConnection::on_read, shared_from_this()));
}

void InferenceConnection::on_read(beast::error_code ec, std::size_t) {
  if (ec) {
    if (ec == websocket::error::closed) {
      end("client", ws_.reason().code, ws_.reason().reason.c_str());
    } else {
      abort(ec.message());
    }
    return;
  }
  if (closed_) return;
  if (read_buffer_.size() > context_.config.max_message_bytes) {
    read_buffer_.clear();
    log::info("inference_message_too_big", {{"request_id", request_id_}});
    close(static_cast<uint16_t>(websocket::close_code::too_big), "message too big");
    return;
  }
  if (!ws_.is_message_done()) {
    read_next();
    return;
  }
  last_activity_ = last_instruction_ = Clock::now();
  std::string frame = beast::buffers_to_string(read_buffer_.data());
  read_buffer_.consume(read_buffer_.size());
  if (ws_.got_text()) {
    session_.on_text_frame(frame);
  } else {
    session_.on_binary_frame();
  }
  if (!closed_) read_next();
}

void InferenceConnection::send_event(boost::json::object event) {
  enqueue({boost::json::serialize(event), false, 0, 0});
}

void InferenceConnection::send_audio(std::string bytes, uint64_t job_id, std::size_t pcm_bytes) {
  enqueue({std::move(bytes), true, job_id, pcm_bytes});
}

void InferenceConnection::enqueue(Outgoing out) {
  if (closed_ || close_when_drained_) return;
  outbox_bytes_ += out.frame.size();
  if (outbox_bytes_ > kMaxOutboxBytes) {
    abort("client is not reading (output buffer limit)");
    return;
  }
  outbox_.push_back(std::move(out));
  if (!writing_) write_next();
}

void InferenceConnection::discard_queued() {
  // The front frame may be being written: keep it.
  const std::size_t keep = writing_ ? 1 : 0;
  while (outbox_.size() > keep) {
    outbox_bytes_ -= outbox_.back().frame.size();
    outbox_.pop_back();
  }
}

void InferenceConnection::write_next() {
  writing_ = true;
  write_started_ = Clock::now();
  ws_.binary(outbox_.front().binary);
  ws_.async_write(net::buffer(outbox_.front().frame),
                  beast::bind_front_handler(&InferenceConnection::on_write, shared_from_this()));
}

void InferenceConnection::on_write(beast::error_code ec, std::size_t) {
  writing_ = false;
  if (ec) {
    abort(ec.message());
    return;
  }
  Outgoing done = std::move(outbox_.front());
  outbox_.pop_front();
  outbox_bytes_ -= done.frame.size();
  if (done.job_id != 0) consumed(done.job_id, done.pcm_bytes);
  if (!outbox_.empty()) {
    write_next();
  } else if (close_when_drained_) {
    start_close();
  }
}

void InferenceConnection::start_job(uint64_t job_id, synthesis::SynthesisSpec spec) {
  if (closed_) return;
  auto forwarder = std::make_shared<JobForwarder<InferenceConnection>>(weak_from_this(), ws_.get_executor(), job_id);
  jobs_[job_id] = context_.synthesis.submit(std::move(spec), std::move(forwarder));
}

void InferenceConnection::cancel_job(uint64_t job_id) {
  if (auto it = jobs_.find(job_id); it != jobs_.end()) it->second->cancel();
}

void InferenceConnection::consumed(uint64_t job_id, std::size_t bytes) {
  if (auto it = jobs_.find(job_id); it != jobs_.end()) it->second->consumed(bytes);
}

void InferenceConnection::close(uint16_t code, std::string reason) {
  if (closed_ || close_when_drained_) return;
  close_when_drained_ = websocket::close_reason(static_cast<websocket::close_code>(code), reason);
  if (!writing_) start_close();
}

void InferenceConnection::served(std::string_view model, long long characters, double audio_seconds,
                                 audio::AudioFormat format) {
  catalog::ServedUsage usage;
  usage.unit = catalog::UsageUnit::kCharacters;
  usage.characters = characters;
  context_.meter.served(account_, model, format, usage, audio_seconds);
  last_activity_ = Clock::now();  // the 60 s idle rule counts from the task's end
}

void InferenceConnection::task_failed(std::string_view code) { context_.metrics.error(code); }

bool InferenceConnection::admit(std::string_view model) {
  const limits::Admission admission = context_.rate_limiter.admit(account_, model, context_.rpm_limit(model));
  if (!admission.admitted) {
    context_.metrics.rate_limited(metrics::Limit::kRpm);
    log::info("rate_limited", {{"account", account_}, {"model", model}, {"request_id", request_id_}});
  }
  return admission.admitted;
}

void InferenceConnection::start_close() {
  if (closed_) return;
  end("server", close_when_drained_->code, close_when_drained_->reason.c_str());
  ws_.async_close(*close_when_drained_, [self = shared_from_this()](beast::error_code) {});
}

void InferenceConnection::arm_timer() {
  const Clock::time_point idle_deadline =
      last_activity_ + std::chrono::milliseconds(context_.config.idle_timeout_ms);
  const Clock::time_point gap_deadline =
      last_instruction_ + std::chrono::milliseconds(context_.config.task_gap_timeout_ms);
  const Clock::time_point write_check =
      Clock::now() + std::chrono::milliseconds(context_.config.write_timeout_ms / 2);
  timer_.expires_at(std::min({idle_deadline, gap_deadline, write_check}));
  timer_.async_wait(beast::bind_front_handler(&InferenceConnection::on_timer, shared_from_this()));
}

void InferenceConnection::on_timer(beast::error_code ec) {
  if (ec || closed_) return;
  const Clock::time_point now = Clock::now();
  if (writing_ && now - write_started_ >= std::chrono::milliseconds(context_.config.write_timeout_ms)) {
    abort("client stopped reading (write timeout)");
    return;
  }
  if (session_.awaiting_client() &&
      now - last_instruction_ >= std::chrono::milliseconds(context_.config.task_gap_timeout_ms)) {
    session_.on_client_timeout();
    return;
  }
  if (session_.busy() || writing_) {
    last_activity_ = now;
  } else if (now - last_activity_ >= std::chrono::milliseconds(context_.config.idle_timeout_ms)) {
    close(1000, "idle timeout");
    return;
  }
  if (!session_.awaiting_client()) last_instruction_ = now;  // the gap rule runs only while text is awaited
  arm_timer();
}

void InferenceConnection::end(std::string_view by, int code, std::string_view reason) {
  if (closed_) return;
  closed_ = true;
  cancel_jobs();
  timer_.cancel();
  active_.reset();
  const auto duration = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - opened_);
  log::info("inference_end", {{"request_id", request_id_},
                              {"by", by},
                              {"code", code},
                              {"reason", reason},
                              {"duration_ms", duration.count()},
                              {"tasks", session_.tasks_finished()}});
}

void InferenceConnection::abort(std::string_view reason) {
  end("error", static_cast<int>(websocket::close_code::abnormal), reason);
  beast::error_code ignored;
  beast::get_lowest_layer(ws_).socket().close(ignored);
}

void InferenceConnection::forward_chunk(uint64_t job_id, std::string bytes) {
  if (!closed_) session_.on_job_chunk(job_id, std::move(bytes));
}

void InferenceConnection::forward_done(uint64_t job_id, const Status& status, const synthesis::JobStats& stats) {
  jobs_.erase(job_id);
  if (!closed_) session_.on_job_done(job_id, status, stats);
}

void InferenceConnection::cancel_jobs() {
  for (auto& [id, job] : jobs_) job->cancel();
  jobs_.clear();
}

}  // namespace voxwire::server
