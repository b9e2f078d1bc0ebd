// customization/request_fields.h: reads the fields of a customization
// request body (input.*, parameters.*) with the messages both products
// answer: "Required parameter '<path>' missing.", "'<path>' must be ...".
// `path` is the field's name on the wire, e.g. "input.page_size". Pure,
// thread-safe.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <boost/json.hpp>

#include "base/result.h"

namespace voxwire::customization {

// nullopt if absent or null; InvalidArgument if present but not a string.
Result<std::optional<std::string>> optional_string(const boost::json::object& o, std::string_view key,
                                                   std::string_view path);
// InvalidArgument if absent, null, empty or not a string.
Result<std::string> required_string(const boost::json::object& o, std::string_view key, std::string_view path);
// `fallback` if absent or null; InvalidArgument unless an integer in [lo, hi].
Result<int64_t> optional_integer(const boost::json::object& o, std::string_view key, std::string_view path,
                                 int64_t fallback, int64_t lo, int64_t hi);
// `fallback` if absent or null; InvalidArgument unless a number in [lo, hi].
Result<double> optional_number(const boost::json::object& o, std::string_view key, std::string_view path,
                               double fallback, double lo, double hi);
// `fallback` if absent or null; InvalidArgument unless a boolean.
Result<bool> optional_bool(const boost::json::object& o, std::string_view key, std::string_view path, bool fallback);
// The object at `key`, or an empty one if it is absent or not an object.
const boost::json::object& object_or_empty(const boost::json::object& o, std::string_view key);

}  // namespace voxwire::customization
