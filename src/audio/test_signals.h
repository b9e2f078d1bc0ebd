// audio/test_signals.h (tests and benchmarks only): a synthetic,
// speech-like test signal, so the audio module is tested without engines.
// Pure, thread-safe.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <vector>

namespace voxwire::audio::test_signals {

// A voiced, speech-like signal: harmonics (1/k roll-off, up to 7 kHz or
// 0.45 fs) of an F0 gliding between 100 and 220 Hz, amplitude-modulated at a
// syllable rate of 4 Hz with short pauses, plus a little noise. Peaks reach
// `peak` (full scale 1.0).
inline std::vector<int16_t> speech_like(int sample_rate_hz, double seconds, double peak = 0.5) {
  const auto n = static_cast<size_t>(seconds * sample_rate_hz);
  std::vector<double> x(n);
  double phase = 0.0;
  uint32_t noise_state = 12345;
  double max_abs = 0.0;
  const double top_hz = std::min(7000.0, 0.45 * sample_rate_hz);
  for (size_t i = 0; i < n; ++i) {
    const double t = static_cast<double>(i) / sample_rate_hz;
    const double f0 = 160.0 + 60.0 * std::sin(2 * std::numbers::pi * 0.7 * t);
    phase += 2 * std::numbers::pi * f0 / sample_rate_hz;
    double v = 0.0;
    for (int k = 1; k * f0 < top_hz; ++k) v += std::sin(k * phase) / k;
    noise_state = noise_state * 1664525u + 1013904223u;
    v += 0.05 * (static_cast<double>(noise_state >> 8) / (1u << 24) - 0.5);
    const double syllable = 0.5 - 0.5 * std::cos(2 * std::numbers::pi * 4.0 * t);
    const double pause = std::fmod(t, 1.5) > 1.3 ? 0.0 : 1.0;
    x[i] = v * syllable * pause;
    max_abs = std::max(max_abs, std::fabs(x[i]));
  }
  std::vector<int16_t> out(n);
  for (size_t i = 0; i < n; ++i) out[i] = static_cast<int16_t>(std::lround(x[i] / max_abs * peak * 32767.0));
  return out;
}

}  // namespace voxwire::audio::test_signals
