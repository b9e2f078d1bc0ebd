// voice/json_object_reader.h (internal to voice/): reads the fields of one
// JSON object with errors naming the field's path ("voices[3].profile.gender").
// Plain helper over a borrowed object; thread-compatible.
#pragma once
#include <boost/json.hpp>
#include <cstdio>
#include <initializer_list>
#include <string>
#include <string_view>

#include "base/result.h"

namespace voxwire::voice_json {

namespace json = boost::json;

struct Range {
  double lo;
  double hi;
};

inline std::string format_number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

class ObjectReader {
 public:
  ObjectReader(const json::object& object, std::string path) : object_(object), path_(std::move(path)) {}

  std::string path(std::string_view key) const {
    return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
  }

  // InvalidArgument unless the object holds exactly these keys.
  Status require_keys(std::initializer_list<std::string_view> keys) const {
    for (std::string_view key : keys) {
      if (!object_.contains(key)) return Status::invalid_argument("missing field", path(key));
    }
    for (const auto& member : object_) {
      bool known = false;
      for (std::string_view key : keys) known = known || member.key() == key;
      if (!known) return Status::invalid_argument("unknown field", path(member.key()));
    }
    return Status::ok_status();
  }

  Status read_string(std::string_view key, bool allow_empty, std::string* out) const {
    const json::string* s = object_.at(key).if_string();
    if (s == nullptr) return Status::invalid_argument("must be a string", path(key));
    if (s->empty() && !allow_empty) return Status::invalid_argument("must not be empty", path(key));
    out->assign(s->data(), s->size());
    return Status::ok_status();
  }

  Status read_number(std::string_view key, Range range, double* out) const {
    const json::value& v = object_.at(key);
    if (!v.is_number()) return Status::invalid_argument("must be a number", path(key));
    double d = v.to_number<double>();
    if (!(d >= range.lo && d <= range.hi)) {
      return Status::invalid_argument(
          format_number(d) + " is outside [" + format_number(range.lo) + ", " + format_number(range.hi) + "]",
          path(key));
    }
    *out = d;
    return Status::ok_status();
  }

  template <class Enum>
  Status read_enum(std::string_view key, bool (*parse_enum)(std::string_view, Enum*), Enum* out) const {
    std::string text;
    if (Status s = read_string(key, false, &text); !s.ok()) return s;
    if (!parse_enum(text, out)) return Status::invalid_argument("unknown value '" + text + "'", path(key));
    return Status::ok_status();
  }

 private:
  const json::object& object_;
  std::string path_;
};

}  // namespace voxwire::voice_json
