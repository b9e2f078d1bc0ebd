#include "synthesis/synthesis_service.h"

#include <gtest/gtest.h>

#include <condition_variable>
#include <mutex>
#include <vector>

#include "voice/voice_catalog.h"

namespace voxwire::synthesis {
namespace {

using namespace std::chrono_literals;

// Records a job's output; waits for its end.
class Recorder final : public JobObserver {
 public:
  void on_chunk(std::string bytes) override {
    std::lock_guard<std::mutex> lock(mutex_);
    bytes_ += bytes.size();
    ++chunks_;
  }
  void on_done(Status status, const JobStats& stats) override {
    std::lock_guard<std::mutex> lock(mutex_);
    done_at_ = std::chrono::steady_clock::now();
    status_ = std::move(status);
    stats_ = stats;
    done_ = true;
    cv_.notify_all();
  }
  bool wait_done(std::chrono::milliseconds timeout) {
    std::unique_lock<std::mutex> lock(mutex_);
    return cv_.wait_for(lock, timeout, [&] { return done_; });
  }
  std::size_t bytes() {
    std::lock_guard<std::mutex> lock(mutex_);
    return bytes_;
  }
  int chunks() {
    std::lock_guard<std::mutex> lock(mutex_);
    return chunks_;
  }
  Status status() {
    std::lock_guard<std::mutex> lock(mutex_);
    return status_;
  }
  JobStats stats() {
    std::lock_guard<std::mutex> lock(mutex_);
    return stats_;
  }
  std::chrono::steady_clock::time_point done_at() {
    std::lock_guard<std::mutex> lock(mutex_);
    return done_at_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  std::size_t bytes_ = 0;
  int chunks_ = 0;
  bool done_ = false;
  std::chrono::steady_clock::time_point done_at_;
  Status status_;
  JobStats stats_;
};

class SynthesisServiceTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto s = Synthesizer::create_builtin();
    ASSERT_TRUE(s.ok());
    synthesizer_ = new std::shared_ptr<const Synthesizer>(std::move(*s));
  }
  static void TearDownTestSuite() { delete synthesizer_; }

  static SynthesisSpec spec(std::string text) {
    SynthesisSpec s;
    s.text = std::move(text);
    s.voice = VoiceCatalog::system_voices().find("Ethan")->profile;
    return s;
  }
  static std::string long_text() {
    std::string t;
    for (int i = 0; i < 10; ++i) t += "This is one of ten sentences that make a long text. ";
    return t;
  }

  static std::shared_ptr<const Synthesizer>* synthesizer_;
};
std::shared_ptr<const Synthesizer>* SynthesisServiceTest::synthesizer_ = nullptr;

TEST_F(SynthesisServiceTest, StreamsEncodedChunksAndReportsStats) {
  SynthesisService service(*synthesizer_, 2);
  auto rec = std::make_shared<Recorder>();
  service.submit(spec("Hello there. How are you today?"), rec);
  ASSERT_TRUE(rec->wait_done(20s));
  EXPECT_TRUE(rec->status().ok()) << rec->status().to_string();
  EXPECT_GT(rec->chunks(), 1);
  JobStats stats = rec->stats();
  EXPECT_NEAR(stats.audio_seconds, rec->bytes() / 2.0 / 24000.0, 0.001);
  EXPECT_GT(stats.audio_seconds, 1.0);
  EXPECT_LT(stats.first_chunk_latency, 5s);
}

// One worker. While the long job's first sentence runs, a job whose listener
// needs audio only in an hour and then one needed now are queued: the urgent
// one goes first, and the long job's later sentences (due as its audio plays)
// go before the one due in an hour. In submission order the far job would
// have run before the urgent one.
TEST_F(SynthesisServiceTest, RunsTheAudioNeededSoonestFirst) {
  SynthesisService service(*synthesizer_, 1);
  auto long_job = std::make_shared<Recorder>(), far = std::make_shared<Recorder>(), urgent = std::make_shared<Recorder>();
  auto unpaced = [](SynthesisSpec s) {  // the recorders never report bytes consumed
    s.paced = false;
    return s;
  };
  SynthesisSpec far_spec = unpaced(spec("Nobody needs this sentence yet."));
  far_spec.first_audio_due = std::chrono::steady_clock::now() + 1h;
  service.submit(unpaced(spec(long_text())), long_job);
  service.submit(far_spec, far);
  service.submit(unpaced(spec("Someone is waiting for this one.")), urgent);
  for (auto* r : {&long_job, &far, &urgent}) ASSERT_TRUE((*r)->wait_done(60s));
  EXPECT_LT(urgent->done_at(), long_job->done_at());
  EXPECT_LT(long_job->done_at(), far->done_at());
}

TEST_F(SynthesisServiceTest, TextWithNothingToSayStillDeliversAudio) {
  SynthesisService service(*synthesizer_, 1);
  auto rec = std::make_shared<Recorder>();
  service.submit(spec("。。。"), rec);
  ASSERT_TRUE(rec->wait_done(10s));
  EXPECT_TRUE(rec->status().ok());
  EXPECT_EQ(rec->bytes(), 2u * 2400);  // 100 ms of silence at 24 kHz
}

TEST_F(SynthesisServiceTest, PausesWhileTheConsumerLagsAndResumesWhenItCatchesUp) {
  FlowControl flow;
  flow.pause_above_bytes = 1000;
  flow.resume_below_bytes = 500;
  SynthesisService service(*synthesizer_, 2, flow);
  auto rec = std::make_shared<Recorder>();
  auto job = service.submit(spec(long_text()), rec);
  EXPECT_FALSE(rec->wait_done(1500ms)) << "a job must not run ahead of a consumer that sends nothing";
  std::size_t held = rec->bytes();
  EXPECT_LT(held, 4u * 24000 * 2) << "at most about one sentence is produced ahead";
  // The consumer catches up: the job runs to the end.
  std::size_t credited = 0;
  for (int i = 0; i < 400 && !rec->wait_done(50ms); ++i) {
    std::size_t produced = rec->bytes();
    job->consumed(produced - credited);
    credited = produced;
  }
  ASSERT_TRUE(rec->wait_done(20s));
  EXPECT_TRUE(rec->status().ok());
  EXPECT_GT(rec->bytes(), 4 * held);
}

TEST_F(SynthesisServiceTest, CancellingAPausedJobEndsIt) {
  FlowControl flow;
  flow.pause_above_bytes = 1000;
  SynthesisService service(*synthesizer_, 1, flow);
  auto rec = std::make_shared<Recorder>();
  auto job = service.submit(spec(long_text()), rec);
  EXPECT_FALSE(rec->wait_done(500ms));
  job->cancel();
  ASSERT_TRUE(rec->wait_done(10s));
  EXPECT_EQ(rec->status().code(), StatusCode::kCancelled);
}

TEST_F(SynthesisServiceTest, ShutdownEndsPausedAndQueuedJobsAndRefusesNewOnes) {
  FlowControl flow;
  flow.pause_above_bytes = 1000;
  SynthesisService service(*synthesizer_, 1, flow);
  auto paused = std::make_shared<Recorder>();
  auto handle = service.submit(spec(long_text()), paused);
  EXPECT_FALSE(paused->wait_done(500ms));
  service.shutdown();
  ASSERT_TRUE(paused->wait_done(10s));
  EXPECT_EQ(paused->status().code(), StatusCode::kCancelled);
  auto late = std::make_shared<Recorder>();
  service.submit(spec("Too late."), late);
  ASSERT_TRUE(late->wait_done(10s));
  EXPECT_EQ(late->status().code(), StatusCode::kCancelled);
  EXPECT_EQ(late->bytes(), 0u);
}

TEST_F(SynthesisServiceTest, InvalidOutputConfigFailsTheJob) {
  SynthesisService service(*synthesizer_, 1);
  auto rec = std::make_shared<Recorder>();
  SynthesisSpec s = spec("Hello.");
  s.output.encoder.sample_rate_hz = 12345;
  service.submit(std::move(s), rec);
  ASSERT_TRUE(rec->wait_done(10s));
  EXPECT_EQ(rec->status().code(), StatusCode::kInvalidArgument);
}

TEST_F(SynthesisServiceTest, TheCompletedJobListenerHearsCompletedJobsOnly) {
  std::mutex mutex;
  std::vector<JobStats> completed;
  SynthesisService service(*synthesizer_, 1, {}, [&](const JobStats& stats) {
    std::lock_guard<std::mutex> lock(mutex);
    completed.push_back(stats);
  });
  auto ok = std::make_shared<Recorder>();
  service.submit(spec("Hello."), ok);
  ASSERT_TRUE(ok->wait_done(10s));
  auto failed = std::make_shared<Recorder>();
  SynthesisSpec bad = spec("Hello.");
  bad.output.encoder.sample_rate_hz = 12345;
  service.submit(std::move(bad), failed);
  ASSERT_TRUE(failed->wait_done(10s));
  std::lock_guard<std::mutex> lock(mutex);
  ASSERT_EQ(completed.size(), 1u);  // told before on_done, so already there
  EXPECT_EQ(completed[0].audio_seconds, ok->stats().audio_seconds);
  EXPECT_EQ(completed[0].worker_seconds, ok->stats().worker_seconds);
}

}  // namespace
}  // namespace voxwire::synthesis
