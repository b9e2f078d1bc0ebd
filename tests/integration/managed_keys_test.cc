// Issue #6, point 1: keys created with `voxwire keys` (the KeyStore) work on
// every surface of a running server, share their account's voices, and stop
// working at once when revoked, or when they expire.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>

#include "integration/customization_fixture.h"
#include "integration/test_server.h"
#include "store/key_store.h"
#include "support/http_client.h"
#include "support/ws_client.h"

namespace voxwire::testing {
namespace {

namespace json = boost::json;

int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

class ManagedKeys : public ::testing::Test {
 protected:
  void SetUp() override {
    config_ = TestServer::default_config();
    config_.api_keys.clear();  // only managed keys
    std::filesystem::create_directories(config_.data_dir);
    auto keys = store::KeyStore::open(database());
    ASSERT_TRUE(keys.ok()) << keys.status().to_string();
    keys_ = std::move(*keys);
    first_ = *keys_->create("", "first", clock_.now_ms(), 0);
    same_account_ = *keys_->create(first_.key.account, "second", clock_.now_ms(), 0);
    expiring_ = *keys_->create("", "for a day", clock_.now_ms(), clock_.now_ms() + 86'400'000);
    server_ = std::make_unique<TestServer>(config_, &clock_);
  }
  std::string database() const { return (std::filesystem::path(config_.data_dir) / "voxwire.db").string(); }

  int handshake(const std::string& key) {
    HandshakeResult hs;
    WsClient::connect(server_->port(), server_->realtime_target(), key, &hs);
    return hs.upgraded ? 101 : hs.status;
  }
  JsonReply list_designed(const std::string& key) {
    return post_customization(*server_, {{"model", "qwen-voice-design"}, {"input", json::object{{"action", "list"}}}},
                              key);
  }

  ManualClock clock_{now_ms()};
  server::ServerConfig config_;
  std::unique_ptr<store::KeyStore> keys_;
  store::CreatedKey first_, same_account_, expiring_;
  std::unique_ptr<TestServer> server_;
};

TEST_F(ManagedKeys, AreAcceptedEverywhereAndOtherKeysAreNot) {
  EXPECT_EQ(handshake(first_.secret), 101);
  EXPECT_EQ(list_designed(first_.secret).status, 200);
  HttpResult generated = http_request(
      server_->port(), "POST", "/api/v1/services/aigc/multimodal-generation/generation",
      {{"Authorization", "Bearer " + first_.secret}, {"Content-Type", "application/json"}},
      json::serialize(json::object{{"model", "qwen3-tts-flash"},
                                   {"input", json::object{{"text", "你好。"}, {"voice", "Cherry"}}}}));
  EXPECT_EQ(generated.status, 200) << generated.body;
  // Managed keys exist, so the server is not open: anything else is refused.
  EXPECT_EQ(handshake("sk-made-up"), 401);
  EXPECT_EQ(list_designed("sk-made-up").status, 401);
  EXPECT_EQ(handshake(kTestKey), 401);
}

TEST_F(ManagedKeys, KeysOfOneAccountShareItsVoices) {
  JsonReply created = post_customization(*server_, design_request(), first_.secret);
  ASSERT_EQ(created.status, 200) << json::serialize(created.body);
  EXPECT_EQ(list_designed(same_account_.secret).body.at("output").at("total_count").as_int64(), 1);
  EXPECT_EQ(list_designed(expiring_.secret).body.at("output").at("total_count").as_int64(), 0)
      << "another account sees none";
}

TEST_F(ManagedKeys, ARevokedKeyIsRefusedAtOnceWhileTheServerRuns) {
  ASSERT_EQ(handshake(first_.secret), 101);
  ASSERT_TRUE(keys_->revoke(first_.key.id, clock_.now_ms()).ok());  // as `voxwire keys revoke` does
  EXPECT_EQ(handshake(first_.secret), 401);
  JsonReply refused = list_designed(first_.secret);
  EXPECT_EQ(refused.status, 401);
  EXPECT_EQ(std::string(refused.body.at("code").as_string()), "InvalidApiKey");
  EXPECT_EQ(handshake(same_account_.secret), 101) << "the account's other key still works";
}

TEST_F(ManagedKeys, AnExpiredKeyIsRefused) {
  EXPECT_EQ(handshake(expiring_.secret), 101);
  clock_.advance_ms(86'400'000);
  EXPECT_EQ(handshake(expiring_.secret), 401);
  EXPECT_EQ(handshake(first_.secret), 101);
}

TEST_F(ManagedKeys, AKeyCreatedWhileTheServerRunsWorksAtOnce) {
  auto created = keys_->create("", "late", clock_.now_ms(), 0);
  ASSERT_TRUE(created.ok());
  EXPECT_EQ(handshake(created->secret), 101);
}

}  // namespace
}  // namespace voxwire::testing
