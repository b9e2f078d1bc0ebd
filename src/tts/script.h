// tts/script.h: which writing system a code point belongs to, and whether a
// text has anything an engine can speak. Pure functions, thread-safe.
#pragma once
#include <string_view>

namespace voxwire {

enum class Script {
  kHan,       // Chinese characters (also Japanese kanji)
  kKana,      // hiragana, katakana
  kHangul,
  kCyrillic,
  kLatin,     // incl. accented letters and full-width forms
  kNeutral,   // digits, punctuation, spaces, symbols, emoji: no language of their own
};

Script script_of(char32_t cp);
bool is_digit(char32_t cp);  // ASCII and full-width digits
// True if text holds at least one letter or digit of any script.
bool has_speakable(std::string_view utf8_text);
// True if text holds at least one Han ideograph.
bool has_han(std::string_view utf8_text);

}  // namespace voxwire
