#include "api/error_body.h"

namespace voxwire {
namespace {

namespace json = boost::json;

json::value openai_code(const ApiError& error) {
  if (error.http_status == 401) return "invalid_api_key";
  if (error.http_status == 429) return "rate_limit_exceeded";
  if (error.http_status == 413) return "request_too_large";
  if (error.code == "ModelNotFound") return "model_not_found";
  if (error.code == "NotFound") return "unknown_url";
  if (error.http_status == 400 && !error.param.empty()) return "invalid_value";
  return nullptr;
}

std::string_view openai_type(const ApiError& error) {
  if (error.http_status >= 500) return "server_error";
  if (error.http_status == 429) return "requests";
  return "invalid_request_error";
}

}  // namespace

ErrorDialect dialect_for_path(std::string_view path) {
  return path.starts_with("/v1/") ? ErrorDialect::kOpenAi : ErrorDialect::kDashScope;
}

json::object error_body(const ApiError& error, ErrorDialect dialect, std::string_view request_id) {
  if (dialect == ErrorDialect::kDashScope) {
    return {{"request_id", request_id}, {"code", error.code}, {"message", error.message}};
  }
  json::value param = error.param.empty() ? json::value(nullptr) : json::value(error.param);
  return {{"error", json::object{{"message", error.message},
                                 {"type", openai_type(error)},
                                 {"param", std::move(param)},
                                 {"code", openai_code(error)}}}};
}

}  // namespace voxwire
