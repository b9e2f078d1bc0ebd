#include "base/utf8.h"

#include <gtest/gtest.h>

namespace voxwire {
namespace {

TEST(Utf8, DecodesMixedScripts) {
  std::u32string cps = utf8::decode("a你🙂");
  ASSERT_EQ(cps.size(), 3u);
  EXPECT_EQ(cps[1], U'你');
  EXPECT_EQ(cps[2], U'🙂');
  EXPECT_EQ(utf8::encode(cps), "a你🙂");
  EXPECT_EQ(utf8::length("a你🙂"), 3u);
}

TEST(Utf8, CharLengthStepsOneCharacterAtATime) {
  const std::string_view s = "a\u00e9\u4e2d\U0001F600";  // 1, 2, 3 and 4 bytes
  EXPECT_EQ(utf8::char_length(s, 0), 1u);
  EXPECT_EQ(utf8::char_length(s, 1), 2u);
  EXPECT_EQ(utf8::char_length(s, 3), 3u);
  EXPECT_EQ(utf8::char_length(s, 6), 4u);
  EXPECT_EQ(utf8::char_length(s, 10), 0u);
  EXPECT_EQ(utf8::char_length("\xe4\xb8", 0), 2u);  // truncated: never past the end
  EXPECT_EQ(utf8::char_length("\x80", 0), 1u);       // a stray continuation byte
}

TEST(Utf8, FlagsInvalidSequences) {
  EXPECT_TRUE(utf8::is_valid("héllo 你好"));
  EXPECT_FALSE(utf8::is_valid("\xff"));
  EXPECT_FALSE(utf8::is_valid("\xc0\xaf"));          // overlong '/'
  EXPECT_FALSE(utf8::is_valid("\xed\xa0\x80"));      // surrogate
  EXPECT_FALSE(utf8::is_valid("\xe4\xbd"));          // truncated
  EXPECT_EQ(utf8::decode("a\xff" "b"), std::u32string(U"a\uFFFDb"));
}

}  // namespace
}  // namespace voxwire
