// synthesis/worker_pool.h: a fixed set of threads running CPU-bound tasks
// (synthesis steps) in FIFO order, so engines never run on I/O threads.
// Thread-safe. The destructor runs the tasks still queued, then joins.
#pragma once
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace voxwire::synthesis {

class WorkerPool {
 public:
  explicit WorkerPool(int threads);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Queues task to run on some worker thread. Tasks must not throw.
  void post(std::function<void()> task);
  // Tasks waiting for a thread (not counting running ones).
  std::size_t queue_depth() const;
  int thread_count() const { return static_cast<int>(threads_.size()); }

 private:
  void run();

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> queue_;  // GUARDED_BY(mutex_)
  bool stopping_ = false;                    // GUARDED_BY(mutex_)
  std::vector<std::thread> threads_;         // constant after construction
};

}  // namespace voxwire::synthesis
