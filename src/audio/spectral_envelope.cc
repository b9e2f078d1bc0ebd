#include "audio/spectral_envelope.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <complex>
#include <map>
#include <numbers>

namespace voxwire::audio {
namespace {

using Complex = std::complex<double>;

// In-place iterative radix-2 FFT. REQUIRES: a.size() is a power of two.
void fft(std::vector<Complex>& a) {
  const std::size_t n = a.size();
  for (std::size_t i = 1, j = 0; i < n; ++i) {
    std::size_t bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j |= bit;
    if (i < j) std::swap(a[i], a[j]);
  }
  for (std::size_t len = 2; len <= n; len <<= 1) {
    const Complex step = std::polar(1.0, -2.0 * std::numbers::pi / static_cast<double>(len));
    for (std::size_t start = 0; start < n; start += len) {
      Complex w = 1.0;
      for (std::size_t k = 0; k < len / 2; ++k) {
        const Complex u = a[start + k];
        const Complex v = a[start + k + len / 2] * w;
        a[start + k] = u + v;
        a[start + k + len / 2] = u - v;
        w *= step;
      }
    }
  }
}

// Analysis frames span four pitch periods (rounded up to a power of two):
// the Hann window's main lobe is then narrower than the harmonic spacing, and
// the frame is as short as that allows, so F0 glides blur it little.
std::size_t frame_length(int sample_rate_hz, double f0_hz) {
  std::size_t n = 128;
  while (static_cast<double>(n) < 4.0 * sample_rate_hz / f0_hz) n <<= 1;
  return n;
}

// A Hann window and scratch space for one frame length.
struct FrameAnalyzer {
  explicit FrameAnalyzer(std::size_t n) : window(n), buffer(n), power_db(n / 2 + 1) {
    for (std::size_t i = 0; i < n; ++i) window[i] = 0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * i / n);
  }
  std::vector<double> window;
  std::vector<Complex> buffer;
  std::vector<double> power_db;
};

// About how many input samples one frame of analyze_pitch() reads (its
// integration window plus the longest period).
double pitch_frame_samples(const PitchOptions& options, int sample_rate_hz) {
  return 2.0 * sample_rate_hz / options.min_f0_hz;
}

struct Harmonic {
  double hz;
  double db;
};

constexpr int kCepstralOrder = 24;    // envelope detail: about sample rate / 50 Hz
constexpr double kSmoothness = 2e-4;  // regularization of the envelope fit

// The peak of each harmonic of f0_hz up to max_hz in a frame's power
// spectrum (dB per FFT bin), refined by parabolic interpolation. Harmonics
// that show no peak of their own are left out.
void harmonic_peaks(const std::vector<double>& power_db, double hz_per_bin, double f0_hz, double max_hz,
                    std::vector<Harmonic>* out) {
  out->clear();
  const auto last = static_cast<std::ptrdiff_t>(power_db.size()) - 2;
  for (int h = 1; h * f0_hz <= max_hz; ++h) {
    const auto lo = std::max<std::ptrdiff_t>(1, std::lround((h - 0.35) * f0_hz / hz_per_bin));
    const auto hi = std::min<std::ptrdiff_t>(last, std::lround((h + 0.35) * f0_hz / hz_per_bin));
    if (lo > hi) break;
    std::ptrdiff_t k = lo;
    for (std::ptrdiff_t i = lo + 1; i <= hi; ++i) {
      if (power_db[i] > power_db[k]) k = i;
    }
    // A maximum at the edge of the search is the flank of a neighbour, not
    // a harmonic (the frame's F0 is off, e.g. an octave too low).
    if (k == lo || k == hi) continue;
    const double l = power_db[k - 1], m = power_db[k], r = power_db[k + 1];
    const double curvature = l - 2.0 * m + r;
    const double offset = curvature < 0.0 ? std::clamp(0.5 * (l - r) / curvature, -0.5, 0.5) : 0.0;
    out->push_back({(static_cast<double>(k) + offset) * hz_per_bin, m - 0.25 * (l - r) * offset});
  }
}

// Writes the frame's envelope on the grid: the smooth curve (a cosine series
// of kCepstralOrder terms over linear frequency, the "discrete cepstrum" of
// Galas & Rodet, regularized as Cappe & Moulines do) through the levels of its
// harmonic peaks. Joining the peaks with straight lines instead would put
// kinks at the harmonics, which sit in the same places in two renderings of
// one F0 contour and so pull formant_scale() towards 1.
// REQUIRES: harmonics non-empty.
void fit_envelope(const std::vector<Harmonic>& harmonics, int sample_rate_hz, double low_hz, int bins_per_octave,
                  std::vector<float>* out) {
  constexpr int kTerms = kCepstralOrder + 1;
  std::array<double, kTerms * kTerms> a{};  // normal equations a * c = b
  std::array<double, kTerms> b{}, phi{};
  auto basis = [&](double hz) {
    for (int m = 0; m < kTerms; ++m) phi[m] = std::cos(2.0 * std::numbers::pi * m * hz / sample_rate_hz);
  };
  for (const Harmonic& h : harmonics) {
    basis(h.hz);
    for (int i = 0; i < kTerms; ++i) {
      b[i] += phi[i] * h.db;
      for (int j = 0; j < kTerms; ++j) a[i * kTerms + j] += phi[i] * phi[j];
    }
  }
  // Roughness penalty (the curve's squared slope), scaled with the number
  // of points so it weighs the same for high and low voices.
  const double lambda = kSmoothness * static_cast<double>(harmonics.size());
  for (int m = 1; m < kTerms; ++m) a[m * kTerms + m] += lambda * m * m;
  // Gaussian elimination; the matrix is symmetric positive definite.
  for (int col = 0; col < kTerms; ++col) {
    for (int row = col + 1; row < kTerms; ++row) {
      const double f = a[row * kTerms + col] / a[col * kTerms + col];
      for (int k = col; k < kTerms; ++k) a[row * kTerms + k] -= f * a[col * kTerms + k];
      b[row] -= f * b[col];
    }
  }
  std::array<double, kTerms> c{};
  for (int row = kTerms - 1; row >= 0; --row) {
    double sum = b[row];
    for (int k = row + 1; k < kTerms; ++k) sum -= a[row * kTerms + k] * c[k];
    c[row] = sum / a[row * kTerms + row];
  }
  for (std::size_t bin = 0; bin < out->size(); ++bin) {
    basis(low_hz * std::exp2(static_cast<double>(bin) / bins_per_octave));
    double db = 0.0;
    for (int m = 0; m < kTerms; ++m) db += c[m] * phi[m];
    (*out)[bin] = static_cast<float>(db);
  }
}

// Strips a vector of its least-squares quadratic (level, tilt, curvature)
// over the index, so that loudness, brightness and breath noise do not pull
// an alignment of formants.
class Detrender {
 public:
  explicit Detrender(std::size_t n) {
    for (std::size_t d = 0; d < basis_.size(); ++d) {  // Gram-Schmidt on 1, i, i^2
      std::vector<double> v(n);
      for (std::size_t i = 0; i < n; ++i) v[i] = std::pow((static_cast<double>(i) - 0.5 * (n - 1.0)) / n, d);
      for (std::size_t e = 0; e < d; ++e) subtract_projection(basis_[e], &v);
      double norm = 0.0;
      for (double x : v) norm += x * x;
      for (double& x : v) x /= std::sqrt(norm);
      basis_[d] = std::move(v);
    }
  }

  // REQUIRES: x.size() == n.
  std::vector<double> residual(std::span<const float> x) const {
    std::vector<double> r(x.begin(), x.end());
    for (const std::vector<double>& q : basis_) subtract_projection(q, &r);
    return r;
  }

 private:
  static void subtract_projection(const std::vector<double>& q, std::vector<double>* v) {
    double dot = 0.0;
    for (std::size_t i = 0; i < q.size(); ++i) dot += q[i] * (*v)[i];
    for (std::size_t i = 0; i < q.size(); ++i) (*v)[i] -= dot * q[i];
  }

  std::array<std::vector<double>, 3> basis_;
};

double correlation(const std::vector<double>& x, const std::vector<double>& y) {
  double sxy = 0.0, sxx = 0.0, syy = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) sxy += x[i] * y[i], sxx += x[i] * x[i], syy += y[i] * y[i];
  return sxx > 0.0 && syy > 0.0 ? sxy / std::sqrt(sxx * syy) : 0.0;
}

constexpr double kFormantLowHz = 300.0;   // the band formant_scale compares
constexpr double kFormantHighHz = 3500.0;
constexpr double kMinScale = 0.7;         // the ratios it searches
constexpr double kMaxScale = 1.45;

}  // namespace

Status EnvelopeOptions::validate(int sample_rate_hz) const {
  if (Status s = pitch.validate(sample_rate_hz); !s.ok()) return s;
  if (!(low_hz >= 20.0)) return Status::invalid_argument("must be >= 20 Hz", "low_hz");
  if (!(high_hz > 2.0 * low_hz) || high_hz > 0.45 * sample_rate_hz) {
    return Status::invalid_argument("must be above twice low_hz and at most 0.45 of the sample rate", "high_hz");
  }
  if (bins_per_octave < 6 || bins_per_octave > 384) return Status::invalid_argument("must be 6..384", "bins_per_octave");
  return Status::ok_status();
}

double SpectralEnvelopes::frequency_hz(std::size_t bin) const {
  return low_hz * std::exp2(static_cast<double>(bin) / bins_per_octave);
}

Result<SpectralEnvelopes> analyze_envelopes(std::span<const int16_t> pcm, int sample_rate_hz,
                                            const EnvelopeOptions& options) {
  if (Status s = options.validate(sample_rate_hz); !s.ok()) return s;
  Result<PitchStats> pitch = analyze_pitch(pcm, sample_rate_hz, options.pitch);
  if (!pitch.ok()) return pitch.status();

  SpectralEnvelopes out;
  out.low_hz = options.low_hz;
  out.bins_per_octave = options.bins_per_octave;
  out.hop_s = pitch->hop_s;
  out.frames.resize(pitch->track_hz.size());
  const auto bins =
      static_cast<std::size_t>(std::floor(options.bins_per_octave * std::log2(options.high_hz / options.low_hz))) + 1;
  std::map<std::size_t, FrameAnalyzer> analyzers;  // by frame length
  std::vector<Harmonic> harmonics;
  std::vector<double> sum(bins, 0.0);
  int voiced = 0;
  for (std::size_t f = 0; f < pitch->track_hz.size(); ++f) {
    const double f0 = pitch->track_hz[f];
    if (f0 <= 0.0) continue;
    const std::size_t n = frame_length(sample_rate_hz, f0);
    FrameAnalyzer& a = analyzers.try_emplace(n, n).first->second;
    // The analysis frame is centred where the pitch frame is.
    const double centre = f * pitch->hop_s * sample_rate_hz + pitch_frame_samples(options.pitch, sample_rate_hz) / 2.0;
    const auto start = static_cast<std::ptrdiff_t>(std::lround(centre - n / 2.0));
    if (start < 0 || static_cast<std::size_t>(start) + n > pcm.size()) continue;
    for (std::size_t i = 0; i < n; ++i) a.buffer[i] = a.window[i] * pcm[start + i] / 32768.0;
    fft(a.buffer);
    for (std::size_t k = 0; k < a.power_db.size(); ++k) a.power_db[k] = 10.0 * std::log10(std::norm(a.buffer[k]) + 1e-20);
    harmonic_peaks(a.power_db, static_cast<double>(sample_rate_hz) / n, f0, options.high_hz * 1.1, &harmonics);
    if (harmonics.empty()) continue;
    out.frames[f].resize(bins);
    fit_envelope(harmonics, sample_rate_hz, options.low_hz, options.bins_per_octave, &out.frames[f]);
    for (std::size_t b = 0; b < bins; ++b) sum[b] += out.frames[f][b];
    ++voiced;
  }
  if (voiced > 0) {
    out.mean_db.resize(bins);
    for (std::size_t b = 0; b < bins; ++b) out.mean_db[b] = sum[b] / voiced;
  }
  return out;
}

Result<double> formant_scale(const SpectralEnvelopes& voice, const SpectralEnvelopes& reference) {
  if (voice.low_hz != reference.low_hz || voice.bins_per_octave != reference.bins_per_octave) {
    return Status::invalid_argument("envelopes are on different grids", "envelopes");
  }
  const int bpo = reference.bins_per_octave;
  const auto bin = [&](double hz) { return bpo * std::log2(hz / reference.low_hz); };
  const auto first = static_cast<int>(std::ceil(bin(kFormantLowHz)));
  const auto last = static_cast<int>(std::floor(bin(kFormantHighHz)));
  const auto min_shift = static_cast<int>(std::floor(bpo * std::log2(kMinScale)));
  const auto max_shift = static_cast<int>(std::ceil(bpo * std::log2(kMaxScale)));
  const auto n = static_cast<std::size_t>(last - first + 1);
  const Detrender detrender(n);
  std::vector<double> score(static_cast<std::size_t>(max_shift - min_shift + 1), 0.0);
  int pairs = 0;
  const std::size_t nv = voice.frames.size(), nr = reference.frames.size();
  for (std::size_t i = 0; i < nv; ++i) {
    const std::size_t j = nv > 1 ? (i * (nr - 1) + (nv - 1) / 2) / (nv - 1) : 0;
    if (j >= nr || voice.frames[i].empty() || reference.frames[j].empty()) continue;
    const std::vector<float>& v = voice.frames[i];
    const std::vector<float>& r = reference.frames[j];
    if (first + min_shift < 0 || last + max_shift >= static_cast<int>(std::min(v.size(), r.size()))) {
      return Status::invalid_argument("envelopes must cover 210-5075 Hz", "envelopes");
    }
    const std::vector<double> ref = detrender.residual(std::span<const float>(r.data() + first, n));
    for (int shift = min_shift; shift <= max_shift; ++shift) {
      const std::vector<double> shifted = detrender.residual(std::span<const float>(v.data() + first + shift, n));
      score[shift - min_shift] += correlation(ref, shifted);
    }
    ++pairs;
  }
  if (pairs == 0) return Status::invalid_argument("no frame is voiced in both recordings", "envelopes");
  const auto best = static_cast<int>(std::max_element(score.begin(), score.end()) - score.begin());
  double offset = 0.0;  // parabolic interpolation between grid steps
  if (best > 0 && best + 1 < static_cast<int>(score.size())) {
    const double l = score[best - 1], m = score[best], r = score[best + 1];
    const double curvature = l - 2.0 * m + r;
    if (curvature < 0.0) offset = std::clamp(0.5 * (l - r) / curvature, -0.5, 0.5);
  }
  return std::exp2((min_shift + best + offset) / bpo);
}

double spectral_tilt_db_per_octave(const SpectralEnvelopes& envelopes, double low_hz, double high_hz) {
  double n = 0.0, sx = 0.0, sy = 0.0, sxx = 0.0, sxy = 0.0;
  for (std::size_t b = 0; b < envelopes.mean_db.size(); ++b) {
    const double hz = envelopes.frequency_hz(b);
    if (hz < low_hz || hz > high_hz) continue;
    const double octaves = std::log2(hz / low_hz), db = envelopes.mean_db[b];
    n += 1.0, sx += octaves, sy += db, sxx += octaves * octaves, sxy += octaves * db;
  }
  const double denominator = n * sxx - sx * sx;
  return n >= 2.0 && denominator > 0.0 ? (n * sxy - sx * sy) / denominator : 0.0;
}

Result<double> harmonics_to_noise_db(std::span<const int16_t> pcm, int sample_rate_hz, const PitchOptions& options) {
  Result<PitchStats> pitch = analyze_pitch(pcm, sample_rate_hz, options);
  if (!pitch.ok()) return pitch.status();
  constexpr double kMaxR = 0.9999;  // 40 dB
  std::vector<double> hnr;
  for (std::size_t f = 0; f < pitch->track_hz.size(); ++f) {
    if (pitch->track_hz[f] <= 0.0f) continue;
    const double period = sample_rate_hz / static_cast<double>(pitch->track_hz[f]);
    const auto start = static_cast<std::size_t>(std::lround(f * pitch->hop_s * sample_rate_hz));
    const auto length = static_cast<std::size_t>(std::lround(2.0 * period));
    const auto longest = static_cast<std::size_t>(std::ceil(period)) + 2;
    if (start + length + longest > pcm.size()) break;
    double best = 0.0;
    for (auto lag = static_cast<std::size_t>(std::floor(period)) - 1; lag <= longest; ++lag) {
      double xy = 0.0, xx = 0.0, yy = 0.0;
      for (std::size_t i = start; i < start + length; ++i) {
        const double x = pcm[i], y = pcm[i + lag];
        xy += x * y, xx += x * x, yy += y * y;
      }
      if (xx > 0.0 && yy > 0.0) best = std::max(best, xy / std::sqrt(xx * yy));
    }
    const double r = std::clamp(best, 1e-4, kMaxR);
    hnr.push_back(10.0 * std::log10(r / (1.0 - r)));
  }
  if (hnr.empty()) return 0.0;
  std::nth_element(hnr.begin(), hnr.begin() + static_cast<std::ptrdiff_t>(hnr.size() / 2), hnr.end());
  return hnr[hnr.size() / 2];
}

}  // namespace voxwire::audio
