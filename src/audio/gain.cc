#include "audio/gain.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace voxwire::audio {
namespace {

constexpr int kUnityVolume = 50;
constexpr double kMinGainDb = -40.0;  // at volume 1
constexpr double kMaxGainDb = 12.0;   // at volume 100

int16_t to_int16(float x) {
  const float scaled = std::nearbyint(x * 32768.0f);
  return static_cast<int16_t>(std::clamp(scaled, -32768.0f, 32767.0f));
}

}  // namespace

double volume_gain_db(int volume) {
  assert(volume >= 1 && volume <= 100);
  if (volume <= kUnityVolume) return kMinGainDb * (kUnityVolume - volume) / (kUnityVolume - 1);
  return kMaxGainDb * (volume - kUnityVolume) / (100 - kUnityVolume);
}

double volume_gain(int volume) {
  if (volume == 0) return 0.0;
  return std::pow(10.0, volume_gain_db(volume) / 20.0);
}

// The limiter: each sample x[n] needs gain r[n] = min(1, ceiling/|x[n]|).
// m[n] is the minimum of r over the last L+H+1 samples (H holds the gain
// down between the peaks of a voice period, which would otherwise pump);
// the release smoother follows m down at once and back up slowly, never
// exceeding it; a box filter over the last L smoothed values makes the
// attack a ramp. The output x[n-L] * box[n] is within the ceiling because
// every value the box averages had x[n-L] inside its min window.
GainStage::GainStage(int volume, int sample_rate_hz)
    : gain_(static_cast<float>(volume_gain(volume))),
      lookahead_(std::max(1, static_cast<int>(std::lround(sample_rate_hz * kLookaheadMs / 1000.0)))),
      hold_(static_cast<int>(std::lround(sample_rate_hz * kHoldMs / 1000.0))),
      release_coeff_(1.0 - std::exp(-1000.0 / (kReleaseMs * sample_rate_hz))),
      delay_(static_cast<size_t>(lookahead_), 0.0f),
      smoothed_(static_cast<size_t>(lookahead_), 1.0),
      smoothed_sum_(lookahead_),
      window_(static_cast<size_t>(lookahead_ + hold_) + 2) {
  assert(volume >= 0 && volume <= 100);
  assert(sample_rate_hz > 0);
}

void GainStage::process(std::span<const float> in, std::vector<int16_t>* out) {
  out->reserve(out->size() + in.size());
  for (float x : in) step(x * gain_, out);
}

void GainStage::flush(std::vector<int16_t>* out) {
  for (int i = 0; i < lookahead_; ++i) step(0.0f, out);
}

void GainStage::step(float x, std::vector<int16_t>* out) {
  const int64_t n = received_++;
  const size_t slot = static_cast<size_t>(n % lookahead_);
  const float magnitude = std::fabs(x);
  const float required = magnitude > kLimiterCeiling ? kLimiterCeiling / magnitude : 1.0f;

  // Sliding minimum over r[n-L-H..n]: drop values no smaller than the new one
  // from the back, and the expired index from the front.
  const size_t capacity = window_.size();
  while (window_size_ > 0 && window_[(window_head_ + window_size_ - 1) % capacity].second >= required) {
    --window_size_;
  }
  window_[(window_head_ + window_size_) % capacity] = {n, required};
  ++window_size_;
  if (window_[window_head_].first < n - lookahead_ - hold_) {
    window_head_ = (window_head_ + 1) % capacity;
    --window_size_;
  }
  const double window_min = window_[window_head_].second;

  release_gain_ = window_min < release_gain_ ? window_min
                                             : release_gain_ + release_coeff_ * (window_min - release_gain_);
  smoothed_sum_ += release_gain_ - smoothed_[slot];
  smoothed_[slot] = release_gain_;
  const double gain = std::min(1.0, smoothed_sum_ / lookahead_);

  const float delayed = delay_[slot];  // x[n-L]
  delay_[slot] = x;
  if (n >= lookahead_) out->push_back(to_int16(static_cast<float>(delayed * gain)));
}

}  // namespace voxwire::audio
