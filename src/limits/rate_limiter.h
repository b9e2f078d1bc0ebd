// limits/rate_limiter.h: requests per minute per (account, model) over a
// sliding 60-second window (api-reference §1.4, 429 Throttling.RateQuota).
// A refused request is not counted, so a client that backs off recovers as
// soon as its oldest counted request is a minute old. Thread-safe.
#pragma once
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "base/clock.h"

namespace voxwire::limits {

struct Admission {
  bool admitted = true;
  int retry_after_s = 0;  // when refused: seconds until a request would be admitted (>= 1)
};

class RateLimiter {
 public:
  // REQUIRES: clock outlives the limiter.
  explicit RateLimiter(const Clock& clock) : clock_(clock) {}

  // Counts one request by `account` to `model` if fewer than `rpm` were
  // counted in the last 60 s. rpm <= 0 means unlimited (nothing is counted).
  Admission admit(std::string_view account, std::string_view model, int rpm);

  // Forgets windows whose requests are all older than a minute (bounds memory
  // to the callers of the last minute). Returns how many were dropped.
  int sweep();

 private:
  const Clock& clock_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::deque<int64_t>> windows_;  // GUARDED_BY(mutex_); admitted times, ms
};

}  // namespace voxwire::limits
