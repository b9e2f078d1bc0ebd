#include "client/server_url.h"

#include <gtest/gtest.h>

namespace voxwire::client {
namespace {

TEST(ServerUrl, ParsesHostPortAndPrefix) {
  auto url = parse_server_url("http://127.0.0.1:8080");
  ASSERT_TRUE(url.ok());
  EXPECT_EQ(url->host, "127.0.0.1");
  EXPECT_EQ(url->port, "8080");
  EXPECT_EQ(url->path_prefix, "");
  EXPECT_EQ(url->host_header(), "127.0.0.1:8080");
  url = parse_server_url("ws://tts.example.com/voice/");
  ASSERT_TRUE(url.ok());
  EXPECT_EQ(url->host, "tts.example.com");
  EXPECT_EQ(url->port, "80");
  EXPECT_EQ(url->path_prefix, "/voice");
}

TEST(ServerUrl, RefusesWhatItCannotReach) {
  for (const char* bad : {"https://example.com", "wss://example.com", "ftp://x", "http://", "http://host:99999",
                          "http://host:abc", "127.0.0.1:8080", ""}) {
    EXPECT_FALSE(parse_server_url(bad).ok()) << bad;
  }
}

}  // namespace
}  // namespace voxwire::client
