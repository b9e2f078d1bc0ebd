// api/api_responder.h: how an API operation answers, whatever carries it: one
// JSON reply, or a stream of Server-Sent Events. The HTTP server implements
// it. Thread-safe: any method may be called from any thread, in order.
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
  // Starts a 200 text/event-stream answer; send() events, then close_stream().
  virtual void open_stream() = 0;
  // Queues one event's text (already framed). `written(true)` once it left,
  // `written(false)` if the client is gone (then stop producing).
  virtual void send(std::string event, std::function<void(bool delivered)> written) = 0;
  virtual void close_stream() = 0;

  virtual const std::string& request_id() const = 0;
  // Scheme and authority clients reached us at, e.g. "http://127.0.0.1:8080".
  virtual const std::string& base_url() const = 0;
};

}  // namespace voxwire
