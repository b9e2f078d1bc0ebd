// audio/gain.h: the volume control (0..100, 50 = unity) followed by a
// look-ahead peak limiter, turning float PCM into int16 whose peaks never
// pass kLimiterCeiling: louder settings compress, never wrap or clip.
// One GainStage per stream; not thread-safe.
#pragma once
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace voxwire::audio {

// -1 dBFS: the limiter's ceiling, leaving headroom for the overshoot lossy
// codecs add on decoding. Full scale is 1.0.
inline constexpr float kLimiterCeiling = 0.891251f;

// The volume curve, linear in dB on each side of unity: 1..50 maps to
// -40..0 dB (0.816 dB a step), 50..100 to 0..+12 dB (0.24 dB a step, as
// boosts soon run into the limiter). Volume 0 is silence (linear gain 0).
double volume_gain_db(int volume);  // REQUIRES: 1 <= volume <= 100
double volume_gain(int volume);     // linear factor; REQUIRES: 0 <= volume <= 100

class GainStage {
 public:
  static constexpr double kLookaheadMs = 5.0;  // attack: gain falls over this
  static constexpr double kHoldMs = 10.0;      // gain holds this long after a
                                               // peak: one voice period at 100 Hz
  static constexpr double kReleaseMs = 80.0;   // time constant of recovery

  // REQUIRES: 0 <= volume <= 100; sample_rate_hz > 0.
  GainStage(int volume, int sample_rate_hz);

  // Appends in (full scale +-1.0) times the volume gain, limited, as int16.
  // The output lags the input by lookahead_samples(): the first call(s)
  // may return fewer samples than given. REQUIRES: flush() not called.
  void process(std::span<const float> in, std::vector<int16_t>* out);
  // Appends the samples still in the look-ahead; afterwards the output
  // count equals the input count. Call once, last.
  void flush(std::vector<int16_t>* out);

  int lookahead_samples() const { return lookahead_; }

 private:
  void step(float x, std::vector<int16_t>* out);

  const float gain_;
  const int lookahead_;           // L samples
  const int hold_;                // H samples
  const double release_coeff_;    // per-sample smoothing toward a higher gain
  int64_t received_ = 0;          // samples passed to step()
  std::vector<float> delay_;      // last L gained inputs, ring
  std::vector<double> smoothed_;  // last L smoothed gains, ring (box filter)
  double smoothed_sum_;           // sum of smoothed_
  double release_gain_ = 1.0;     // output of the release smoother
  // Monotonic queue over the last L+H+1 required gains: (sample index, gain),
  // gains increasing from front to back; the front is the window minimum.
  std::vector<std::pair<int64_t, float>> window_;
  size_t window_head_ = 0;
  size_t window_size_ = 0;
};

}  // namespace voxwire::audio
