// synthesis/job_link.h: ties a streamed job to the transport that writes its
// chunks: each write that completes lets a paused job continue
// (JobHandle::consumed), a write that fails (the client is gone) cancels it.
// What is reported before the handle arrives is applied when it does.
// Thread-safe; owned through a shared_ptr (callbacks hold it weakly).
#pragma once
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>

#include "synthesis/synthesis_service.h"

namespace voxwire::synthesis {

class JobLink : public std::enable_shared_from_this<JobLink> {
 public:
  // The handle submit() returned.
  void attach(std::shared_ptr<JobHandle> job);
  // The callback for a transport's write of a chunk of `bytes`: `delivered`
  // true once it left, false if it never will. Does nothing once the link is gone.
  std::function<void(bool delivered)> on_written(std::size_t bytes);

 private:
  void written(std::size_t bytes, bool delivered);

  std::mutex mutex_;
  std::shared_ptr<JobHandle> job_;    // GUARDED_BY(mutex_)
  std::size_t early_consumed_ = 0;    // GUARDED_BY(mutex_): reported before attach()
  bool early_cancel_ = false;         // GUARDED_BY(mutex_)
};

}  // namespace voxwire::synthesis
