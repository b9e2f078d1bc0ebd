#include "client/progress_line.h"

#include <cstdio>

namespace voxwire::client {

double AudioByteRate::seconds(std::size_t bytes) const {
  if (format == "pcm" || format == "wav") {
    const std::size_t header = format == "wav" ? 44 : 0;
    return bytes > header ? static_cast<double>(bytes - header) / (2.0 * sample_rate_hz) : 0.0;
  }
  return bit_rate_kbps > 0 ? static_cast<double>(bytes) * 8.0 / (bit_rate_kbps * 1000.0) : 0.0;
}

ProgressLine::ProgressLine(std::ostream* out) : out_(out), start_(std::chrono::steady_clock::now()) {}

void ProgressLine::add_audio(std::size_t bytes) {
  const auto now = std::chrono::steady_clock::now();
  if (bytes_ == 0) first_audio_after_ = std::chrono::duration_cast<std::chrono::milliseconds>(now - start_);
  bytes_ += bytes;
  if (now - last_drawn_ < std::chrono::milliseconds(50)) return;
  last_drawn_ = now;
  draw();
}

void ProgressLine::finish() {
  draw();
  if (out_) *out_ << "\n" << std::flush;
}

void ProgressLine::draw() {
  if (!out_) return;
  char line[128];
  if (first_audio_after_.count() < 0) {
    std::snprintf(line, sizeof line, "\rwaiting for audio…");
  } else {
    std::snprintf(line, sizeof line, "\r%.2f s of audio received, first audio after %lld ms  ",
                  rate_.seconds(bytes_), static_cast<long long>(first_audio_after_.count()));
  }
  *out_ << line << std::flush;
}

}  // namespace voxwire::client
