#include "synthesis/phrase_joiner.h"

#include <cstdlib>

namespace voxwire {

void PhraseJoiner::on_audio(std::span<const int16_t> pcm, int sample_rate_hz) {
  if (sample_rate_hz != sample_rate_hz_ && !quiet_.empty()) {  // another engine: its rate from here on
    out_.on_audio(quiet_, sample_rate_hz_);
    quiet_.clear();
  }
  sample_rate_hz_ = sample_rate_hz;
  std::vector<int16_t> ready;
  for (int16_t sample : pcm) {
    if (std::abs(sample) <= kQuiet) {
      if (sounded_ || !after_pause_) quiet_.push_back(sample);
      continue;
    }
    if (!sounded_ && after_pause_) {
      ready.insert(ready.end(), static_cast<std::size_t>(static_cast<int64_t>(pause_ms_) * sample_rate_hz / 1000), 0);
      pause_ms_ = 0;
    }
    sounded_ = true;
    ready.insert(ready.end(), quiet_.begin(), quiet_.end());
    quiet_.clear();
    ready.push_back(sample);
  }
  if (!ready.empty()) out_.on_audio(ready, sample_rate_hz);
}

void PhraseJoiner::pause(int pause_ms) {
  quiet_.clear();
  // A phrase without a sound adds its pause to the one owed.
  pause_ms_ = (sounded_ || !after_pause_) ? pause_ms : pause_ms_ + pause_ms;
  sounded_ = false;
  after_pause_ = true;
}

void PhraseJoiner::finish() {
  if (!quiet_.empty() && sample_rate_hz_ > 0) out_.on_audio(quiet_, sample_rate_hz_);
  quiet_.clear();
  if (after_pause_ && !sounded_ && pause_ms_ > 0 && sample_rate_hz_ > 0) {
    const std::vector<int16_t> silence(static_cast<std::size_t>(static_cast<int64_t>(pause_ms_) * sample_rate_hz_ / 1000), 0);
    out_.on_audio(silence, sample_rate_hz_);
  }
  pause_ms_ = 0;
}

}  // namespace voxwire
