#include "audio/spectral_envelope.h"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <vector>

namespace voxwire::audio {
namespace {

struct Voice {
  double f0_hz = 150.0;          // mean F0; intonation moves it +-20%
  double formant_scale = 1.0;    // formant frequencies and bandwidths times this
  double tilt_db_per_octave = 0.0;  // extra spectral slope above 500 Hz
  double noise = 0.0;            // white noise, peak to peak, relative to the harmonics' peak
  int sample_rate_hz = 16000;
};

// Band-limited speech-like audio: harmonics of an intonated F0 weighted by
// the envelope of a sequence of vowels (four resonances each, 110 ms per
// vowel, gliding between them), 3 s. The same vowels and F0 contour for
// every Voice, so two renderings line up frame by frame.
std::vector<int16_t> speak(const Voice& v) {
  static constexpr std::array<std::array<double, 4>, 6> kVowels = {{{730, 1090, 2440, 3400},
                                                                    {270, 2290, 3010, 3700},
                                                                    {300, 870, 2240, 3300},
                                                                    {530, 1840, 2480, 3500},
                                                                    {660, 1720, 2410, 3450},
                                                                    {490, 1350, 2500, 3500}}};
  static constexpr std::array<double, 4> kBandwidths = {70, 90, 130, 180};
  const int rate = v.sample_rate_hz;
  const auto n = static_cast<std::size_t>(3.0 * rate);
  const int block = rate / 200;  // amplitudes are updated every 5 ms
  std::vector<double> x(n, 0.0), phase(200, 0.0), amplitude(200, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    const double t = static_cast<double>(i) / rate;
    const double f0 = v.f0_hz * (1.0 + 0.2 * std::sin(2 * std::numbers::pi * 0.6 * t) * std::cos(2 * std::numbers::pi * 1.7 * t));
    const int harmonics = static_cast<int>(std::min(0.45 * rate, 5000.0) / f0);
    if (i % block == 0) {
      const double position = t / 0.11;
      const auto vowel = static_cast<std::size_t>(position) % kVowels.size();
      const double glide = std::clamp((position - std::floor(position) - 0.7) / 0.3, 0.0, 1.0);
      for (int h = 1; h <= harmonics; ++h) {
        const double f = h * f0;
        double gain = 1.0;
        for (std::size_t k = 0; k < 4; ++k) {
          const double fk = v.formant_scale * ((1 - glide) * kVowels[vowel][k] + glide * kVowels[(vowel + 1) % kVowels.size()][k]);
          const double bk = v.formant_scale * kBandwidths[k];
          gain *= fk * fk / std::sqrt(std::pow(fk * fk - f * f, 2) + std::pow(bk * f, 2));
        }
        const double tilt = f > 500.0 ? v.tilt_db_per_octave * std::log2(f / 500.0) : 0.0;
        amplitude[h] = gain * std::pow(10.0, tilt / 20.0) / std::sqrt(h);
      }
    }
    double sample = 0.0;
    for (int h = 1; h <= harmonics; ++h) {
      phase[h] += 2 * std::numbers::pi * h * f0 / rate;
      sample += amplitude[h] * std::sin(phase[h]);
    }
    x[i] = sample;
  }
  double peak = 0.0;
  for (double s : x) peak = std::max(peak, std::abs(s));
  std::uint32_t noise_state = 7;
  std::vector<int16_t> pcm(n);
  for (std::size_t i = 0; i < n; ++i) {
    noise_state = noise_state * 1664525u + 1013904223u;
    const double noise = v.noise * (static_cast<double>(noise_state >> 8) / (1u << 24) - 0.5);
    pcm[i] = static_cast<int16_t>(std::lround((x[i] / peak + noise) * 16000.0));
  }
  return pcm;
}

SpectralEnvelopes envelopes(const Voice& v) {
  Result<SpectralEnvelopes> e = analyze_envelopes(speak(v), v.sample_rate_hz);
  EXPECT_TRUE(e.ok()) << e.status().to_string();
  return e.ok() ? std::move(e).value() : SpectralEnvelopes{};
}

double measured_scale(const Voice& voice, const Voice& reference) {
  Result<double> s = formant_scale(envelopes(voice), envelopes(reference));
  EXPECT_TRUE(s.ok()) << s.status().to_string();
  return s.ok() ? *s : 0.0;
}

TEST(SpectralEnvelope, MeasuresFormantScale) {
  for (int rate : {16000, 22050}) {
    for (double f0 : {110.0, 220.0}) {
      for (double scale : {0.88, 1.1, 1.2}) {
        const Voice reference{.f0_hz = f0, .sample_rate_hz = rate};
        Voice voice = reference;
        voice.formant_scale = scale;
        EXPECT_NEAR(measured_scale(voice, reference), scale, 0.025 * scale) << rate << " Hz, F0 " << f0;
      }
    }
  }
}

TEST(SpectralEnvelope, FormantScaleIgnoresLevelTiltNoiseAndF0) {
  const Voice reference{.f0_hz = 150.0};
  EXPECT_NEAR(measured_scale({.f0_hz = 150.0, .tilt_db_per_octave = 3.0}, reference), 1.0, 0.02);
  EXPECT_NEAR(measured_scale({.f0_hz = 150.0, .tilt_db_per_octave = -3.0}, reference), 1.0, 0.02);
  EXPECT_NEAR(measured_scale({.f0_hz = 150.0, .noise = 0.05}, reference), 1.0, 0.02);
  // Another F0 (the harmonics fall elsewhere), the same formants.
  EXPECT_NEAR(measured_scale({.f0_hz = 190.0, .formant_scale = 1.1}, reference), 1.1, 0.03);
}

TEST(SpectralEnvelope, TiltFollowsTheSpectralSlope) {
  const double plain = spectral_tilt_db_per_octave(envelopes({}));
  const double bright = spectral_tilt_db_per_octave(envelopes({.tilt_db_per_octave = 3.0}));
  const double dark = spectral_tilt_db_per_octave(envelopes({.tilt_db_per_octave = -3.0}));
  EXPECT_NEAR(bright - plain, 3.0 * std::log2(4000.0 / 500.0) / std::log2(4000.0 / 300.0), 0.6);
  EXPECT_LT(dark, plain - 2.0);
}

TEST(SpectralEnvelope, HarmonicsToNoiseFallsWithNoise) {
  const Result<double> clean = harmonics_to_noise_db(speak({}), 16000);
  const Result<double> noisy = harmonics_to_noise_db(speak({.noise = 0.3}), 16000);
  ASSERT_TRUE(clean.ok() && noisy.ok());
  EXPECT_GT(*clean, 15.0);
  EXPECT_LT(*noisy, *clean - 6.0);
}

TEST(SpectralEnvelope, SilenceHasNoVoicedFrames) {
  const std::vector<int16_t> silence(16000, 0);
  Result<SpectralEnvelopes> e = analyze_envelopes(silence, 16000);
  ASSERT_TRUE(e.ok());
  EXPECT_TRUE(e->mean_db.empty());
  EXPECT_EQ(spectral_tilt_db_per_octave(*e), 0.0);
  EXPECT_EQ(formant_scale(*e, envelopes({})).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(*harmonics_to_noise_db(silence, 16000), 0.0);
}

TEST(SpectralEnvelope, RejectsBadOptionsAndMismatchedGrids) {
  const std::vector<int16_t> pcm = speak({});
  EnvelopeOptions options;
  options.high_hz = 7900.0;  // above 0.45 of 16 kHz
  EXPECT_EQ(analyze_envelopes(pcm, 16000, options).status().field(), "high_hz");
  options = {};
  options.bins_per_octave = 2;
  EXPECT_EQ(analyze_envelopes(pcm, 16000, options).status().field(), "bins_per_octave");
  options = {};
  options.pitch.min_f0_hz = 5.0;
  EXPECT_EQ(analyze_envelopes(pcm, 16000, options).status().field(), "min_f0_hz");

  options = {};
  options.bins_per_octave = 24;
  Result<SpectralEnvelopes> coarse = analyze_envelopes(pcm, 16000, options);
  ASSERT_TRUE(coarse.ok());
  EXPECT_EQ(formant_scale(*coarse, envelopes({})).status().code(), StatusCode::kInvalidArgument);
  options = {};
  options.high_hz = 3000.0;  // does not reach the 5075 Hz the search needs
  Result<SpectralEnvelopes> narrow = analyze_envelopes(pcm, 16000, options);
  ASSERT_TRUE(narrow.ok());
  EXPECT_EQ(formant_scale(*narrow, *narrow).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace voxwire::audio
