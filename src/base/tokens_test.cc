#include "base/tokens.h"

#include <gtest/gtest.h>

namespace voxwire {
namespace {

TEST(Tokens, CountsCjkPerCharacterAndOtherTextPerFourCharacters) {
  EXPECT_EQ(estimate_tokens(""), 0u);
  EXPECT_EQ(estimate_tokens("你好"), 2u);
  EXPECT_EQ(estimate_tokens("abcd"), 1u);
  EXPECT_EQ(estimate_tokens("abcde"), 2u);
  EXPECT_EQ(estimate_tokens("你好abcde。"), 5u);  // 3 CJK (incl. 。) + ceil(5/4)
  EXPECT_EQ(estimate_tokens("안녕"), 2u);
}

}  // namespace
}  // namespace voxwire
