#include "store/usage_ledger.h"

#include <gtest/gtest.h>

#include <string>

#include "store/store_test_util.h"

namespace voxwire::store {
namespace {

using UsageLedgerTest = DatabaseTest;

constexpr int64_t kDay1 = 1764460800000;  // 2025-11-30T00:00:00Z
constexpr int64_t kDay2 = kDay1 + 86'400'000;

TEST(UtcDay, FormatsTheUtcDate) {
  EXPECT_EQ(utc_day(kDay1), "2025-11-30");
  EXPECT_EQ(utc_day(kDay2 - 1), "2025-11-30");
  EXPECT_EQ(utc_day(kDay2), "2025-12-01");
}

TEST_F(UsageLedgerTest, AddsUpPerDayAccountAndModel) {
  auto ledger = UsageLedger::open(path());
  ASSERT_TRUE(ledger.ok()) << ledger.status().to_string();
  ASSERT_TRUE((*ledger)->record("acct_a", "qwen3-tts-flash", kDay1, {.characters = 10, .audio_ms = 1500}).ok());
  ASSERT_TRUE((*ledger)->record("acct_a", "qwen3-tts-flash", kDay1 + 1000, {.characters = 5, .audio_ms = 500}).ok());
  ASSERT_TRUE((*ledger)->record("acct_a", "qwen-tts", kDay1, {.input_tokens = 7, .output_tokens = 50}).ok());
  ASSERT_TRUE((*ledger)->record("acct_b", "qwen3-tts-flash", kDay2, {.characters = 3}).ok());
  ASSERT_TRUE((*ledger)->record("acct_a", "qwen-voice-design", kDay2, {.voices_created = 1}).ok());

  auto all = (*ledger)->rows();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 4u);
  const UsageRow& flash = (*all)[1];  // day1/acct_a/qwen-tts sorts first
  EXPECT_EQ((*all)[0].model, "qwen-tts");
  EXPECT_EQ((*all)[0].totals.input_tokens, 7);
  EXPECT_EQ((*all)[0].totals.output_tokens, 50);
  EXPECT_EQ(flash.day, "2025-11-30");
  EXPECT_EQ(flash.model, "qwen3-tts-flash");
  EXPECT_EQ(flash.requests, 2);
  EXPECT_EQ(flash.totals.characters, 15);
  EXPECT_EQ(flash.totals.audio_ms, 2000);

  auto day2 = (*ledger)->rows("2025-12-01");
  ASSERT_TRUE(day2.ok());
  EXPECT_EQ(day2->size(), 2u);
  auto only_b = (*ledger)->rows("", "acct_b");
  ASSERT_TRUE(only_b.ok());
  ASSERT_EQ(only_b->size(), 1u);
  EXPECT_EQ((*only_b)[0].totals.characters, 3);
}

TEST_F(UsageLedgerTest, SurvivesReopening) {
  {
    auto ledger = UsageLedger::open(path());
    ASSERT_TRUE(ledger.ok());
    ASSERT_TRUE((*ledger)->record("acct_a", "m", kDay1, {.characters = 42}).ok());
  }
  auto reopened = UsageLedger::open(path());
  ASSERT_TRUE(reopened.ok());
  auto rows = (*reopened)->rows();
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].totals.characters, 42);
}

}  // namespace
}  // namespace voxwire::store
