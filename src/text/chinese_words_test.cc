#include "text/chinese_words.h"

#include <gtest/gtest.h>

#include <string>

namespace voxwire::text {
namespace {

std::string joined(std::string_view text) {
  std::string out;
  for (std::string_view word : split_chinese_words(text)) out += std::string(word) + "|";
  return out;
}

TEST(ChineseWords, CutsTheLikeliestWordsOfJiebasDictionary) {
  // jieba's own examples, as its accurate mode without HMM cuts them.
  EXPECT_EQ(joined("我来到北京清华大学"), "我|来到|北京|清华大学|");
  EXPECT_EQ(joined("他来到了网易杭研大厦"), "他|来到|了|网易|杭|研|大厦|");
  // The dictionary decides between overlapping words: 的确 + 认真, 研究生 + 命.
  EXPECT_EQ(joined("我们的确认真"), "我们|的确|认真|");
  EXPECT_EQ(joined("研究生命的起源"), "研究|生命|的|起源|");
  EXPECT_EQ(joined("我去银行还钱"), "我|去|银行|还|钱|");
}

TEST(ChineseWords, KeepsOtherScriptsAsRunsAndGivesBackTheText) {
  EXPECT_EQ(joined("用Python写code，很好！"), "用|Python|写|code，|很|好|！|");
  EXPECT_EQ(joined("2025年"), "2025|年|");
  EXPECT_EQ(joined("hello world"), "hello world|");
  EXPECT_EQ(joined(""), "");
  const std::string mixed = "价格是3.5元，约$0.5。𠀀字";
  std::string back;
  for (std::string_view word : split_chinese_words(mixed)) back += word;
  EXPECT_EQ(back, mixed);
}

TEST(ChineseWords, SurvivesInvalidUtf8) {
  const std::string bad = "银行\xff\xfe还钱\xe4";
  std::string back;
  for (std::string_view word : split_chinese_words(bad)) back += word;
  EXPECT_EQ(back, bad);
}

}  // namespace
}  // namespace voxwire::text
