#include "synthesis/job_link.h"

namespace voxwire::synthesis {

void JobLink::attach(std::shared_ptr<JobHandle> job) {
  std::lock_guard<std::mutex> lock(mutex_);
  job_ = std::move(job);
  if (early_consumed_ > 0) job_->consumed(early_consumed_);
  if (early_cancel_) job_->cancel();
}

std::function<void(bool)> JobLink::on_written(std::size_t bytes) {
  return [link = weak_from_this(), bytes](bool delivered) {
    if (auto self = link.lock()) self->written(bytes, delivered);
  };
}

void JobLink::written(std::size_t bytes, bool delivered) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!job_) {
    if (delivered) early_consumed_ += bytes;
    else early_cancel_ = true;
    return;
  }
  if (delivered) job_->consumed(bytes);
  else job_->cancel();
}

}  // namespace voxwire::synthesis
