#include "store/voice_store.h"

#include <gtest/gtest.h>

#include "store/store_test_util.h"
#include "voice/voice_catalog.h"

namespace voxwire::store {
namespace {

class VoiceStoreTest : public DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    store_ = open_store();
  }
  void TearDown() override {
    store_.reset();
    DatabaseTest::TearDown();
  }
  std::unique_ptr<VoiceStore> open_store() {
    auto s = VoiceStore::open(path());
    EXPECT_TRUE(s.ok()) << s.status().to_string();
    return s.ok() ? std::move(*s) : nullptr;
  }
  static StoredVoice voice(std::string name, int64_t created_ms, CustomVoiceKind kind = CustomVoiceKind::kDesigned) {
    StoredVoice v;
    v.name = std::move(name);
    v.kind = kind;
    v.target_model = "qwen3-tts-vd-realtime-2025-12-16";
    v.language = "zh";
    v.voice_prompt = "沉稳的中年男性";
    v.preview_text = "你好";
    v.profile = VoiceCatalog::system_voices().find("Elias")->profile;
    v.created_ms = v.modified_ms = v.last_used_ms = created_ms;
    return v;
  }

  std::unique_ptr<VoiceStore> store_;
  Scope alice_{"acct_alice", ""};
  Scope bob_{"acct_bob", ""};
};

TEST_F(VoiceStoreTest, AddFindRemove) {
  ASSERT_TRUE(store_->add(alice_, voice("v1", 1000), 1000).ok());
  auto found = store_->find(alice_, CustomVoiceKind::kDesigned, "v1");
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->profile.name, "v1");
  EXPECT_EQ(found->voice_prompt, "沉稳的中年男性");
  EXPECT_DOUBLE_EQ(found->profile.median_f0_hz, VoiceCatalog::system_voices().find("Elias")->profile.median_f0_hz);
  EXPECT_EQ(store_->add(alice_, voice("v1", 2000), 1000).code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(store_->find(alice_, CustomVoiceKind::kCloned, "v1").status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(store_->remove(alice_, CustomVoiceKind::kDesigned, "v1").ok());
  EXPECT_EQ(store_->remove(alice_, CustomVoiceKind::kDesigned, "v1").code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->find(alice_, CustomVoiceKind::kDesigned, "v1").status().code(), StatusCode::kNotFound);
}

TEST_F(VoiceStoreTest, AccountsAndWorkspacesAreIsolated) {
  ASSERT_TRUE(store_->add(alice_, voice("shared_name", 1000), 1000).ok());
  EXPECT_EQ(store_->find(bob_, CustomVoiceKind::kDesigned, "shared_name").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->remove(bob_, CustomVoiceKind::kDesigned, "shared_name").code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->list(bob_, CustomVoiceKind::kDesigned, 0, 10)->total, 0);
  Scope alice_ws{"acct_alice", "ws_team"};
  EXPECT_EQ(store_->find(alice_ws, CustomVoiceKind::kDesigned, "shared_name").status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(store_->add(bob_, voice("shared_name", 1000), 1000).ok());
  EXPECT_TRUE(store_->find(alice_, CustomVoiceKind::kDesigned, "shared_name").ok());
}

TEST_F(VoiceStoreTest, ListsNewestFirstInPages) {
  for (int i = 0; i < 25; ++i) ASSERT_TRUE(store_->add(alice_, voice("v" + std::to_string(i), 1000 + i), 1000).ok());
  ASSERT_TRUE(store_->add(alice_, voice("cloned", 5000, CustomVoiceKind::kCloned), 1000).ok());
  auto first = store_->list(alice_, CustomVoiceKind::kDesigned, 0, 10);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->total, 25);
  ASSERT_EQ(first->voices.size(), 10u);
  EXPECT_EQ(first->voices[0].name, "v24");
  auto last = store_->list(alice_, CustomVoiceKind::kDesigned, 2, 10);
  ASSERT_EQ(last->voices.size(), 5u);
  EXPECT_EQ(last->voices.back().name, "v0");
  EXPECT_TRUE(store_->list(alice_, CustomVoiceKind::kDesigned, 9, 10)->voices.empty());
  EXPECT_EQ(store_->list(alice_, CustomVoiceKind::kCloned, 0, 10)->total, 1);
}

TEST_F(VoiceStoreTest, QuotaCountsTheWholeAccountPerKind) {
  Scope alice_ws{"acct_alice", "ws_team"};
  ASSERT_TRUE(store_->add(alice_, voice("a", 1), 3).ok());
  ASSERT_TRUE(store_->add(alice_ws, voice("b", 2), 3).ok());
  ASSERT_TRUE(store_->add(alice_, voice("c", 3), 3).ok());
  EXPECT_EQ(store_->add(alice_ws, voice("d", 4), 3).code(), StatusCode::kResourceExhausted);
  EXPECT_TRUE(store_->add(alice_, voice("e", 5, CustomVoiceKind::kCloned), 3).ok());  // the other product
  EXPECT_TRUE(store_->add(bob_, voice("f", 6), 3).ok());                               // another account
  ASSERT_TRUE(store_->remove(alice_, CustomVoiceKind::kDesigned, "a").ok());
  EXPECT_TRUE(store_->add(alice_ws, voice("d", 7), 3).ok());
}

TEST_F(VoiceStoreTest, SweepRemovesVoicesUnusedSinceTheCutoff) {
  ASSERT_TRUE(store_->add(alice_, voice("old", 1000), 1000).ok());
  ASSERT_TRUE(store_->add(alice_, voice("used", 1000), 1000).ok());
  ASSERT_TRUE(store_->add(alice_, voice("new", 9000), 1000).ok());
  ASSERT_TRUE(store_->mark_used(alice_, "used", 8000).ok());
  auto removed = store_->remove_unused_before(5000);
  ASSERT_TRUE(removed.ok());
  EXPECT_EQ(*removed, 1);
  EXPECT_FALSE(store_->find(alice_, CustomVoiceKind::kDesigned, "old").ok());
  EXPECT_EQ(store_->find(alice_, CustomVoiceKind::kDesigned, "used")->last_used_ms, 8000);
  EXPECT_TRUE(store_->find(alice_, CustomVoiceKind::kDesigned, "new").ok());
}

TEST_F(VoiceStoreTest, VoicesSurviveReopening) {
  ASSERT_TRUE(store_->add(alice_, voice("kept", 1000), 1000).ok());
  store_.reset();
  store_ = open_store();
  auto found = store_->find(alice_, CustomVoiceKind::kDesigned, "kept");
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->target_model, "qwen3-tts-vd-realtime-2025-12-16");
}

}  // namespace
}  // namespace voxwire::store
