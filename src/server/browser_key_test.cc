#include "server/browser_key.h"

#include <gtest/gtest.h>

namespace voxwire::server {
namespace {

TEST(BrowserKey, ComesFromTheVoxwireSubprotocol) {
  auto key = browser_key("voxwire.key.sk-abc123");
  ASSERT_TRUE(key);
  EXPECT_EQ(key->authorization, "Bearer sk-abc123");
  EXPECT_EQ(key->subprotocol, "voxwire.key.sk-abc123");
  key = browser_key("chat, voxwire.key.sk-2 , other");
  ASSERT_TRUE(key);
  EXPECT_EQ(key->authorization, "Bearer sk-2");
  EXPECT_EQ(key->subprotocol, "voxwire.key.sk-2");
}

TEST(BrowserKey, IsAbsentOtherwise) {
  EXPECT_FALSE(browser_key(""));
  EXPECT_FALSE(browser_key("chat"));
  EXPECT_FALSE(browser_key("voxwire.key."));
  EXPECT_FALSE(browser_key("xvoxwire.key.sk"));
  EXPECT_FALSE(browser_key(",,,"));
}

}  // namespace
}  // namespace voxwire::server
