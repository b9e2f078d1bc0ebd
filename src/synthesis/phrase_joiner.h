// synthesis/phrase_joiner.h: joins the audio of consecutive phrases with
// pauses of exactly the length asked for. An engine ends each phrase with
// silence of its own choosing; the joiner holds back the quiet tail of every
// phrase, drops it (and the quiet start of the next) where a pause is put in,
// and writes the pause as silence before the next phrase's first sound. The
// last phrase's tail (or a pause owed after it) passes on at finish(). For
// every phrase it tells where its samples went (PhrasePlacement), so word
// timings follow the edits. Not
// thread-safe: one per synthesis.
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "tts/engine.h"

namespace voxwire {

// Where one phrase's audio went: its samples [kept_begin, kept_end) (counted
// from the phrase's first sample) passed on unchanged, the first of them
// heard out_begin_seconds into the joiner's output; the rest was dropped.
struct PhrasePlacement {
  int64_t kept_begin = 0;
  int64_t kept_end = 0;
  double out_begin_seconds = 0;
  int sample_rate_hz = 0;  // 0: the phrase had no audio
  // When the phrase's sample k is heard; a dropped sample maps to the cut.
  double seconds_at(int64_t k) const;
};

class PhraseJoiner final : public AudioSink {
 public:
  // Samples of magnitude at most this are silence.
  static constexpr int16_t kQuiet = 64;

  // trailing_pause_rate_hz > 0: a pause still owed at finish() is written
  // (SSML <break>s at the end), at this rate if no audio came at all; 0: it
  // is dropped, the engine's own ending closing the audio.
  explicit PhraseJoiner(AudioSink& out, int trailing_pause_rate_hz = 0)
      : out_(out), sample_rate_hz_(trailing_pause_rate_hz), write_trailing_pause_(trailing_pause_rate_hz > 0) {}
  // The longest silence owed at once: pauses of phrases without a sound add up to this.
  static constexpr int kMaxPauseMs = 10000;

  void on_audio(std::span<const int16_t> pcm, int sample_rate_hz) override;
  // Ends the current phrase and says where its audio went. pause_ms > 0:
  // its quiet tail is dropped and pause_ms of silence comes before the next
  // sound; 0: the next phrase follows as the engine ended this one.
  PhrasePlacement end_phrase(int pause_ms);
  // Ends the last phrase, passing on its quiet tail, or the pause still owed
  // when end_phrase() came after the last sound.
  void finish();
  // Audio passed on so far.
  double seconds() const { return out_seconds_; }
  // Samples of the current phrase so far, and where they went, its quiet
  // tail (which a pause may yet drop) mapping to its last sound.
  int64_t phrase_samples() const { return phrase_samples_; }
  PhrasePlacement placement() const;

 private:
  void emit(std::span<const int16_t> pcm, int sample_rate_hz);
  // Sample `index` of the phrase is passed on after `pending` samples not yet emitted.
  void keep(int64_t index, std::size_t pending);

  AudioSink& out_;
  int sample_rate_hz_ = 0;
  std::vector<int16_t> quiet_;  // held back since the last sound
  bool sounded_ = false;        // the current phrase has made a sound
  bool after_pause_ = false;    // the current phrase follows a pause (its quiet start is dropped)
  int pause_ms_ = 0;            // silence owed before the next sound
  bool write_trailing_pause_ = false;
  double out_seconds_ = 0;      // passed on so far
  // The current phrase.
  int64_t phrase_samples_ = 0;  // received
  bool kept_any_ = false;
  int64_t kept_begin_ = 0;
  double out_begin_seconds_ = 0;
};

}  // namespace voxwire
