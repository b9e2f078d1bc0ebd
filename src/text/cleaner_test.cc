#include "text/cleaner.h"

#include <gtest/gtest.h>

#include <span>

namespace voxwire::text {
namespace {

struct Case {
  const char* written;
  const char* heard;
};

void expect_all(std::span<const Case> cases) {
  for (const Case& c : cases) EXPECT_EQ(clean_markup(c.written), c.heard) << "written: " << c.written;
}

TEST(CleanMarkup, MarkdownKeepsTheWordsAndDropsTheMarks) {
  const Case cases[] = {
      {"# Title", "Title"},
      {"### 第三章", "第三章"},
      {"This is **bold** and *italic* and __strong__.", "This is bold and italic and strong."},
      {"~~old~~ new", "old new"},
      {"Run `make test` now.", "Run make test now."},
      {"- first item\n- second item", "first item\nsecond item"},
      {"* star bullet", "star bullet"},
      {"1. Preheat the oven.\n2) Mix.", "Preheat the oven.\nMix."},
      {"> quoted words", "quoted words"},
      {"above\n---\nbelow", "above\nbelow"},
      {"```cpp\nint x = 1;\n```", "int x = 1;"},
      {"See [the docs](https://example.com/docs) first.", "See the docs first."},
      {"![a cat](cat.png)", "a cat"},
      {"| Name | Age |\n|------|:---:|\n| Ann | 30 |", "Name, Age\nAnn, 30"},
      {"2 * 3 = 6", "2 * 3 = 6"},
      {"snake_case_name stays", "snake_case_name stays"},
      {"_emphasis_ goes", "emphasis goes"},
      {"[not a link] stays", "[not a link] stays"},
  };
  expect_all(cases);
}

TEST(CleanMarkup, EmojiAndControlCharactersAreNotRead) {
  const Case cases[] = {
      {"Great job 👍", "Great job"},
      {"好的😀，明天见", "好的 ，明天见"},
      {"family 👨‍👩‍👧 photo", "family photo"},
      {"❤️ love", "love"},
      {"flag 🇨🇳 here", "flag here"},
      {"a\tb", "a b"},
      {"bell\x07 ring", "bell ring"},
      {"⭐⭐⭐ five stars", "five stars"},
  };
  expect_all(cases);
}

// What an LLM's answer looks like, in Chinese and English.
TEST(CleanMarkup, LlmAnswers) {
  const Case cases[] = {
      {"## 总结\n**优点**：速度快。", "总结\n优点：速度快。"},
      {"1. 打开设置\n2. 点击**保存**", "打开设置\n点击保存"},
      {"- 苹果 🍎\n- 香蕉 🍌", "苹果\n香蕉"},
      {"> 注意：*不要*重复提交。", "注意：不要重复提交。"},
      {"详情见[官网](https://example.com)。", "详情见官网。"},
      {"运行 `pip install x` 即可", "运行 pip install x 即可"},
      {"| 城市 | 温度 |\n|---|---|\n| 北京 | 25℃ |", "城市, 温度\n北京, 25℃"},
      {"好的！😊 还有什么问题吗？", "好的！ 还有什么问题吗？"},
      {"***\n结束", "结束"},
      {"### Step 1\nInstall it.", "Step 1\nInstall it."},
      {"**Note:** this is *important*.", "Note: this is important."},
      {"* item one\n* item two", "item one\nitem two"},
      {"Use the `--force` flag.", "Use the --force flag."},
      {"Click [here](http://x.y) now 👉", "Click here now"},
      {"```\nmake\n```\nDone ✅", "make\nDone"},
      {"> > nested quote", "nested quote"},
      {"Thanks! 🙏🙏", "Thanks!"},
      {"~~$10~~ $8 today", "$10 $8 today"},
      {"#hashtag stays", "#hashtag stays"},
      {"3 * 4 = 12", "3 * 4 = 12"},
      {"line one\r\nline two", "line one\nline two"},
      {"  indented text  ", "indented text"},
      {"\n\n\nblank lines\n\n", "blank lines"},
      {"a ★ b", "a b"},
      {"✈️ flight at 9", "flight at 9"},
      {"☀️ 晴天", "晴天"},
      {"1) first\n2) second", "first\nsecond"},
      {"+ plus bullet", "plus bullet"},
      {"![](empty.png) caption", "caption"},
      {"| only | header |", "only, header"},
  };
  expect_all(cases);
}

TEST(CleanMarkup, PlainTextIsUntouched) {
  for (const char* plain : {"Hello, world.", "你好，世界。", "3.5元", "a_b", "e-mail me at ann@example.com"}) {
    EXPECT_EQ(clean_markup(plain), plain);
  }
}

}  // namespace
}  // namespace voxwire::text
