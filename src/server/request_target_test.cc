#include "server/request_target.h"

#include <gtest/gtest.h>

namespace voxwire::server {
namespace {

TEST(RequestTarget, SplitsPathAndQuery) {
  auto t = split_target("/api-ws/v1/realtime?model=qwen3-tts-flash-realtime");
  EXPECT_EQ(t.path, "/api-ws/v1/realtime");
  EXPECT_EQ(t.query, "model=qwen3-tts-flash-realtime");
  EXPECT_EQ(split_target("/healthz").query, "");
}

TEST(RequestTarget, DecodesParameters) {
  EXPECT_EQ(query_param("a=1&model=qwen%2Dtts&b", "model").value(), "qwen-tts");
  EXPECT_EQ(query_param("q=hello+world", "q").value(), "hello world");
  EXPECT_EQ(query_param("model=", "model").value(), "");
  EXPECT_FALSE(query_param("models=x", "model").has_value());
  EXPECT_FALSE(query_param("model=%4", "model").has_value());
  EXPECT_FALSE(query_param("model=%zz", "model").has_value());
}

}  // namespace
}  // namespace voxwire::server
