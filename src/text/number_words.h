// text/number_words.h: how Chinese (Mandarin) and English speakers read
// numbers: cardinals, digit strings, ordinals and years. Inputs are ASCII
// digit strings without separators; every function is pure and thread-safe.
#pragma once
#include <string>
#include <string_view>

namespace voxwire::text {

// Largest cardinal read as a number; longer digit strings are read digit by
// digit by the callers (they are identifiers, not quantities).
constexpr std::size_t kMaxCardinalDigits = 16;

// "10" -> 十, "10500" -> 一万零五百, "0" -> 零. REQUIRES: 1..kMaxCardinalDigits
// digits, no leading zeros unless the number is 0.
std::string chinese_cardinal(std::string_view digits);
// "2025" -> 二零二五; with yao, 1 is 幺 (phone numbers, room numbers).
std::string chinese_digits(std::string_view digits, bool yao = false);

// "1234" -> "one thousand two hundred thirty-four". REQUIRES as above.
std::string english_cardinal(std::string_view digits);
// "21" -> "twenty-first". REQUIRES as above.
std::string english_ordinal(std::string_view digits);
// "2025" -> "two zero two five"; zero_as_oh reads 0 as "oh".
std::string english_digits(std::string_view digits, bool zero_as_oh = false);
// A year as said: "1999" -> "nineteen ninety-nine", "2005" -> "two
// thousand five", "2025" -> "twenty twenty-five", "1900" -> "nineteen
// hundred". REQUIRES: four digits, no leading zero.
std::string english_year(std::string_view digits);

}  // namespace voxwire::text
