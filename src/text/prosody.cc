#include "text/prosody.h"

#include <algorithm>
#include <cctype>

#include "base/utf8.h"
#include "text/chinese_words.h"

namespace voxwire::text {
namespace {

// The pause a mark asks for after it (or, for opening brackets, before it), or -1.
int pause_after(char32_t c, const PauseLengths& p) {
  switch (c) {
    case U'。': case U'！': case U'？': case U'…': case U'.': case U'!': case U'?':
      return p.sentence_ms;
    case U'；': case U'：': case U';': case U':': case U'—':
      return p.clause_ms;
    case U'，': case U',': case U'﹐':
      return p.comma_ms;
    case U'、':
      return p.enumeration_ms;
    case U'）': case U'》': case U'】': case U'」': case U'』': case U'”': case U')': case U']':
      return p.bracket_ms;
    default:
      return -1;
  }
}

bool is_opening(char32_t c) {
  return c == U'（' || c == U'《' || c == U'【' || c == U'「' || c == U'『' || c == U'“' || c == U'(' || c == U'[';
}

bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == U'\u3000'; }

// ASCII marks break only before a space, another mark or the end (never
// inside 3.5 or 12:30); others always do.
bool breaks_after(const std::u32string& text, std::size_t i, const PauseLengths& p) {
  if (text[i] >= 0x80) return true;
  return i + 1 == text.size() || is_space(text[i + 1]) || pause_after(text[i + 1], p) >= 0;
}

// An opening bracket breaks before it; an ASCII one only after a space (not f(x)).
bool breaks_before(const std::u32string& text, std::size_t i) {
  if (!is_opening(text[i])) return false;
  return text[i] >= 0x80 || (i > 0 && is_space(text[i - 1]));
}

bool has_words(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    return static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c));
  });
}

// Words with the text before each: Han words one by one, other runs at spaces.
std::vector<std::string_view> words_of(std::string_view phrase) {
  std::vector<std::string_view> words;
  for (std::string_view run : split_chinese_words(phrase)) {
    if (is_han_at(run, 0)) {
      words.push_back(run);
      continue;
    }
    std::size_t start = 0;
    for (std::size_t i = 1; i < run.size(); ++i) {
      if (run[i - 1] == ' ' && run[i] != ' ') {
        words.push_back(run.substr(start, i - start));
        start = i;
      }
    }
    words.push_back(run.substr(start));
  }
  return words;
}

std::size_t units_of(std::string_view word) {
  return is_han_at(word, 0) ? utf8::length(word) : (has_words(word) ? 1 : 0);
}

// Cuts a phrase into even parts of at most max_units at word boundaries.
void cut_long_clause(Phrase phrase, const PauseLengths& p, std::vector<Phrase>& out) {
  const std::vector<std::string_view> words = words_of(phrase.text);
  std::size_t total = 0;
  for (std::string_view w : words) total += units_of(w);
  const std::size_t max_units = static_cast<std::size_t>(p.max_clause_units);
  if (total <= max_units) {
    out.push_back(std::move(phrase));
    return;
  }
  const std::size_t parts = (total + max_units - 1) / max_units;
  const double per_part = static_cast<double>(total) / static_cast<double>(parts);
  std::string current;
  std::size_t units = 0;       // in the parts so far
  std::size_t part_units = 0;  // in this part
  std::size_t cuts = 0;
  for (std::string_view w : words) {
    const std::size_t n = units_of(w);
    // Cut before a word that would take this part past its share, or past the limit.
    const bool past_share = cuts + 1 < parts && static_cast<double>(units + n) > per_part * (cuts + 1) + 0.5;
    if (part_units > 0 && n > 0 && (past_share || part_units + n > max_units)) {
      out.push_back({std::move(current), p.long_clause_ms});
      current.clear();
      part_units = 0;
      ++cuts;
    }
    current += w;
    units += n;
    part_units += n;
  }
  out.push_back({std::move(current), phrase.pause_after_ms});
}

}  // namespace

Status PauseLengths::validate() const {
  const std::pair<const char*, int> pauses[] = {{"sentence_ms", sentence_ms}, {"clause_ms", clause_ms},
                                                {"comma_ms", comma_ms},       {"enumeration_ms", enumeration_ms},
                                                {"bracket_ms", bracket_ms},   {"long_clause_ms", long_clause_ms}};
  for (const auto& [name, ms] : pauses) {
    if (ms < 0 || ms > 5000) return Status::invalid_argument("pause must be 0..5000 ms", name);
  }
  if (max_clause_units < 4 || max_clause_units > 1000) {
    return Status::invalid_argument("must be 4..1000", "max_clause_units");
  }
  return Status();
}

std::vector<Phrase> split_phrases(std::string_view utf8_text, const PauseLengths& p) {
  const std::u32string text = utf8::decode(utf8_text);
  std::vector<Phrase> phrases;
  Phrase current;
  auto end_phrase = [&](int pause) {
    if (!has_words(current.text) && !phrases.empty()) {  // marks alone join the phrase before
      phrases.back().text += current.text;
      phrases.back().pause_after_ms = std::max(phrases.back().pause_after_ms, pause);
    } else if (!current.text.empty()) {
      current.pause_after_ms = pause;
      phrases.push_back(std::move(current));
    }
    current = Phrase();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char32_t c = text[i];
    if (breaks_before(text, i) && has_words(current.text)) end_phrase(p.bracket_ms);
    utf8::append(current.text, c);
    int pause = pause_after(c, p);
    if (pause < 0 || !breaks_after(text, i, p)) continue;
    // Marks that follow (?!, 。”, spaces) stay with this phrase; the longest pause wins.
    while (i + 1 < text.size() && (pause_after(text[i + 1], p) >= 0 || is_space(text[i + 1]))) {
      pause = std::max(pause, pause_after(text[++i], p));
      utf8::append(current.text, text[i]);
    }
    end_phrase(pause);
  }
  end_phrase(0);
  std::vector<Phrase> out;
  for (Phrase& phrase : phrases) cut_long_clause(std::move(phrase), p, out);
  return out;
}

}  // namespace voxwire::text
