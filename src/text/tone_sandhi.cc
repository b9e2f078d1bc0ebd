#include "text/tone_sandhi.h"

#include <algorithm>

namespace voxwire::text {
namespace {

// One syllable of the clause with where its word begins and ends.
struct Position {
  SpokenSyllable* syllable;
  bool ends_word;
  bool starts_word;
};

int tone_of(const SpokenSyllable& s) { return s.pinyin ? s.pinyin->tone : 0; }

bool is_any_of(std::string_view han, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), han) != set.end();
}

bool is_digit_han(std::string_view han) { return is_any_of(han, {"零", "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"}); }
bool is_numeral_han(std::string_view han) {
  return is_digit_han(han) || is_any_of(han, {"十", "百", "千", "万", "亿", "两"});
}

void set_tone(SpokenSyllable& s, int tone) {
  s.pinyin->tone = tone;
  s.spell_out = true;
}

// The tone 一 takes at index i of the clause.
int tone_of_yi(const std::vector<Position>& at, std::size_t i) {
  if (i + 1 == at.size()) return 1;
  const SpokenSyllable& next = *at[i + 1].syllable;
  const std::string_view before = i > 0 ? at[i - 1].syllable->han : std::string_view();
  if (before == next.han) return 5;
  if (before == "第" || before == "月" || is_numeral_han(before) || is_digit_han(next.han)) return 1;
  if (is_any_of(next.han, {"月", "号"})) return 1;
  if (next.han == "点" && i + 2 < at.size() && is_digit_han(at[i + 2].syllable->han)) return 1;
  if (at[i].ends_word && !at[i].starts_word) return 1;
  switch (tone_of(next)) {
    case 4: return 2;
    case 1: case 2: case 3: return 4;
    default: return 1;
  }
}

}  // namespace

void apply_tone_sandhi(std::vector<SpokenWord>& clause) {
  std::vector<Position> at;
  for (SpokenWord& word : clause) {
    for (std::size_t k = 0; k < word.size(); ++k) at.push_back({&word[k], k + 1 == word.size(), k == 0});
  }
  std::vector<int> written;  // tones before any change
  for (const Position& p : at) written.push_back(tone_of(*p.syllable));

  for (std::size_t i = 0; i < at.size(); ++i) {
    SpokenSyllable& s = *at[i].syllable;
    if (s.han == "一" && written[i] == 1) {
      set_tone(s, tone_of_yi(at, i));
    } else if (s.han == "不" && written[i] == 4) {
      const bool between_same = i > 0 && i + 1 < at.size() && at[i - 1].syllable->han == at[i + 1].syllable->han;
      set_tone(s, between_same ? 5 : (i + 1 < at.size() && written[i + 1] == 4) ? 2 : 4);
    }
  }
  if (at.size() < 2) return;
  for (std::size_t i = at.size() - 1; i-- > 0;) {
    const int next = at[i].ends_word ? tone_of(*at[i + 1].syllable) : written[i + 1];
    if (tone_of(*at[i].syllable) == 3 && next == 3) set_tone(*at[i].syllable, 2);
  }
}

}  // namespace voxwire::text
