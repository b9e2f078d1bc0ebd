// server/readiness.h: whether the server should be sent work (GET /readyz):
// not while the engines warm up after start(), never again once it drains.
// Owned by Server; thread-safe.
#pragma once
#include <atomic>
#include <string_view>

namespace voxwire::server {

class Readiness {
 public:
  void set_warming_up(bool warming_up) { warming_up_ = warming_up; }
  void set_draining() { draining_ = true; }

  // Empty when ready; otherwise why not: "draining" or "warming_up".
  std::string_view not_ready_reason() const {
    if (draining_) return "draining";
    if (warming_up_) return "warming_up";
    return {};
  }

 private:
  std::atomic<bool> warming_up_{false};
  std::atomic<bool> draining_{false};
};

}  // namespace voxwire::server
