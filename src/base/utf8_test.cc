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
