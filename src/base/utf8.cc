#include "base/utf8.h"

#include <algorithm>

namespace voxwire::utf8 {
namespace {

// Decodes one code point at s[i]; advances i. Returns U+FFFD and advances by
// one byte on a malformed, overlong or surrogate sequence.
char32_t next(std::string_view s, std::size_t& i, bool* ok) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char b0 = byte(i);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  int len = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) { len = 2; cp = b0 & 0x1F; min = 0x80; }
  else if ((b0 & 0xF0) == 0xE0) { len = 3; cp = b0 & 0x0F; min = 0x800; }
  else if ((b0 & 0xF8) == 0xF0) { len = 4; cp = b0 & 0x07; min = 0x10000; }
  if (len == 0 || i + len > s.size()) {
    *ok = false;
    ++i;
    return 0xFFFD;
  }
  for (int k = 1; k < len; ++k) {
    unsigned char b = byte(i + k);
    if ((b & 0xC0) != 0x80) {
      *ok = false;
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    *ok = false;
    ++i;
    return 0xFFFD;
  }
  i += len;
  return cp;
}

}  // namespace

bool is_valid(std::string_view s) {
  bool ok = true;
  for (std::size_t i = 0; i < s.size() && ok;) next(s, i, &ok);
  return ok;
}

std::u32string decode(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  bool ok = true;
  for (std::size_t i = 0; i < s.size();) out.push_back(next(s, i, &ok));
  return out;
}

void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string encode(std::u32string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char32_t cp : s) append(out, cp);
  return out;
}

std::size_t length(std::string_view s) {
  std::size_t n = 0;
  bool ok = true;
  for (std::size_t i = 0; i < s.size(); ++n) next(s, i, &ok);
  return n;
}

std::size_t char_length(std::string_view s, std::size_t i) {
  if (i >= s.size()) return 0;
  const auto lead = static_cast<unsigned char>(s[i]);
  const std::size_t n = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  return std::min(n, s.size() - i);
}

}  // namespace voxwire::utf8
