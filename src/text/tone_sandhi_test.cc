#include "text/tone_sandhi.h"

#include <gtest/gtest.h>

#include <string>

namespace voxwire::text {
namespace {

SpokenSyllable syllable(std::string_view han, std::string letters, int tone) {
  return {han, PinyinSyllable{std::move(letters), tone}, false};
}

std::string tones(const std::vector<SpokenWord>& clause) {
  std::string out;
  for (const SpokenWord& word : clause) {
    for (const SpokenSyllable& s : word) out += s.pinyin ? std::to_string(s.pinyin->tone) : "?";
    out += ' ';
  }
  return out;
}

TEST(ToneSandhiRules, ThirdTonesChangeOnWrittenTonesInsideAWordAndSpokenOnesAcross) {
  // 展览馆 as one word: both first syllables change.
  std::vector<SpokenWord> one_word = {{syllable("展", "zhan", 3), syllable("览", "lan", 3), syllable("馆", "guan", 3)}};
  apply_tone_sandhi(one_word);
  EXPECT_EQ(tones(one_word), "223 ");
  EXPECT_TRUE(one_word[0][0].spell_out);
  EXPECT_FALSE(one_word[0][2].spell_out);
  // 小 + 老虎: 老 changes, so 小 no longer precedes a third tone.
  std::vector<SpokenWord> two_words = {{syllable("小", "xiao", 3)}, {syllable("老", "lao", 3), syllable("虎", "hu", 3)}};
  apply_tone_sandhi(two_words);
  EXPECT_EQ(tones(two_words), "3 23 ");
  EXPECT_FALSE(two_words[0][0].spell_out);
}

TEST(ToneSandhiRules, LeavesUnknownReadingsAndEmptyClausesAlone) {
  std::vector<SpokenWord> clause = {{{"㐀", std::nullopt, false}}, {syllable("好", "hao", 3)}};
  apply_tone_sandhi(clause);
  EXPECT_EQ(tones(clause), "? 3 ");
  std::vector<SpokenWord> empty;
  apply_tone_sandhi(empty);
  EXPECT_TRUE(empty.empty());
  std::vector<SpokenWord> lone_yi = {{syllable("一", "yi", 1)}, {{"㐀", std::nullopt, false}}};
  apply_tone_sandhi(lone_yi);  // before an unknown tone 一 keeps its own
  EXPECT_EQ(tones(lone_yi), "1 ? ");
}

}  // namespace
}  // namespace voxwire::text
