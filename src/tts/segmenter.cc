#include "tts/segmenter.h"

#include <array>
#include <string>

#include "base/utf8.h"
#include "tts/script.h"

namespace voxwire {
namespace {

struct Decoded {
  std::u32string cps;
  std::vector<std::size_t> byte_offset;  // of each code point, plus the end
};

Decoded decode_with_offsets(std::string_view text) {
  Decoded d;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t start = i;
    unsigned char b = static_cast<unsigned char>(text[i]);
    std::size_t len = b < 0x80 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 1;
    if (start + len > text.size()) len = 1;
    std::u32string cp = utf8::decode(text.substr(start, len));
    if (cp.size() != 1) len = 1;  // malformed: step one byte, keep offsets valid
    d.cps.push_back(cp.empty() ? 0xFFFD : cp[0]);
    d.byte_offset.push_back(start);
    i = start + len;
  }
  d.byte_offset.push_back(text.size());
  return d;
}

bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0x3000 || c == 0xA0; }

bool is_closer(char32_t c) {
  static constexpr std::u32string_view kClosers = U"\"')]}”’」』】》〉）〕";
  return kClosers.find(c) != std::u32string_view::npos;
}

bool is_cjk_terminator(char32_t c) {
  static constexpr std::u32string_view kTerminators = U"。！？；…｡";
  return kTerminators.find(c) != std::u32string_view::npos || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B;
}

bool is_soft_break(char32_t c) {
  static constexpr std::u32string_view kSoft = U"，,、：:—–";
  return kSoft.find(c) != std::u32string_view::npos;
}

bool is_cjk(char32_t c) {
  Script s = script_of(c);
  return s == Script::kHan || s == Script::kKana || s == Script::kHangul;
}

constexpr std::array<std::u32string_view, 28> kAbbreviations = {
    U"mr",   U"mrs",  U"ms",  U"dr",   U"prof", U"sr",  U"jr",  U"st",   U"vs",  U"etc",
    U"e.g",  U"i.e",  U"no",  U"inc",  U"ltd",  U"co",  U"mt",  U"fig",  U"approx", U"dept",
    U"est",  U"vol",  U"gen", U"gov",  U"sgt",  U"capt", U"lt", U"a.m"};

char32_t lower(char32_t c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }

// Is the '.' at index i the end of a sentence? `final`: no text follows.
enum class DotVerdict { kBoundary, kNotBoundary, kWait };

DotVerdict judge_dot(const std::u32string& t, std::size_t i, bool final) {
  std::size_t n = t.size();
  if (i + 1 < n) {
    char32_t next = t[i + 1];
    if (next == '.') return DotVerdict::kNotBoundary;  // inside an ellipsis; its last dot decides
    if (!is_space(next) && !is_closer(next) && !is_cjk(next)) return DotVerdict::kNotBoundary;
  }
  // The word before the dot, letters and inner dots ("e.g").
  std::size_t b = i;
  while (b > 0 && (script_of(t[b - 1]) == Script::kLatin || (t[b - 1] == '.' && b >= 2 &&
                                                                script_of(t[b - 2]) == Script::kLatin))) {
    --b;
  }
  std::u32string word;
  for (std::size_t k = b; k < i; ++k) word += lower(t[k]);
  if (word.size() == 1 && t[i - 1] >= 'A' && t[i - 1] <= 'Z') return DotVerdict::kNotBoundary;  // an initial
  for (auto abbr : kAbbreviations) if (word == abbr) return DotVerdict::kNotBoundary;
  if (i > 0 && is_digit(t[i - 1]) && i + 1 == n && !final) return DotVerdict::kWait;  // "3." may become "3.5"
  if (i + 1 == n && !final && word.empty() && i > 0 && t[i - 1] == '.') return DotVerdict::kWait;
  return DotVerdict::kBoundary;
}

// Index just past the sentence end that starts looking at i, swallowing
// closing quotes, repeated terminators and trailing spaces; npos if t[i]
// ends no sentence.
std::size_t sentence_end_at(const std::u32string& t, std::size_t i, bool final, bool* wait) {
  char32_t c = t[i];
  bool ends = false;
  if (c == '\n' || is_cjk_terminator(c)) {
    ends = true;
  } else if (c == '!' || c == '?' || c == ';') {
    ends = i + 1 == t.size() || is_space(t[i + 1]) || is_closer(t[i + 1]) || is_cjk(t[i + 1]) ||
           t[i + 1] == '!' || t[i + 1] == '?';
  } else if (c == '.') {
    DotVerdict v = judge_dot(t, i, final);
    if (v == DotVerdict::kWait) *wait = true;
    ends = v == DotVerdict::kBoundary;
  }
  if (!ends) return std::u32string::npos;
  std::size_t end = i + 1;
  while (end < t.size() && (is_closer(t[end]) || is_cjk_terminator(t[end]) || t[end] == '!' || t[end] == '?')) ++end;
  while (end < t.size() && is_space(t[end])) ++end;  // the next sentence starts at a word
  return end;
}

// Where to cut text that has no sentence end within `max` code points from
// `begin`: after the last clause mark, else after the last space, else at max.
std::size_t capped_cut(const std::u32string& t, std::size_t begin, std::size_t max) {
  std::size_t limit = begin + max;
  auto past_spaces = [&](std::size_t k) {
    while (k < limit && is_space(t[k])) ++k;
    return k;
  };
  for (std::size_t k = limit; k > begin + max / 4; --k) if (is_soft_break(t[k - 1])) return past_spaces(k);
  for (std::size_t k = limit; k > begin + max / 4; --k) if (is_space(t[k - 1])) return past_spaces(k);
  return limit;
}

// Code point index just past the last sentence end, 0 if none.
std::size_t last_sentence_end(const std::u32string& t, bool final) {
  std::size_t last = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    bool wait = false;
    std::size_t end = sentence_end_at(t, i, final, &wait);
    if (end != std::u32string::npos) {
      last = end;
      i = end - 1;
    }
  }
  return last;
}

}  // namespace

std::size_t ready_prefix(std::string_view buffer, const SegmenterOptions& options) {
  Decoded d = decode_with_offsets(buffer);
  std::size_t end = last_sentence_end(d.cps, /*final=*/false);
  if (end == 0 && d.cps.size() >= options.max_segment_chars) end = capped_cut(d.cps, 0, options.max_segment_chars);
  return d.byte_offset[end];
}

std::vector<std::string_view> split_sentences(std::string_view text, const SegmenterOptions& options) {
  Decoded d = decode_with_offsets(text);
  const std::u32string& t = d.cps;
  std::vector<std::string_view> out;
  std::size_t begin = 0;
  auto emit = [&](std::size_t end) {
    out.push_back(text.substr(d.byte_offset[begin], d.byte_offset[end] - d.byte_offset[begin]));
    begin = end;
  };
  std::size_t i = 0;
  while (i < t.size()) {
    if (i - begin >= options.max_segment_chars) {
      emit(capped_cut(t, begin, options.max_segment_chars));
      i = begin;
      continue;
    }
    bool wait = false;
    std::size_t end = sentence_end_at(t, i, /*final=*/true, &wait);
    if (end != std::u32string::npos && end - begin <= options.max_segment_chars) {
      emit(end);
      i = end;
      continue;
    }
    ++i;
  }
  if (begin < t.size()) emit(t.size());
  return out;
}

}  // namespace voxwire
