#include "voice/voice_analysis.h"

#include <algorithm>
#include <cmath>
#include <complex>
#include <cstdio>
#include <memory>
#include <numbers>
#include <vector>

#include "audio/pitch_tracker.h"
#include "audio/resampler.h"
#include "audio/spectral_envelope.h"

namespace voxwire {
namespace {

constexpr double kPi = std::numbers::pi;

Status unusable(std::string message) { return Status::invalid_argument(std::move(message), "input.audio.data"); }

std::string format_number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// Median of values (upper median for even sizes). REQUIRES: !values.empty().
double median(std::vector<double> values) {
  const auto mid = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
  std::nth_element(values.begin(), mid, values.end());
  return *mid;
}

bool in_runs(const std::vector<TimeSpan>& runs, double t) {
  return std::any_of(runs.begin(), runs.end(), [t](const TimeSpan& r) { return t >= r.start_s && t < r.end_s; });
}

// The pitch track, and which of its frames are voiced speech (voiced and
// inside a speech run): the frames every measure below looks at.
struct Frames {
  const audio::PitchStats& pitch;
  std::vector<bool> voiced_speech;

  Frames(const audio::PitchStats& stats, const std::vector<TimeSpan>& runs)
      : pitch(stats), voiced_speech(stats.track_hz.size()) {
    for (std::size_t f = 0; f < voiced_speech.size(); ++f) {
      voiced_speech[f] = stats.track_hz[f] > 0.0f && in_runs(runs, static_cast<double>(f) * stats.hop_s);
    }
  }
  double voiced_s() const {
    return static_cast<double>(std::count(voiced_speech.begin(), voiced_speech.end(), true)) * pitch.hop_s;
  }
};

// A second-order section (RBJ audio-EQ cookbook), direct form I.
struct Biquad {
  double b0, b1, b2, a1, a2;
  double x1 = 0, x2 = 0, y1 = 0, y2 = 0;

  static Biquad make(bool high_pass, double cutoff_hz, double q, int rate_hz) {
    const double w = 2.0 * kPi * cutoff_hz / rate_hz;
    const double alpha = std::sin(w) / (2.0 * q);
    const double c = std::cos(w);
    const double a0 = 1.0 + alpha;
    const double b0 = (high_pass ? 1.0 + c : 1.0 - c) / 2.0;
    const double b1 = high_pass ? -(1.0 + c) : 1.0 - c;
    return {b0 / a0, b1 / a0, b0 / a0, -2.0 * c / a0, (1.0 - alpha) / a0};
  }
  double process(double x) {
    const double y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
    x2 = x1, x1 = x, y2 = y1, y1 = y;
    return y;
  }
};

// A 4th-order Butterworth low- or high-pass: two sections.
void add_butterworth(bool high_pass, double cutoff_hz, int rate_hz, std::vector<Biquad>* chain) {
  for (double q : {0.5412, 1.3066}) chain->push_back(Biquad::make(high_pass, cutoff_hz, q, rate_hz));
}

double filter(std::vector<Biquad>& chain, double x) {
  for (Biquad& f : chain) x = f.process(x);
  return x;
}

// ---- Syllable nuclei, after de Jong & Wempe (2009), "Praat script to detect
// syllable nuclei": peaks of the vowel-band (300-2500 Hz) energy that stand
// 1.5 dB above the dips on both sides, within 25 dB of the loudest, voiced.
// Found per 100 dictionary syllables: read English 92 (librivox), flite
// 94-106, espeak-ng Chinese 100; synthetic swells 100. Counts lag tempo
// (slow speech splits long vowels, fast speech merges syllables): flite at
// speaking_rate 0.75 / 1.3 measures 0.79-0.82 / 1.11-1.25 times its rate at 1.

constexpr double kContourHopS = 0.010;
constexpr double kContourWindowS = 0.040;
constexpr double kMinProminenceDb = 1.5;
constexpr double kBelowLoudestDb = 25.0;

// Vowel-band energy in dB, one 40 ms Hann-weighted value every 10 ms,
// smoothed over 5 values.
std::vector<double> vowel_band_contour(const DecodedAudio& audio) {
  const int rate = audio.sample_rate_hz;
  std::vector<Biquad> band;
  add_butterworth(true, 300.0, rate, &band);
  add_butterworth(false, 2500.0, rate, &band);
  std::vector<double> power(audio.samples.size());
  for (std::size_t i = 0; i < power.size(); ++i) power[i] = std::pow(filter(band, audio.samples[i] / 32768.0), 2);

  const auto hop = static_cast<std::size_t>(std::lround(kContourHopS * rate));
  const auto window = static_cast<std::size_t>(std::lround(kContourWindowS * rate));
  std::vector<double> hann(window);
  for (std::size_t k = 0; k < window; ++k) hann[k] = 0.5 - 0.5 * std::cos(2.0 * kPi * (k + 0.5) / window);
  std::vector<double> contour;
  for (std::size_t start = 0; start + window <= power.size(); start += hop) {
    double e = 0.0;
    for (std::size_t k = 0; k < window; ++k) e += hann[k] * power[start + k];
    contour.push_back(10.0 * std::log10(e / window + 1e-12));
  }
  constexpr double kSmoothing[] = {0.25, 0.75, 1.0, 0.75, 0.25};
  const auto n = static_cast<std::ptrdiff_t>(contour.size());
  std::vector<double> smoothed(contour.size());
  for (std::ptrdiff_t i = 0; i < n; ++i) {
    double sum = 0.0, weight = 0.0;
    for (std::ptrdiff_t k = std::max<std::ptrdiff_t>(-2, -i); k <= 2 && i + k < n; ++k) {
      sum += kSmoothing[k + 2] * contour[static_cast<std::size_t>(i + k)];
      weight += kSmoothing[k + 2];
    }
    smoothed[static_cast<std::size_t>(i)] = sum / weight;
  }
  return smoothed;
}

// Topographic prominence of the local maximum at p: its height over the
// higher of the lowest points between it and higher ground (or the end) on
// either side. O(distance to higher ground).
double prominence(const std::vector<double>& c, std::size_t p) {
  double left_min = c[p], right_min = c[p];
  for (std::size_t j = p; j > 0 && c[j - 1] <= c[p]; --j) left_min = std::min(left_min, c[j - 1]);
  for (std::size_t j = p; j + 1 < c.size() && c[j + 1] <= c[p]; ++j) right_min = std::min(right_min, c[j + 1]);
  return c[p] - std::max(left_min, right_min);
}

int count_syllables(const DecodedAudio& audio, const Frames& frames) {
  const std::vector<double> c = vowel_band_contour(audio);
  if (c.size() < 3) return 0;
  std::vector<double> sorted = c;
  const auto top = sorted.begin() + static_cast<std::ptrdiff_t>(0.99 * static_cast<double>(sorted.size() - 1));
  std::nth_element(sorted.begin(), top, sorted.end());
  const double floor_db = *top - kBelowLoudestDb;
  // A contour value is centred 20 ms into its window, as a pitch frame about
  // is: voiced if a voiced-speech frame is within +-20 ms.
  auto voiced_speech_near = [&](std::size_t p) {
    const auto centre = static_cast<std::ptrdiff_t>(std::lround(static_cast<double>(p) * kContourHopS / frames.pitch.hop_s));
    const auto n = static_cast<std::ptrdiff_t>(frames.voiced_speech.size());
    for (std::ptrdiff_t f = std::max<std::ptrdiff_t>(0, centre - 2); f <= centre + 2 && f < n; ++f) {
      if (frames.voiced_speech[static_cast<std::size_t>(f)]) return true;
    }
    return false;
  };
  int count = 0;
  for (std::size_t p = 1; p + 1 < c.size(); ++p) {
    if (c[p] > c[p - 1] && c[p] >= c[p + 1] && c[p] >= floor_db && prominence(c, p) >= kMinProminenceDb &&
        voiced_speech_near(p)) {
      ++count;
    }
  }
  return count;
}

// ---- Formants and vocal-tract length. LPC (autocorrelation method, order 12
// at 11025 Hz: five formants below 5.5 kHz plus two poles for the source) on
// 25 ms pre-emphasized Hamming frames of voiced speech; F1..F4 are the first
// four peaks above 150 Hz of the LPC envelope. A uniform tube of length L
// resonates at F_n = (2n - 1) c / 4L, so a frame's spacing dF = c / 2L is the
// least-squares fit of F_n = (n - 1/2) dF (Reby & McComb 2003); its median
// over frames is the estimate. Synthetic vowels: within 2% of the true dF.

constexpr int kLpcRateHz = 11025;
constexpr int kLpcOrder = 12;
constexpr double kLpcWindowS = 0.025;
constexpr double kPreEmphasis = 0.97;
constexpr int kEnvelopePoints = 512;  // grid over 0..Nyquist
constexpr double kMinFormantHz = 150.0;

using Polynomial = std::array<double, kLpcOrder + 1>;

// Levinson-Durbin: the prediction polynomial a (a[0] = 1) for the
// autocorrelation r, or false if r is not positive definite.
bool levinson(const Polynomial& r, Polynomial& a) {
  a.fill(0.0);
  a[0] = 1.0;
  double error = r[0];
  for (int i = 1; i <= kLpcOrder; ++i) {
    if (!(error > 0.0)) return false;
    double acc = r[i];
    for (int j = 1; j < i; ++j) acc += a[j] * r[i - j];
    const double k = -acc / error;
    const Polynomial previous = a;
    for (int j = 1; j < i; ++j) a[j] = previous[j] + k * previous[i - j];
    a[i] = k;
    error *= 1.0 - k * k;
  }
  return error > 0.0;
}

// F1..F4 of one frame of x (at kLpcRateHz), or false if it has fewer peaks.
bool frame_formants(const float* x, std::size_t n, std::array<double, 4>& formants) {
  std::vector<double> frame(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double emphasized = x[i] - (i > 0 ? kPreEmphasis * x[i - 1] : 0.0);
    frame[i] = emphasized * (0.54 - 0.46 * std::cos(2.0 * kPi * static_cast<double>(i) / static_cast<double>(n - 1)));
  }
  Polynomial r{};
  for (int lag = 0; lag <= kLpcOrder; ++lag) {
    for (auto i = static_cast<std::size_t>(lag); i < n; ++i) r[lag] += frame[i] * frame[i - lag];
  }
  r[0] *= 1.0 + 1e-9;  // a white-noise floor keeps near-silent frames well-conditioned
  Polynomial a;
  if (!levinson(r, a)) return false;

  // e^{-j w k} for every grid point w and lag k, computed once per process.
  static const std::vector<std::complex<double>> kBasis = [] {
    std::vector<std::complex<double>> basis;
    for (int p = 0; p <= kEnvelopePoints; ++p) {
      for (int k = 0; k <= kLpcOrder; ++k) basis.push_back(std::polar(1.0, -kPi * p * k / kEnvelopePoints));
    }
    return basis;
  }();
  std::array<double, kEnvelopePoints + 1> envelope_db;  // 1 / |A(e^jw)|^2
  for (int p = 0; p <= kEnvelopePoints; ++p) {
    std::complex<double> sum = 0.0;
    for (int k = 0; k <= kLpcOrder; ++k) sum += a[k] * kBasis[static_cast<std::size_t>(p * (kLpcOrder + 1) + k)];
    envelope_db[p] = -10.0 * std::log10(std::norm(sum) + 1e-30);
  }
  const double hz_per_point = kLpcRateHz / 2.0 / kEnvelopePoints;
  int found = 0;
  for (int p = 1; p < kEnvelopePoints && found < 4; ++p) {
    const double l = envelope_db[p - 1], m = envelope_db[p], rr = envelope_db[p + 1];
    if (!(m > l && m >= rr)) continue;
    const double curvature = l - 2.0 * m + rr;  // parabolic interpolation of the peak
    const double offset = curvature < 0.0 ? std::clamp(0.5 * (l - rr) / curvature, -0.5, 0.5) : 0.0;
    const double hz = (p + offset) * hz_per_point;
    if (hz >= kMinFormantHz) formants[found++] = hz;
  }
  return found == 4;
}

// Sets analysis->formants_hz and formant_spacing_hz; leaves them 0 when no
// frame resolves four formants. Internal if resampling fails.
Status measure_formants(const DecodedAudio& audio, const Frames& frames, VoiceAnalysis* analysis) {
  Result<std::unique_ptr<audio::Resampler>> resampler = audio::Resampler::create(audio.sample_rate_hz, kLpcRateHz);
  if (!resampler.ok()) return resampler.status();
  std::vector<float> in(audio.samples.size());
  for (std::size_t i = 0; i < in.size(); ++i) in[i] = audio.samples[i] / 32768.0f;
  std::vector<float> x;
  if (Status s = (*resampler)->process(in, &x); !s.ok()) return s;
  if (Status s = (*resampler)->flush(&x); !s.ok()) return s;

  const auto window = static_cast<std::size_t>(std::lround(kLpcWindowS * kLpcRateHz));
  std::array<std::vector<double>, 4> per_formant;
  std::vector<double> spacing;
  for (std::size_t f = 0; f < frames.voiced_speech.size(); ++f) {
    if (!frames.voiced_speech[f]) continue;
    const auto start = static_cast<std::size_t>(std::lround(static_cast<double>(f) * frames.pitch.hop_s * kLpcRateHz));
    if (start + window > x.size()) break;
    std::array<double, 4> formants;
    if (!frame_formants(x.data() + start, window, formants)) continue;
    for (std::size_t i = 0; i < 4; ++i) per_formant[i].push_back(formants[i]);
    spacing.push_back((0.5 * formants[0] + 1.5 * formants[1] + 2.5 * formants[2] + 3.5 * formants[3]) / 21.0);
  }
  if (spacing.empty()) return Status::ok_status();
  for (std::size_t i = 0; i < 4; ++i) analysis->formants_hz[i] = median(per_formant[i]);
  analysis->formant_spacing_hz = median(spacing);
  return Status::ok_status();
}

// ---- Spectral tilt: the alpha ratio (Frokjaer-Jensen & Prytz 1976; as in
// eGeMAPS), energy 1-5 kHz over 50 Hz-1 kHz in the voiced speech, split by
// 4th-order Butterworth filters. Harmonic spectra falling 6 / 12 dB per
// octave: within 0.5 dB of the exact ratio.
double alpha_ratio_db(const DecodedAudio& audio, const Frames& frames) {
  const int rate = audio.sample_rate_hz;
  std::vector<Biquad> low = {Biquad::make(true, 50.0, std::numbers::sqrt2 / 2.0, rate)};
  std::vector<Biquad> high = low;
  add_butterworth(false, 1000.0, rate, &low);
  add_butterworth(true, 1000.0, rate, &high);
  add_butterworth(false, 5000.0, rate, &high);
  const auto hop = static_cast<std::size_t>(std::lround(frames.pitch.hop_s * rate));
  double low_energy = 0.0, high_energy = 0.0;
  for (std::size_t i = 0; i < audio.samples.size(); ++i) {
    const double x = audio.samples[i] / 32768.0;
    const double l = filter(low, x), h = filter(high, x);  // run on every sample: filters keep state
    if (i / hop < frames.voiced_speech.size() && frames.voiced_speech[i / hop]) low_energy += l * l, high_energy += h * h;
  }
  return low_energy > 0.0 && high_energy > 0.0 ? 10.0 * std::log10(high_energy / low_energy) : 0.0;
}

constexpr double kMinVoicedS = 1.0;
constexpr double kMinSyllableRateHz = 0.5;
constexpr double kMaxSyllableRateHz = 12.0;

// ---- Nominal prosody of the built-in engines (flite for en, espeak-ng for
// the rest) at speaking_rate 1 and f0_range 1: analyze_voice on the passages
// in tests/integration/voice_cloning_audio_test.cc read by four profiles
// (female 210 Hz; male 100 Hz dark, 100 Hz bright, 130 Hz: between them every
// flite voice), geometric mean; the voices scatter +-8% around it.
// VoiceCloning.NominalProsodyConstantsMatchTheEngines re-measures them.
constexpr NominalProsody kNominalProsody[] = {
    {"zh", 3.73, 3.62}, {"en", 4.40, 3.31}, {"de", 4.83, 5.09}, {"it", 6.27, 4.25}, {"pt", 5.26, 3.76},
    {"es", 6.02, 3.64}, {"ja", 6.42, 1.17}, {"ko", 5.42, 5.22}, {"fr", 5.67, 3.94}, {"ru", 5.91, 3.86},
};

// ---- Profile mapping.
// Formant spacing of adult norms: a 17.5 cm tract (men) and a 14.8 cm one
// (women: formants ~18% higher) at c = 350 m/s. formant_scale 1 is their
// geometric mean, so men sit near 0.92, women near 1.09, children above 1.2.
constexpr double kMaleSpacingHz = 1000.0;
constexpr double kFemaleSpacingHz = 1180.0;
// F0 that parts the catalogue's adult men (85-165 Hz) from its women (165-300 Hz).
constexpr double kGenderBoundaryHz = 165.0;
// For gender, a formant scale 2.5% higher weighs like an F0 one semitone higher.
constexpr double kSemitonesPerFormantScale = 40.0;
// HNR of modal running speech (studio recordings measure 15-20 dB), and
// where a voice counts as fully breathy. Noise and lossy codecs read as breath.
constexpr double kModalHnrDb = 14.0;
constexpr double kBreathyHnrDb = 4.0;
// Alpha ratio of a neutral voice (read speech measures -15..-10 dB) and the
// change that makes it fully bright or dark.
constexpr double kNeutralAlphaDb = -14.0;
constexpr double kAlphaDbPerBrightness = 8.0;

}  // namespace

std::span<const NominalProsody> nominal_prosody_table() { return kNominalProsody; }

NominalProsody nominal_prosody(std::string_view language_code) {
  double log_rate = 0.0, log_spread = 0.0;
  for (const NominalProsody& row : kNominalProsody) {
    if (!language_code.empty() && row.language_code == language_code) return row;
    log_rate += std::log(row.syllable_rate_hz);
    log_spread += std::log(row.f0_spread_semitones);
  }
  const auto n = static_cast<double>(std::size(kNominalProsody));
  return {"", std::exp(log_rate / n), std::exp(log_spread / n)};
}

Result<VoiceAnalysis> analyze_voice(const DecodedAudio& audio) {
  VoiceAnalysis analysis;
  analysis.activity = find_speech(audio);
  if (Status s = check_reference_speech(analysis.activity); !s.ok()) return s;

  Result<audio::PitchStats> pitch = audio::analyze_pitch(audio.samples, audio.sample_rate_hz);
  if (!pitch.ok()) return pitch.status();
  const Frames frames(*pitch, analysis.activity.runs);
  analysis.voiced_s = frames.voiced_s();
  if (analysis.voiced_s < kMinVoicedS) {
    return unusable("the audio has only " + format_number(analysis.voiced_s) +
                    " s of voiced speech (needs 1 s): is it whispered, noise or music?");
  }
  analysis.median_f0_hz = pitch->median_hz;
  analysis.p10_f0_hz = pitch->p10_hz;
  analysis.p90_f0_hz = pitch->p90_hz;
  analysis.f0_spread_semitones = 12.0 * std::log2(pitch->p90_hz / pitch->p10_hz);

  analysis.syllables = count_syllables(audio, frames);
  analysis.syllable_rate_hz = analysis.syllables / analysis.activity.speech_s;
  if (analysis.syllable_rate_hz < kMinSyllableRateHz || analysis.syllable_rate_hz > kMaxSyllableRateHz) {
    return unusable("the audio does not sound like speech: " + format_number(analysis.syllable_rate_hz) +
                    " syllables per second");
  }
  if (Status s = measure_formants(audio, frames, &analysis); !s.ok()) return s;
  analysis.alpha_ratio_db = alpha_ratio_db(audio, frames);
  Result<double> hnr = audio::harmonics_to_noise_db(audio.samples, audio.sample_rate_hz);
  if (!hnr.ok()) return hnr.status();
  analysis.hnr_db = *hnr;
  return analysis;
}

VoiceProfile profile_from_analysis(const VoiceAnalysis& a, std::string_view language_code, std::string name) {
  VoiceProfile p;
  p.name = std::move(name);
  p.median_f0_hz = std::clamp(a.median_f0_hz, 85.0, 450.0);
  p.formant_scale = a.formant_spacing_hz > 0.0
                        ? std::clamp(a.formant_spacing_hz / std::sqrt(kMaleSpacingHz * kFemaleSpacingHz), 0.85, 1.25)
                        : 1.0;
  const double femininity = 12.0 * std::log2(p.median_f0_hz / kGenderBoundaryHz) +
                            kSemitonesPerFormantScale * (p.formant_scale - 1.0);
  p.gender = femininity >= 0.0 && p.median_f0_hz >= 100.0 ? Gender::kFemale : Gender::kMale;
  // Age as far as the catalogue's F0 bands tell it: above 300 Hz (no adult
  // woman) or a high voice from a short tract is a child; a voice on the
  // other side of 165 Hz from its gender is a teen's (100-320 Hz for both).
  // Nothing here tells middle or old age apart: other adults are young.
  const bool male = p.gender == Gender::kMale;
  if (p.median_f0_hz > 300.0 || (p.median_f0_hz > 250.0 && p.formant_scale >= 1.15)) {
    p.age = AgeBand::kChild;
  } else if (male ? p.median_f0_hz > kGenderBoundaryHz : p.median_f0_hz < kGenderBoundaryHz) {
    p.age = AgeBand::kTeen;
  } else {
    p.age = AgeBand::kYoungAdult;
  }

  const NominalProsody nominal = nominal_prosody(language_code);
  p.speaking_rate = std::clamp(a.syllable_rate_hz / nominal.syllable_rate_hz, 0.75, 1.3);
  p.f0_range = std::clamp(a.f0_spread_semitones / nominal.f0_spread_semitones, 0.4, 1.8);
  p.breathiness = std::clamp((kModalHnrDb - a.hnr_db) / (kModalHnrDb - kBreathyHnrDb), 0.0, 1.0);
  p.brightness = std::clamp((a.alpha_ratio_db - kNeutralAlphaDb) / kAlphaDbPerBrightness, -1.0, 1.0);
  p.dialect = Dialect::kMandarin;
  return p;
}

}  // namespace voxwire
