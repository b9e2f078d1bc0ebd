#include "server/http_error.h"

#include <boost/json.hpp>

namespace voxwire::server {

http::response<http::string_body> error_response(const ApiError& error, ErrorDialect dialect, unsigned http_version,
                                                 bool keep_alive, const std::string& request_id) {
  http::response<http::string_body> res{static_cast<http::status>(error.http_status), http_version};
  res.set(http::field::server, "voxwire");
  res.set(http::field::content_type, "application/json");
  if (error.http_status == 426) res.set(http::field::upgrade, "websocket");
  res.keep_alive(keep_alive);
  res.body() = boost::json::serialize(error_body(error, dialect, request_id));
  res.prepare_payload();
  return res;
}

http::response<http::string_body> json_response(const ApiReply& reply, ErrorDialect dialect, unsigned http_version,
                                                bool keep_alive, const std::string& request_id) {
  if (reply.failure) return error_response(*reply.failure, dialect, http_version, keep_alive, request_id);
  http::response<http::string_body> res{static_cast<http::status>(reply.http_status), http_version};
  res.set(http::field::server, "voxwire");
  res.set(http::field::content_type, "application/json");
  res.keep_alive(keep_alive);
  boost::json::object body = reply.body;
  body["request_id"] = request_id;
  res.body() = boost::json::serialize(body);
  res.prepare_payload();
  return res;
}

}  // namespace voxwire::server
