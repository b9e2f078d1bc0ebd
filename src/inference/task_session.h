// inference/task_session.h: one /api-ws/v1/inference connection's task
// protocol (api-reference-cosyvoice §3-§6, §10-§12): run-task, continue-task
// and finish-task in; task-started, result-generated, task-finished,
// task-failed and binary audio out. One task at a time, connection reuse
// with new task ids, a new run-task preempting the running task. It knows no
// sockets: a TaskHost sends frames, runs synthesis jobs (one per sentence,
// or per segment of an SSML document, PCM), downloads an SSML document's
// <soundEvent>/<speak bgm> WAVs (all in before its audio starts; a bad one
// fails the task naming its URL) and closes; the task's encoder turns their
// PCM, sounds in place and bgm mixed under its <speak>'s speech, into one
// continuous stream in the requested format. Not thread-safe: the host calls
// it from one strand.
#pragma once
#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json.hpp>

#include "audio/encoder.h"
#include "audio/voice_effect.h"
#include "inference/inference_catalog.h"
#include "inference/task_params.h"
#include "inference/task_sentence.h"
#include "synthesis/phrase_joiner.h"
#include "synthesis/synthesis_service.h"

namespace voxwire::inference {

class TaskHost {
 public:
  virtual ~TaskHost() = default;
  // Queues a JSON event (text frame).
  virtual void send_event(boost::json::object event) = 0;
  // Queues an audio frame (binary); job_id/pcm_bytes: whose PCM it carries,
  // credited to the job once written.
  virtual void send_audio(std::string bytes, uint64_t job_id, std::size_t pcm_bytes) = 0;
  // Drops queued frames not yet being written (a preempted task's audio).
  virtual void discard_queued() = 0;
  // Starts synthesis; output comes back via on_job_chunk/on_job_done.
  virtual void start_job(uint64_t job_id, synthesis::SynthesisSpec spec) = 0;
  virtual void cancel_job(uint64_t job_id) = 0;
  // Downloads `url` (at most max_bytes); the body or why not comes back via
  // on_audio_fetched with the same fetch_id.
  virtual void fetch_audio(uint64_t fetch_id, std::string url, std::size_t max_bytes) = 0;
  // Credits `bytes` of a job's output as consumed without a frame.
  virtual void consumed(uint64_t job_id, std::size_t bytes) = 0;
  // Sends what is queued, then closes with code and reason.
  virtual void close(uint16_t code, std::string reason) = 0;
  // A task of `model` finished, having billed `characters` and produced
  // audio_seconds of audio in `format`.
  virtual void served(std::string_view model, long long characters, double audio_seconds,
                      audio::AudioFormat format) = 0;
  virtual void task_failed(std::string_view code) = 0;  // for metrics
  // Counts a task of `model` against the caller's requests-per-minute
  // limit; false when the limit is reached (the task is refused).
  virtual bool admit(std::string_view model) = 0;
};

struct TaskLimits {
  std::size_t max_chars_per_message = 20000;  // CosyVoice, code points
  std::size_t max_chars_per_task = 200000;    // CosyVoice
  std::size_t max_sambert_chars = 10000;      // Sambert, whole text
};

class TaskSession {
 public:
  // REQUIRES: host outlives the session. `custom_voices` finds the caller's
  // cloned and designed voices (none when empty).
  explicit TaskSession(TaskHost& host, TaskLimits limits = {}, CustomVoiceLookup custom_voices = {});

  void on_text_frame(std::string_view frame);  // one client instruction
  void on_binary_frame() {}                    // TTS clients send none: ignored (§3.1)
  void on_job_chunk(uint64_t job_id, std::string pcm);
  void on_job_done(uint64_t job_id, const Status& status, const synthesis::JobStats& stats);
  void on_audio_fetched(uint64_t fetch_id, const std::string& url, const Result<std::string>& body);
  // No client instruction for 23 s while a CosyVoice task waits for text:
  // task-failed CLIENT_ERROR and close (§10.3).
  void on_client_timeout();

  // A task is running (its audio is being made or sent).
  bool busy() const { return task_.has_value(); }
  // A CosyVoice task is waiting for client instructions (the 23 s rule applies).
  bool awaiting_client() const;
  int tasks_finished() const { return tasks_finished_; }

 private:
  // Encodes a task's PCM; the bytes wait in `encoded` for the next frame.
  struct EncodingSink final : AudioSink {
    void on_audio(std::span<const int16_t> pcm, int sample_rate_hz) override;
    audio::Encoder* encoder = nullptr;
    std::string encoded;
    Status status;
    std::size_t pcm_bytes = 0;  // PCM encoded, at the encoder's rate
  };

  struct Task {
    Task();  // out of line: clang cannot use the member initializers inside TaskSession
    std::string id;
    const InferenceModel* model = nullptr;
    TaskParams params;
    std::unique_ptr<audio::Encoder> encoder;
    EncodingSink sink;                        // the jobs' PCM goes here (through the joiner if any)
    std::unique_ptr<PhraseJoiner> joiner;     // SSML: <break>s as exact silences between segments
    std::unique_ptr<audio::VoiceEffectFilter> effect;  // SSML: the running sentence's <speak effect>
    int trailing_pause_ms = 0;                // SSML: <break>s after the last segment
    uint64_t fetch_id = 0;                    // SSML: the document's downloads ...
    std::size_t fetches_pending = 0;          // ... not in yet (no audio starts before)
    std::map<std::string, std::vector<int16_t>> audio;  // SSML: sounds and bgm by URL, at the encoder's rate
    const std::vector<int16_t>* bgm = nullptr;  // SSML: the running sentence's <speak bgm>
    int bgm_volume = 0;
    int bgm_speak = -1;                       // whose <speak> bgm_position runs on for
    std::size_t bgm_position = 0;
    std::string buffer;                       // text not yet cut into sentences
    std::deque<TaskSentence> sentences;       // cut, waiting for synthesis
    bool finishing = false;             // finish-task received (always for Sambert)
    bool got_text = false;
    int text_messages = 0;
    std::size_t chars_received = 0;
    std::size_t chars_spoken = 0;       // what is synthesized (after hot_fix replacements), code points
    int next_index = 0;                 // next sentence's index
    std::optional<int> open_sentence;   // index whose sentence-end is held back
    std::string open_text;
    bool open_rewritten = false;        // its synthesized text differs from open_text (hot_fix, SSML)
    boost::json::array open_words;      // its word timestamps, once its job is done
    boost::json::array last_words;      // those of the last sentence-end sent (for task-finished)
    uint64_t job_id = 0;                // running job, 0 = none
    long long characters = 0;           // billed so far
    double sentence_begin_ms = 0;       // where the running sentence's audio starts, ms into the task's
    int64_t sentence_first_sample = 0;  // SSML: the running sentence's first sample in the joiner's phrase
  };

  void handle(const boost::json::object& message);
  void on_run_task(const std::string& task_id, const boost::json::object& header, const boost::json::object& payload);
  void on_continue_task(const std::string& task_id, const boost::json::object& payload);
  void on_finish_task(const std::string& task_id, const boost::json::object& payload);
  // Adds client text (CosyVoice) and queues the complete sentences.
  bool add_text(std::string_view text);
  // Queues the segments of an SSML document (the task's only text).
  bool add_ssml(std::string_view document);
  void cut_sentences(bool everything);
  void start_next();
  // Writes a <soundEvent>'s audio; false if the task failed.
  bool play_sound(const TaskSentence& sound);
  void send_encoded(uint64_t job_id, std::size_t pcm_bytes);
  void send_sentence_end();
  void finish_task();
  void fail(const std::string& task_id, std::string code, std::string message, uint16_t close_code = 1000);
  void abort_task();
  boost::json::object event(std::string_view name, const std::string& task_id, boost::json::object payload = {},
                            boost::json::object attributes = {}) const;

  TaskHost& host_;
  const TaskLimits limits_;
  const CustomVoiceLookup custom_voices_;
  std::optional<Task> task_;
  // Task ids already used on this connection: the last kRememberedIds.
  static constexpr std::size_t kRememberedIds = 4096;
  std::set<std::string> used_ids_;
  std::deque<std::string> used_order_;
  bool failed_ = false;
  uint64_t next_job_id_ = 1;
  uint64_t next_fetch_id_ = 1;
  int tasks_finished_ = 0;
};

}  // namespace voxwire::inference
