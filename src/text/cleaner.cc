#include "text/cleaner.h"

#include <vector>

#include "base/utf8.h"
#include "text/ascii.h"

namespace voxwire::text {
namespace {

bool is_pictograph(char32_t c) {
  return (c >= 0x1F000 && c <= 0x1FAFF) ||  // emoji, flags, mahjong and playing cards, symbols
         (c >= 0x2600 && c <= 0x27BF) ||    // miscellaneous symbols, dingbats
         (c >= 0x2B00 && c <= 0x2BFF) ||    // arrows and stars (⭐)
         (c >= 0x2190 && c <= 0x21FF) ||    // arrows
         (c >= 0x2300 && c <= 0x23FF) ||    // technical symbols (⌚ ⏰)
         (c >= 0xFE00 && c <= 0xFE0F) ||    // variation selectors
         c == 0x200D ||                     // zero-width joiner
         (c >= 0xE0000 && c <= 0xE007F) ||  // tags
         c == 0x3030 || c == 0x303D || c == 0x3297 || c == 0x3299;
}

bool is_control(char32_t c) { return (c < 0x20 && c != '\n') || (c >= 0x7F && c <= 0x9F); }

bool is_space(char32_t c) { return c == ' ' || c == 0x3000; }
bool is_word_char(char32_t c) {
  return is_ascii_digit(c) || is_ascii_letter(c) || c > 0x7F;
}

std::u32string trim(std::u32string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && is_space(s[b])) ++b;
  while (e > b && is_space(s[e - 1])) --e;
  return std::u32string(s.substr(b, e - b));
}

// Links and images keep their text: [text](url), ![alt](url).
std::u32string unlink(std::u32string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const bool image = s[i] == '!' && i + 1 < s.size() && s[i + 1] == '[';
    if (s[i] == '[' || image) {
      const std::size_t open = image ? i + 1 : i;
      const std::size_t close = s.find(U"](", open);
      const std::size_t end = close == std::u32string_view::npos ? close : s.find(')', close);
      if (end != std::u32string_view::npos && s.substr(open, close - open).find(']') == std::u32string_view::npos) {
        out += s.substr(open + 1, close - open - 1);
        i = end;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

// Emphasis, strike-through and code marks go; a lone * between digits or
// spaces (2 * 3) and _ inside a word (snake_case) stay.
std::u32string unemphasize(std::u32string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char32_t c = s[i];
    const char32_t prev = i > 0 ? s[i - 1] : U' ', next = i + 1 < s.size() ? s[i + 1] : U' ';
    if (c == '`') continue;
    if ((c == '*' || c == '_' || c == '~') && next == c) {  // **, __, ~~
      ++i;
      continue;
    }
    if (c == '*' && !((is_ascii_digit(prev) || is_space(prev)) && (is_ascii_digit(next) || is_space(next)))) continue;
    if (c == '_' && !(is_word_char(prev) && is_word_char(next))) continue;
    out += c;
  }
  return out;
}

bool is_rule(const std::u32string& line) {  // ---, ***, ___ (spaces allowed)
  int marks = 0;
  for (char32_t c : line) {
    if (c == '-' || c == '*' || c == '_') ++marks;
    else if (!is_space(c)) return false;
  }
  return marks >= 3;
}

// A markdown line as it should be heard; empty to drop it.
std::u32string clean_line(std::u32string line) {
  line = trim(line);
  if (line.starts_with(U"```") || line.starts_with(U"~~~") || is_rule(line)) return {};
  while (line.starts_with(U">")) line = trim(std::u32string_view(line).substr(1));
  std::size_t hashes = 0;
  while (hashes < line.size() && hashes < 6 && line[hashes] == '#') ++hashes;
  if (hashes > 0 && hashes < line.size() && is_space(line[hashes])) line = trim(std::u32string_view(line).substr(hashes));
  if (line.size() > 2 && (line[0] == '-' || line[0] == '*' || line[0] == '+') && is_space(line[1])) {
    line = trim(std::u32string_view(line).substr(2));
  } else {
    std::size_t digits = 0;
    while (digits < line.size() && is_ascii_digit(line[digits])) ++digits;
    if (digits > 0 && digits + 2 < line.size() && (line[digits] == '.' || line[digits] == ')') &&
        is_space(line[digits + 1])) {
      line = trim(std::u32string_view(line).substr(digits + 2));
    }
  }
  if (line.starts_with(U"|")) {  // a table row: its cells; a separator row: nothing
    std::u32string cells;
    std::size_t start = 1;
    for (std::size_t bar = line.find('|', start); bar != std::u32string::npos; bar = line.find('|', start)) {
      std::u32string cell = trim(std::u32string_view(line).substr(start, bar - start));
      start = bar + 1;
      if (cell.empty() || cell.find_first_not_of(U"-: ") == std::u32string::npos) continue;
      if (!cells.empty()) cells += U", ";
      cells += cell;
    }
    line = cells;
  }
  return trim(unemphasize(unlink(line)));
}

}  // namespace

std::string clean_markup(std::string_view text) {
  std::u32string kept;
  for (char32_t c : utf8::decode(text)) {
    if (c == ' ' || c == '\t' || is_pictograph(c)) {  // a space, so the words around it stay apart
      if (!kept.empty() && kept.back() != ' ') kept += ' ';
    } else if (c != '\r' && !is_control(c)) {
      kept += c;
    }
  }
  std::u32string out;
  std::size_t start = 0;
  while (start <= kept.size()) {
    std::size_t end = kept.find('\n', start);
    if (end == std::u32string::npos) end = kept.size();
    std::u32string line = clean_line(kept.substr(start, end - start));
    if (!line.empty()) {
      if (!out.empty()) out += '\n';
      out += line;
    }
    start = end + 1;
  }
  return utf8::encode(out);
}

}  // namespace voxwire::text
