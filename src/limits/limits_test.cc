#include <gtest/gtest.h>

#include <optional>
#include <vector>

#include "base/clock.h"
#include "limits/rate_limiter.h"
#include "limits/session_limiter.h"

namespace voxwire::limits {
namespace {

TEST(RateLimiter, AdmitsTheLimitPerMinuteThenRefusesUntilTheOldestIsAMinuteOld) {
  ManualClock clock(1'000'000);
  RateLimiter limiter(clock);
  for (int i = 0; i < 10; ++i) {
    EXPECT_TRUE(limiter.admit("acct_a", "qwen3-tts-flash-realtime", 10).admitted) << i;
    clock.advance_ms(1000);  // the first at t=0 s, the tenth at t=9 s
  }
  const Admission refused = limiter.admit("acct_a", "qwen3-tts-flash-realtime", 10);  // t=10 s
  EXPECT_FALSE(refused.admitted);
  EXPECT_EQ(refused.retry_after_s, 50);
  clock.advance_ms(49'000);  // t=59 s: the first is still inside the window
  EXPECT_FALSE(limiter.admit("acct_a", "qwen3-tts-flash-realtime", 10).admitted);
  clock.advance_ms(1000);  // t=60 s: it has left; one place frees up
  EXPECT_TRUE(limiter.admit("acct_a", "qwen3-tts-flash-realtime", 10).admitted);
  EXPECT_FALSE(limiter.admit("acct_a", "qwen3-tts-flash-realtime", 10).admitted);
}

TEST(RateLimiter, RefusedRequestsAreNotCounted) {
  ManualClock clock(0);
  RateLimiter limiter(clock);
  EXPECT_TRUE(limiter.admit("a", "m", 1).admitted);
  for (int i = 0; i < 100; ++i) EXPECT_FALSE(limiter.admit("a", "m", 1).admitted);
  clock.advance_ms(60'000);
  EXPECT_TRUE(limiter.admit("a", "m", 1).admitted);
}

TEST(RateLimiter, AccountsAndModelsHaveTheirOwnWindows) {
  ManualClock clock(0);
  RateLimiter limiter(clock);
  EXPECT_TRUE(limiter.admit("a", "m1", 1).admitted);
  EXPECT_FALSE(limiter.admit("a", "m1", 1).admitted);
  EXPECT_TRUE(limiter.admit("a", "m2", 1).admitted);
  EXPECT_TRUE(limiter.admit("b", "m1", 1).admitted);
  // ("x\ny", "z") and ("x", "y\nz") are different callers and models.
  EXPECT_TRUE(limiter.admit("x", "y\nz", 1).admitted);
  EXPECT_TRUE(limiter.admit("x\ny", "z", 1).admitted);
}

TEST(RateLimiter, ZeroOrNegativeMeansUnlimited) {
  ManualClock clock(0);
  RateLimiter limiter(clock);
  for (int i = 0; i < 1000; ++i) ASSERT_TRUE(limiter.admit("a", "m", 0).admitted);
  EXPECT_EQ(limiter.sweep(), 0) << "unlimited requests are not tracked";
}

TEST(RateLimiter, SweepForgetsCallersIdleForAMinute) {
  ManualClock clock(0);
  RateLimiter limiter(clock);
  limiter.admit("a", "m", 5);
  clock.advance_ms(30'000);
  limiter.admit("b", "m", 5);
  EXPECT_EQ(limiter.sweep(), 0);
  clock.advance_ms(30'000);
  EXPECT_EQ(limiter.sweep(), 1);  // a's request is a minute old, b's is not
  clock.advance_ms(30'000);
  EXPECT_EQ(limiter.sweep(), 1);
}

TEST(SessionLimiter, CapsConcurrentSessionsPerAccountAndFreesPlacesOnRelease) {
  SessionLimiter limiter(2);
  std::optional<SessionLimiter::Ticket> first = limiter.acquire("a");
  std::optional<SessionLimiter::Ticket> second = limiter.acquire("a");
  ASSERT_TRUE(first && second);
  EXPECT_FALSE(limiter.acquire("a").has_value());
  EXPECT_EQ(limiter.active("a"), 2);
  EXPECT_TRUE(limiter.acquire("b").has_value()) << "another account is not affected";
  EXPECT_EQ(limiter.active("b"), 0) << "a discarded ticket releases its place";
  first.reset();
  EXPECT_EQ(limiter.active("a"), 1);
  std::optional<SessionLimiter::Ticket> third = limiter.acquire("a");
  EXPECT_TRUE(third.has_value());
  SessionLimiter::Ticket moved = std::move(*third);
  third.reset();  // the moved-from ticket holds nothing
  EXPECT_EQ(limiter.active("a"), 2);
}

TEST(SessionLimiter, ZeroMeansUnlimited) {
  SessionLimiter limiter(0);
  std::vector<SessionLimiter::Ticket> tickets;
  for (int i = 0; i < 100; ++i) tickets.push_back(*limiter.acquire("a"));
  EXPECT_EQ(limiter.active("a"), 100);
  tickets.clear();
  EXPECT_EQ(limiter.active("a"), 0);
}

}  // namespace
}  // namespace voxwire::limits
