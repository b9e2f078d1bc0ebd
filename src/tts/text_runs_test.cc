#include "tts/text_runs.h"

#include <gtest/gtest.h>

#include "tts/script.h"

namespace voxwire {
namespace {

std::vector<std::pair<Language, std::string>> runs_of(std::string_view text, LanguageType requested) {
  std::vector<std::pair<Language, std::string>> out;
  for (auto& run : split_runs(text, requested)) out.emplace_back(run.language, run.text);
  return out;
}

using L = Language;

TEST(TextRuns, ChineseWithEmbeddedEnglishGoesToTwoEngines) {
  auto runs = runs_of("我喜欢Python编程。", L::kChinese);
  ASSERT_EQ(runs.size(), 3u);
  EXPECT_EQ(runs[0], std::make_pair(L::kChinese, std::string("我喜欢")));
  EXPECT_EQ(runs[1], std::make_pair(L::kEnglish, std::string("Python")));
  EXPECT_EQ(runs[2], std::make_pair(L::kChinese, std::string("编程。")));
}

TEST(TextRuns, DigitsBetweenScriptsJoinTheMainLanguage) {
  auto runs = runs_of("iPhone 15 发布了", std::nullopt);
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0], std::make_pair(L::kEnglish, std::string("iPhone")));
  EXPECT_EQ(runs[1], std::make_pair(L::kChinese, std::string(" 15 发布了")));
  auto zh = runs_of("我有3个苹果", L::kChinese);
  ASSERT_EQ(zh.size(), 1u);
  EXPECT_EQ(zh[0].second, "我有3个苹果");
}

TEST(TextRuns, KanaMakesHanJapaneseUnderAuto) {
  auto runs = runs_of("今日は天気がいいです。", std::nullopt);
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].first, L::kJapanese);
  auto zh = runs_of("今天天气很好。", std::nullopt);
  ASSERT_EQ(zh.size(), 1u);
  EXPECT_EQ(zh[0].first, L::kChinese);
}

TEST(TextRuns, ScriptsPickLanguagesUnderAuto) {
  EXPECT_EQ(runs_of("안녕하세요", std::nullopt)[0].first, L::kKorean);
  EXPECT_EQ(runs_of("Привет, как дела?", std::nullopt)[0].first, L::kRussian);
  EXPECT_EQ(runs_of("Hello there, how are you?", std::nullopt)[0].first, L::kEnglish);
}

TEST(TextRuns, RequestedLatinLanguageReadsLatinText) {
  auto runs = runs_of("Guten Tag, wie geht es?", L::kGerman);
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].first, L::kGerman);
  // English inside Russian text goes to English.
  auto ru = runs_of("Я люблю Linux.", L::kRussian);
  ASSERT_EQ(ru.size(), 2u);
  EXPECT_EQ(ru[1], std::make_pair(L::kEnglish, std::string("Linux.")));
}

TEST(TextRuns, LatinGuessUsesFunctionWordsAndDiacritics) {
  EXPECT_EQ(guess_latin_language(U"Der Hund und die Katze sind nicht hier"), L::kGerman);
  EXPECT_EQ(guess_latin_language(U"Je pense que vous avez raison"), L::kFrench);
  EXPECT_EQ(guess_latin_language(U"¿Dónde está la biblioteca?"), L::kSpanish);
  EXPECT_EQ(guess_latin_language(U"Questo è un libro di storia per la scuola"), L::kItalian);
  EXPECT_EQ(guess_latin_language(U"Você não está com fome"), L::kPortuguese);
  EXPECT_EQ(guess_latin_language(U"The weather is nice today"), L::kEnglish);
  EXPECT_EQ(guess_latin_language(U"Xyzzy"), L::kEnglish);
}

TEST(TextRuns, RunsCoverTheWholeTextInOrder) {
  std::string text = "Hello 世界! 123 こんにちは, Мир.";
  std::string joined;
  for (auto& run : split_runs(text, std::nullopt)) {
    EXPECT_FALSE(run.text.empty());
    joined += run.text;
  }
  EXPECT_EQ(joined, text);
}

TEST(TextRuns, PunctuationOnlyTextIsOneRunInTheMainLanguage) {
  auto runs = runs_of("。。。", L::kChinese);
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].first, L::kChinese);
  EXPECT_TRUE(runs_of("", std::nullopt).empty());
  EXPECT_FALSE(has_speakable("。、！ "));
  EXPECT_TRUE(has_speakable("。a"));
  EXPECT_TRUE(has_speakable("42"));
}

}  // namespace
}  // namespace voxwire
