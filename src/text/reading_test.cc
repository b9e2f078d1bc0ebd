#include "text/reading.h"

#include <gtest/gtest.h>

namespace voxwire::text {
namespace {

TEST(PinyinReading, OneSyllablePerCharacter) {
  auto r = parse_pinyin_reading("dian3 dang4  hang2", "典当行");
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[0], (PinyinSyllable{"dian", 3}));
  EXPECT_EQ((*r)[2], (PinyinSyllable{"hang", 2}));
}

TEST(PinyinReading, UmlautAndCapitalsAreFolded) {
  auto r = parse_pinyin_reading("Lü4 nu:3", "绿女");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ((*r)[0], (PinyinSyllable{"lv", 4}));
  EXPECT_EQ((*r)[1], (PinyinSyllable{"nv", 3}));
}

TEST(PinyinReading, RefusesWrongCountsAndTones) {
  auto count = parse_pinyin_reading("tian1", "天气");
  ASSERT_FALSE(count.ok());
  EXPECT_NE(count.status().message().find("1 syllables for 2 characters"), std::string::npos);
  EXPECT_FALSE(parse_pinyin_reading("tian6 qi4", "天气").ok());
  EXPECT_FALSE(parse_pinyin_reading("tian qi4", "天气").ok());
  EXPECT_FALSE(parse_pinyin_reading("ti-an1 qi4", "天气").ok());
  EXPECT_FALSE(parse_pinyin_reading("", "天").ok());
}

TEST(Arpabet, AcceptsTheCmuSetWithStress) {
  auto r = parse_arpabet("s AY1 n");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->phones, (std::vector<std::string>{"S", "AY1", "N"}));
}

TEST(Arpabet, RefusesUnknownPhonesAndStressedConsonants) {
  EXPECT_FALSE(parse_arpabet("S AX N").ok());
  EXPECT_FALSE(parse_arpabet("S1 AY N").ok());
  EXPECT_FALSE(parse_arpabet("AY3").ok());
  EXPECT_FALSE(parse_arpabet("  ").ok());
}

TEST(FindReadings, LongestWordFirstEveryOccurrence) {
  const std::vector<WordPronunciation> words = {
      {"行", std::vector<PinyinSyllable>{{"xing", 2}}},
      {"银行", std::vector<PinyinSyllable>{{"yin", 2}, {"hang", 2}}},
  };
  const std::string text = "银行行不行";
  const std::vector<ForcedReading> found = find_readings(text, words);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(text.substr(found[0].begin, found[0].end - found[0].begin), "银行");
  EXPECT_EQ(text.substr(found[1].begin, found[1].end - found[1].begin), "行");
  EXPECT_EQ(found[2].begin, text.size() - 3);
}

TEST(ReplaceWords, LongestFirstAndNotRescanned) {
  const std::vector<WordReplacement> words = {{"AI", "人工智能"}, {"AIGC", "生成式AI"}};
  EXPECT_EQ(replace_words("AIGC与AI", words), "生成式AI与人工智能");
  EXPECT_EQ(replace_words("", words), "");
}

}  // namespace
}  // namespace voxwire::text
