// synthesis/synthesis_service.h: runs synthesis jobs (text -> engine ->
// audio pipeline -> encoded chunks) on the worker pool, one sentence per step
// so long texts stream and many sessions share the workers fairly. A job
// pauses between sentences while its consumer has too many bytes unsent
// (backpressure) and stops promptly when cancelled.
// Thread-safe. Observers are called on worker threads (see JobObserver).
#pragma once
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "audio/pipeline.h"
#include "base/status.h"
#include "synthesis/synthesizer.h"
#include "tts/language.h"
#include "voice/voice_profile.h"

namespace voxwire::synthesis {

struct SynthesisSpec {
  std::string text;              // what to say, already validated
  LanguageType language;         // nullopt = Auto
  VoiceProfile voice;            // who says it
  double speech_rate = 1.0;      // tempo multiplier (0.5..2)
  double pitch_rate = 1.0;       // F0 multiplier (0.5..2)
  audio::PipelineConfig output;  // format, rate, bit rate, volume
  bool normalize_text = true;    // enable_tn: numbers, dates, currencies read as words (text/normalizer.h)
  bool paced = true;             // pause while the consumer has too much unsent (see FlowControl);
                                 // false for consumers that keep everything and never call consumed()
  bool word_timings = false;     // report when each word is heard (JobStats::words)
  // When a listener needs the first audio: default (or past) = at once; a
  // session whose listener is still hearing earlier audio passes the moment
  // it runs out. Later audio is due as fast as it plays. Steps run earliest
  // deadline first (see WorkerPool), so urgent first audio is not queued
  // behind audio nobody is waiting for yet.
  std::chrono::steady_clock::time_point first_audio_due{};
};

struct JobStats {
  double audio_seconds = 0;      // audio produced, at the output rate
  double worker_seconds = 0;     // wall time the job spent on worker threads
  std::chrono::steady_clock::duration first_chunk_latency{};  // submit -> first chunk
  // With SynthesisSpec::word_timings: the units of spec.text (code points
  // counted in it) with their times in the job's audio (Synthesizer::synthesize).
  std::vector<TimedWord> words;
};

// Receives one job's output, on worker threads, one call at a time and in
// order: on_chunk zero or more times (always at least once for a job that
// succeeds), then on_done exactly once.
class JobObserver {
 public:
  virtual ~JobObserver() = default;
  virtual void on_chunk(std::string bytes) = 0;
  virtual void on_done(Status status, const JobStats& stats) = 0;
};

struct FlowControl {
  std::size_t pause_above_bytes = 256 * 1024;   // unsent encoded bytes that pause a job
  std::size_t resume_below_bytes = 96 * 1024;   // ... and that let it continue
  double chunk_seconds = 0.1;                   // audio per chunk after the first
  // The first chunk goes out as soon as it holds this much audio: enough for
  // a listener who starts playing it at once not to run dry before the next
  // chunk (the engines make it in well under a millisecond).
  double first_chunk_seconds = 0.1;
};

// The consumer's handle on a running job.
class JobHandle {
 public:
  virtual ~JobHandle() = default;
  // Stops the job as soon as possible; on_done(Cancelled) follows unless it
  // already finished. Safe to call more than once, from any thread.
  virtual void cancel() = 0;
  // Reports that `bytes` of the job's chunks have left the process (e.g. the
  // socket write completed), which lets a paused job continue.
  virtual void consumed(std::size_t bytes) = 0;
};

// Told the stats of every job that completes (not cancelled, not failed), on
// its worker thread, just before its observer's on_done. Must be thread-safe.
using CompletedJobListener = std::function<void(const JobStats& stats)>;

class SynthesisService {
 public:
  SynthesisService(std::shared_ptr<const Synthesizer> synthesizer, int worker_threads, FlowControl flow = {},
                   CompletedJobListener on_completed = {});
  // Calls shutdown(), then waits for the workers to finish what is queued.
  ~SynthesisService();

  // Queues a job. The service keeps the job alive until on_done. After
  // shutdown() the job ends at once with on_done(Cancelled).
  std::shared_ptr<JobHandle> submit(SynthesisSpec spec, std::shared_ptr<JobObserver> observer);

  // Cancels every job, including paused ones, and refuses new ones; jobs end
  // with on_done(Cancelled) on the workers. Idempotent, thread-safe.
  void shutdown();

  std::size_t queue_depth() const;
  // Jobs submitted whose on_done has not run yet (queued, running or paused).
  std::size_t active_jobs() const;
  const Synthesizer& synthesizer() const { return *synthesizer_; }

  struct Scheduler;  // shared with the jobs: the pool and the paused jobs

 private:
  std::shared_ptr<const Synthesizer> synthesizer_;
  FlowControl flow_;
  std::unique_ptr<Scheduler> scheduler_;
};

}  // namespace voxwire::synthesis
