#include "base/base64.h"

#include <gtest/gtest.h>

namespace voxwire {
namespace {

TEST(Base64, RoundTripsAllLengths) {
  std::string bytes;
  for (int i = 0; i < 300; ++i) {
    auto decoded = base64::decode(base64::encode(bytes));
    ASSERT_TRUE(decoded.has_value()) << i;
    EXPECT_EQ(*decoded, bytes);
    bytes += static_cast<char>(i * 37);
  }
}

TEST(Base64, KnownVectors) {
  EXPECT_EQ(base64::encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(base64::encode("fooba"), "Zm9vYmE=");
  EXPECT_EQ(base64::encode("foob"), "Zm9vYg==");
  EXPECT_EQ(base64::decode("Zm9vYg==").value(), "foob");
}

TEST(Base64, RejectsMalformed) {
  EXPECT_FALSE(base64::decode("Zm9").has_value());
  EXPECT_FALSE(base64::decode("Zm9v!A==").has_value());
  EXPECT_FALSE(base64::decode("Zg==Zm9v").has_value());
  EXPECT_FALSE(base64::decode("Z===").has_value());
}

}  // namespace
}  // namespace voxwire
