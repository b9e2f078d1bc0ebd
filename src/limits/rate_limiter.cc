#include "limits/rate_limiter.h"

#include <algorithm>

namespace voxwire::limits {
namespace {

constexpr int64_t kWindowMs = 60'000;

void drop_expired(std::deque<int64_t>& times, int64_t now_ms) {
  while (!times.empty() && times.front() <= now_ms - kWindowMs) times.pop_front();
}

}  // namespace

Admission RateLimiter::admit(std::string_view account, std::string_view model, int rpm) {
  if (rpm <= 0) return {};
  const int64_t now_ms = clock_.now_ms();
  // Length-prefixed, so no (account, model) pair can spell another's key.
  std::string key = std::to_string(account.size()) + ':';
  key.append(account).append(model);
  std::lock_guard<std::mutex> lock(mutex_);
  std::deque<int64_t>& times = windows_[key];
  drop_expired(times, now_ms);
  if (times.size() < static_cast<std::size_t>(rpm)) {
    times.push_back(now_ms);
    return {};
  }
  // The oldest of the last `rpm` requests leaves the window at front + 60 s.
  const int64_t wait_ms = times[times.size() - static_cast<std::size_t>(rpm)] + kWindowMs - now_ms;
  return {false, static_cast<int>(std::max<int64_t>(1, (wait_ms + 999) / 1000))};
}

int RateLimiter::sweep() {
  const int64_t now_ms = clock_.now_ms();
  std::lock_guard<std::mutex> lock(mutex_);
  int dropped = 0;
  for (auto it = windows_.begin(); it != windows_.end();) {
    drop_expired(it->second, now_ms);
    if (it->second.empty()) {
      it = windows_.erase(it);
      ++dropped;
    } else {
      ++it;
    }
  }
  return dropped;
}

}  // namespace voxwire::limits
