#include "text/prosody.h"

#include <gtest/gtest.h>

#include "base/utf8.h"
#include "text/chinese_words.h"

namespace voxwire::text {
namespace {

// "text|pause" for each phrase.
std::string shown(std::string_view text, const PauseLengths& pauses = {}) {
  std::string out;
  for (const Phrase& p : split_phrases(text, pauses)) out += "[" + p.text + "|" + std::to_string(p.pause_after_ms) + "]";
  return out;
}

TEST(Prosody, EachMarkGivesItsPause) {
  PauseLengths p;
  p.sentence_ms = 401;
  p.clause_ms = 301;
  p.comma_ms = 201;
  p.enumeration_ms = 101;
  p.bracket_ms = 121;
  EXPECT_EQ(shown("你好，世界。再见", p), "[你好，|201][世界。|401][再见|0]");
  EXPECT_EQ(shown("苹果、香蕉和梨", p), "[苹果、|101][香蕉和梨|0]");
  EXPECT_EQ(shown("注意：明天下雨；带伞", p), "[注意：|301][明天下雨；|301][带伞|0]");
  EXPECT_EQ(shown("他（我的朋友）来了", p), "[他|121][（我的朋友）|121][来了|0]");
  EXPECT_EQ(shown("Hello, world. How are you? Fine; thanks: bye!", p),
            "[Hello, |201][world. |401][How are you? |401][Fine; |301][thanks: |301][bye!|401]");
  EXPECT_EQ(shown("He said (quietly) no", p), "[He said |121][(quietly) |121][no|0]");
}

TEST(Prosody, MarksTogetherGiveTheLongestPauseAndNeverAPhraseOfTheirOwn) {
  EXPECT_EQ(shown("真的吗？！”他问"), "[真的吗？！”|400][他问|0]");
  EXPECT_EQ(shown("Really?! Yes"), "[Really?! |400][Yes|0]");
  EXPECT_EQ(shown("等等……好"), "[等等……|400][好|0]");
  EXPECT_EQ(shown("，，你好"), "[，，|200][你好|0]");
  EXPECT_EQ(shown("你好。"), "[你好。|400]");
  EXPECT_EQ(shown(""), "");
}

TEST(Prosody, AsciiMarksInsideNumbersAndWordsDoNotBreak) {
  EXPECT_EQ(shown("It costs 3.5 dollars, or 3,000 at 12:30"), "[It costs 3.5 dollars, |200][or 3,000 at 12:30|0]");
  EXPECT_EQ(shown("f(x)=2 at example.com"), "[f(x)=2 at example.com|0]");
  EXPECT_EQ(shown("don’t stop"), "[don’t stop|0]");
}

TEST(Prosody, LongClausesAreCutEvenlyAtWordBoundaries) {
  PauseLengths p;
  p.max_clause_units = 8;
  p.long_clause_ms = 77;
  const std::string chinese = "我们今天下午一起去图书馆借几本关于人工智能的书然后回家做饭";
  const std::vector<Phrase> phrases = split_phrases(chinese, p);
  ASSERT_GE(phrases.size(), 4u);
  std::string back;
  std::vector<std::size_t> word_ends;
  std::size_t at = 0;
  for (std::string_view w : split_chinese_words(chinese)) word_ends.push_back(at += w.size());
  for (std::size_t i = 0; i < phrases.size(); ++i) {
    back += phrases[i].text;
    EXPECT_LE(utf8::length(phrases[i].text), 8u) << phrases[i].text;
    EXPECT_GE(utf8::length(phrases[i].text), 4u) << phrases[i].text;  // even, not a tail of one word
    EXPECT_EQ(phrases[i].pause_after_ms, i + 1 < phrases.size() ? 77 : 0);
    EXPECT_NE(std::find(word_ends.begin(), word_ends.end(), back.size()), word_ends.end())
        << "cut inside a word after " << back;
  }
  EXPECT_EQ(back, chinese);

  const std::string english = "one two three four five six seven eight nine ten eleven twelve";
  EXPECT_EQ(shown(english, p), "[one two three four five six |77][seven eight nine ten eleven twelve|0]");
}

TEST(Prosody, ValidatesItsLengths) {
  EXPECT_TRUE(PauseLengths{}.validate().ok());
  PauseLengths p;
  p.comma_ms = -1;
  EXPECT_EQ(p.validate().field(), "comma_ms");
  p = PauseLengths{};
  p.max_clause_units = 2;
  EXPECT_EQ(p.validate().field(), "max_clause_units");
}

}  // namespace
}  // namespace voxwire::text
