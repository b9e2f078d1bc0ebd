#include "text/cleaner.h"

#include <gtest/gtest.h>

namespace voxwire::text {
namespace {

struct Case {
  const char* written;
  const char* heard;
};

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
  for (const Case& c : cases) EXPECT_EQ(clean_markup(c.written), c.heard) << "written: " << c.written;
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
  for (const Case& c : cases) EXPECT_EQ(clean_markup(c.written), c.heard) << "written: " << c.written;
}

TEST(CleanMarkup, PlainTextIsUntouched) {
  for (const char* plain : {"Hello, world.", "你好，世界。", "3.5元", "a_b", "e-mail me at ann@example.com"}) {
    EXPECT_EQ(clean_markup(plain), plain);
  }
}

}  // namespace
}  // namespace voxwire::text
