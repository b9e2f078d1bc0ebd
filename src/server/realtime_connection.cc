#include "server/realtime_connection.h"

#include <boost/asio/post.hpp>
#include <boost/json.hpp>

#include "base/log.h"

namespace voxwire::server {

namespace beast = boost::beast;
namespace websocket = beast::websocket;
namespace http = beast::http;
namespace net = boost::asio;

namespace {

// A client whose unsent output grows past this is not reading: drop it.
constexpr std::size_t kMaxOutboxBytes = 16u << 20;
constexpr std::size_t kReadChunkBytes = 64 * 1024;  // one read of a (possibly longer) message

}  // namespace

RealtimeConnection::RealtimeConnection(beast::tcp_stream stream, ServerContext& context,
                                       const catalog::ModelInfo& model, auth::Caller caller,
                                       limits::SessionLimiter::Ticket session_place, std::string request_id,
                                       metrics::GaugeHold connection)
    : ws_(std::move(stream)),
      context_(context),
      model_(model),
      account_(caller.account),
      session_place_(std::move(session_place)),
      request_id_(std::move(request_id)),
      connection_(std::move(connection)),
      session_(*this, model,
               [&context, &model, caller = std::move(caller)](std::string_view voice) {
                 return context.voices.resolve(model, caller, voice, "session.voice");
               }),
      timer_(ws_.get_executor()) {}

RealtimeConnection::~RealtimeConnection() { cancel_jobs(); }

void RealtimeConnection::accept(http::request<http::string_body> request, std::string subprotocol) {
  ws_.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
  ws_.set_option(websocket::stream_base::decorator(
      [id = request_id_, subprotocol = std::move(subprotocol)](websocket::response_type& res) {
        res.set(http::field::server, "voxwire");
        res.set("X-Request-Id", id);
        if (!subprotocol.empty()) res.set(http::field::sec_websocket_protocol, subprotocol);
      }));
  // The message limit is enforced in on_read, not by Beast: Beast fails an
  // oversized message by closing the socket after draining at most one read,
  // so a client still sending gets a reset instead of the 1009 close frame.
  ws_.read_message_max(0);
  ws_.async_accept(request, beast::bind_front_handler(&RealtimeConnection::on_accept, shared_from_this()));
}

void RealtimeConnection::on_accept(beast::error_code ec) {
  if (ec) {
    log::info("realtime_handshake_failed", {{"request_id", request_id_}, {"error", ec.message()}});
    return;
  }
  active_.emplace(context_.metrics.realtime_session_started());
  opened_ = Clock::now();
  session_.start();
  log::info("realtime_open", {{"request_id", request_id_}, {"session", session_.id()}, {"model", model_.name}});
  last_activity_ = Clock::now();
  arm_timer();
  read_next();
}

void RealtimeConnection::read_next() {
  ws_.async_read_some(read_buffer_, kReadChunkBytes,
                      beast::bind_front_handler(&RealtimeConnection::on_read, shared_from_this()));
}

void RealtimeConnection::on_read(beast::error_code ec, std::size_t) {
  if (ec) {
    if (ec == websocket::error::closed) {
      end("client", ws_.reason().code, ws_.reason().reason.c_str());
    } else {
      abort(ec.message());
    }
    return;
  }
  if (closed_) return;
  last_activity_ = Clock::now();
  if (read_buffer_.size() > context_.config.max_message_bytes) {
    // A graceful close reads and discards the rest of the message.
    read_buffer_.clear();
    log::info("realtime_message_too_big", {{"session", session_.id()}});
    close(static_cast<uint16_t>(websocket::close_code::too_big), "message too big");
    return;
  }
  if (!ws_.is_message_done()) {
    read_next();
    return;
  }
  std::string frame = beast::buffers_to_string(read_buffer_.data());
  read_buffer_.consume(read_buffer_.size());
  if (ws_.got_text()) {
    session_.on_text_frame(frame);
  } else {
    session_.on_binary_frame();
  }
  if (!closed_) read_next();
}

void RealtimeConnection::send(boost::json::object event, uint64_t job_id, std::size_t audio_bytes) {
  if (closed_) return;
  Outgoing out{boost::json::serialize(event), job_id, audio_bytes};
  outbox_bytes_ += out.frame.size();
  if (outbox_bytes_ > kMaxOutboxBytes) {
    abort("client is not reading (output buffer limit)");
    return;
  }
  outbox_.push_back(std::move(out));
  if (!writing_) write_next();
}

void RealtimeConnection::write_next() {
  writing_ = true;
  write_started_ = Clock::now();
  ws_.text(true);
  ws_.async_write(net::buffer(outbox_.front().frame),
                  beast::bind_front_handler(&RealtimeConnection::on_write, shared_from_this()));
}

void RealtimeConnection::on_write(beast::error_code ec, std::size_t) {
  writing_ = false;
  if (ec) {
    abort(ec.message());
    return;
  }
  Outgoing done = std::move(outbox_.front());
  outbox_.pop_front();
  outbox_bytes_ -= done.frame.size();
  if (done.job_id != 0) {
    if (auto it = jobs_.find(done.job_id); it != jobs_.end()) it->second->consumed(done.audio_bytes);
  }
  if (!outbox_.empty()) {
    write_next();
  } else if (close_when_drained_) {
    start_close();
  }
}

void RealtimeConnection::start_job(uint64_t job_id, synthesis::SynthesisSpec spec) {
  if (closed_) return;
  auto forwarder = std::make_shared<JobForwarder<RealtimeConnection>>(weak_from_this(), ws_.get_executor(), job_id);
  jobs_[job_id] = context_.synthesis.submit(std::move(spec), std::move(forwarder));
}

void RealtimeConnection::cancel_job(uint64_t job_id) {
  if (auto it = jobs_.find(job_id); it != jobs_.end()) it->second->cancel();
}

void RealtimeConnection::close(uint16_t code, std::string reason) {
  if (closed_ || close_when_drained_) return;
  close_when_drained_ = websocket::close_reason(static_cast<websocket::close_code>(code), reason);
  if (!writing_) start_close();
}

void RealtimeConnection::served(const catalog::ServedUsage& usage, double audio_seconds, audio::AudioFormat format) {
  ++responses_;
  context_.meter.served(account_, model_.name, format, usage, audio_seconds);
}

void RealtimeConnection::first_audio(std::chrono::steady_clock::duration wait) {
  context_.metrics.first_audio(wait);
}

void RealtimeConnection::error_sent(std::string_view code) { context_.metrics.error(code); }

void RealtimeConnection::start_close() {
  if (closed_) return;
  end("server", close_when_drained_->code, close_when_drained_->reason.c_str());
  ws_.async_close(*close_when_drained_, [self = shared_from_this()](beast::error_code) {});
}

void RealtimeConnection::arm_timer() {
  // Wakes for the idle deadline, and often enough to notice a stalled reader
  // within 1.5 write timeouts.
  Clock::time_point idle_deadline = last_activity_ + std::chrono::milliseconds(context_.config.idle_timeout_ms);
  Clock::time_point write_check = Clock::now() + std::chrono::milliseconds(context_.config.write_timeout_ms / 2);
  timer_.expires_at(std::min(idle_deadline, write_check));
  timer_.async_wait(beast::bind_front_handler(&RealtimeConnection::on_timer, shared_from_this()));
}

void RealtimeConnection::on_timer(beast::error_code ec) {
  if (ec || closed_) return;
  Clock::time_point now = Clock::now();
  if (writing_ && now - write_started_ >= std::chrono::milliseconds(context_.config.write_timeout_ms)) {
    abort("client stopped reading (write timeout)");
    return;
  }
  if (session_.busy() || writing_) {
    last_activity_ = now;  // serving a response is activity, whatever the client does meanwhile
  } else if (now - last_activity_ >= std::chrono::milliseconds(context_.config.idle_timeout_ms)) {
    close(1000, "idle timeout");
    return;
  }
  arm_timer();
}

void RealtimeConnection::end(std::string_view by, int code, std::string_view reason) {
  if (closed_) return;
  closed_ = true;
  cancel_jobs();
  timer_.cancel();
  active_.reset();
  const auto duration = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - opened_);
  log::info("realtime_end", {{"request_id", request_id_},
                             {"session", session_.id()},
                             {"model", model_.name},
                             {"by", by},
                             {"code", code},
                             {"reason", reason},
                             {"duration_ms", duration.count()},
                             {"responses", responses_}});
}

void RealtimeConnection::abort(std::string_view reason) {
  end("error", static_cast<int>(websocket::close_code::abnormal), reason);
  beast::error_code ignored;
  beast::get_lowest_layer(ws_).socket().close(ignored);
}

void RealtimeConnection::forward_chunk(uint64_t job_id, std::string bytes) {
  if (!closed_) session_.on_job_chunk(job_id, std::move(bytes));
}

void RealtimeConnection::forward_done(uint64_t job_id, const Status& status, const synthesis::JobStats& stats) {
  jobs_.erase(job_id);
  if (!closed_) session_.on_job_done(job_id, status, stats);
}

void RealtimeConnection::cancel_jobs() {
  for (auto& [id, job] : jobs_) job->cancel();
  jobs_.clear();
}

}  // namespace voxwire::server
