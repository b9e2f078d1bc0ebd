#include "auth/crypto.h"

#include <gtest/gtest.h>

#include <set>

namespace voxwire::auth {
namespace {

TEST(Crypto, Sha256MatchesTheStandardVectors) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Crypto, HexIsLowercaseTwoDigitsPerByte) {
  const unsigned char bytes[] = {0x00, 0x0f, 0xa0, 0xff};
  EXPECT_EQ(to_hex(bytes), "000fa0ff");
  EXPECT_EQ(to_hex({}), "");
}

TEST(Crypto, RandomHexHasTheLengthAskedAndDoesNotRepeat) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    Result<std::string> r = random_hex(16);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->size(), 32u);
    EXPECT_EQ(r->find_first_not_of("0123456789abcdef"), std::string::npos);
    seen.insert(*r);
  }
  EXPECT_EQ(seen.size(), 100u);
}

}  // namespace
}  // namespace voxwire::auth
