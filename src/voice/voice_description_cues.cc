#include "voice/voice_description_cues.h"

#include <algorithm>
#include <optional>
#include <span>

#include "base/utf8.h"

namespace voxwire::description {
namespace {

// Repeated intensifiers (非常非常非常) do not make a word stronger than this.
constexpr double kMaxStrength = 1.8;
// A modifier reaches over at most this many unknown words (不要说得太快).
constexpr int kMaxGap = 2;

char32_t fold(char32_t c) {
  if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;  // full-width ASCII forms
  if (c >= U'A' && c <= U'Z') return c - U'A' + U'a';
  if (c == 0x3000) return U' ';                                 // ideographic space
  if (c == 0x2018 || c == 0x2019 || c == 0x2032) return U'\'';  // curly apostrophes
  if (c >= 0x2010 && c <= 0x2015) return U'-';                  // hyphens and dashes
  if (c == 0x301C) return U'~';                                 // wave dash
  return c;
}

bool is_clause_break(char32_t c) {
  switch (c) {
    case U',': case U'.': case U';': case U':': case U'!': case U'?': case U'(': case U')': case U'[': case U']':
    case U'{': case U'}': case U'"': case U'/': case U'\n': case U'\r':
    case 0x3001: case 0x3002: case 0x201C: case 0x201D: case 0x2026:  // 、 。 “ ” …
      return true;
    default:
      return c >= 0x3008 && c <= 0x3011;  // 〈〉《》「」『』【】
  }
}

bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool is_ascii_alnum(char32_t c) { return is_digit(c) || (c >= U'a' && c <= U'z'); }

std::size_t skip_separators(std::u32string_view text, std::size_t i) {
  while (i < text.size() && is_separator(text[i])) ++i;
  return i;
}

// Where `word` ends if it starts exactly at text[i] (no left word boundary
// needed: "40s", "30岁").
std::optional<std::size_t> match_here(std::u32string_view text, std::size_t i, std::u32string_view word) {
  std::optional<std::size_t> end = match_literal(text.substr(i), 0, word);
  return end ? std::optional<std::size_t>(i + *end) : std::nullopt;
}

struct Number {
  double value = 0;
  std::size_t end = 0;
  bool round_tens = false;  // 20, 二十: "二十多" and "20s" mean "and a few more"
};

int chinese_digit(char32_t c) {
  constexpr std::u32string_view kDigits = U"零一二三四五六七八九";
  if (c == U'两') return 2;
  std::size_t i = kDigits.find(c);
  return i == std::u32string_view::npos ? -1 : static_cast<int>(i);
}

double mean(const std::vector<int>& digits) {
  double sum = 0;
  for (int d : digits) sum += d;
  return sum / static_cast<double>(digits.size());
}

// 8, 30, 八, 三十五, 十, 七八 (seven or eight).
std::optional<Number> read_number(std::u32string_view text, std::size_t pos) {
  std::size_t i = pos;
  if (is_digit(text[pos])) {
    if (pos > 0 && is_ascii_alnum(text[pos - 1])) return std::nullopt;
    double value = 0;
    while (i < text.size() && is_digit(text[i]) && i - pos < 4) value = value * 10 + (text[i++] - U'0');
    if (i - pos > 3) return std::nullopt;
    return Number{value, i, value >= 10 && static_cast<int>(value) % 10 == 0};
  }
  std::vector<int> tens, ones;
  bool seen_ten = false;
  for (; i < text.size(); ++i) {
    if (text[i] == U'十' && !seen_ten) {
      seen_ten = true;
      continue;
    }
    int d = chinese_digit(text[i]);
    if (d < 0) break;
    std::vector<int>& digits = seen_ten ? ones : tens;
    digits.push_back(d);
    if (digits.size() > 2) return std::nullopt;
  }
  if (!seen_ten && tens.empty()) return std::nullopt;
  if (!seen_ten) return Number{mean(tens), i, false};
  return Number{(tens.empty() ? 1 : mean(tens)) * 10 + (ones.empty() ? 0 : mean(ones)), i, ones.empty()};
}

bool preceded_by_age_word(std::u32string_view text, std::size_t pos) {
  std::size_t end = pos;
  while (end > 0 && is_separator(text[end - 1])) --end;
  std::size_t begin = end;
  while (begin > 0 && text[begin - 1] >= U'a' && text[begin - 1] <= U'z') --begin;
  std::u32string_view word = text.substr(begin, end - begin);
  return word == U"aged" || word == U"age";
}

struct Adjustment {
  std::u32string_view word;
  double years;
  bool after_round_tens = false;  // only after 20, 30, ... ("20s", not "7s")
};
// Years added by a unit ("40s" is 45), and by what may follow it.
constexpr Adjustment kUnits[] = {
    {U"周岁", 0}, {U"岁", 0},  {U"出头", 2},       {U"years old", 0}, {U"year old", 0},
    {U"yrs old", 0}, {U"yo", 0}, {U"s", 5, true}, {U"something", 4, true}, {U"ish", 0}};
constexpr Adjustment kQualifiers[] = {{U"左右", 0}, {U"上下", 0}, {U"以上", 1}, {U"以下", -1}, {U"开外", 3},
                                      {U"出头", 2}, {U"or so", 0}, {U"plus", 1}, {U"+", 1}};

// The entry of `table` at text[i], if any, and where it ends.
const Adjustment* match_adjustment(std::u32string_view text, std::size_t i, std::span<const Adjustment> table,
                                   std::size_t* end) {
  for (const Adjustment& a : table) {
    if (std::optional<std::size_t> e = match_here(text, i, a.word)) {
      *end = *e;
      return &a;
    }
  }
  return nullptr;
}

struct StatedAge {
  double years = 0;
  std::size_t end = 0;
};

// "8岁", "30岁左右", "二十多岁", "20~24岁", "40-year-old", "in her 40s", "aged 60".
std::optional<StatedAge> read_age(std::u32string_view text, std::size_t pos) {
  std::optional<Number> number = read_number(text, pos);
  if (!number) return std::nullopt;
  double years = number->value;
  bool round_tens = number->round_tens;
  std::size_t i = number->end;
  for (std::u32string_view dash : {U"~", U"-", U"到", U"至", U"to"}) {
    // '-' is also a separator, so look for it before skipping separators.
    std::optional<std::size_t> end = match_here(text, i, dash);
    if (!end) end = match_here(text, skip_separators(text, i), dash);
    if (!end) continue;
    std::optional<Number> upper = read_number(text, skip_separators(text, *end));
    if (upper && upper->value > years) {
      years = (years + upper->value) / 2;
      round_tens = false;
      i = upper->end;
    }
    break;
  }
  if (i < text.size() && (text[i] == U'多' || text[i] == U'几' || text[i] == U'来')) {
    if (text[i] != U'来') years += round_tens ? 5 : 0.5;
    ++i;
  }
  std::size_t end = 0;
  const Adjustment* unit = match_adjustment(text, skip_separators(text, i), kUnits, &end);
  if (unit != nullptr && (!unit->after_round_tens || round_tens)) {
    years += unit->years;
    i = end;
  } else if (!preceded_by_age_word(text, pos)) {
    return std::nullopt;
  }
  if (const Adjustment* q = match_adjustment(text, skip_separators(text, i), kQualifiers, &end)) {
    years += q->years;
    i = end;
  }
  if (years <= 0 || years > 120) return std::nullopt;
  return StatedAge{years, i};
}

AgeBand band_of(double years) {
  if (years < 13) return AgeBand::kChild;
  if (years < 19) return AgeBand::kTeen;
  if (years < 36) return AgeBand::kYoungAdult;
  if (years < 56) return AgeBand::kMiddleAged;
  return AgeBand::kElderly;
}

}  // namespace

std::vector<Cue> find_cues(std::string_view input) {
  const std::u32string original = utf8::decode(input);
  std::u32string text = original;
  std::transform(text.begin(), text.end(), text.begin(), fold);
  auto words = [&](std::size_t begin, std::size_t end) {
    return utf8::encode(std::u32string_view(original).substr(begin, end - begin));
  };

  std::vector<Cue> cues;
  // Modifiers read but not yet applied, and where the first of them began.
  double pending = 1.0;
  std::size_t pending_begin = std::u32string::npos;
  int gap = 0;
  std::size_t last_cue_end = std::u32string::npos;  // a suffix modifier must start here
  auto forget_modifiers = [&] {
    pending = 1.0;
    pending_begin = std::u32string::npos;
    gap = 0;
  };
  auto add_cue = [&](const Sense& sense, std::size_t pos, std::size_t end) {
    std::size_t begin = std::min(pos, pending_begin);
    cues.push_back(Cue{&sense, std::clamp(pending, -kMaxStrength, kMaxStrength), words(begin, end)});
    last_cue_end = end;
    forget_modifiers();
  };

  std::size_t pos = 0;
  while (pos < text.size()) {
    const char32_t c = text[pos];
    if (is_clause_break(c)) {
      forget_modifiers();
      last_cue_end = std::u32string::npos;
      ++pos;
      continue;
    }
    if (is_separator(c)) {
      ++pos;
      continue;
    }
    if (std::optional<StatedAge> stated = read_age(text, pos)) {
      add_cue(age_sense(band_of(stated->years)), pos, stated->end);
      pos = stated->end;
      continue;
    }
    std::optional<Match> match = match_at(text, pos);
    std::size_t next = pos + 1;
    if (!match) {
      // An unknown word or character: modifiers wait for at most kMaxGap.
      while (is_ascii_alnum(c) && next < text.size() && is_ascii_alnum(text[next])) ++next;
      if (++gap > kMaxGap) forget_modifiers();
      pos = next;
      continue;
    }
    next = match->end;
    switch (match->kind) {
      case Match::Kind::kSense:
        add_cue(*match->sense, pos, next);
        break;
      case Match::Kind::kModifier:
        if (!match->suffix) {
          pending *= match->factor;
          pending_begin = std::min(pending_begin, pos);
          gap = 0;
        } else if (last_cue_end == pos) {
          cues.back().strength = std::clamp(cues.back().strength * match->factor, -kMaxStrength, kMaxStrength);
          cues.back().words += words(pos, next);
          last_cue_end = next;
        }
        break;
      case Match::Kind::kFiller:
        forget_modifiers();  // a filler (好听) is what the modifiers modified
        break;
    }
    pos = next;
  }
  return cues;
}

}  // namespace voxwire::description
