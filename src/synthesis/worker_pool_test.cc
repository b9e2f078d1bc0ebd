#include "synthesis/worker_pool.h"

#include <chrono>
#include <future>
#include <mutex>
#include <vector>

#include <gtest/gtest.h>

namespace voxwire::synthesis {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

TEST(WorkerPool, RunsEarliestDeadlineFirstAndFifoAmongEqualDeadlines) {
  std::vector<int> order;
  std::mutex mutex;
  std::promise<void> release;  // outlive the pool, whose tasks use them
  std::shared_future<void> released = release.get_future().share();
  std::promise<void> blocking;
  {
    WorkerPool pool(1);
    pool.post([&] {  // holds the only thread while the others queue
      blocking.set_value();
      released.wait();
    });
    blocking.get_future().wait();
    const Clock::time_point t = Clock::now();
    auto record = [&](int id) {
      return [&order, &mutex, id] {
        std::lock_guard<std::mutex> lock(mutex);
        order.push_back(id);
      };
    };
    pool.post(record(3), t + 3s);
    pool.post(record(1), t + 1s);
    pool.post(record(2), t + 2s);
    pool.post(record(11), t + 1s);
    pool.post(record(0));  // due now
    EXPECT_EQ(pool.queue_depth(), 5u);
    release.set_value();
  }  // the destructor runs what is queued
  EXPECT_EQ(order, (std::vector<int>{0, 1, 11, 2, 3}));
}

TEST(WorkerPool, AFutureDeadlineOnlyOrdersItNeverDelaysIt) {
  std::promise<void> ran;
  WorkerPool pool(1);
  pool.post([&] { ran.set_value(); }, Clock::now() + 1h);
  EXPECT_EQ(ran.get_future().wait_for(10s), std::future_status::ready);
}

}  // namespace
}  // namespace voxwire::synthesis
