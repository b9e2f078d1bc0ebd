// api/api_reply.h: the answer of a JSON API operation, independent of the
// transport: an HTTP status and a JSON body (the server adds request_id).
// Plain value type.
#pragma once
#include <boost/json.hpp>

#include "api/api_error.h"

namespace voxwire {

struct ApiReply {
  int http_status = 200;
  boost::json::object body;  // {"output", "usage"} on success; {"code", "message"} on error

  static ApiReply ok(boost::json::object body) { return {200, std::move(body)}; }
  static ApiReply error(const ApiError& e) {
    return {e.http_status, boost::json::object{{"code", e.code}, {"message", e.message}}};
  }
};

}  // namespace voxwire
