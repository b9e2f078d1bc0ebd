// base/cancel_token.h: a shared flag that asks running work to stop.
// Copies share one flag; cancel() from any thread, cancelled() from any
// thread. Work checks it between chunks and stops promptly.
#pragma once
#include <atomic>
#include <memory>

namespace voxwire {

class CancelToken {
 public:
  CancelToken() : flag_(std::make_shared<std::atomic<bool>>(false)) {}
  void cancel() const { flag_->store(true, std::memory_order_relaxed); }
  bool cancelled() const { return flag_->load(std::memory_order_relaxed); }

 private:
  std::shared_ptr<std::atomic<bool>> flag_;
};

}  // namespace voxwire
