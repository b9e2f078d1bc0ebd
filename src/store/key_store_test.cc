#include "store/key_store.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>

#include "store/store_test_util.h"

namespace voxwire::store {
namespace {

class KeyStoreTest : public DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    auto opened = KeyStore::open(path());
    ASSERT_TRUE(opened.ok()) << opened.status().to_string();
    keys_ = std::move(*opened);
  }
  void TearDown() override {
    keys_.reset();
    DatabaseTest::TearDown();
  }
  std::unique_ptr<KeyStore> keys_;
};

constexpr int64_t kNow = 1'800'000'000'000;

TEST_F(KeyStoreTest, ACreatedKeyAuthenticatesToItsAccountAndOnlyItsHashIsStored) {
  auto created = keys_->create("", "ci", kNow, 0);
  ASSERT_TRUE(created.ok()) << created.status().to_string();
  EXPECT_TRUE(created->secret.starts_with("sk-"));
  EXPECT_EQ(created->secret.size(), 3u + 48u);
  EXPECT_TRUE(created->key.id.starts_with("key_"));
  EXPECT_TRUE(created->key.account.starts_with("acct_"));
  auto account = keys_->account_of_secret(created->secret, kNow);
  ASSERT_TRUE(account.ok());
  EXPECT_EQ(account->value_or(""), created->key.account);
  EXPECT_FALSE(keys_->account_of_secret(created->secret + "x", kNow)->has_value());
  EXPECT_FALSE(keys_->account_of_secret("", kNow)->has_value());

  keys_.reset();  // the secret appears nowhere in the database file
  std::ifstream file(path(), std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  ASSERT_FALSE(bytes.empty());
  EXPECT_EQ(bytes.find(created->secret.substr(3)), std::string::npos);
}

TEST_F(KeyStoreTest, SecretsAreDistinctAndKeysMayShareAnAccount) {
  auto first = keys_->create("", "", kNow, 0);
  auto second = keys_->create(first->key.account, "second device", kNow, 0);
  auto third = keys_->create("", "", kNow, 0);
  ASSERT_TRUE(first.ok() && second.ok() && third.ok());
  EXPECT_NE(first->secret, second->secret);
  EXPECT_EQ(second->key.account, first->key.account);
  EXPECT_NE(third->key.account, first->key.account);
  EXPECT_EQ(keys_->account_of_secret(second->secret, kNow)->value_or(""), first->key.account);
}

TEST_F(KeyStoreTest, ExpiredAndRevokedKeysAreRefused) {
  auto expiring = keys_->create("", "", kNow, kNow + 1000);
  auto revoked = keys_->create("", "", kNow, 0);
  ASSERT_TRUE(expiring.ok() && revoked.ok());
  EXPECT_TRUE(keys_->account_of_secret(expiring->secret, kNow + 999)->has_value());
  EXPECT_FALSE(keys_->account_of_secret(expiring->secret, kNow + 1000)->has_value());
  EXPECT_EQ(*keys_->count_active(kNow), 2);
  ASSERT_TRUE(keys_->revoke(revoked->key.id, kNow + 5).ok());
  EXPECT_TRUE(keys_->revoke(revoked->key.id, kNow + 10).ok());
  EXPECT_FALSE(keys_->account_of_secret(revoked->secret, kNow + 6)->has_value());
  EXPECT_EQ(keys_->revoke("key_000000000000", kNow).code(), StatusCode::kNotFound);
  EXPECT_EQ(*keys_->count_active(kNow + 1000), 0);

  auto listed = keys_->list();
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ((*listed)[1].revoked_ms, kNow + 5) << "revoking twice keeps the first time";
  EXPECT_EQ((*listed)[0].expires_ms, kNow + 1000);
}

TEST_F(KeyStoreTest, KeysSurviveReopening) {
  auto created = keys_->create("", "", kNow, 0);
  ASSERT_TRUE(created.ok());
  keys_.reset();
  auto reopened = KeyStore::open(path());
  ASSERT_TRUE(reopened.ok());
  EXPECT_EQ((*reopened)->account_of_secret(created->secret, kNow)->value_or(""), created->key.account);
}

TEST(KeysReport, ListsStatesAndNeverSecrets) {
  const int64_t day = 86'400'000;
  const std::vector<StoredKey> keys = {
      {"key_000000000001", "acct_0123456789abcdef", "ci", kNow, 0, 0},
      {"key_000000000002", "acct_0123456789abcdef", "", kNow, kNow + day, 0},
      {"key_000000000003", "acct_fedcba9876543210", "old laptop", kNow, 0, kNow + 1},
  };
  EXPECT_EQ(keys_report(keys, kNow + 2 * day),
            "id                account                created     expires     state    label\n"
            "key_000000000001  acct_0123456789abcdef  2027-01-15  never       active   ci\n"
            "key_000000000002  acct_0123456789abcdef  2027-01-15  2027-01-16  expired  \n"
            "key_000000000003  acct_fedcba9876543210  2027-01-15  never       revoked  old laptop\n");
}

}  // namespace
}  // namespace voxwire::store
