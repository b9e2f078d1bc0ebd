// base/clock.h: wall-clock time as a dependency, so code that stamps,
// expires or sweeps things can be tested with a clock the test moves.
// SystemClock is thread-safe; ManualClock is too (atomic).
#pragma once
#include <atomic>
#include <chrono>
#include <cstdint>

namespace voxwire {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual int64_t now_ms() const = 0;  // Unix time in milliseconds
};

class SystemClock final : public Clock {
 public:
  int64_t now_ms() const override {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
  }
};

class ManualClock final : public Clock {
 public:
  explicit ManualClock(int64_t now_ms) : now_ms_(now_ms) {}
  int64_t now_ms() const override { return now_ms_.load(); }
  void advance_ms(int64_t ms) { now_ms_ += ms; }

 private:
  std::atomic<int64_t> now_ms_;
};

}  // namespace voxwire
