// client/progress_line.h: the one-line progress report of `voxwire say` on a
// terminal: seconds of audio received so far and the time to the first
// audio. Writes to the stream it is given; silent when that is not a
// terminal's (the caller decides). Not thread-safe.
#pragma once
#include <chrono>
#include <cstddef>
#include <ostream>
#include <string>

namespace voxwire::client {

// How many seconds of audio a byte count of a stream is: exact for pcm and
// wav (16-bit mono), from the bit rate for mp3 and opus (CBR, so close).
struct AudioByteRate {
  std::string format = "pcm";
  int sample_rate_hz = 24000;
  int bit_rate_kbps = 128;

  double seconds(std::size_t bytes) const;
};

class ProgressLine {
 public:
  // The clock starts now. `out` is null for no output at all.
  explicit ProgressLine(std::ostream* out);

  void set_byte_rate(AudioByteRate rate) { rate_ = std::move(rate); }
  // Counts `bytes` more audio and redraws the line (at most every 50 ms).
  void add_audio(std::size_t bytes);
  // Redraws the line a last time and ends it. Call once, at the end.
  void finish();

 private:
  void draw();

  std::ostream* out_;
  AudioByteRate rate_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_drawn_{};
  std::chrono::milliseconds first_audio_after_{-1};
  std::size_t bytes_ = 0;
};

}  // namespace voxwire::client
