#include "synthesis/job_link.h"

#include <gtest/gtest.h>

namespace voxwire::synthesis {
namespace {

struct RecordingHandle final : JobHandle {
  void cancel() override { ++cancels; }
  void consumed(std::size_t bytes) override { consumed_bytes += bytes; }
  int cancels = 0;
  std::size_t consumed_bytes = 0;
};

TEST(JobLink, WritesReportConsumedBytesAndAFailedWriteCancels) {
  auto link = std::make_shared<JobLink>();
  auto job = std::make_shared<RecordingHandle>();
  link->attach(job);
  link->on_written(100)(true);
  link->on_written(50)(true);
  EXPECT_EQ(job->consumed_bytes, 150u);
  EXPECT_EQ(job->cancels, 0);
  link->on_written(70)(false);
  EXPECT_EQ(job->consumed_bytes, 150u);
  EXPECT_EQ(job->cancels, 1);
}

TEST(JobLink, ReportsBeforeTheHandleArrivesAreAppliedOnAttach) {
  auto link = std::make_shared<JobLink>();
  link->on_written(30)(true);
  link->on_written(12)(true);
  link->on_written(5)(false);
  auto job = std::make_shared<RecordingHandle>();
  link->attach(job);
  EXPECT_EQ(job->consumed_bytes, 42u);
  EXPECT_EQ(job->cancels, 1);
}

TEST(JobLink, CallbacksOutlivingTheLinkDoNothing) {
  auto link = std::make_shared<JobLink>();
  auto job = std::make_shared<RecordingHandle>();
  link->attach(job);
  auto written = link->on_written(10);
  link.reset();
  written(true);
  written(false);
  EXPECT_EQ(job->consumed_bytes, 0u);
  EXPECT_EQ(job->cancels, 0);
}

}  // namespace
}  // namespace voxwire::synthesis
