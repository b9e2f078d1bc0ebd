#include "text/mandarin.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>
#include <vector>

#include "base/utf8.h"
#include "text/lines.h"
#include "text/chinese_words.h"
#include "text/pinyin.h"
#include "text/tone_sandhi.h"

namespace voxwire::embedded {
extern const std::string_view embedded_chinese_polyphones;
}  // namespace voxwire::embedded

namespace voxwire::text {
namespace {

struct Lexicon {
  std::unordered_map<std::string, std::vector<PinyinSyllable>> pinyin;  // word -> one syllable per character
  std::size_t longest = 0;                                              // bytes
};

// Parses the compiled-in data file (its format is in its header comment).
Lexicon load() {
  Lexicon lexicon;
  std::string_view data = embedded::embedded_chinese_polyphones;
  while (!data.empty()) {
    const std::string_view line = take_line(&data);
    const std::size_t tab = line.find('\t');
    if (line.empty() || line[0] == '#' || tab == std::string_view::npos) continue;
    std::vector<PinyinSyllable> syllables;
    std::string_view rest = line.substr(tab + 1);
    while (!rest.empty()) {
      const std::size_t space = std::min(rest.find(' '), rest.size());
      if (auto syllable = parse_numbered_pinyin(rest.substr(0, space))) syllables.push_back(std::move(*syllable));
      rest.remove_prefix(std::min(space + 1, rest.size()));
    }
    const std::string word(line.substr(0, tab));
    if (syllables.size() != utf8::length(word)) continue;  // a malformed entry is left to the engine
    lexicon.pinyin.emplace(word, std::move(syllables));
    lexicon.longest = std::max(lexicon.longest, tab);
  }
  return lexicon;
}

const Lexicon& lexicon() {
  static const Lexicon instance = load();
  return instance;
}

SpokenSyllable customary(std::string_view han) {
  const std::u32string c = utf8::decode(han);
  return {han, c.size() == 1 ? customary_reading(c[0]) : std::nullopt, false};
}

// The syllables of text read with the lexicon's readings, or nullopt unless
// it is a lexicon word.
std::optional<SpokenWord> read_lexicon_word(std::string_view text) {
  const auto it = lexicon().pinyin.find(std::string(text));
  if (it == lexicon().pinyin.end()) return std::nullopt;
  SpokenWord out;
  std::size_t i = 0;
  for (const PinyinSyllable& reading : it->second) {
    const std::size_t n = utf8::char_length(text, i);
    out.push_back({text.substr(i, n), reading, true});
    i += n;
  }
  return out;
}

// The syllables of one word: lexicon readings for the longest lexicon words
// inside it, customary readings elsewhere.
SpokenWord read_word(std::string_view word) {
  SpokenWord out;
  for (std::size_t i = 0; i < word.size();) {
    std::optional<SpokenWord> match;
    for (std::size_t end = i; end < word.size() && end - i < lexicon().longest;) {
      end += utf8::char_length(word, end);
      if (auto found = read_lexicon_word(word.substr(i, end - i))) match = std::move(found);
    }
    if (match) {
      i += match->back().han.data() + match->back().han.size() - (word.data() + i);
      out.insert(out.end(), match->begin(), match->end());
      continue;
    }
    const std::size_t n = utf8::char_length(word, i);
    out.push_back(customary(word.substr(i, n)));
    i += n;
  }
  // A doubled character (姐姐, 看看, 想想) is neutral the second time.
  if (out.size() == 2 && out[0].han == out[1].han && out[0].han != "一" && !out[1].spell_out && out[1].pinyin) {
    out[1].pinyin->tone = 5;
  }
  return out;
}

void write_clause(std::vector<SpokenWord>& clause, std::string& out) {
  apply_tone_sandhi(clause);
  for (const SpokenWord& word : clause) {
    for (std::size_t k = 0; k < word.size(); ++k) {
      const SpokenSyllable& s = word[k];
      if (!s.spell_out) {
        out.append(s.han);
        continue;
      }
      // Apart from Latin text or pinyin of the word before, so syllables never merge.
      if (k == 0 && !out.empty() && std::isalnum(static_cast<unsigned char>(out.back()))) out += ' ';
      out += s.pinyin->spelled();
    }
  }
  clause.clear();
}

// The longest lexicon word made of whole words from words[w] on (还|钱 is
// 还钱, but 的|确认 is not 的确), with the number of words it takes.
std::optional<std::pair<SpokenWord, std::size_t>> read_lexicon_words(const std::vector<std::string_view>& words,
                                                                      std::size_t w) {
  std::optional<std::pair<SpokenWord, std::size_t>> longest;
  std::size_t bytes = 0;
  for (std::size_t v = w; v < words.size() && is_han_at(words[v], 0); ++v) {
    bytes += words[v].size();
    if (bytes > lexicon().longest) break;
    if (auto found = read_lexicon_word(std::string_view(words[w].data(), bytes))) longest.emplace(std::move(*found), v - w + 1);
  }
  return longest;
}

}  // namespace

std::string annotate_mandarin(std::string_view text) {
  std::string out;
  std::vector<SpokenWord> clause;
  const std::vector<std::string_view> words = split_chinese_words(text);
  for (std::size_t w = 0; w < words.size();) {
    if (!is_han_at(words[w], 0)) {
      write_clause(clause, out);
      out.append(words[w++]);
    } else if (auto lexicon_word = read_lexicon_words(words, w)) {
      clause.push_back(std::move(lexicon_word->first));
      w += lexicon_word->second;
    } else {
      clause.push_back(read_word(words[w++]));
    }
  }
  write_clause(clause, out);
  return out;
}

std::size_t polyphone_lexicon_size() { return lexicon().pinyin.size(); }

}  // namespace voxwire::text
