#include "tts/segmenter.h"

#include <gtest/gtest.h>

#include <string>

namespace voxwire {
namespace {

std::string ready(std::string_view buffer) { return std::string(buffer.substr(0, ready_prefix(buffer))); }

TEST(Segmenter, ChineseSentenceIsReadyAtItsTerminator) {
  EXPECT_EQ(ready("阿里云的大模型服务平台。"), "阿里云的大模型服务平台。");
  EXPECT_EQ(ready("您好，我是千问"), "");
  EXPECT_EQ(ready("第一句。第二句还没完"), "第一句。");
  EXPECT_EQ(ready("Hello there. How"), "Hello there. ");
  EXPECT_EQ(ready("真的吗？！后面"), "真的吗？！");
  EXPECT_EQ(ready("他说：“好。”然后"), "他说：“好。”");
}

TEST(Segmenter, JapaneseAndFullWidthPunctuation) {
  EXPECT_EQ(ready("今日は天気がいいです。明日"), "今日は天気がいいです。");
  EXPECT_EQ(ready("本当？"), "本当？");
}

TEST(Segmenter, WesternSentenceEnds) {
  EXPECT_EQ(ready("Is it ready?"), "Is it ready?");
  EXPECT_EQ(ready("Stop! Now"), "Stop! ");
  EXPECT_EQ(ready("Done."), "Done.");
  EXPECT_EQ(ready("Wait... what"), "Wait... ");
}

TEST(Segmenter, NoCutAfterAbbreviationsInitialsOrInsideNumbers) {
  EXPECT_EQ(ready("Dr. Smith is here"), "");
  EXPECT_EQ(ready("Apples vs. oranges"), "");
  EXPECT_EQ(ready("J. K. Rowling wrote it"), "");
  EXPECT_EQ(ready("It costs 3.5 dollars"), "");
  EXPECT_EQ(ready("It costs 3."), "");  // may become 3.5
  EXPECT_EQ(ready("Chapter 3. Next"), "Chapter 3. ");
  EXPECT_EQ(ready("see example.com now"), "");
  EXPECT_EQ(ready("e.g. this one"), "");
}

TEST(Segmenter, NewlineEndsASegment) { EXPECT_EQ(ready("a heading\nand more"), "a heading\n"); }

TEST(Segmenter, LongTextWithoutPunctuationIsCutAtAClauseOrWord) {
  std::string words;
  while (words.size() < 400) words += "lorem ipsum ";
  std::string got = ready(words);
  ASSERT_FALSE(got.empty());
  EXPECT_LE(got.size(), 200u);
  EXPECT_EQ(got.back(), ' ');  // cut after a word, never inside one
  std::string clauses(150, 'a');
  clauses += ", ";
  clauses += std::string(100, 'b');
  EXPECT_EQ(ready(clauses), std::string(150, 'a') + ", ");
}

TEST(Segmenter, SplitSentencesIsALosslessPartition) {
  std::string text = "第一句话。Second sentence! 第三句？Dr. Who said 3.5 is fine.\nLast one";
  auto parts = split_sentences(text);
  ASSERT_EQ(parts.size(), 5u);
  EXPECT_EQ(parts[0], "第一句话。");
  EXPECT_EQ(parts[1], "Second sentence! ");
  EXPECT_EQ(parts[2], "第三句？");
  EXPECT_EQ(parts[3], "Dr. Who said 3.5 is fine.\n");
  EXPECT_EQ(parts[4], "Last one");
  std::string joined;
  for (auto p : parts) joined += p;
  EXPECT_EQ(joined, text);
}

TEST(Segmenter, SplitSentencesCapsLength) {
  std::string text(1000, 'x');
  SegmenterOptions options;
  options.max_segment_chars = 120;
  auto parts = split_sentences(text, options);
  std::string joined;
  for (auto p : parts) {
    EXPECT_LE(p.size(), 120u);
    joined += p;
  }
  EXPECT_EQ(joined, text);
  std::string cjk;
  for (int i = 0; i < 300; ++i) cjk += "字";
  for (auto p : split_sentences(cjk, options)) EXPECT_LE(p.size(), 120u * 3);
}

TEST(Segmenter, MalformedUtf8DoesNotBreakOffsets) {
  std::string text = "ab\xff" "c. next";
  auto parts = split_sentences(text);
  std::string joined;
  for (auto p : parts) joined += p;
  EXPECT_EQ(joined, text);
}

}  // namespace
}  // namespace voxwire
