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
// Bytes of the character starting at s[i], by its lead byte (1 to 4, never
// past the end; 0 when i is): for stepping through text a character at a time.
std::size_t char_length(std::string_view s, std::size_t i);

}  // namespace voxwire::utf8
