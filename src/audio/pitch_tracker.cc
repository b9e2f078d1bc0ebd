#include "audio/pitch_tracker.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace voxwire::audio {
namespace {

// Input is decimated to the first integer fraction of its rate at or above
// this: 24 kHz -> 12 kHz, 48 kHz -> 12 kHz, 16 kHz stays. F0 up to 500 Hz is
// still 22+ samples per period, which parabolic interpolation resolves to
// well under 1%, and the O(window x lag) difference function costs 4x less.
constexpr int kMinAnalysisRateHz = 11025;

int decimation_factor(int sample_rate_hz) { return std::max(1, sample_rate_hz / kMinAnalysisRateHz); }

// Full scale maps to +-1.0. With factor > 1 the signal is low-passed first
// (Blackman-windowed sinc, cutoff at 80% of the new Nyquist) so harmonics
// above it do not alias onto the F0 range.
std::vector<float> to_analysis_rate(std::span<const int16_t> pcm, int factor) {
  constexpr float kScale = 1.0f / 32768.0f;
  std::vector<float> out;
  if (factor == 1) {
    out.reserve(pcm.size());
    for (int16_t s : pcm) out.push_back(s * kScale);
    return out;
  }
  const int half = 8 * factor;
  const double cutoff = 0.8 * 0.5 / factor;  // cycles per input sample
  std::vector<float> taps(2 * half + 1);
  double sum = 0.0;
  for (int k = -half; k <= half; ++k) {
    const double sinc = k == 0 ? 2.0 * cutoff : std::sin(2.0 * std::numbers::pi * cutoff * k) / (std::numbers::pi * k);
    const double phase = 2.0 * std::numbers::pi * (k + half) / (2.0 * half);
    const double window = 0.42 - 0.5 * std::cos(phase) + 0.08 * std::cos(2.0 * phase);
    taps[k + half] = static_cast<float>(sinc * window);
    sum += taps[k + half];
  }
  for (float& t : taps) t = static_cast<float>(t / sum);

  const auto n = static_cast<std::ptrdiff_t>(pcm.size());
  out.resize(pcm.size() / factor);
  for (std::size_t i = 0; i < out.size(); ++i) {
    const std::ptrdiff_t centre = static_cast<std::ptrdiff_t>(i) * factor;
    float acc = 0.0f;
    for (int k = -half; k <= half; ++k) {
      const std::ptrdiff_t j = centre + k;
      if (j >= 0 && j < n) acc += taps[k + half] * pcm[j];
    }
    out[i] = acc * kScale;
  }
  return out;
}

// YIN step 2: d[tau] = sum_{j<window} (x[j] - x[j+tau])^2 for tau in [1, max_tau].
// Eight partial sums let the compiler vectorize the reduction.
void difference_function(const float* x, int window, int max_tau, std::vector<float>& d) {
  d.assign(max_tau + 1, 0.0f);
  for (int tau = 1; tau <= max_tau; ++tau) {
    const float* a = x;
    const float* b = x + tau;
    float acc[8] = {};
    int j = 0;
    for (; j + 8 <= window; j += 8) {
      for (int k = 0; k < 8; ++k) {
        const float diff = a[j + k] - b[j + k];
        acc[k] += diff * diff;
      }
    }
    float total = 0.0f;
    for (float v : acc) total += v;
    for (; j < window; ++j) total += (a[j] - b[j]) * (a[j] - b[j]);
    d[tau] = total;
  }
}

// YIN step 3: d'[tau] = d[tau] * tau / sum_{j=1..tau} d[j], with d'[0] = 1.
void cumulative_mean_normalize(const std::vector<float>& d, std::vector<float>& dn) {
  dn.assign(d.size(), 1.0f);
  double running = 0.0;
  for (std::size_t tau = 1; tau < d.size(); ++tau) {
    running += d[tau];
    dn[tau] = running > 0.0 ? static_cast<float>(d[tau] * static_cast<double>(tau) / running) : 1.0f;
  }
}

struct Frame {
  const float* x;  // first sample of the frame
  int window;      // integration window W
  int min_tau;     // shortest period searched
  int max_tau;     // longest period searched (d is computed one further)
  double rate_hz;  // analysis sample rate
};

// Steps 2-5 on one frame: the F0 in Hz, or 0 if the frame is aperiodic.
float frame_f0(const Frame& f, const PitchOptions& options, std::vector<float>& d, std::vector<float>& dn) {
  difference_function(f.x, f.window, f.max_tau + 1, d);
  cumulative_mean_normalize(d, dn);

  // Step 4 (absolute threshold): the first dip below the threshold, followed
  // to its bottom; failing that, the global minimum.
  int tau = -1;
  for (int t = f.min_tau; t <= f.max_tau; ++t) {
    if (dn[t] < options.threshold) {
      while (t + 1 <= f.max_tau && dn[t + 1] < dn[t]) ++t;
      tau = t;
      break;
    }
  }
  if (tau < 0) {
    tau = f.min_tau;
    for (int t = f.min_tau + 1; t <= f.max_tau; ++t) {
      if (dn[t] < dn[tau]) tau = t;
    }
  }
  if (dn[tau] > options.max_aperiodicity) return 0.0f;

  // Step 5 (parabolic interpolation) on the raw difference function, which
  // unlike d' has no bias from the cumulative normalization.
  const double left = d[tau - 1], mid = d[tau], right = d[tau + 1];
  const double curvature = left - 2.0 * mid + right;
  double shift = curvature > 0.0 ? 0.5 * (left - right) / curvature : 0.0;
  shift = std::clamp(shift, -1.0, 1.0);
  const double f0 = f.rate_hz / (tau + shift);
  if (f0 < options.min_f0_hz || f0 > options.max_f0_hz) return 0.0f;
  return static_cast<float>(f0);
}

double rms_dbfs(const float* x, int n) {
  double energy = 0.0;
  for (int i = 0; i < n; ++i) energy += static_cast<double>(x[i]) * x[i];
  const double rms = std::sqrt(energy / n);
  return rms > 0.0 ? 20.0 * std::log10(rms) : -1000.0;
}

// Linear interpolation between closest ranks. REQUIRES: sorted non-empty.
double percentile(const std::vector<float>& sorted, double p) {
  const double pos = p * static_cast<double>(sorted.size() - 1);
  const auto lo = static_cast<std::size_t>(pos);
  const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (pos - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

}  // namespace

Status PitchOptions::validate(int sample_rate_hz) const {
  if (sample_rate_hz < 4000 || sample_rate_hz > 384000) {
    return Status::invalid_argument("sample rate must be 4000..384000 Hz", "sample_rate_hz");
  }
  const int analysis_rate = sample_rate_hz / decimation_factor(sample_rate_hz);
  if (!(min_f0_hz >= 20.0)) return Status::invalid_argument("must be >= 20 Hz", "min_f0_hz");
  if (!(max_f0_hz > min_f0_hz) || max_f0_hz > analysis_rate / 4.0) {
    return Status::invalid_argument("must be above min_f0_hz and at most a quarter of the analysis rate", "max_f0_hz");
  }
  if (!(hop_ms > 0.0 && hop_ms <= 100.0)) return Status::invalid_argument("must be in (0, 100]", "hop_ms");
  if (!(threshold > 0.0 && threshold < 1.0)) return Status::invalid_argument("must be in (0, 1)", "threshold");
  if (!(max_aperiodicity >= threshold && max_aperiodicity <= 1.0)) {
    return Status::invalid_argument("must be in [threshold, 1]", "max_aperiodicity");
  }
  if (!(silence_dbfs <= 0.0)) return Status::invalid_argument("must be <= 0", "silence_dbfs");
  return Status::ok_status();
}

Result<PitchStats> analyze_pitch(std::span<const int16_t> pcm, int sample_rate_hz, const PitchOptions& options) {
  if (Status s = options.validate(sample_rate_hz); !s.ok()) return s;
  const int factor = decimation_factor(sample_rate_hz);
  const double rate = static_cast<double>(sample_rate_hz) / factor;
  const std::vector<float> x = to_analysis_rate(pcm, factor);

  Frame frame{};
  frame.rate_hz = rate;
  frame.min_tau = static_cast<int>(std::floor(rate / options.max_f0_hz));
  frame.max_tau = static_cast<int>(std::ceil(rate / options.min_f0_hz));
  frame.window = frame.max_tau;  // W covers the longest period, as in the paper
  const int hop = std::max(1, static_cast<int>(std::lround(rate * options.hop_ms / 1000.0)));
  const int span = frame.window + frame.max_tau + 1;  // samples one frame reads

  PitchStats stats;
  stats.hop_s = hop / rate;
  const auto n = static_cast<int>(x.size());
  if (n < span) return stats;
  const int frames = (n - span) / hop + 1;
  stats.track_hz.assign(frames, 0.0f);

  std::vector<float> d, dn, voiced;
  for (int i = 0; i < frames; ++i) {
    frame.x = x.data() + static_cast<std::ptrdiff_t>(i) * hop;
    if (rms_dbfs(frame.x, span) < options.silence_dbfs) continue;
    const float f0 = frame_f0(frame, options, d, dn);
    stats.track_hz[i] = f0;
    if (f0 > 0.0f) voiced.push_back(f0);
  }
  stats.voiced_fraction = static_cast<double>(voiced.size()) / frames;
  if (!voiced.empty()) {
    std::sort(voiced.begin(), voiced.end());
    stats.median_hz = percentile(voiced, 0.5);
    stats.p10_hz = percentile(voiced, 0.1);
    stats.p90_hz = percentile(voiced, 0.9);
  }
  return stats;
}

}  // namespace voxwire::audio
