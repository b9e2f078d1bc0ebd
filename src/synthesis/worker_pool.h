// synthesis/worker_pool.h: a fixed set of threads running CPU-bound tasks
// (synthesis steps), so engines never run on I/O threads. Tasks run earliest
// deadline first (FIFO among equal deadlines): a step whose audio a listener
// needs now goes before one whose audio is needed only once what was already
// sent has been played. The pool never idles while tasks wait; a deadline
// only orders them.
// Thread-safe. The destructor runs the tasks still queued, then joins.
#pragma once
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
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

  using Deadline = std::chrono::steady_clock::time_point;

  // Queues task to run on some worker thread, after the tasks queued with an
  // earlier deadline. Tasks must not throw.
  void post(std::function<void()> task, Deadline deadline = std::chrono::steady_clock::now());
  // Tasks waiting for a thread (not counting running ones).
  std::size_t queue_depth() const;
  int thread_count() const { return static_cast<int>(threads_.size()); }

 private:
  struct Queued {
    Deadline deadline;
    uint64_t order;  // FIFO among equal deadlines
    std::function<void()> task;
  };
  // Heap order: the top is the earliest deadline, then the oldest.
  static bool later(const Queued& a, const Queued& b) {
    return a.deadline != b.deadline ? a.deadline > b.deadline : a.order > b.order;
  }
  void run();

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::vector<Queued> queue_;                // GUARDED_BY(mutex_), a heap by later()
  uint64_t posted_ = 0;                      // GUARDED_BY(mutex_)
  bool stopping_ = false;                    // GUARDED_BY(mutex_)
  std::vector<std::thread> threads_;         // constant after construction
};

}  // namespace voxwire::synthesis
