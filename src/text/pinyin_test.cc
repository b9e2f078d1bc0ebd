#include "text/pinyin.h"

#include <gtest/gtest.h>

namespace voxwire::text {
namespace {

TEST(Pinyin, ReadsToneMarksAsToneNumbers) {
  EXPECT_EQ(parse_marked_pinyin("hǎo"), (PinyinSyllable{"hao", 3}));
  EXPECT_EQ(parse_marked_pinyin("yī"), (PinyinSyllable{"yi", 1}));
  EXPECT_EQ(parse_marked_pinyin("lǜ"), (PinyinSyllable{"lv", 4}));
  EXPECT_EQ(parse_marked_pinyin("nǚ"), (PinyinSyllable{"nv", 3}));
  EXPECT_EQ(parse_marked_pinyin("nü"), (PinyinSyllable{"nv", 5}));
  EXPECT_EQ(parse_marked_pinyin("de"), (PinyinSyllable{"de", 5}));
  EXPECT_EQ(parse_marked_pinyin("shuí"), (PinyinSyllable{"shui", 2}));
  EXPECT_EQ(parse_marked_pinyin("ḿ"), std::nullopt);
  EXPECT_EQ(parse_marked_pinyin("Hǎo"), std::nullopt);
  EXPECT_EQ(parse_marked_pinyin("hǎohǎo"), std::nullopt);  // two syllables
  EXPECT_EQ(parse_marked_pinyin(""), std::nullopt);
}

TEST(Pinyin, ReadsToneNumbers) {
  EXPECT_EQ(parse_numbered_pinyin("hang2"), (PinyinSyllable{"hang", 2}));
  EXPECT_EQ(parse_numbered_pinyin("le5"), (PinyinSyllable{"le", 5}));
  EXPECT_EQ(parse_numbered_pinyin("hang"), std::nullopt);
  EXPECT_EQ(parse_numbered_pinyin("hang6"), std::nullopt);
  EXPECT_EQ(parse_numbered_pinyin("Hang2"), std::nullopt);
  EXPECT_EQ(parse_numbered_pinyin("2"), std::nullopt);
  EXPECT_EQ((PinyinSyllable{"lv", 4}.spelled()), "lv4");
}

TEST(Pinyin, SplitsSyllablesIntoInitialAndFinal) {
  EXPECT_EQ(pinyin_initial("zhuang"), "zh");
  EXPECT_EQ(pinyin_initial("jin"), "j");
  EXPECT_EQ(pinyin_initial("yi"), "y");
  EXPECT_EQ(pinyin_initial("an"), "");
  EXPECT_EQ(pinyin_initial("er"), "");
  EXPECT_EQ(pinyin_initial("ng"), "");
  EXPECT_EQ(pinyin_initial("n"), "");
}

TEST(Pinyin, KnowsTheCustomaryReadingOfEachCharacter) {
  EXPECT_EQ(customary_reading(U'好'), (PinyinSyllable{"hao", 3}));
  EXPECT_EQ(customary_reading(U'我'), (PinyinSyllable{"wo", 3}));
  EXPECT_EQ(customary_reading(U'一'), (PinyinSyllable{"yi", 1}));
  EXPECT_EQ(customary_reading(U'绿'), (PinyinSyllable{"lv", 4}));
  EXPECT_EQ(customary_reading(U'了'), (PinyinSyllable{"le", 5}));
  EXPECT_EQ(customary_reading(U'们'), (PinyinSyllable{"men", 5}));
  EXPECT_EQ(customary_reading(U'A'), std::nullopt);
  EXPECT_EQ(customary_reading(U'。'), std::nullopt);
}

}  // namespace
}  // namespace voxwire::text
