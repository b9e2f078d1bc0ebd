#include "synthesis/synthesis_service.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "base/cancel_token.h"
#include "base/utf8.h"
#include "synthesis/worker_pool.h"
#include "tts/segmenter.h"

namespace voxwire::synthesis {
namespace {
class Job;
}  // namespace

struct SynthesisService::Scheduler {
  Scheduler(int threads, CompletedJobListener listener) : on_completed(std::move(listener)), pool(threads) {}

  // Keeps a paused job alive until resume(); false once shutting down (the
  // job must then go on, to finish as cancelled).
  bool pause(const std::shared_ptr<Job>& job) {
    std::lock_guard<std::mutex> lock(mutex);
    if (stopping) return false;
    paused.emplace(job.get(), job);
    return true;
  }
  // The paused job's owning pointer, or null if it is not paused.
  std::shared_ptr<Job> unpause(Job* job) {
    std::lock_guard<std::mutex> lock(mutex);
    auto it = paused.find(job);
    if (it == paused.end()) return nullptr;
    std::shared_ptr<Job> owner = std::move(it->second);
    paused.erase(it);
    return owner;
  }

  const CompletedJobListener on_completed;  // may be empty
  CancelToken shutdown;  // tripped for every job by SynthesisService::shutdown()
  std::atomic<std::size_t> active_jobs{0};
  std::mutex mutex;
  bool stopping = false;                                     // GUARDED_BY(mutex)
  std::unordered_map<Job*, std::shared_ptr<Job>> paused;     // GUARDED_BY(mutex)
  WorkerPool pool;  // last: destroyed first, draining jobs that use the members above
};

namespace {

using Clock = std::chrono::steady_clock;
using Scheduler = SynthesisService::Scheduler;

class Job final : public JobHandle, public std::enable_shared_from_this<Job> {
 public:
  Job(SynthesisSpec spec, std::shared_ptr<JobObserver> observer, const Synthesizer& synthesizer,
      Scheduler& scheduler, const FlowControl& flow)
      : spec_(std::move(spec)),
        observer_(std::move(observer)),
        synthesizer_(synthesizer),
        scheduler_(scheduler),
        flow_(flow),
        submitted_(Clock::now()) {}

  void start() { post_step(); }

  void cancel() override {
    cancel_.cancel();
    resume();  // a paused job must run once more to finish
  }

  bool cancelled() const { return cancel_.cancelled() || scheduler_.shutdown.cancelled(); }

  void consumed(std::size_t bytes) override {
    const auto n = static_cast<int64_t>(bytes);
    if (unsent_bytes_.fetch_sub(n) - n < static_cast<int64_t>(flow_.resume_below_bytes)) resume();
  }

 private:
  // Feeds engine audio into the pipeline and hands out chunks.
  class Sink final : public AudioSink {
   public:
    explicit Sink(Job& job) : job_(job) {}
    void on_audio(std::span<const int16_t> pcm, int sample_rate_hz) override {
      if (!status_.ok()) return;
      job_.engine_samples_ += pcm.size();
      job_.engine_seconds_ += static_cast<double>(pcm.size()) / sample_rate_hz;
      status_ = job_.pipeline_->push(pcm, sample_rate_hz, &job_.out_);
      if (status_.ok()) job_.maybe_emit(/*force=*/false);
    }
    Status status_;

   private:
    Job& job_;
  };

  void post_step() { post_step(shared_from_this()); }
  void post_step(std::shared_ptr<Job> self) {
    const WorkerPool::Deadline due = deadline();
    scheduler_.pool.post([self = std::move(self)] { self->step(); }, due);
  }

  // When the listener needs the next step's audio: the first at
  // spec_.first_audio_due (or at once), the rest as fast as it plays.
  Clock::time_point deadline() const {
    const Clock::time_point start = std::max(spec_.first_audio_due, submitted_);
    if (!emitted_any_) return start;
    return std::max(start, first_chunk_at_) +
           std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(pipeline_->seconds()));
  }

  // Never touches the scheduler unless the job is paused: a finished job may
  // outlive the service.
  void resume() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!paused_) return;
      paused_ = false;
    }
    if (auto self = scheduler_.unpause(this)) post_step(std::move(self));
  }

  void step() {
    Clock::time_point began = Clock::now();
    Status s = run_one_sentence();
    stats_.worker_seconds += std::chrono::duration<double>(Clock::now() - began).count();
    if (!s.ok() || next_sentence_ == sentences_.size()) {
      if (s.ok()) s = finish_audio();
      stats_.audio_seconds = pipeline_ ? pipeline_->seconds() : 0;
      if (cancelled()) s = Status::cancelled();
      if (s.ok() && scheduler_.on_completed) scheduler_.on_completed(stats_);
      observer_->on_done(s, stats_);
      observer_.reset();
      --scheduler_.active_jobs;
      return;
    }
    std::unique_lock<std::mutex> lock(mutex_);
    if (spec_.paced && unsent_bytes_.load() > static_cast<int64_t>(flow_.pause_above_bytes) && !cancelled() &&
        scheduler_.pause(shared_from_this())) {
      paused_ = true;  // consumed(), cancel() or shutdown posts the next step
      return;
    }
    lock.unlock();
    post_step();
  }

  Status run_one_sentence() {
    if (cancelled()) return Status::cancelled();
    if (!pipeline_) {
      auto pipeline = audio::make_pipeline(spec_.output);
      if (!pipeline.ok()) return pipeline.status();
      pipeline_ = std::move(*pipeline);
      sentences_ = split_sentences(spec_.text);
    }
    if (next_sentence_ == sentences_.size()) return Status();
    Sink sink(*this);
    const std::string_view sentence = sentences_[next_sentence_++];
    const double sentence_begin_seconds = engine_seconds_;
    std::vector<TimedWord> words;
    Status s = synthesizer_.synthesize(
        sentence, spec_.language, spec_.voice, spec_.speech_rate, spec_.pitch_rate, sink, cancel_,
        spec_.normalize_text ? Synthesizer::Normalization::kOn : Synthesizer::Normalization::kOff,
        readings_in(sentence), spec_.word_timings ? &words : nullptr);
    if (!s.ok()) return s;
    // From the sentence's time and characters to the job's.
    const std::size_t chars_before =
        words.empty() ? 0
                      : utf8::length(std::string_view(spec_.text)
                                         .substr(0, static_cast<std::size_t>(sentence.data() - spec_.text.data())));
    map_times(words, [&](double seconds) { return seconds + sentence_begin_seconds; });
    for (TimedWord& w : words) {
      w.begin_char += chars_before;
      w.end_char += chars_before;
      stats_.words.push_back(std::move(w));
    }
    return sink.status_;
  }

  // The forced readings inside a sentence (a slice of spec_.text), with
  // offsets from its start.
  std::vector<text::ForcedReading> readings_in(std::string_view sentence) const {
    std::vector<text::ForcedReading> out;
    const auto begin = static_cast<std::size_t>(sentence.data() - spec_.text.data());
    for (const text::ForcedReading& r : spec_.readings) {
      if (r.begin >= begin && r.end <= begin + sentence.size()) {
        out.push_back({r.begin - begin, r.end - begin, r.pronunciation});
      }
    }
    return out;
  }

  // Flushes the pipeline; a text with nothing to say still yields a short
  // silence so every successful job delivers audio.
  Status finish_audio() {
    if (engine_samples_ == 0) {
      std::vector<int16_t> silence(spec_.output.encoder.sample_rate_hz / 10, 0);
      Status s = pipeline_->push(silence, spec_.output.encoder.sample_rate_hz, &out_);
      if (!s.ok()) return s;
    }
    Status s = pipeline_->finish(&out_);
    if (!s.ok()) return s;
    maybe_emit(/*force=*/true);
    return Status();
  }

  void maybe_emit(bool force) {
    if (out_.empty()) return;
    double now = pipeline_->seconds();
    bool first = !emitted_any_;
    if (!force && now - emitted_seconds_ < (first ? flow_.first_chunk_seconds : flow_.chunk_seconds)) return;
    if (first) {
      first_chunk_at_ = Clock::now();
      stats_.first_chunk_latency = first_chunk_at_ - submitted_;
    }
    emitted_any_ = true;
    emitted_seconds_ = now;
    unsent_bytes_ += static_cast<int64_t>(out_.size());
    observer_->on_chunk(std::move(out_));
    out_.clear();
  }

  const SynthesisSpec spec_;
  std::shared_ptr<JobObserver> observer_;
  const Synthesizer& synthesizer_;
  Scheduler& scheduler_;  // valid while the job is queued, running or paused
  const FlowControl flow_;
  const Clock::time_point submitted_;
  CancelToken cancel_;
  std::atomic<int64_t> unsent_bytes_{0};  // handed to the observer, not yet consumed()
  std::mutex mutex_;
  bool paused_ = false;  // GUARDED_BY(mutex_)

  // Touched only by the step running on a worker (steps never overlap).
  std::unique_ptr<audio::AudioPipeline> pipeline_;
  std::vector<std::string_view> sentences_;  // slices of spec_.text
  std::size_t next_sentence_ = 0;
  std::string out_;
  std::size_t engine_samples_ = 0;
  double engine_seconds_ = 0;  // the engines' audio so far: the job's audio time before resampling
  bool emitted_any_ = false;
  Clock::time_point first_chunk_at_;
  double emitted_seconds_ = 0;
  JobStats stats_;
};

}  // namespace

SynthesisService::SynthesisService(std::shared_ptr<const Synthesizer> synthesizer, int worker_threads,
                                   FlowControl flow, CompletedJobListener on_completed)
    : synthesizer_(std::move(synthesizer)),
      flow_(flow),
      scheduler_(std::make_unique<Scheduler>(worker_threads, std::move(on_completed))) {}

SynthesisService::~SynthesisService() { shutdown(); }

std::shared_ptr<JobHandle> SynthesisService::submit(SynthesisSpec spec, std::shared_ptr<JobObserver> observer) {
  auto job = std::make_shared<Job>(std::move(spec), std::move(observer), *synthesizer_, *scheduler_, flow_);
  ++scheduler_->active_jobs;
  job->start();  // after shutdown the job's first step sees the cancellation and ends it
  return job;
}

void SynthesisService::shutdown() {
  std::vector<std::shared_ptr<Job>> paused;
  {
    std::lock_guard<std::mutex> lock(scheduler_->mutex);
    scheduler_->stopping = true;
    scheduler_->shutdown.cancel();
    for (auto& [raw, job] : scheduler_->paused) paused.push_back(job);
  }
  for (auto& job : paused) job->cancel();  // resumes it: its next step ends it
}

std::size_t SynthesisService::queue_depth() const { return scheduler_->pool.queue_depth(); }

std::size_t SynthesisService::active_jobs() const { return scheduler_->active_jobs.load(); }

}  // namespace voxwire::synthesis
