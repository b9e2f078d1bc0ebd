#include "store/voice_store.h"

#include <gtest/gtest.h>

#include <filesystem>

#include <boost/json.hpp>

#include "store/sqlite.h"
#include "store/store_test_util.h"
#include "voice/voice_catalog.h"
#include "voice/voice_profile_json.h"

namespace voxwire::store {
namespace {

constexpr std::string_view kDesign = "qwen-voice-design";
constexpr std::string_view kClone = "qwen-voice-enrollment";

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
    v.collection = kind == CustomVoiceKind::kDesigned ? kDesign : kClone;
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
  auto found = store_->find(alice_, kDesign, "v1");
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->profile.name, "v1");
  EXPECT_EQ(found->voice_prompt, "沉稳的中年男性");
  EXPECT_DOUBLE_EQ(found->profile.median_f0_hz, VoiceCatalog::system_voices().find("Elias")->profile.median_f0_hz);
  EXPECT_EQ(store_->add(alice_, voice("v1", 2000), 1000).code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(store_->find(alice_, kClone, "v1").status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(store_->remove(alice_, kDesign, "v1").ok());
  EXPECT_EQ(store_->remove(alice_, kDesign, "v1").code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->find(alice_, kDesign, "v1").status().code(), StatusCode::kNotFound);
}

TEST_F(VoiceStoreTest, AccountsAndWorkspacesAreIsolated) {
  ASSERT_TRUE(store_->add(alice_, voice("shared_name", 1000), 1000).ok());
  EXPECT_EQ(store_->find(bob_, kDesign, "shared_name").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->remove(bob_, kDesign, "shared_name").code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->list(bob_, kDesign, 0, 10)->total, 0);
  Scope alice_ws{"acct_alice", "ws_team"};
  EXPECT_EQ(store_->find(alice_ws, kDesign, "shared_name").status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(store_->add(bob_, voice("shared_name", 1000), 1000).ok());
  EXPECT_TRUE(store_->find(alice_, kDesign, "shared_name").ok());
}

TEST_F(VoiceStoreTest, ListsNewestFirstInPages) {
  for (int i = 0; i < 25; ++i) ASSERT_TRUE(store_->add(alice_, voice("v" + std::to_string(i), 1000 + i), 1000).ok());
  ASSERT_TRUE(store_->add(alice_, voice("cloned", 5000, CustomVoiceKind::kCloned), 1000).ok());
  auto first = store_->list(alice_, kDesign, 0, 10);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->total, 25);
  ASSERT_EQ(first->voices.size(), 10u);
  EXPECT_EQ(first->voices[0].name, "v24");
  auto last = store_->list(alice_, kDesign, 2, 10);
  ASSERT_EQ(last->voices.size(), 5u);
  EXPECT_EQ(last->voices.back().name, "v0");
  EXPECT_TRUE(store_->list(alice_, kDesign, 9, 10)->voices.empty());
  EXPECT_EQ(store_->list(alice_, kClone, 0, 10)->total, 1);
}

TEST_F(VoiceStoreTest, QuotaCountsTheWholeAccountPerCollection) {
  Scope alice_ws{"acct_alice", "ws_team"};
  ASSERT_TRUE(store_->add(alice_, voice("a", 1), 3).ok());
  ASSERT_TRUE(store_->add(alice_ws, voice("b", 2), 3).ok());
  ASSERT_TRUE(store_->add(alice_, voice("c", 3), 3).ok());
  EXPECT_EQ(store_->add(alice_ws, voice("d", 4), 3).code(), StatusCode::kResourceExhausted);
  EXPECT_TRUE(store_->add(alice_, voice("e", 5, CustomVoiceKind::kCloned), 3).ok());  // the other product
  EXPECT_TRUE(store_->add(bob_, voice("f", 6), 3).ok());                               // another account
  ASSERT_TRUE(store_->remove(alice_, kDesign, "a").ok());
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
  EXPECT_FALSE(store_->find(alice_, kDesign, "old").ok());
  EXPECT_EQ(store_->find(alice_, kDesign, "used")->last_used_ms, 8000);
  EXPECT_TRUE(store_->find(alice_, kDesign, "new").ok());
}

TEST_F(VoiceStoreTest, VoicesSurviveReopening) {
  ASSERT_TRUE(store_->add(alice_, voice("kept", 1000), 1000).ok());
  store_.reset();
  store_ = open_store();
  auto found = store_->find(alice_, kDesign, "kept");
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->target_model, "qwen3-tts-vd-realtime-2025-12-16");
}

TEST_F(VoiceStoreTest, OneCollectionHoldsBothKindsUnderOneQuotaAndFiltersByLabel) {
  auto cosy = [](std::string name, int64_t created_ms, CustomVoiceKind kind, std::string label) {
    StoredVoice v = voice(std::move(name), created_ms, kind);
    v.collection = "voice-enrollment";
    v.label = std::move(label);
    return v;
  };
  ASSERT_TRUE(store_->add(alice_, cosy("c1", 1, CustomVoiceKind::kCloned, "news"), 3).ok());
  ASSERT_TRUE(store_->add(alice_, cosy("d1", 2, CustomVoiceKind::kDesigned, "news"), 3).ok());
  ASSERT_TRUE(store_->add(alice_, cosy("c2", 3, CustomVoiceKind::kCloned, "story"), 3).ok());
  EXPECT_EQ(store_->add(alice_, cosy("d2", 4, CustomVoiceKind::kDesigned, "story"), 3).code(),
            StatusCode::kResourceExhausted);
  EXPECT_TRUE(store_->add(alice_, voice("qwen", 5), 3).ok()) << "another product's quota";
  auto news = store_->list(alice_, "voice-enrollment", 0, 10, "news");
  ASSERT_TRUE(news.ok());
  ASSERT_EQ(news->voices.size(), 2u);
  EXPECT_EQ(news->voices[0].name, "d1");
  EXPECT_EQ(news->voices[0].kind, CustomVoiceKind::kDesigned);
  EXPECT_EQ(news->voices[1].name, "c1");
  EXPECT_EQ(store_->list(alice_, "voice-enrollment", 0, 10)->total, 3);
  EXPECT_EQ(store_->find(alice_, kDesign, "c1").status().code(), StatusCode::kNotFound);
}

TEST_F(VoiceStoreTest, UpdateReplacesTheProfileAndKeepsTheRest) {
  StoredVoice v = voice("cloned", 1000, CustomVoiceKind::kCloned);
  v.source_url = "https://example.com/a.wav";
  ASSERT_TRUE(store_->add(alice_, v, 1000).ok());
  StoredVoice changed = v;
  changed.profile = VoiceCatalog::system_voices().find("Cherry")->profile;
  changed.source_url = "https://example.com/b.wav";
  changed.language = "en";
  changed.modified_ms = 7000;
  changed.created_ms = 1;  // ignored
  ASSERT_TRUE(store_->update(alice_, changed).ok());
  auto found = store_->find(alice_, kClone, "cloned");
  ASSERT_TRUE(found.ok());
  EXPECT_DOUBLE_EQ(found->profile.median_f0_hz, VoiceCatalog::system_voices().find("Cherry")->profile.median_f0_hz);
  EXPECT_EQ(found->profile.name, "cloned");
  EXPECT_EQ(found->source_url, "https://example.com/b.wav");
  EXPECT_EQ(found->language, "en");
  EXPECT_EQ(found->created_ms, 1000);
  EXPECT_EQ(found->modified_ms, 7000);
  EXPECT_EQ(store_->update(bob_, changed).code(), StatusCode::kNotFound);
  changed.collection = kDesign;
  EXPECT_EQ(store_->update(alice_, changed).code(), StatusCode::kNotFound);
}

TEST_F(VoiceStoreTest, ASchemaOneDatabaseKeepsItsVoices) {
  store_.reset();
  std::filesystem::remove(path());
  {
    auto db = Database::open(path());
    ASSERT_TRUE(db.ok());
    const std::string profile = boost::json::serialize(
        profile_to_json(VoiceCatalog::system_voices().find("Elias")->profile));
    const std::string sql = R"sql(
      CREATE TABLE custom_voices (account TEXT NOT NULL, workspace TEXT NOT NULL, name TEXT NOT NULL,
        kind INTEGER NOT NULL, target_model TEXT NOT NULL, language TEXT NOT NULL, voice_prompt TEXT NOT NULL,
        preview_text TEXT NOT NULL, profile TEXT NOT NULL, created_ms INTEGER NOT NULL, modified_ms INTEGER NOT NULL,
        last_used_ms INTEGER NOT NULL, PRIMARY KEY (account, workspace, name));
      CREATE INDEX custom_voices_by_kind ON custom_voices (account, workspace, kind, created_ms);
      INSERT INTO custom_voices VALUES ('acct_alice', '', 'old_design', 1, 'qwen3-tts-vd-realtime-2025-12-16', 'zh',
        'p', 't', ')sql" + profile + R"sql(', 10, 10, 10);
      INSERT INTO custom_voices VALUES ('acct_alice', '', 'old_clone', 2, 'qwen3-tts-vc-realtime-2025-11-27', 'en',
        '', '', ')sql" + profile + R"sql(', 20, 20, 20);)sql";
    ASSERT_TRUE((*db)->exec(sql.c_str()).ok());
  }
  store_ = open_store();
  ASSERT_NE(store_, nullptr);
  auto design = store_->find(alice_, kDesign, "old_design");
  ASSERT_TRUE(design.ok()) << design.status().to_string();
  EXPECT_EQ(design->kind, CustomVoiceKind::kDesigned);
  EXPECT_EQ(design->voice_prompt, "p");
  EXPECT_TRUE(store_->find(alice_, kClone, "old_clone").ok());
  EXPECT_EQ(store_->list(alice_, kClone, 0, 10)->total, 1);
  EXPECT_EQ(store_->add(alice_, voice("new", 30), 1).code(), StatusCode::kResourceExhausted)
      << "the migrated voice counts against its product's quota";
  store_.reset();
  store_ = open_store();  // a second open finds nothing to migrate
  EXPECT_TRUE(store_->find(alice_, kClone, "old_clone").ok());
}

}  // namespace
}  // namespace voxwire::store
