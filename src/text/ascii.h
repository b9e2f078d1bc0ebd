// text/ascii.h: ASCII character classes for the text front end's scanners
// (only ASCII digits and letters make numbers, units and abbreviations).
#pragma once

namespace voxwire::text {

inline bool is_ascii_digit(char32_t c) { return c >= '0' && c <= '9'; }
inline bool is_ascii_letter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

}  // namespace voxwire::text
