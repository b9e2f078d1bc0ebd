#include "text/normalizer.h"

#include <algorithm>
#include <optional>
#include <vector>

#include "base/utf8.h"
#include "text/ascii.h"
#include "text/english_text.h"
#include "text/european_dates.h"
#include "text/number_words.h"
#include "text/units.h"

namespace voxwire::text {
namespace {


// Full-width digits, Latin letters and the signs numbers use (％．－～／＄＋)
// become ASCII; the ideographic space a space. Chinese punctuation (，：)
// stays: the engines pause on it.
std::string fold_width(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto b0 = static_cast<unsigned char>(text[i]);
    if (b0 == 0xEF && i + 2 < text.size()) {
      const auto b1 = static_cast<unsigned char>(text[i + 1]), b2 = static_cast<unsigned char>(text[i + 2]);
      if ((b1 == 0xBC || b1 == 0xBD) && b2 >= 0x80 && b2 <= 0xBF) {
        const char32_t cp = 0xFF00 + (b1 - 0xBC) * 64 + (b2 - 0x80);
        const char ascii = static_cast<char>(cp - 0xFEE0);
        if (cp >= 0xFF01 && cp <= 0xFF5E &&
            (is_ascii_digit(ascii) || is_ascii_letter(ascii) || std::string_view("%.-~/$+").find(ascii) != std::string_view::npos)) {
          out += ascii;
          i += 2;
          continue;
        }
      }
    }
    if (b0 == 0xE3 && text.substr(i, 3) == "\u3000") {
      out += ' ';
      i += 2;
      continue;
    }
    out += text[i];
  }
  return out;
}

// A number as written: digits, optional thousands separators (1,234,567),
// optional fraction.
struct Number {
  std::string integer;   // digits only
  std::string fraction;  // digits after the point; empty if none
  std::size_t end = 0;   // index just past it
  bool grouped = false;  // written with thousands separators: a quantity
};

std::optional<Number> parse_number(std::string_view t, std::size_t i) {
  if (i >= t.size() || !is_ascii_digit(t[i])) return std::nullopt;
  Number n;
  std::size_t j = i;
  while (j < t.size() && is_ascii_digit(t[j])) n.integer += t[j++];
  if (n.integer.size() <= 3) {  // 1,234 but not 1,23 or 12,3456
    while (j + 3 < t.size() && t[j] == ',' && is_ascii_digit(t[j + 1]) && is_ascii_digit(t[j + 2]) && is_ascii_digit(t[j + 3]) &&
           (j + 4 >= t.size() || !is_ascii_digit(t[j + 4]))) {
      n.integer.append(t.substr(j + 1, 3));
      n.grouped = true;
      j += 4;
    }
  }
  if (j + 1 < t.size() && t[j] == '.' && is_ascii_digit(t[j + 1])) {
    ++j;
    while (j < t.size() && is_ascii_digit(t[j])) n.fraction += t[j++];
  }
  n.end = j;
  return n;
}

// A digit string that names rather than counts: zero-led or too long.
bool is_identifier(const std::string& digits) {
  return (digits.size() > 1 && digits[0] == '0') || digits.size() > kMaxCardinalDigits;
}

int small_value(const std::string& digits) { return digits.size() <= 4 ? std::stoi(digits) : 100000; }

struct Currency {
  std::string_view symbol;
  std::string_view zh;        // 美元
  std::string_view en_one;    // dollar
  std::string_view en_many;   // dollars
  std::string_view cent_one;  // cent (empty: no minor unit read)
  std::string_view cent_many;
};
constexpr Currency kCurrencies[] = {
    {"$", "美元", "dollar", "dollars", "cent", "cents"},
    {"€", "欧元", "euro", "euros", "cent", "cents"},
    {"£", "英镑", "pound", "pounds", "penny", "pence"},
    {"¥", "元", "yen", "yen", "", ""},
    {"￥", "元", "yen", "yen", "", ""},
};

// Operators between numbers: the symbol, Chinese, English.
constexpr std::string_view kOperators[][3] = {
    {"+", "加", "plus"},         {"-", "减", "minus"},           {"=", "等于", "equals"},
    {"×", "乘以", "times"},      {"÷", "除以", "divided by"},    {"<", "小于", "is less than"},
    {">", "大于", "is greater than"}, {"≤", "小于等于", "is at most"}, {"≥", "大于等于", "is at least"},
    {"≈", "约等于", "is about"},
};

// Column 1 (Chinese) or 2 (English) for `symbol`; empty if not an operator.
std::string_view operator_word(std::string_view symbol, int column) {
  for (const auto& op : kOperators) {
    if (op[0] == symbol) return op[column];
  }
  return {};
}

// What a language says for each written form.
class Reader {
 public:
  virtual ~Reader() = default;
  virtual std::string cardinal(const std::string& digits) const = 0;
  virtual std::string digits(const std::string& digits, bool phone) const = 0;
  virtual std::string point() const = 0;
  // Words are separated by spaces (English), or not (Chinese).
  virtual bool spaced() const = 0;
  // Between the groups of a phone number.
  virtual std::string group_pause() const = 0;
  virtual std::string negative(const std::string& words) const = 0;
  virtual std::string percent(const std::string& words) const = 0;
  virtual std::string range(const std::string& from, const std::string& to) const = 0;
  virtual std::string time(int hour, const std::string& minutes) const = 0;
  virtual std::string date(const std::string& year, int month, int day) const = 0;
  virtual std::string fraction(const std::string& numerator, const std::string& denominator) const = 0;
  virtual std::string money(const Currency& c, const Number& n) const = 0;
  // A unit after a quantity; `one` when the quantity is exactly 1.
  virtual std::string unit(const Unit& u, bool one) const = 0;
  // An operator between two numbers: "+", "-", "=", "×", "÷", "<", ">", "≤",
  // "≥", "≈"; empty if not one.
  virtual std::string_view math(std::string_view symbol) const = 0;
  // Words for a plain number at `rest` (what follows it), and how many bytes
  // of `rest` they also consumed (a suffix such as "st" or 年's year).
  virtual std::string plain(const Number& n, std::string_view before, std::string_view rest,
                            std::size_t* consumed) const = 0;

  // A number's words: an identifier digit by digit, an integer, or a decimal.
  std::string number(const Number& n) const {
    if (is_identifier(n.integer)) return digits(n.integer, false);
    std::string words = cardinal(n.integer);
    if (!n.fraction.empty()) words += point() + digits(n.fraction, false);
    return words;
  }
};

class ChineseReader final : public Reader {
 public:
  std::string cardinal(const std::string& d) const override { return chinese_cardinal(d); }
  std::string digits(const std::string& d, bool phone) const override { return chinese_digits(d, phone); }
  std::string point() const override { return "点"; }
  bool spaced() const override { return false; }
  std::string group_pause() const override { return "，"; }
  std::string negative(const std::string& w) const override { return "负" + w; }
  std::string percent(const std::string& w) const override { return "百分之" + w; }
  std::string range(const std::string& a, const std::string& b) const override { return a + "到" + b; }
  std::string time(int hour, const std::string& mm) const override {
    const std::string h = chinese_cardinal(std::to_string(hour));
    if (mm == "00") return h + "点";
    return h + "点" + (mm[0] == '0' ? "零" : "") + chinese_cardinal(std::to_string(std::stoi(mm))) + "分";
  }
  std::string date(const std::string& y, int m, int d) const override {
    return chinese_digits(y) + "年" + chinese_cardinal(std::to_string(m)) + "月" + chinese_cardinal(std::to_string(d)) +
           "日";
  }
  std::string fraction(const std::string& a, const std::string& b) const override {
    return chinese_cardinal(b) + "分之" + chinese_cardinal(a);
  }
  std::string money(const Currency& c, const Number& n) const override { return number(n) + std::string(c.zh); }
  std::string unit(const Unit& u, bool) const override { return std::string(u.chinese); }
  std::string_view math(std::string_view symbol) const override { return operator_word(symbol, 1); }
  std::string plain(const Number& n, std::string_view before, std::string_view rest,
                    std::size_t* consumed) const override {
    *consumed = 0;
    if (n.fraction.empty()) {
      // 2025年 is a year, read digit by digit; 3年 is three years.
      if (n.integer.size() == 4 && rest.starts_with("年")) return chinese_digits(n.integer);
      // A mobile number (11 digits from 1) or a zero-led one: 幺 for 1.
      if ((n.integer.size() == 11 && n.integer[0] == '1') || (n.integer.size() >= 3 && n.integer[0] == '0')) {
        return chinese_digits(n.integer, /*yao=*/true);
      }
      // 2 counting things is 两 (两个, 两本, 2h 两小时), but 第2 is 第二.
      std::size_t unit_length = 0;
      const Unit* unit = unit_at(rest, &unit_length);
      const std::string_view following = unit ? unit->chinese : rest;
      if (n.integer == "2" && !before.ends_with("第")) {
        for (std::string_view measure : {"个", "位", "只", "条", "件", "次", "天", "本", "张", "种", "名", "辆", "台",
                                         "岁", "小时", "分钟", "周", "年", "倍", "家", "间", "双", "斤", "公里", "米"}) {
          if (following.starts_with(measure)) return "两";
        }
      }
    }
    return number(n);
  }
};

class EnglishReader final : public Reader {
 public:
  std::string cardinal(const std::string& d) const override { return english_cardinal(d); }
  std::string digits(const std::string& d, bool) const override { return english_digits(d); }
  std::string point() const override { return " point "; }
  bool spaced() const override { return true; }
  std::string group_pause() const override { return ", "; }
  std::string negative(const std::string& w) const override { return "minus " + w; }
  std::string percent(const std::string& w) const override { return w + " percent"; }
  std::string range(const std::string& a, const std::string& b) const override { return a + " to " + b; }
  std::string time(int hour, const std::string& mm) const override {
    const std::string h = english_cardinal(std::to_string(hour));
    if (mm == "00") return h + " o'clock";
    if (mm[0] == '0') return h + " oh " + english_cardinal(mm.substr(1));
    return h + " " + english_cardinal(mm);
  }
  std::string date(const std::string& y, int m, int d) const override {
    static constexpr std::string_view kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                                   "July",    "August",   "September", "October", "November", "December"};
    return std::string(kMonths[m - 1]) + " " + english_ordinal(std::to_string(d)) + ", " + year(y);
  }
  std::string fraction(const std::string& a, const std::string& b) const override {
    const bool one = a == "1";
    std::string denominator = b == "2" ? (one ? "half" : "halves")
                              : b == "4" ? (one ? "quarter" : "quarters")
                                         : english_ordinal(b) + (one ? "" : "s");
    return english_cardinal(a) + " " + denominator;
  }
  std::string money(const Currency& c, const Number& n) const override {
    if (is_identifier(n.integer) || n.fraction.size() > 2 || c.cent_one.empty()) {
      return number(n) + " " + std::string(n.integer == "1" && n.fraction.empty() ? c.en_one : c.en_many);
    }
    std::string words;
    if (n.integer != "0" || n.fraction.empty()) {
      words = english_cardinal(n.integer) + " " + std::string(n.integer == "1" ? c.en_one : c.en_many);
    }
    if (!n.fraction.empty()) {
      const std::string cents = std::to_string(std::stoi(n.fraction.size() == 1 ? n.fraction + "0" : n.fraction));
      if (cents != "0") {
        if (!words.empty()) words += " and ";
        words += english_cardinal(cents) + " " + std::string(cents == "1" ? c.cent_one : c.cent_many);
      }
    }
    return words;
  }
  std::string unit(const Unit& u, bool one) const override { return std::string(one ? u.one : u.many); }
  std::string_view math(std::string_view symbol) const override { return operator_word(symbol, 2); }
  std::string plain(const Number& n, std::string_view, std::string_view rest, std::size_t* consumed) const override {
    *consumed = 0;
    if (n.fraction.empty() && !is_identifier(n.integer)) {
      for (std::string_view suffix : {"st", "nd", "rd", "th"}) {
        if (rest.starts_with(suffix) && (rest.size() == 2 || !is_ascii_letter(rest[2]))) {
          *consumed = 2;
          return english_ordinal(n.integer);
        }
      }
      const int v = small_value(n.integer);
      if (!n.grouped && n.integer.size() == 4 && v >= 1100 && v < 2100) return year(n.integer);
    }
    return number(n);
  }

 private:
  static std::string year(const std::string& y) { return y.size() == 4 && y[0] != '0' ? english_year(y) : english_digits(y); }
};

// Rewrites every number in `text` through `reader`.
std::string rewrite(std::string_view text, const Reader& reader) {
  std::string out;
  out.reserve(text.size() * 2);
  std::size_t i = 0;
  auto prev_is_word_char = [&] { return !out.empty() && (is_ascii_digit(out.back()) || is_ascii_letter(out.back())); };
  bool after_number = false;  // the last thing written was a number's words
  while (i < text.size()) {
    // An operator between two numbers (3 + 4 = 7, 5 × 6).
    if (after_number) {
      std::size_t j = i;
      while (j < text.size() && text[j] == ' ') ++j;
      const std::size_t k = j + utf8::char_length(text, j);  // one character
      std::size_t m = k;
      while (m < text.size() && text[m] == ' ') ++m;
      const std::string_view word = reader.math(text.substr(j, k - j));
      if (!word.empty() && m < text.size() && is_ascii_digit(text[m])) {
        out += reader.spaced() ? " " + std::string(word) + " " : std::string(word);
        i = m;
        after_number = false;
        continue;
      }
    }
    after_number = false;
    // A currency sign, or a minus sign, right before a number.
    const Currency* currency = nullptr;
    for (const Currency& c : kCurrencies) {
      if (text.substr(i).starts_with(c.symbol) && i + c.symbol.size() < text.size() &&
          is_ascii_digit(text[i + c.symbol.size()])) {
        currency = &c;
      }
    }
    if (currency) {
      auto n = parse_number(text, i + currency->symbol.size());
      out += reader.money(*currency, *n);
      i = n->end;
      continue;
    }
    const bool minus = (text[i] == '-') && i + 1 < text.size() && is_ascii_digit(text[i + 1]) && !prev_is_word_char();
    std::optional<Number> n = parse_number(text, minus ? i + 1 : i);
    if (!n || (!minus && i > 0 && is_ascii_letter(text[i - 1]))) {  // not a number, or part of a word (MP3, H2O)
      if (n) {
        out.append(text.substr(i, n->end - i));
        i = n->end;
      } else {
        out += text[i++];
      }
      continue;
    }
    std::size_t end = n->end;
    std::string words;
    const std::string_view rest = text.substr(end);
    std::optional<Number> second = (rest.size() > 1 && (rest[0] == '-' || rest[0] == '~' || rest[0] == '/' || rest[0] == ':'))
                                        ? parse_number(text, end + 1)
                                        : std::nullopt;
    const bool plain_int = n->fraction.empty();
    const bool second_int = second && second->fraction.empty();
    if (rest.starts_with(":") && second_int && plain_int && !minus && small_value(n->integer) <= 24 &&
        second->integer.size() == 2 && small_value(second->integer) < 60) {
      words = reader.time(small_value(n->integer), second->integer);  // 10:30
      end = second->end;
    } else if ((rest.starts_with("-") || rest.starts_with("/")) && second_int && plain_int && !minus &&
               n->integer.size() == 4 && second->end < text.size() && text[second->end] == rest[0] &&
               parse_number(text, second->end + 1) && small_value(second->integer) >= 1 &&
               small_value(second->integer) <= 12) {
      std::optional<Number> third = parse_number(text, second->end + 1);  // 2025-03-05, 2025/3/5
      const int day = third->fraction.empty() ? small_value(third->integer) : 0;
      if (day >= 1 && day <= 31) {
        words = reader.date(n->integer, small_value(second->integer), day);
        end = third->end;
      }
    } else if (rest.starts_with("/") && second_int && plain_int && !minus && n->integer.size() <= 2 &&
               second->integer.size() <= 2 && small_value(n->integer) >= 1 && small_value(n->integer) <= 12 &&
               small_value(second->integer) >= 1 && small_value(second->integer) <= 31 &&
               second->end + 1 < text.size() && text[second->end] == '/') {
      std::optional<Number> year = parse_number(text, second->end + 1);  // 3/15/2025, month first as in the US
      if (year && year->fraction.empty() && year->integer.size() == 4) {
        words = reader.date(year->integer, small_value(n->integer), small_value(second->integer));
        end = year->end;
      }
    }
    if (words.empty() && rest.starts_with("-") && second_int && plain_int && !minus) {
      // A phone number (010-12345678, 555-1234, 800-555-0199): every group
      // digit by digit.
      std::vector<std::string> groups = {n->integer};
      std::size_t j = end;
      while (j + 1 < text.size() && text[j] == '-' && is_ascii_digit(text[j + 1])) {
        auto group = parse_number(text, j + 1);
        if (!group->fraction.empty()) break;
        groups.push_back(group->integer);
        j = group->end;
      }
      if (groups.size() >= 3 || n->integer[0] == '0' || (groups[0].size() == 3 && groups[1].size() == 4)) {
        for (const std::string& g : groups) words += (words.empty() ? "" : reader.group_pause()) + reader.digits(g, true);
        end = j;
      }
    }
    if (words.empty() && (rest.starts_with("%") || rest.starts_with("％"))) {
      words = reader.percent(reader.number(*n));
      end += 1;
    }
    if (words.empty() && rest.starts_with("/") && second_int && plain_int && !is_identifier(n->integer) &&
        !is_identifier(second->integer) && second->integer != "0" && second->integer != "1") {
      words = reader.fraction(n->integer, second->integer);  // 3/4
      end = second->end;
    }
    if (words.empty() && (rest.starts_with("-") || rest.starts_with("~")) && second && !minus &&
        !is_identifier(n->integer) && !is_identifier(second->integer)) {
      // Each end read as it would be alone, both seeing what follows the
      // range (2020-2025年 is two years).
      std::size_t ignored = 0;
      const std::string_view after = text.substr(second->end);
      words = reader.range(reader.plain(*n, out, after, &ignored), reader.plain(*second, "", after, &ignored));
      end = second->end;
    }
    if (words.empty()) {
      std::size_t consumed = 0;
      words = reader.plain(*n, out, rest, &consumed);
      end += consumed;
    }
    // A quantity's unit (5km, 3.5 kg, 3-5℃).
    std::size_t unit_length = 0;
    if (const Unit* unit = unit_at(text.substr(end), &unit_length)) {
      const bool one = n->integer == "1" && n->fraction.empty() && !minus;
      words += (reader.spaced() ? " " : "") + reader.unit(*unit, one);
      end += unit_length;
    }
    if (minus) words = reader.negative(words);
    if (reader.spaced() && prev_is_word_char()) out += ' ';
    out += words;
    if (reader.spaced() && end < text.size() && (is_ascii_letter(text[end]) || is_ascii_digit(text[end]))) out += ' ';
    i = end;
    after_number = true;
  }
  return out;
}

}  // namespace

std::string normalize(std::string_view text, Language language, WebAddresses addresses) {
  static const ChineseReader chinese;
  static const EnglishReader english;
  switch (language) {
    case Language::kChinese: return rewrite(fold_width(text), chinese);
    case Language::kEnglish: return rewrite(expand_abbreviations(speak_addresses(fold_width(text), addresses)), english);
    default: return spell_dates(text, language);
  }
}

}  // namespace voxwire::text
