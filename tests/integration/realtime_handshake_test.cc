// The realtime endpoint's answers before any session exists: keys, models,
// non-WebSocket requests (api-reference §2.1, §1.3).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support/http_client.h"
#include "integration/test_server.h"
#include "support/ws_client.h"

namespace voxwire::testing {
namespace {

using RealtimeHandshake = SharedServerTest;

boost::json::object body_of(const HandshakeResult& r) {
  boost::system::error_code ec;
  auto v = boost::json::parse(r.body, ec);
  if (ec || !v.is_object()) return {};
  return v.as_object();
}

void expect_documented_error(const boost::json::object& body, std::string_view code) {
  ASSERT_TRUE(body.contains("code")) << boost::json::serialize(body);
  EXPECT_EQ(body.at("code").as_string(), code);
  EXPECT_TRUE(body.at("message").is_string());
  EXPECT_EQ(body.at("request_id").as_string().size(), 36u);
}

TEST_F(RealtimeHandshake, MissingKeyIsRefusedWith401) {
  HandshakeResult r;
  EXPECT_EQ(WsClient::connect(server_->port(), server_->realtime_target(), "", &r), nullptr);
  EXPECT_EQ(r.status, 401);
  expect_documented_error(body_of(r), "InvalidApiKey");
}

TEST_F(RealtimeHandshake, WrongKeyIsRefusedWith401) {
  HandshakeResult r;
  EXPECT_EQ(WsClient::connect(server_->port(), server_->realtime_target(), "sk-wrong", &r), nullptr);
  EXPECT_EQ(r.status, 401);
  expect_documented_error(body_of(r), "InvalidApiKey");
}

TEST_F(RealtimeHandshake, UnknownModelIsRefusedWith404) {
  HandshakeResult r;
  EXPECT_EQ(WsClient::connect(server_->port(), server_->realtime_target("qwen3-tts-flash"), kTestKey, &r), nullptr);
  EXPECT_EQ(r.status, 404);
  expect_documented_error(body_of(r), "ModelNotFound");
}

TEST_F(RealtimeHandshake, MissingModelIsRefusedWith400) {
  HandshakeResult r;
  EXPECT_EQ(WsClient::connect(server_->port(), "/api-ws/v1/realtime", kTestKey, &r), nullptr);
  EXPECT_EQ(r.status, 400);
  expect_documented_error(body_of(r), "BadRequest.EmptyModel");
}

TEST_F(RealtimeHandshake, PlainHttpRequestGetsAJsonErrorNotAHang) {
  HttpResult r = http_request(server_->port(), "GET", server_->realtime_target(),
                              {{"Authorization", std::string("Bearer ") + kTestKey}});
  EXPECT_EQ(r.status, 426);
  EXPECT_EQ(r.content_type, "application/json");
  boost::json::object body = boost::json::parse(r.body).as_object();
  expect_documented_error(body, "InvalidParameter");
}

TEST_F(RealtimeHandshake, UnknownPathIs404AndHealthzAnswers) {
  HttpResult missing = http_request(server_->port(), "GET", "/no/such/thing");
  EXPECT_EQ(missing.status, 404);
  HttpResult health = http_request(server_->port(), "GET", "/healthz");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.body, R"({"status":"ok"})");
}

TEST_F(RealtimeHandshake, AcceptedUpgradeStartsWithSessionCreated) {
  HandshakeResult r;
  auto client = WsClient::connect(server_->port(), server_->realtime_target(), kTestKey, &r);
  ASSERT_NE(client, nullptr);
  EXPECT_EQ(r.status, 101);
  auto created = client->read_event();
  ASSERT_TRUE(created.has_value());
  EXPECT_EQ(created->at("type").as_string(), "session.created");
  const auto& session = created->at("session").as_object();
  EXPECT_TRUE(session.at("id").as_string().starts_with("sess_"));
  EXPECT_EQ(session.at("id").as_string().size(), 26u);
  EXPECT_EQ(session.at("object").as_string(), "realtime.session");
  EXPECT_EQ(session.at("model").as_string(), "qwen3-tts-flash-realtime");
  EXPECT_EQ(session.at("voice").as_string(), "Cherry");
  EXPECT_EQ(session.at("mode").as_string(), "server_commit");
  EXPECT_EQ(session.at("response_format").as_string(), "pcm");
  EXPECT_EQ(session.at("sample_rate").as_int64(), 24000);
  EXPECT_TRUE(created->at("event_id").as_string().starts_with("event_"));
  EXPECT_EQ(created->at("event_id").as_string().size(), 27u);
}

TEST_F(RealtimeHandshake, DesignedVoiceModelStartsWithoutAVoice) {
  HandshakeResult r;
  auto client = WsClient::connect(server_->port(), server_->realtime_target("qwen3-tts-vd-realtime-2025-12-16"),
                                  kTestKey, &r);
  ASSERT_NE(client, nullptr);
  auto created = client->read_event();
  ASSERT_TRUE(created.has_value());
  EXPECT_EQ(created->at("session").at("voice").as_string(), "");
}

}  // namespace
}  // namespace voxwire::testing
