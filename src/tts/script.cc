#include "tts/script.h"

#include "base/utf8.h"

namespace voxwire {

Script script_of(char32_t c) {
  if (c < 0x80) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return Script::kLatin;
    return Script::kNeutral;
  }
  if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF) ||
      (c >= 0xF900 && c <= 0xFAFF) || c == 0x3007) {
    return Script::kHan;
  }
  if ((c >= 0x3041 && c <= 0x309F) || (c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC || (c >= 0x31F0 && c <= 0x31FF) ||
      (c >= 0xFF66 && c <= 0xFF9F)) {
    return Script::kKana;
  }
  if ((c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3131 && c <= 0x318E)) {
    return Script::kHangul;
  }
  if (c >= 0x0400 && c <= 0x052F) return Script::kCyrillic;
  if ((c >= 0x00C0 && c <= 0x024F && c != 0x00D7 && c != 0x00F7) || (c >= 0x1E00 && c <= 0x1EFF) ||
      (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A) || c == 0x00AA || c == 0x00BA) {
    return Script::kLatin;
  }
  return Script::kNeutral;
}

bool is_digit(char32_t cp) { return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19); }

bool has_speakable(std::string_view utf8_text) {
  for (char32_t cp : utf8::decode(utf8_text)) {
    if (script_of(cp) != Script::kNeutral || is_digit(cp)) return true;
  }
  return false;
}

bool has_han(std::string_view utf8_text) {
  for (char32_t cp : utf8::decode(utf8_text)) {
    if (script_of(cp) == Script::kHan) return true;
  }
  return false;
}

}  // namespace voxwire
