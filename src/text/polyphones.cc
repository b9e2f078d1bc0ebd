#include "text/polyphones.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "base/utf8.h"

namespace voxwire::embedded {
extern const std::string_view embedded_chinese_polyphones;
}  // namespace voxwire::embedded

namespace voxwire::text {
namespace {

struct Lexicon {
  std::unordered_map<std::string, std::string> pinyin;  // word -> syllables run together
  std::size_t longest = 0;                              // bytes
};

// Parses the compiled-in data file (its format is in its header comment).
Lexicon load() {
  Lexicon lexicon;
  std::string_view data = embedded::embedded_chinese_polyphones;
  while (!data.empty()) {
    const std::size_t eol = std::min(data.find('\n'), data.size());
    const std::string_view line = data.substr(0, eol);
    data.remove_prefix(std::min(eol + 1, data.size()));
    const std::size_t tab = line.find('\t');
    if (line.empty() || line[0] == '#' || tab == std::string_view::npos) continue;
    std::string syllables;
    for (char c : line.substr(tab + 1)) {
      if (c != ' ' && c != '\r') syllables += c;
    }
    lexicon.pinyin.emplace(std::string(line.substr(0, tab)), std::move(syllables));
    lexicon.longest = std::max(lexicon.longest, tab);
  }
  return lexicon;
}

const Lexicon& lexicon() {
  static const Lexicon instance = load();
  return instance;
}

}  // namespace

std::string annotate_polyphones(std::string_view text) {
  const Lexicon& lex = lexicon();
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    // The longest lexicon word starting here, trying whole characters.
    std::size_t match = 0;
    std::size_t end = i;
    while (end < text.size() && end - i < lex.longest) {
      end += utf8::char_length(text, end);
      if (lex.pinyin.contains(std::string(text.substr(i, end - i)))) match = end - i;
    }
    if (match == 0) {
      const std::size_t n = utf8::char_length(text, i);
      out.append(text.substr(i, n));
      i += n;
      continue;
    }
    // Apart from Latin text or pinyin just before it, so syllables never merge.
    if (!out.empty() && std::isalnum(static_cast<unsigned char>(out.back()))) out += ' ';
    out += lex.pinyin.at(std::string(text.substr(i, match)));
    i += match;
  }
  return out;
}

std::size_t polyphone_lexicon_size() { return lexicon().pinyin.size(); }

}  // namespace voxwire::text
