#include "server/ws_transport.h"

#include <algorithm>
#include <cassert>

#include <boost/asio/post.hpp>

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

WsTransport::WsTransport(beast::tcp_stream stream, ServerContext& context, Host& host, std::string_view name,
                         std::string request_id)
    : ws_(std::move(stream)),
      context_(context),
      host_(host),
      name_(name),
      request_id_(std::move(request_id)),
      timer_(ws_.get_executor()) {}

WsTransport::~WsTransport() { cancel_jobs(); }

void WsTransport::accept(std::shared_ptr<void> owner, http::request<http::string_body> request,
                         std::string subprotocol) {
  self_ = std::shared_ptr<WsTransport>(std::move(owner), this);
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
  ws_.async_accept(request, beast::bind_front_handler(&WsTransport::on_accept, hold()));
}

std::shared_ptr<WsTransport> WsTransport::hold() const {
  std::shared_ptr<WsTransport> self = self_.lock();
  assert(self && "an operation started before accept() or after the owner died");
  return self;
}

void WsTransport::on_accept(beast::error_code ec) {
  if (ec) {
    log::info(name_ + "_handshake_failed", {{"request_id", request_id_}, {"error", ec.message()}});
    return;
  }
  active_.emplace(context_.metrics.realtime_session_started());
  opened_ = Clock::now();
  host_.on_open();
  last_activity_ = Clock::now();
  arm_timer();
  read_next();
}

void WsTransport::read_next() {
  ws_.async_read_some(read_buffer_, kReadChunkBytes, beast::bind_front_handler(&WsTransport::on_read, hold()));
}

void WsTransport::on_read(beast::error_code ec, std::size_t) {
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
    log::info(name_ + "_message_too_big", {{"request_id", request_id_}});
    close(static_cast<uint16_t>(websocket::close_code::too_big), "message too big");
    return;
  }
  if (!ws_.is_message_done()) {
    read_next();
    return;
  }
  const std::string frame = beast::buffers_to_string(read_buffer_.data());
  read_buffer_.consume(read_buffer_.size());
  host_.on_message(frame, ws_.got_text());
  if (!closed_) read_next();
}

void WsTransport::send_text(std::string frame, uint64_t job_id, std::size_t job_bytes) {
  enqueue({std::move(frame), false, job_id, job_bytes});
}

void WsTransport::send_binary(std::string frame, uint64_t job_id, std::size_t job_bytes) {
  enqueue({std::move(frame), true, job_id, job_bytes});
}

void WsTransport::enqueue(Outgoing out) {
  if (closed_ || close_when_drained_) return;
  outbox_bytes_ += out.frame.size();
  if (outbox_bytes_ > kMaxOutboxBytes) {
    abort("client is not reading (output buffer limit)");
    return;
  }
  outbox_.push_back(std::move(out));
  if (!writing_) write_next();
}

void WsTransport::discard_queued() {
  // The front frame may be being written: keep it.
  const std::size_t keep = writing_ ? 1 : 0;
  while (outbox_.size() > keep) {
    outbox_bytes_ -= outbox_.back().frame.size();
    outbox_.pop_back();
  }
}

void WsTransport::write_next() {
  writing_ = true;
  write_started_ = Clock::now();
  ws_.binary(outbox_.front().binary);
  ws_.async_write(net::buffer(outbox_.front().frame), beast::bind_front_handler(&WsTransport::on_write, hold()));
}

void WsTransport::on_write(beast::error_code ec, std::size_t) {
  writing_ = false;
  if (ec) {
    abort(ec.message());
    return;
  }
  Outgoing done = std::move(outbox_.front());
  outbox_.pop_front();
  outbox_bytes_ -= done.frame.size();
  if (done.job_id != 0) consumed(done.job_id, done.job_bytes);
  if (!outbox_.empty()) {
    write_next();
  } else if (close_when_drained_) {
    start_close();
  }
}

void WsTransport::close(uint16_t code, std::string reason) {
  if (closed_ || close_when_drained_) return;
  close_when_drained_ = websocket::close_reason(static_cast<websocket::close_code>(code), reason);
  if (!writing_) start_close();
}

void WsTransport::start_close() {
  if (closed_) return;
  end("server", close_when_drained_->code, close_when_drained_->reason.c_str());
  ws_.async_close(*close_when_drained_, [self = hold()](beast::error_code) {});
}

void WsTransport::start_job(uint64_t job_id, synthesis::SynthesisSpec spec) {
  if (closed_) return;
  auto forwarder = std::make_shared<JobForwarder<WsTransport>>(self_, ws_.get_executor(), job_id);
  jobs_[job_id] = context_.synthesis.submit(std::move(spec), std::move(forwarder));
}

void WsTransport::cancel_job(uint64_t job_id) {
  if (auto it = jobs_.find(job_id); it != jobs_.end()) it->second->cancel();
}

void WsTransport::consumed(uint64_t job_id, std::size_t bytes) {
  if (auto it = jobs_.find(job_id); it != jobs_.end()) it->second->consumed(bytes);
}

void WsTransport::post(std::function<void()> task) {
  net::post(ws_.get_executor(), [weak = self_, task = std::move(task)] {
    if (auto self = weak.lock(); self && !self->closed_) task();
  });
}

void WsTransport::forward_chunk(uint64_t job_id, std::string bytes) {
  if (!closed_) host_.on_job_chunk(job_id, std::move(bytes));
}

void WsTransport::forward_done(uint64_t job_id, const Status& status, const synthesis::JobStats& stats) {
  jobs_.erase(job_id);
  if (!closed_) host_.on_job_done(job_id, status, stats);
}

void WsTransport::cancel_jobs() {
  for (auto& [id, job] : jobs_) job->cancel();
  jobs_.clear();
}

void WsTransport::arm_timer() {
  // Wakes for the idle deadline, the host's, and often enough to notice a
  // stalled reader within 1.5 write timeouts.
  const Clock::time_point idle_deadline =
      last_activity_ + std::chrono::milliseconds(context_.config.idle_timeout_ms);
  const Clock::time_point write_check =
      Clock::now() + std::chrono::milliseconds(context_.config.write_timeout_ms / 2);
  timer_.expires_at(std::min({idle_deadline, host_.next_deadline(), write_check}));
  timer_.async_wait(beast::bind_front_handler(&WsTransport::on_timer, hold()));
}

void WsTransport::on_timer(beast::error_code ec) {
  if (ec || closed_) return;
  const Clock::time_point now = Clock::now();
  if (writing_ && now - write_started_ >= std::chrono::milliseconds(context_.config.write_timeout_ms)) {
    abort("client stopped reading (write timeout)");
    return;
  }
  if (!host_.check_timeouts(now)) return;
  if (host_.busy() || writing_) {
    last_activity_ = now;  // serving a response is activity, whatever the client does meanwhile
  } else if (now - last_activity_ >= std::chrono::milliseconds(context_.config.idle_timeout_ms)) {
    close(1000, "idle timeout");
    return;
  }
  arm_timer();
}

void WsTransport::end(std::string_view by, int code, std::string_view reason) {
  if (closed_) return;
  closed_ = true;
  cancel_jobs();
  timer_.cancel();
  active_.reset();
  host_.on_end(by, code, reason, std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - opened_));
}

void WsTransport::abort(std::string_view reason) {
  end("error", static_cast<int>(websocket::close_code::abnormal), reason);
  beast::error_code ignored;
  beast::get_lowest_layer(ws_).socket().close(ignored);
}

}  // namespace voxwire::server
