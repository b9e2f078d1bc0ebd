#include "text/number_words.h"

#include <array>
#include <cstdint>

namespace voxwire::text {
namespace {

constexpr std::array<std::string_view, 10> kZhDigits = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
constexpr std::array<std::string_view, 4> kZhPlaces = {"", "十", "百", "千"};
constexpr std::array<std::string_view, 4> kZhGroups = {"", "万", "亿", "万亿"};

constexpr std::array<std::string_view, 20> kEnSmall = {
    "zero",    "one",     "two",       "three",    "four",     "five",    "six",
    "seven",   "eight",   "nine",      "ten",      "eleven",   "twelve",  "thirteen",
    "fourteen", "fifteen", "sixteen",  "seventeen", "eighteen", "nineteen"};
constexpr std::array<std::string_view, 10> kEnTens = {"",      "",      "twenty",  "thirty", "forty",
                                                      "fifty", "sixty", "seventy", "eighty", "ninety"};
constexpr std::array<std::string_view, 6> kEnScales = {"", "thousand", "million", "billion", "trillion", "quadrillion"};

uint64_t value_of(std::string_view digits) {
  uint64_t v = 0;
  for (char c : digits) v = v * 10 + static_cast<uint64_t>(c - '0');
  return v;
}

// 0..9999 in Chinese; empty for 0.
std::string chinese_group(int group) {
  std::string out;
  bool zero_pending = false;
  for (int place = 3; place >= 0; --place) {
    int scale = 1;
    for (int i = 0; i < place; ++i) scale *= 10;
    const int d = group / scale % 10;
    if (d == 0) {
      if (!out.empty()) zero_pending = true;
      continue;
    }
    if (zero_pending) out += kZhDigits[0];
    zero_pending = false;
    out += kZhDigits[d];
    out += kZhPlaces[place];
  }
  return out;
}

// 0..999 in English; empty for 0.
std::string english_hundreds(int n) {
  std::string out;
  if (n >= 100) {
    out = std::string(kEnSmall[n / 100]) + " hundred";
    n %= 100;
    if (n) out += ' ';
  }
  if (n >= 20) {
    out += kEnTens[n / 10];
    if (n % 10) out += "-" + std::string(kEnSmall[n % 10]);
  } else if (n > 0) {
    out += kEnSmall[n];
  }
  return out;
}

}  // namespace

std::string chinese_cardinal(std::string_view digits) {
  uint64_t v = value_of(digits);
  if (v == 0) return std::string(kZhDigits[0]);
  std::array<int, 4> groups{};  // lowest first
  for (int& g : groups) {
    g = static_cast<int>(v % 10000);
    v /= 10000;
  }
  std::string out;
  bool zero_pending = false;
  for (int i = 3; i >= 0; --i) {
    if (groups[i] == 0) {
      if (!out.empty()) zero_pending = true;
      continue;
    }
    // A lower group under a thousand, after a higher one, starts with 零.
    if (!out.empty() && (zero_pending || groups[i] < 1000)) out += kZhDigits[0];
    zero_pending = false;
    out += chinese_group(groups[i]);
    out += kZhGroups[i];
  }
  // 10-19 at the start say 十, not 一十 (十五, 十万).
  if (out.starts_with("一十")) out.erase(0, std::string_view("一").size());
  return out;
}

std::string chinese_digits(std::string_view digits, bool yao) {
  std::string out;
  for (char c : digits) out += (yao && c == '1') ? std::string_view("幺") : kZhDigits[c - '0'];
  return out;
}

std::string english_cardinal(std::string_view digits) {
  uint64_t v = value_of(digits);
  if (v == 0) return std::string(kEnSmall[0]);
  std::string out;
  for (int scale = static_cast<int>(kEnScales.size()) - 1; scale >= 0; --scale) {
    uint64_t unit = 1;
    for (int i = 0; i < scale; ++i) unit *= 1000;
    const int part = static_cast<int>(v / unit % 1000);
    if (part == 0) continue;
    if (!out.empty()) out += ' ';
    out += english_hundreds(part);
    if (scale > 0) out += " " + std::string(kEnScales[scale]);
  }
  return out;
}

std::string english_ordinal(std::string_view digits) {
  std::string words = english_cardinal(digits);
  // The last word turns ordinal: one -> first, twenty -> twentieth, ...
  std::size_t start = words.find_last_of(" -");
  start = start == std::string::npos ? 0 : start + 1;
  const std::string last = words.substr(start);
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kIrregular = {{
      {"one", "first"}, {"two", "second"}, {"three", "third"}, {"five", "fifth"},
      {"eight", "eighth"}, {"nine", "ninth"}, {"twelve", "twelfth"}, {"zero", "zeroth"}}};
  for (const auto& [cardinal, ordinal] : kIrregular) {
    if (last == cardinal) return words.substr(0, start) + std::string(ordinal);
  }
  if (last.ends_with("y")) return words.substr(0, words.size() - 1) + "ieth";
  return words + "th";
}

std::string english_digits(std::string_view digits, bool zero_as_oh) {
  std::string out;
  for (char c : digits) {
    if (!out.empty()) out += ' ';
    out += (zero_as_oh && c == '0') ? std::string_view("oh") : kEnSmall[c - '0'];
  }
  return out;
}

std::string english_year(std::string_view digits) {
  const int year = static_cast<int>(value_of(digits));
  const int high = year / 100, low = year % 100;
  if (year >= 2000 && year < 2010) return english_cardinal(digits);  // two thousand five
  if (low == 0) return english_hundreds(high) + " hundred";           // nineteen hundred
  if (low < 10) return english_hundreds(high) + " oh " + std::string(kEnSmall[low]);  // nineteen oh five
  return english_hundreds(high) + " " + english_hundreds(low);
}

}  // namespace voxwire::text
