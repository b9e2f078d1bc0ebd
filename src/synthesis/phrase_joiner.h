// synthesis/phrase_joiner.h: joins the audio of consecutive phrases with
// pauses of exactly the length asked for. An engine ends each phrase with
// silence of its own choosing; the joiner holds back the quiet tail of every
// phrase, drops it (and the quiet start of the next) where a pause is put in,
// and writes the pause as silence before the next phrase's first sound. The
// last phrase's tail (or a pause after it) passes on at finish(). Not
// thread-safe: one per synthesis.
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "tts/engine.h"

namespace voxwire {

class PhraseJoiner final : public AudioSink {
 public:
  // Samples of magnitude at most this are silence.
  static constexpr int16_t kQuiet = 64;

  // sample_rate_hz: the rate of a pause still owed at finish() when no audio
  // came at all (0: none is written then).
  explicit PhraseJoiner(AudioSink& out, int sample_rate_hz = 0) : out_(out), sample_rate_hz_(sample_rate_hz) {}

  void on_audio(std::span<const int16_t> pcm, int sample_rate_hz) override;
  // Ends the current phrase; `pause_ms` of silence comes before the next sound.
  void pause(int pause_ms);
  // Ends the last phrase, passing on its quiet tail, or the pause still owed
  // when pause() came after the last sound.
  void finish();

 private:
  AudioSink& out_;
  int sample_rate_hz_ = 0;
  std::vector<int16_t> quiet_;  // held back since the last sound
  bool sounded_ = false;        // the current phrase has made a sound
  bool after_pause_ = false;    // the current phrase follows a pause (its quiet start is dropped)
  int pause_ms_ = 0;            // silence owed before the next sound
};

}  // namespace voxwire
