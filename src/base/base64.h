// base/base64.h: standard base64 (RFC 4648, with padding). Thread-safe.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace voxwire::base64 {

std::string encode(std::string_view bytes);
// nullopt on any character outside the alphabet, bad padding or length.
// Whitespace is not accepted.
std::optional<std::string> decode(std::string_view text);

}  // namespace voxwire::base64
