#include "synthesis/worker_pool.h"

#include <algorithm>

namespace voxwire::synthesis {

WorkerPool::WorkerPool(int threads) {
  if (threads < 1) threads = 1;
  threads_.reserve(threads);
  for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { run(); });
}

WorkerPool::~WorkerPool() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& t : threads_) t.join();
}

void WorkerPool::post(std::function<void()> task, Deadline deadline) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    queue_.push_back({deadline, posted_++, std::move(task)});
    std::push_heap(queue_.begin(), queue_.end(), later);
  }
  wake_.notify_one();
}

std::size_t WorkerPool::queue_depth() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return queue_.size();
}

void WorkerPool::run() {
  for (;;) {
    std::function<void()> task;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing left to run
      std::pop_heap(queue_.begin(), queue_.end(), later);
      task = std::move(queue_.back().task);
      queue_.pop_back();
    }
    task();
  }
}

}  // namespace voxwire::synthesis
