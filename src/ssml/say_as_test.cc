#include "ssml/say_as.h"

#include <gtest/gtest.h>

namespace voxwire::ssml {
namespace {

std::string read(std::string_view interpret_as, std::string_view content, Language language) {
  Result<std::string> r = say_as(interpret_as, content, language);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? *r : "";
}

constexpr Language kZh = Language::kChinese;
constexpr Language kEn = Language::kEnglish;

TEST(SayAs, CardinalReadsAQuantity) {
  EXPECT_EQ(read("cardinal", "10500", kZh), "一万零五百");
  EXPECT_EQ(read("cardinal", "-1,234", kEn), "minus one thousand two hundred thirty-four");
  EXPECT_EQ(read("cardinal", "007", kZh), "七");
}

TEST(SayAs, DigitsAndTelephoneAreSpelled) {
  EXPECT_EQ(read("digits", "2025", kZh), "二零二五");
  EXPECT_EQ(read("digits", "2025", kEn), "two zero two five");
  EXPECT_EQ(read("telephone", "138-0013 1234", kZh), "幺三八，零零幺三，幺二三四");
  EXPECT_EQ(read("telephone", "+1 (555) 010", kEn), "plus one, five five five, oh one oh");
}

TEST(SayAs, IdAndCharactersSpellEveryCharacter) {
  EXPECT_EQ(read("id", "ab_12", kEn), "A B underscore one two");
  EXPECT_EQ(read("characters", "语音AI", kZh), "语音 A I");
  EXPECT_EQ(read("characters", "x9", kZh), "X 九");
}

TEST(SayAs, PunctuationIsNamed) {
  EXPECT_EQ(read("punctuation", "，。", kZh), "逗号句号");
  EXPECT_EQ(read("punctuation", "?!", kEn), "question mark exclamation mark");
}

TEST(SayAs, DatesTimesAndMeasuresUseTheTextFrontEnd) {
  EXPECT_EQ(read("date", "2025-03-05", kZh), "二零二五年三月五日");
  EXPECT_NE(read("time", "10:30", kEn).find("ten thirty"), std::string::npos);
  EXPECT_NE(read("measure", "5km", kZh).find("公里"), std::string::npos);
  EXPECT_EQ(read("name", "单田芳", kZh), "单田芳");
}

TEST(SayAs, CurrencyReadsCodesAndMagnitudes) {
  EXPECT_EQ(read("currency", "100USD", kZh), "一百美元");
  EXPECT_EQ(read("currency", "USD 3.5M", kEn), "three point five million US dollars");
  EXPECT_EQ(read("currency", "$3.50", kEn), "three dollars and fifty cents");
  EXPECT_EQ(read("currency", "€2bn", kZh), "二十亿欧元");
}

TEST(SayAs, RefusesUnknownInterpretations) {
  Result<std::string> r = say_as("ordinal", "1", kEn);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("interpret-as 'ordinal'"), std::string::npos);
}

}  // namespace
}  // namespace voxwire::ssml
