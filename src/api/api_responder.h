// api/api_responder.h: how an API operation answers, whatever carries it: one
// JSON reply, or a streamed body (Server-Sent Events, or audio as it is
// encoded). The HTTP server implements it. Thread-safe: any method may be
// called from any thread, in order.
#pragma once
#include <functional>
#include <string>

#include "api/api_reply.h"

namespace voxwire {

class ApiResponder {
 public:
  virtual ~ApiResponder() = default;
  // The whole answer (success or error). Exactly one of reply() or a stream.
  virtual void reply(ApiReply reply) = 0;
  // Starts a 200 answer of `content_type` whose body follows piece by piece:
  // send() pieces, then close_stream() (or abort_stream()).
  virtual void open_stream(std::string content_type) = 0;
  // Queues one piece of the body (an SSE event, already framed; audio bytes).
  // `written(true)` once it left, `written(false)` if the client is gone
  // (then stop producing).
  virtual void send(std::string piece, std::function<void(bool delivered)> written) = 0;
  // Ends the body properly once the queued pieces have left.
  virtual void close_stream() = 0;
  // Ends the answer, once the queued pieces have left, without its proper end:
  // the connection closes, so the client sees a truncated body (the status
  // line was 200 and cannot change).
  virtual void abort_stream() = 0;

  virtual const std::string& request_id() const = 0;
  // Scheme and authority clients reached us at, e.g. "http://127.0.0.1:8080".
  virtual const std::string& base_url() const = 0;
};

}  // namespace voxwire
