// base/utf8.h: UTF-8 <-> code points. Pure functions, thread-safe.
// Invalid sequences decode to U+FFFD (one per bad byte); is_valid_utf8 tells
// whether any were present.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace voxwire::utf8 {

bool is_valid(std::string_view s);
std::u32string decode(std::string_view s);
std::string encode(std::u32string_view s);
void append(std::string& out, char32_t cp);
// Number of code points (the unit of the service's character limits).
std::size_t length(std::string_view s);

}  // namespace voxwire::utf8
