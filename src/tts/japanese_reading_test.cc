#include "tts/japanese_reading.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace voxwire {
namespace {

const JapaneseReading& reader() {
  static const std::unique_ptr<JapaneseReading> r = [] {
    Result<std::unique_ptr<JapaneseReading>> made = make_japanese_reading();
    EXPECT_TRUE(made.ok()) << made.status().to_string();
    return made.ok() ? std::move(made).value() : nullptr;
  }();
  return *r;
}

std::string kana(std::string_view text) {
  Result<std::string> r = reader().to_kana(text);
  EXPECT_TRUE(r.ok()) << r.status().to_string();
  return r.ok() ? r.value() : std::string();
}

TEST(JapaneseReading, ReadsKanjiAsPronunciation) {
  EXPECT_EQ(kana("今日は天気がいいです。"), "キョーワテンキガイイデス。");
  EXPECT_EQ(kana("東京へ行こう"), "トーキョーエイコウ");  // particle へ is pronounced エ
  EXPECT_EQ(kana("私は学生です"), "ワタシワガクセイデス");
}

TEST(JapaneseReading, KeepsWhatHasNoReading) {
  // Digits, Latin letters and punctuation pass through; espeak reads them.
  EXPECT_EQ(kana("123円"), "123エン");
  EXPECT_EQ(kana("ABCと、"), "ABCト、");
  EXPECT_EQ(kana(""), "");
}

TEST(JapaneseReading, KeepsOneSpaceWhereTheTextHadWhitespace) {
  EXPECT_EQ(kana("天気  です"), "テンキ デス");
  EXPECT_EQ(kana("  天気"), "テンキ");
}

TEST(JapaneseReading, HandlesNonJapaneseAndBrokenInput) {
  EXPECT_EQ(kana("hello"), "hello");
  EXPECT_FALSE(kana("Привет 你好 \xff\xfe").empty());
}

TEST(JapaneseReading, MissingDictionaryIsNotFound) {
  Result<std::unique_ptr<JapaneseReading>> r = make_japanese_reading("/nonexistent/dic");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
}

TEST(JapaneseReading, ConcurrentCallsAgreeWithSerialOnes) {
  const std::vector<std::string> texts = {"今日は天気がいいです。", "東京スカイツリーへ行こう！", "私は学生です",
                                          "コーヒーを三杯飲みました"};
  std::vector<std::string> expected;
  for (const std::string& t : texts) expected.push_back(kana(t));
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int k = 0; k < 4; ++k) {
    threads.emplace_back([&, k] {
      for (int i = 0; i < 200; ++i) {
        const std::size_t j = (k + i) % texts.size();
        Result<std::string> r = reader().to_kana(texts[j]);
        if (!r.ok() || r.value() != expected[j]) ++mismatches[k];
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(mismatches, std::vector<int>(4, 0));
}

}  // namespace
}  // namespace voxwire
