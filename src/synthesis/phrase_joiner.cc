#include "synthesis/phrase_joiner.h"

#include <algorithm>
#include <cstdlib>

namespace voxwire {

double PhrasePlacement::seconds_at(int64_t k) const {
  if (sample_rate_hz <= 0) return out_begin_seconds;
  return out_begin_seconds + static_cast<double>(std::clamp(k, kept_begin, kept_end) - kept_begin) / sample_rate_hz;
}

void PhraseJoiner::emit(std::span<const int16_t> pcm, int sample_rate_hz) {
  out_.on_audio(pcm, sample_rate_hz);
  out_seconds_ += static_cast<double>(pcm.size()) / sample_rate_hz;
}

void PhraseJoiner::keep(int64_t index, std::size_t pending) {
  if (kept_any_) return;
  kept_any_ = true;
  kept_begin_ = index;
  out_begin_seconds_ = out_seconds_ + static_cast<double>(pending) / sample_rate_hz_;
}

void PhraseJoiner::on_audio(std::span<const int16_t> pcm, int sample_rate_hz) {
  if (sample_rate_hz != sample_rate_hz_ && !quiet_.empty()) {  // another engine: its rate from here on
    emit(quiet_, sample_rate_hz_);
    quiet_.clear();
  }
  sample_rate_hz_ = sample_rate_hz;
  std::vector<int16_t> ready;
  for (std::size_t i = 0; i < pcm.size(); ++i) {
    const int16_t sample = pcm[i];
    const int64_t index = phrase_samples_ + static_cast<int64_t>(i);
    if (std::abs(sample) <= kQuiet) {
      if (sounded_ || !after_pause_) {
        keep(index, ready.size() + quiet_.size());
        quiet_.push_back(sample);
      }
      continue;
    }
    if (!sounded_ && after_pause_) {
      ready.insert(ready.end(), static_cast<std::size_t>(static_cast<int64_t>(pause_ms_) * sample_rate_hz / 1000), 0);
      pause_ms_ = 0;
    }
    keep(index, ready.size() + quiet_.size());
    sounded_ = true;
    ready.insert(ready.end(), quiet_.begin(), quiet_.end());
    quiet_.clear();
    ready.push_back(sample);
  }
  phrase_samples_ += static_cast<int64_t>(pcm.size());
  if (!ready.empty()) emit(ready, sample_rate_hz);
}

PhrasePlacement PhraseJoiner::placement() const {
  PhrasePlacement placement;
  if (kept_any_) {
    placement.kept_begin = kept_begin_;
    placement.kept_end = std::max(kept_begin_, phrase_samples_ - static_cast<int64_t>(quiet_.size()));
    placement.out_begin_seconds = out_begin_seconds_;
    placement.sample_rate_hz = sample_rate_hz_;
  } else {
    placement.out_begin_seconds = out_seconds_;
  }
  return placement;
}

PhrasePlacement PhraseJoiner::end_phrase(int pause_ms) {
  PhrasePlacement placement = this->placement();
  if (kept_any_ && pause_ms == 0) placement.kept_end = phrase_samples_;  // the quiet tail passes on too
  phrase_samples_ = 0;
  kept_any_ = false;
  if (pause_ms > 0) {
    quiet_.clear();
    // A phrase without a sound adds its pause to the one owed.
    pause_ms_ = std::min(kMaxPauseMs, (sounded_ || !after_pause_) ? pause_ms : pause_ms_ + pause_ms);
    sounded_ = false;
    after_pause_ = true;
  }
  return placement;
}

void PhraseJoiner::finish() {
  if (!quiet_.empty() && sample_rate_hz_ > 0) emit(quiet_, sample_rate_hz_);
  quiet_.clear();
  if (write_trailing_pause_ && after_pause_ && !sounded_ && pause_ms_ > 0 && sample_rate_hz_ > 0) {
    const std::vector<int16_t> silence(static_cast<std::size_t>(static_cast<int64_t>(pause_ms_) * sample_rate_hz_ / 1000), 0);
    emit(silence, sample_rate_hz_);
  }
  pause_ms_ = 0;
}

}  // namespace voxwire
