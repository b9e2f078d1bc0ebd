// Issue #6, point 3: requests per minute per key and model, and concurrent
// realtime sessions per key, through the real server over loopback. Time is
// a ManualClock, so "a minute later" is exact and instant.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "integration/test_server.h"
#include "support/http_client.h"
#include "support/ws_client.h"

namespace voxwire::testing {
namespace {

namespace json = boost::json;

constexpr const char* kOtherKey = "sk-voxwire-other";
constexpr const char* kGenerationPath = "/api/v1/services/aigc/multimodal-generation/generation";
constexpr const char* kCustomizationPath = "/api/v1/services/audio/tts/customization";

struct Limited {
  explicit Limited(server::ServerConfig config) : clock(now()), server(std::move(config), &clock) {}
  static int64_t now() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
  ManualClock clock;
  TestServer server;
};

server::ServerConfig limited_config() {
  auto config = TestServer::default_config();
  config.api_keys.push_back(kOtherKey);
  config.rate_limits = true;  // the documented limits
  return config;
}

HandshakeResult handshake(const TestServer& server, const std::string& model, const std::string& key = kTestKey,
                          std::unique_ptr<WsClient>* keep = nullptr) {
  HandshakeResult hs;
  auto c = WsClient::connect(server.port(), server.realtime_target(model), key, &hs);
  if (keep) *keep = std::move(c);
  return hs;
}

std::string code_of(const std::string& body) {
  json::value v = json::parse(body);
  return std::string(v.at("code").as_string());
}

HttpResult post(const TestServer& server, const std::string& path, const json::object& body,
                const std::string& key = kTestKey) {
  return http_request(server.port(), "POST", path,
                      {{"Authorization", "Bearer " + key}, {"Content-Type", "application/json"}}, json::serialize(body));
}

json::object generation_request() {
  return {{"model", "qwen3-tts-flash"}, {"input", json::object{{"text", "你好。"}, {"voice", "Cherry"}}}};
}

TEST(RateLimits, RealtimeHandshakesBeyondTheDocumentedRpmGet429UntilAMinuteHasPassed) {
  Limited limited(limited_config());
  const TestServer& server = limited.server;
  // qwen3-tts-flash-realtime: 10 RPM (api-reference §7.1).
  for (int i = 0; i < 10; ++i) {
    ASSERT_TRUE(handshake(server, "qwen3-tts-flash-realtime").upgraded) << i;
  }
  HandshakeResult refused = handshake(server, "qwen3-tts-flash-realtime");
  EXPECT_FALSE(refused.upgraded);
  EXPECT_EQ(refused.status, 429);
  EXPECT_EQ(code_of(refused.body), "Throttling.RateQuota");
  EXPECT_EQ(std::string(json::parse(refused.body).at("message").as_string()),
            "Requests rate limit exceeded, please try again later.");
  // Other models and other keys have their own budgets.
  EXPECT_TRUE(handshake(server, "qwen3-tts-flash-realtime-2025-11-27").upgraded);
  EXPECT_TRUE(handshake(server, "qwen3-tts-flash-realtime", kOtherKey).upgraded);
  // The limit recovers once the first requests are a minute old.
  limited.clock.advance_ms(59'000);
  EXPECT_EQ(handshake(server, "qwen3-tts-flash-realtime").status, 429);
  limited.clock.advance_ms(1'000);
  EXPECT_TRUE(handshake(server, "qwen3-tts-flash-realtime").upgraded);
}

TEST(RateLimits, HttpRequestsBeyondTheLimitGet429WithRetryAfter) {
  auto config = limited_config();
  config.rpm = 3;  // configured: every model
  Limited limited(config);
  const TestServer& server = limited.server;
  for (int i = 0; i < 3; ++i) ASSERT_EQ(post(server, kGenerationPath, generation_request()).status, 200) << i;
  HttpResult refused = post(server, kGenerationPath, generation_request());
  EXPECT_EQ(refused.status, 429);
  EXPECT_EQ(code_of(refused.body), "Throttling.RateQuota");
  EXPECT_TRUE(json::parse(refused.body).as_object().contains("request_id"));
  EXPECT_EQ(refused.retry_after, "60");
  EXPECT_EQ(post(server, kGenerationPath, generation_request(), kOtherKey).status, 200);

  const json::object list{{"model", "qwen-voice-design"}, {"input", json::object{{"action", "list"}}}};
  for (int i = 0; i < 3; ++i) ASSERT_EQ(post(server, kCustomizationPath, list).status, 200) << i;
  EXPECT_EQ(post(server, kCustomizationPath, list).status, 429);

  limited.clock.advance_ms(30'000);
  EXPECT_EQ(post(server, kGenerationPath, generation_request()).retry_after, "30");
  limited.clock.advance_ms(30'000);
  EXPECT_EQ(post(server, kGenerationPath, generation_request()).status, 200);
}

TEST(RateLimits, UnknownModelsAreNotCountedAndStillGetTheirOwnError) {
  auto config = limited_config();
  config.rpm = 1;
  Limited limited(config);
  json::object unknown = generation_request();
  unknown["model"] = "no-such-model";
  for (int i = 0; i < 3; ++i) EXPECT_EQ(post(limited.server, kGenerationPath, unknown).status, 404);
  EXPECT_EQ(post(limited.server, kGenerationPath, generation_request()).status, 200);
}

TEST(RateLimits, OffMeansUnlimited) {
  auto config = limited_config();
  config.rate_limits = false;
  Limited limited(config);
  for (int i = 0; i < 15; ++i) ASSERT_TRUE(handshake(limited.server, "qwen3-tts-flash-realtime").upgraded) << i;
}

TEST(SessionLimits, AKeyHoldsAtMostItsConcurrentSessionsAndGetsAPlaceBackWhenOneEnds) {
  auto config = limited_config();
  config.rate_limits = false;
  config.max_sessions_per_account = 2;
  Limited limited(config);
  const TestServer& server = limited.server;
  const std::string model = "qwen3-tts-flash-realtime";
  std::unique_ptr<WsClient> first, second;
  ASSERT_TRUE(handshake(server, model, kTestKey, &first).upgraded);
  ASSERT_TRUE(handshake(server, model, kTestKey, &second).upgraded);
  ASSERT_TRUE(first->read_event().has_value());  // session.created: both are live
  ASSERT_TRUE(second->read_event().has_value());
  HandshakeResult third = handshake(server, model);
  EXPECT_EQ(third.status, 429);
  EXPECT_EQ(code_of(third.body), "Throttling.RateQuota");
  EXPECT_NE(third.body.find("at most 2"), std::string::npos) << third.body;
  EXPECT_TRUE(handshake(server, model, kOtherKey).upgraded) << "another key is not affected";

  first->close();
  first.reset();
  bool admitted = false;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (!admitted && std::chrono::steady_clock::now() < deadline) {
    admitted = handshake(server, model).upgraded;  // the place frees once the server has closed its side
    if (!admitted) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_TRUE(admitted);
}

}  // namespace
}  // namespace voxwire::testing
