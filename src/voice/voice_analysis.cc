#include "voice/voice_analysis.h"

#include <algorithm>
#include <cmath>
#include <complex>
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

// ---- Syllable nuclei (after de Jong & Wempe 2009, "Praat script to detect
// syllable nuclei"): peaks of the vowel-band energy that stand 1.5 dB above
// the dips on both sides, are within 25 dB of the loudest, and are voiced.
// On read English it finds 93-97% of the dictionary syllables (librivox: 97 of
// 100; flite and espeak-ng: 56-61 of 60).

// A second-order section (RBJ audio-EQ cookbook), direct form I.
struct Biquad {
  double b0, b1, b2, a1, a2;
  double x1 = 0, x2 = 0, y1 = 0, y2 = 0;

  static Biquad make(bool high_pass, double cutoff_hz, double q, int rate_hz) {
    const double w = 2.0 * kPi * cutoff_hz / rate_hz;
    const double alpha = std::sin(w) / (2.0 * q);
    const double c = std::cos(w);
    const double a0 = 1.0 + alpha;
    const double b1 = high_pass ? -(1.0 + c) : 1.0 - c;
    const double b0 = high_pass ? (1.0 + c) / 2.0 : (1.0 - c) / 2.0;
    return {b0 / a0, b1 / a0, b0 / a0, -2.0 * c / a0, (1.0 - alpha) / a0};
  }
  double process(double x) {
    const double y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
    x2 = x1, x1 = x, y2 = y1, y1 = y;
    return y;
  }
};

// Q of the two sections of a 4th-order Butterworth filter.
constexpr double kButterworthQ[] = {0.5412, 1.3066};

constexpr double kContourHopS = 0.010;
constexpr double kContourWindowS = 0.040;
constexpr double kVowelBandLowHz = 300.0;
constexpr double kVowelBandHighHz = 2500.0;
constexpr double kMinProminenceDb = 1.5;
constexpr double kBelowLoudestDb = 25.0;

// Energy of pcm in the vowel band (4th-order Butterworth edges), dB, one
// 40 ms Hann-weighted value every 10 ms, lightly smoothed.
std::vector<double> vowel_band_contour(const std::vector<int16_t>& pcm, int rate_hz) {
  std::vector<Biquad> filters;
  for (double q : kButterworthQ) {
    filters.push_back(Biquad::make(true, kVowelBandLowHz, q, rate_hz));
    filters.push_back(Biquad::make(false, kVowelBandHighHz, q, rate_hz));
  }
  std::vector<double> power(pcm.size());
  for (std::size_t i = 0; i < pcm.size(); ++i) {
    double y = pcm[i] / 32768.0;
    for (Biquad& f : filters) y = f.process(y);
    power[i] = y * y;
  }
  const auto hop = static_cast<std::size_t>(std::lround(kContourHopS * rate_hz));
  const auto window = static_cast<std::size_t>(std::lround(kContourWindowS * rate_hz));
  std::vector<double> hann(window);
  for (std::size_t k = 0; k < window; ++k) hann[k] = 0.5 - 0.5 * std::cos(2.0 * kPi * (k + 0.5) / window);
  std::vector<double> contour;
  for (std::size_t start = 0; start + window <= power.size(); start += hop) {
    double e = 0.0;
    for (std::size_t k = 0; k < window; ++k) e += hann[k] * power[start + k];
    contour.push_back(10.0 * std::log10(e / window + 1e-12));
  }
  constexpr double kSmoothing[] = {0.25, 0.75, 1.0, 0.75, 0.25};  // sums to 3
  std::vector<double> smoothed(contour.size());
  const auto n = static_cast<std::ptrdiff_t>(contour.size());
  for (std::ptrdiff_t i = 0; i < n; ++i) {
    double sum = 0.0, weight = 0.0;
    for (std::ptrdiff_t k = -2; k <= 2; ++k) {
      if (i + k < 0 || i + k >= n) continue;
      sum += kSmoothing[k + 2] * contour[static_cast<std::size_t>(i + k)];
      weight += kSmoothing[k + 2];
    }
    smoothed[static_cast<std::size_t>(i)] = sum / weight;
  }
  return smoothed;
}

// Topographic prominence of the local maximum at p: its height over the
// higher of the lowest points between it and the nearest higher ground on
// either side (or the contour's end).
double prominence(const std::vector<double>& c, std::size_t p) {
  double left_min = c[p], right_min = c[p];
  for (std::size_t j = p; j > 0 && c[j - 1] <= c[p]; --j) left_min = std::min(left_min, c[j - 1]);
  for (std::size_t j = p; j + 1 < c.size() && c[j + 1] <= c[p]; ++j) right_min = std::min(right_min, c[j + 1]);
  return c[p] - std::max(left_min, right_min);
}

int count_syllables(const DecodedAudio& audio, const audio::PitchStats& pitch, const std::vector<TimeSpan>& runs) {
  const std::vector<double> c = vowel_band_contour(audio.samples, audio.sample_rate_hz);
  if (c.size() < 3) return 0;
  std::vector<double> sorted = c;
  const auto top = sorted.begin() + static_cast<std::ptrdiff_t>(0.99 * static_cast<double>(sorted.size() - 1));
  std::nth_element(sorted.begin(), top, sorted.end());
  const double floor_db = *top - kBelowLoudestDb;
  auto voiced_near = [&](std::size_t frame) {  // within +-20 ms of a voiced pitch frame
    const auto i = static_cast<std::ptrdiff_t>(std::lround(static_cast<double>(frame) * kContourHopS / pitch.hop_s));
    for (std::ptrdiff_t k = std::max<std::ptrdiff_t>(0, i - 2);
         k <= i + 2 && k < static_cast<std::ptrdiff_t>(pitch.track_hz.size()); ++k) {
      if (pitch.track_hz[static_cast<std::size_t>(k)] > 0.0f) return true;
    }
    return false;
  };
  int count = 0;
  for (std::size_t p = 1; p + 1 < c.size(); ++p) {
    if (!(c[p] > c[p - 1] && c[p] >= c[p + 1]) || c[p] < floor_db) continue;
    const double centre_s = static_cast<double>(p) * kContourHopS + kContourWindowS / 2.0;
    if (prominence(c, p) >= kMinProminenceDb && voiced_near(p) && in_runs(runs, centre_s)) ++count;
  }
  return count;
}

// ---- Formants and vocal-tract length: LPC (autocorrelation, order 12 at
// 11025 Hz: five formants below 5.5 kHz plus two for the source slope) on
// 25 ms pre-emphasized Hamming frames at the voiced pitch frames; F1..F4 are
// the first four peaks above 150 Hz of the LPC envelope. A uniform tube of
// length L has formants F_n = (2n - 1) c / 4L, so each frame's spacing
// dF = c / 2L is the least-squares fit of F_n = (n - 1/2) dF (Reby & McComb
// 2003). On synthetic vowels it is within 2% of the true spacing.

constexpr int kLpcRateHz = 11025;
constexpr int kLpcOrder = 12;
constexpr double kLpcWindowS = 0.025;
constexpr double kPreEmphasis = 0.97;
constexpr int kEnvelopePoints = 512;  // grid over 0..Nyquist
constexpr double kMinFormantHz = 150.0;

// Levinson-Durbin: the prediction polynomial a[0..order] (a[0] = 1) of the
// autocorrelation r, or false if r is degenerate.
bool levinson(const std::array<double, kLpcOrder + 1>& r, std::array<double, kLpcOrder + 1>& a) {
  a.fill(0.0);
  a[0] = 1.0;
  double error = r[0];
  if (!(error > 0.0)) return false;
  for (int i = 1; i <= kLpcOrder; ++i) {
    double acc = r[i];
    for (int j = 1; j < i; ++j) acc += a[j] * r[i - j];
    const double k = -acc / error;
    std::array<double, kLpcOrder + 1> prev = a;
    for (int j = 1; j < i; ++j) a[j] = prev[j] + k * prev[i - j];
    a[i] = k;
    error *= 1.0 - k * k;
    if (!(error > 0.0)) return false;
  }
  return true;
}

// The first four LPC-envelope peaks of one frame, or false if it has fewer.
bool frame_formants(const float* x, std::size_t n, std::array<double, 4>& formants) {
  std::vector<double> frame(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double emphasized = x[i] - (i > 0 ? kPreEmphasis * x[i - 1] : 0.0);
    frame[i] = emphasized * (0.54 - 0.46 * std::cos(2.0 * kPi * static_cast<double>(i) / static_cast<double>(n - 1)));
  }
  std::array<double, kLpcOrder + 1> r{};
  for (int lag = 0; lag <= kLpcOrder; ++lag) {
    for (std::size_t i = static_cast<std::size_t>(lag); i < n; ++i) r[lag] += frame[i] * frame[i - lag];
  }
  r[0] *= 1.0 + 1e-9;  // white-noise floor: keeps near-silent frames stable
  std::array<double, kLpcOrder + 1> a;
  if (!levinson(r, a)) return false;
  // e^{-jwk} for every grid point w and lag k, computed once per process.
  static const std::vector<std::complex<double>> kBasis = [] {
    std::vector<std::complex<double>> basis;
    for (int p = 0; p <= kEnvelopePoints; ++p) {
      for (int k = 0; k <= kLpcOrder; ++k) basis.push_back(std::polar(1.0, -kPi * p * k / kEnvelopePoints));
    }
    return basis;
  }();
  std::array<double, kEnvelopePoints + 1> gain_db;  // 1/|A(e^jw)|^2 in dB
  for (int p = 0; p <= kEnvelopePoints; ++p) {
    std::complex<double> sum = 0.0;
    for (int k = 0; k <= kLpcOrder; ++k) sum += a[k] * kBasis[static_cast<std::size_t>(p * (kLpcOrder + 1) + k)];
    gain_db[p] = -10.0 * std::log10(std::norm(sum) + 1e-30);
  }
  const double hz_per_point = kLpcRateHz / 2.0 / kEnvelopePoints;
  int found = 0;
  for (int k = 1; k < kEnvelopePoints && found < 4; ++k) {
    if (!(gain_db[k] > gain_db[k - 1] && gain_db[k] >= gain_db[k + 1])) continue;
    const double l = gain_db[k - 1], m = gain_db[k], rr = gain_db[k + 1];
    const double curvature = l - 2.0 * m + rr;
    const double offset = curvature < 0.0 ? std::clamp(0.5 * (l - rr) / curvature, -0.5, 0.5) : 0.0;
    const double hz = (k + offset) * hz_per_point;
    if (hz >= kMinFormantHz) formants[found++] = hz;
  }
  return found == 4;
}

// Fills analysis->formants_hz and formant_spacing_hz (left 0 when no frame resolves four formants).
Status measure_formants(const DecodedAudio& audio, const audio::PitchStats& pitch, VoiceAnalysis* analysis) {
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
  for (std::size_t f = 0; f < pitch.track_hz.size(); ++f) {
    const double t = static_cast<double>(f) * pitch.hop_s;
    if (pitch.track_hz[f] <= 0.0f || !in_runs(analysis->activity.runs, t)) continue;
    const auto start = static_cast<std::size_t>(std::lround(t * kLpcRateHz));
    if (start + window > x.size()) break;
    std::array<double, 4> formants;
    if (!frame_formants(x.data() + start, window, formants)) continue;
    for (int i = 0; i < 4; ++i) per_formant[i].push_back(formants[i]);
    spacing.push_back((0.5 * formants[0] + 1.5 * formants[1] + 2.5 * formants[2] + 3.5 * formants[3]) / 21.0);
  }
  if (spacing.empty()) return Status::ok_status();
  for (int i = 0; i < 4; ++i) analysis->formants_hz[i] = median(per_formant[i]);
  analysis->formant_spacing_hz = median(spacing);
  return Status::ok_status();
}

// ---- Spectral tilt: the alpha ratio (Frokjaer-Jensen & Prytz 1976, as in
// eGeMAPS), energy 1-5 kHz over 50 Hz-1 kHz in the voiced frames of speech,
// split by 4th-order Butterworth filters (their 1 kHz crossover leaks < 0.5 dB
// into the ratio for speech-like spectra).
double alpha_ratio_db(const DecodedAudio& audio, const audio::PitchStats& pitch, const std::vector<TimeSpan>& runs) {
  const int rate = audio.sample_rate_hz;
  std::vector<Biquad> low = {Biquad::make(true, 50.0, std::numbers::sqrt2 / 2.0, rate)};
  std::vector<Biquad> high = low;
  for (double q : kButterworthQ) {
    low.push_back(Biquad::make(false, 1000.0, q, rate));
    high.push_back(Biquad::make(true, 1000.0, q, rate));
    high.push_back(Biquad::make(false, 5000.0, q, rate));
  }
  const auto hop = static_cast<std::size_t>(std::lround(pitch.hop_s * rate));
  std::vector<bool> counted(pitch.track_hz.size());
  for (std::size_t f = 0; f < counted.size(); ++f) {
    counted[f] = pitch.track_hz[f] > 0.0f && in_runs(runs, static_cast<double>(f) * pitch.hop_s);
  }
  double low_energy = 0.0, high_energy = 0.0;
  for (std::size_t i = 0; i < audio.samples.size(); ++i) {
    double l = audio.samples[i] / 32768.0, h = l;
    for (Biquad& f : low) l = f.process(l);
    for (Biquad& f : high) h = f.process(h);
    if (i / hop < counted.size() && counted[i / hop]) low_energy += l * l, high_energy += h * h;
  }
  return low_energy > 0.0 && high_energy > 0.0 ? 10.0 * std::log10(high_energy / low_energy) : 0.0;
}

constexpr double kMinVoicedS = 1.0;
constexpr double kMinSyllableRateHz = 0.5;
constexpr double kMaxSyllableRateHz = 12.0;

// ---- Nominal prosody of the built-in engines (flite for en, espeak-ng for
// the rest) at speaking_rate 1 and f0_range 1: analyze_voice on the passages
// of tests/integration/voice_cloning_audio_test.cc, read by four profiles
// (female 210 Hz; male 100 Hz dark, 100 Hz bright, 130 Hz: every flite voice),
// geometric mean. VoiceCloningNominalProsody re-measures them.
constexpr NominalProsody kNominalProsody[] = {
    {"zh", 3.75, 3.62}, {"en", 4.40, 3.31}, {"de", 4.88, 5.12}, {"it", 6.23, 4.22}, {"pt", 5.35, 3.76},
    {"es", 6.02, 3.65}, {"ja", 6.44, 1.17}, {"ko", 5.44, 5.22}, {"fr", 5.67, 3.99}, {"ru", 6.06, 3.88},
};

// ---- Profile mapping.
// Formant spacing of adult norms: a 17.5 cm tract (men) and a 14.8 cm one
// (women; ~15% higher formants) at c = 350 m/s; formant_scale 1 is their
// geometric mean, so men sit near 0.92, women near 1.09, children above 1.2.
constexpr double kMaleSpacingHz = 1000.0;
constexpr double kFemaleSpacingHz = 1180.0;
const double kAdultSpacingHz = std::sqrt(kMaleSpacingHz * kFemaleSpacingHz);
// F0 that parts the catalogue's adult men (85-165 Hz) from its women (165-300 Hz).
constexpr double kGenderBoundaryHz = 165.0;
// A formant scale 2.5% higher weighs like F0 one semitone higher.
constexpr double kSemitonesPerFormantScale = 40.0;
// HNR of modal running speech and the drop that makes a voice fully breathy.
constexpr double kModalHnrDb = 16.0;
constexpr double kBreathyHnrDropDb = 10.0;
// Alpha ratio of a neutral voice and the change from neutral to fully bright.
constexpr double kNeutralAlphaDb = -14.0;
constexpr double kAlphaDbPerBrightness = 8.0;

}  // namespace

std::span<const NominalProsody> nominal_prosody_table() { return kNominalProsody; }

NominalProsody nominal_prosody(std::string_view language_code) {
  double log_rate = 0.0, log_spread = 0.0;
  for (const NominalProsody& row : kNominalProsody) {
    if (row.language_code == language_code && !language_code.empty()) return row;
    log_rate += std::log(row.syllable_rate_hz);
    log_spread += std::log(row.f0_spread_semitones);
  }
  const double n = static_cast<double>(std::size(kNominalProsody));
  return {"", std::exp(log_rate / n), std::exp(log_spread / n)};
}

Result<VoiceAnalysis> analyze_voice(const DecodedAudio& audio) {
  VoiceAnalysis analysis;
  analysis.activity = find_speech(audio);
  if (Status s = check_reference_speech(analysis.activity); !s.ok()) return s;

  Result<audio::PitchStats> pitch = audio::analyze_pitch(audio.samples, audio.sample_rate_hz);
  if (!pitch.ok()) return pitch.status();
  for (std::size_t f = 0; f < pitch->track_hz.size(); ++f) {
    if (pitch->track_hz[f] > 0.0f && in_runs(analysis.activity.runs, static_cast<double>(f) * pitch->hop_s)) {
      analysis.voiced_s += pitch->hop_s;
    }
  }
  if (analysis.voiced_s < kMinVoicedS) {
    return unusable("the audio has only " + format_number(analysis.voiced_s) +
                    " s of voiced speech (needs 1 s): is it whispered, noise or music?");
  }
  analysis.median_f0_hz = pitch->median_hz;
  analysis.p10_f0_hz = pitch->p10_hz;
  analysis.p90_f0_hz = pitch->p90_hz;
  analysis.f0_spread_semitones = 12.0 * std::log2(pitch->p90_hz / pitch->p10_hz);

  analysis.syllables = count_syllables(audio, *pitch, analysis.activity.runs);
  analysis.syllable_rate_hz = analysis.syllables / analysis.activity.speech_s;
  if (analysis.syllable_rate_hz < kMinSyllableRateHz || analysis.syllable_rate_hz > kMaxSyllableRateHz) {
    return unusable("the audio does not sound like speech: " + format_number(analysis.syllable_rate_hz) +
                    " syllables per second");
  }

  if (Status s = measure_formants(audio, *pitch, &analysis); !s.ok()) return s;
  analysis.alpha_ratio_db = alpha_ratio_db(audio, *pitch, analysis.activity.runs);
  Result<double> hnr = audio::harmonics_to_noise_db(audio.samples, audio.sample_rate_hz);
  if (!hnr.ok()) return hnr.status();
  analysis.hnr_db = *hnr;
  return analysis;
}

VoiceProfile profile_from_analysis(const VoiceAnalysis& a, std::string_view language_code, std::string name) {
  VoiceProfile p;
  p.name = std::move(name);
  p.median_f0_hz = std::clamp(a.median_f0_hz, 85.0, 450.0);
  p.formant_scale = a.formant_spacing_hz > 0.0 ? std::clamp(a.formant_spacing_hz / kAdultSpacingHz, 0.85, 1.25) : 1.0;

  const double score = 12.0 * std::log2(p.median_f0_hz / kGenderBoundaryHz) +
                       kSemitonesPerFormantScale * (p.formant_scale - 1.0);
  p.gender = score >= 0.0 && p.median_f0_hz >= 100.0 ? Gender::kFemale : Gender::kMale;
  // Age by what the catalogue allows: above 300 Hz (no adult woman) or a high
  // voice from a short tract is a child; a voice on the "wrong" side of
  // 165 Hz for its gender is a teen's (100-320 Hz for both). Age beyond that
  // has no reliable cue here: adults are young adults.
  const bool male = p.gender == Gender::kMale;
  if (p.median_f0_hz > 300.0 || (p.median_f0_hz > 250.0 && p.formant_scale >= 1.15)) {
    p.age = AgeBand::kChild;
  } else if (male == (p.median_f0_hz > kGenderBoundaryHz)) {
    p.age = AgeBand::kTeen;
  } else {
    p.age = AgeBand::kYoungAdult;
  }

  const NominalProsody nominal = nominal_prosody(language_code);
  p.speaking_rate = std::clamp(a.syllable_rate_hz / nominal.syllable_rate_hz, 0.75, 1.3);
  p.f0_range = std::clamp(a.f0_spread_semitones / nominal.f0_spread_semitones, 0.4, 1.8);
  p.breathiness = std::clamp((kModalHnrDb - a.hnr_db) / kBreathyHnrDropDb, 0.0, 1.0);
  p.brightness = std::clamp((a.alpha_ratio_db - kNeutralAlphaDb) / kAlphaDbPerBrightness, -1.0, 1.0);
  p.dialect = Dialect::kMandarin;
  return p;
}

}  // namespace voxwire
