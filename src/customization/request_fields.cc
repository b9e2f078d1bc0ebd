#include "customization/request_fields.h"

#include <algorithm>
#include <cstdio>

namespace voxwire::customization {

namespace json = boost::json;

Result<std::optional<std::string>> optional_string(const json::object& o, std::string_view key, std::string_view path) {
  const json::value* v = o.if_contains(key);
  if (!v || v->is_null()) return std::optional<std::string>();
  if (!v->is_string()) return Status::invalid_argument("'" + std::string(path) + "' must be a string.");
  return std::optional<std::string>(std::string(v->as_string()));
}

Result<std::string> required_string(const json::object& o, std::string_view key, std::string_view path) {
  auto s = optional_string(o, key, path);
  if (!s.ok()) return s.status();
  if (!*s || (*s)->empty()) return Status::invalid_argument("Required parameter '" + std::string(path) + "' missing.");
  return std::move(**s);
}

Result<int64_t> optional_integer(const json::object& o, std::string_view key, std::string_view path, int64_t fallback,
                                 int64_t lo, int64_t hi) {
  const json::value* v = o.if_contains(key);
  if (!v || v->is_null()) return fallback;
  if (!v->is_int64() && !v->is_uint64()) {
    return Status::invalid_argument("'" + std::string(path) + "' must be an integer.");
  }
  int64_t n = v->is_int64() ? v->as_int64() : static_cast<int64_t>(std::min<uint64_t>(v->as_uint64(), INT64_MAX));
  if (n < lo || n > hi) {
    return Status::invalid_argument("'" + std::string(path) + "' must be in [" + std::to_string(lo) + ", " +
                                    std::to_string(hi) + "].");
  }
  return n;
}

Result<double> optional_number(const json::object& o, std::string_view key, std::string_view path, double fallback,
                               double lo, double hi) {
  const json::value* v = o.if_contains(key);
  if (!v || v->is_null()) return fallback;
  if (!v->is_number()) return Status::invalid_argument("'" + std::string(path) + "' must be a number.");
  const double n = v->to_number<double>();
  if (!(n >= lo && n <= hi)) {
    char range[64];
    std::snprintf(range, sizeof range, "[%g, %g]", lo, hi);
    return Status::invalid_argument("'" + std::string(path) + "' must be in " + range + ".");
  }
  return n;
}

Result<bool> optional_bool(const json::object& o, std::string_view key, std::string_view path, bool fallback) {
  const json::value* v = o.if_contains(key);
  if (!v || v->is_null()) return fallback;
  if (!v->is_bool()) return Status::invalid_argument("'" + std::string(path) + "' must be a boolean.");
  return v->as_bool();
}

const json::object& object_or_empty(const json::object& o, std::string_view key) {
  static const json::object kEmpty;
  const json::value* v = o.if_contains(key);
  return v && v->is_object() ? v->as_object() : kEmpty;
}

}  // namespace voxwire::customization
