#include "ssml/say_as.h"

#include <algorithm>
#include <array>

#include "base/utf8.h"
#include "text/normalizer.h"
#include "text/number_words.h"

namespace voxwire::ssml {
namespace {

bool is_ascii_digit(char32_t c) { return c >= '0' && c <= '9'; }

struct Names {
  std::string_view mark;
  std::string_view chinese;
  std::string_view english;
};
constexpr std::array<Names, 30> kMarks = {{
    {"，", "逗号", "comma"},          {",", "逗号", "comma"},
    {"。", "句号", "period"},         {".", "点", "dot"},
    {"！", "感叹号", "exclamation mark"}, {"!", "感叹号", "exclamation mark"},
    {"？", "问号", "question mark"},  {"?", "问号", "question mark"},
    {"；", "分号", "semicolon"},      {";", "分号", "semicolon"},
    {"：", "冒号", "colon"},          {":", "冒号", "colon"},
    {"、", "顿号", "enumeration comma"}, {"…", "省略号", "ellipsis"},
    {"“", "左引号", "open quote"},    {"”", "右引号", "close quote"},
    {"\"", "引号", "quote"},          {"'", "单引号", "apostrophe"},
    {"（", "左括号", "open parenthesis"}, {"）", "右括号", "close parenthesis"},
    {"(", "左括号", "open parenthesis"}, {")", "右括号", "close parenthesis"},
    {"-", "横杠", "dash"},            {"_", "下划线", "underscore"},
    {"@", "艾特", "at"},              {"#", "井号", "hash"},
    {"/", "斜杠", "slash"},           {"&", "和号", "ampersand"},
    {"*", "星号", "star"},            {"+", "加号", "plus"},
}};

std::string_view mark_name(std::string_view mark, Language language) {
  for (const Names& n : kMarks) {
    if (n.mark == mark) return language == Language::kChinese ? n.chinese : n.english;
  }
  return {};
}

std::string digit_words(std::string_view digits, Language language, bool phone) {
  if (language == Language::kChinese) return text::chinese_digits(digits, phone);
  if (language == Language::kEnglish) return text::english_digits(digits, phone);
  std::string out;
  for (char c : digits) (out.empty() ? out : out += ' ') += c;
  return out;
}

// Joins the pieces of a spelled-out text: Chinese needs no spaces between
// characters, but Latin letters and digit words do.
void append_piece(std::string& out, std::string_view piece, Language language) {
  if (piece.empty()) return;
  if (!out.empty() && (language != Language::kChinese || static_cast<unsigned char>(piece.front()) < 0x80 ||
                       static_cast<unsigned char>(out.back()) < 0x80)) {
    out += ' ';
  }
  out.append(piece);
}

// One character at a time: digits as digit words, letters by name (upper
// case reads as the letter), marks by their names (spell_marks) or dropped.
std::string spell(std::string_view content, Language language, bool spell_marks) {
  std::string out;
  for (char32_t c : utf8::decode(content)) {
    std::string one;
    utf8::append(one, c);
    if (is_ascii_digit(c)) {
      append_piece(out, digit_words(one, language, false), language);
    } else if (c >= 'a' && c <= 'z') {
      append_piece(out, std::string(1, static_cast<char>(c - 'a' + 'A')), language);
    } else if (c == ' ' || c == '\t' || c == '\n') {
      continue;
    } else if (std::string_view name = mark_name(one, language); !name.empty()) {
      if (spell_marks) append_piece(out, name, language);
    } else {
      append_piece(out, one, language);
    }
  }
  return out;
}

std::string digits_spelled(std::string_view content, Language language, bool phone) {
  std::string out;
  std::string run;
  auto flush = [&] {
    if (!run.empty()) append_piece(out, digit_words(run, language, phone), language);
    run.clear();
  };
  for (char32_t c : utf8::decode(content)) {
    if (is_ascii_digit(c)) {
      run += static_cast<char>(c);
      continue;
    }
    flush();
    if (phone) {
      if (c == '+') append_piece(out, language == Language::kChinese ? "加" : "plus", language);
      // Separators become short pauses between the groups.
      if (c == '-' || c == ' ' || c == '(' || c == ')' || c == '.') {
        if (!out.empty() && !out.ends_with(",") && !out.ends_with("，")) out += language == Language::kChinese ? "，" : ",";
      }
      continue;
    }
    std::string one;
    utf8::append(one, c);
    append_piece(out, one, language);
  }
  flush();
  while (out.ends_with(",")) out.pop_back();
  while (out.ends_with("，")) out.resize(out.size() - std::string_view("，").size());
  return out;
}

std::string cardinal(std::string_view content, Language language) {
  std::string digits;
  bool negative = false;
  bool only_digits = true;
  for (std::size_t i = 0; i < content.size(); ++i) {
    const char c = content[i];
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if ((c == '-' || c == '+') && digits.empty() && !negative) {
      negative = c == '-';
    } else if (c != ',' && c != ' ') {
      only_digits = false;
    }
  }
  const std::size_t nonzero = digits.find_first_not_of('0');
  digits = nonzero == std::string::npos ? (digits.empty() ? "" : "0") : digits.substr(nonzero);
  if (!only_digits || digits.empty() || digits.size() > text::kMaxCardinalDigits ||
      (language != Language::kChinese && language != Language::kEnglish)) {
    return text::normalize(content, language);
  }
  if (language == Language::kChinese) return (negative ? "负" : "") + text::chinese_cardinal(digits);
  return (negative ? "minus " : "") + text::english_cardinal(digits);
}

struct Currency {
  std::string_view code;
  std::string_view chinese;
  std::string_view english;
};
constexpr std::array<Currency, 16> kCurrencies = {{
    {"RMB", "人民币", "yuan"},          {"CNY", "元", "yuan"},
    {"USD", "美元", "US dollars"},      {"EUR", "欧元", "euros"},
    {"GBP", "英镑", "pounds"},          {"JPY", "日元", "yen"},
    {"HKD", "港元", "Hong Kong dollars"}, {"AUD", "澳元", "Australian dollars"},
    {"CAD", "加元", "Canadian dollars"}, {"CHF", "瑞士法郎", "Swiss francs"},
    {"NOK", "挪威克朗", "Norwegian kroner"}, {"SEK", "瑞典克朗", "Swedish kronor"},
    {"DKK", "丹麦克朗", "Danish kroner"}, {"SGD", "新加坡元", "Singapore dollars"},
    {"KRW", "韩元", "won"},             {"TWD", "新台币", "New Taiwan dollars"},
}};
constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kSymbols = {
    {{"$", "USD"}, {"€", "EUR"}, {"£", "GBP"}, {"¥", "CNY"}}};

struct Magnitude {
  std::string_view suffix;
  std::string_view chinese;
  std::string_view english;
};
constexpr std::array<Magnitude, 6> kMagnitudes = {{{"Tn", "万亿", "trillion"}, {"bn", "十亿", "billion"},
                                                   {"K", "千", "thousand"},    {"k", "千", "thousand"},
                                                   {"M", "百万", "million"},   {"B", "十亿", "billion"}}};

// An amount with an ISO code or a magnitude suffix; the rest (symbols with
// plain amounts, 元) is read by the text front end.
std::string currency(std::string_view content, Language language) {
  if (language != Language::kChinese && language != Language::kEnglish) return std::string(content);
  std::string rest(content);
  const Currency* found = nullptr;
  for (const Currency& c : kCurrencies) {
    if (std::size_t at = rest.find(c.code); at != std::string::npos) {
      found = &c;
      rest.erase(at, c.code.size());
      break;
    }
  }
  const Magnitude* magnitude = nullptr;
  auto trim = [](std::string& s) {
    while (!s.empty() && s.back() == ' ') s.pop_back();
    while (!s.empty() && s.front() == ' ') s.erase(0, 1);
  };
  trim(rest);
  for (const Magnitude& m : kMagnitudes) {
    if (rest.size() > m.suffix.size() && rest.ends_with(m.suffix) &&
        is_ascii_digit(static_cast<unsigned char>(rest[rest.size() - m.suffix.size() - 1]))) {
      magnitude = &m;
      rest.resize(rest.size() - m.suffix.size());
      break;
    }
  }
  if (!found && !magnitude) return text::normalize(content, language);
  if (!found) {
    for (const auto& symbol : kSymbols) {
      if (rest.starts_with(symbol.first)) {
        rest.erase(0, symbol.first.size());
        found = &*std::find_if(kCurrencies.begin(), kCurrencies.end(),
                               [&](const Currency& c) { return c.code == symbol.second; });
        break;
      }
    }
  }
  trim(rest);
  const bool chinese = language == Language::kChinese;
  std::string out = text::normalize(rest, language);
  if (magnitude) out += (chinese ? "" : " ") + std::string(chinese ? magnitude->chinese : magnitude->english);
  if (found) out += (chinese ? "" : " ") + std::string(chinese ? found->chinese : found->english);
  return out;
}

}  // namespace

Result<std::string> say_as(std::string_view interpret_as, std::string_view content, Language language) {
  if (interpret_as == "cardinal") return cardinal(content, language);
  if (interpret_as == "digits") return digits_spelled(content, language, /*phone=*/false);
  if (interpret_as == "telephone") return digits_spelled(content, language, /*phone=*/true);
  if (interpret_as == "id" || interpret_as == "characters") return spell(content, language, /*spell_marks=*/true);
  if (interpret_as == "punctuation") {
    std::string out;
    for (char32_t c : utf8::decode(content)) {
      std::string one;
      utf8::append(one, c);
      const std::string_view name = mark_name(one, language);
      append_piece(out, name.empty() ? std::string_view(one) : name, language);
    }
    return out;
  }
  if (interpret_as == "currency") return currency(content, language);
  if (interpret_as == "date" || interpret_as == "time" || interpret_as == "measure" || interpret_as == "address") {
    return text::normalize(content, language);
  }
  if (interpret_as == "name") return std::string(content);
  return Status::invalid_argument("interpret-as '" + std::string(interpret_as).substr(0, 32) +
                                  "' is not one of cardinal, digits, telephone, name, address, id, characters, "
                                  "punctuation, date, time, currency, measure");
}

}  // namespace voxwire::ssml
