// api/api_reply.h: the answer of a JSON API operation, independent of the
// transport: an HTTP status and a JSON body (the server adds request_id), or
// an error, which the server renders in its endpoint's dialect
// (api/error_body.h). Plain value type.
#pragma once
#include <optional>

#include <boost/json.hpp>

#include "api/api_error.h"

namespace voxwire {

struct ApiReply {
  int http_status = 200;
  boost::json::object body;        // on success: {"output", "usage"}
  std::optional<ApiError> failure;  // set for an error (body unused)

  static ApiReply ok(boost::json::object body) { return {200, std::move(body), std::nullopt}; }
  static ApiReply error(const ApiError& e) { return {e.http_status, {}, e}; }
};

}  // namespace voxwire
