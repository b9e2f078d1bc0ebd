#include "audio/pitch_tracker.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <random>
#include <vector>

namespace voxwire::audio {
namespace {

// Sum of harmonics first..last of f0_hz with amplitude peak / k, `seconds` long.
std::vector<int16_t> harmonics(double f0_hz, int first, int last, int rate_hz, double seconds, double peak = 0.5) {
  std::vector<int16_t> pcm(static_cast<std::size_t>(seconds * rate_hz));
  double norm = 0.0;
  for (int k = first; k <= last; ++k) norm += 1.0 / k;
  for (std::size_t i = 0; i < pcm.size(); ++i) {
    const double t = static_cast<double>(i) / rate_hz;
    double v = 0.0;
    for (int k = first; k <= last; ++k) v += std::sin(2.0 * std::numbers::pi * f0_hz * k * t + 0.3 * k) / k;
    pcm[i] = static_cast<int16_t>(std::lround(32767.0 * peak * v / norm));
  }
  return pcm;
}

PitchStats analyze(const std::vector<int16_t>& pcm, int rate_hz) {
  Result<PitchStats> r = analyze_pitch(pcm, rate_hz);
  EXPECT_TRUE(r.ok()) << r.status().to_string();
  return r.ok() ? std::move(r).value() : PitchStats{};
}

class ToneTest : public ::testing::TestWithParam<int> {};

TEST_P(ToneTest, PureToneMedianWithinTwoPercent) {
  const int rate = GetParam();
  for (double f0 : {80.0, 100.0, 130.0, 180.0, 220.0, 280.0, 350.0, 400.0}) {
    const PitchStats s = analyze(harmonics(f0, 1, 1, rate, 1.0), rate);
    EXPECT_NEAR(s.median_hz, f0, 0.02 * f0) << "f0=" << f0 << " rate=" << rate;
    EXPECT_GT(s.voiced_fraction, 0.9) << "f0=" << f0;
  }
}

TEST_P(ToneTest, MissingFundamentalMedianWithinTwoPercent) {
  const int rate = GetParam();
  for (double f0 : {80.0, 110.0, 150.0, 200.0, 260.0, 330.0, 400.0}) {
    // Harmonics 2..8 only: no energy at f0 itself.
    const PitchStats s = analyze(harmonics(f0, 2, 8, rate, 1.0), rate);
    EXPECT_NEAR(s.median_hz, f0, 0.02 * f0) << "f0=" << f0 << " rate=" << rate;
    EXPECT_GT(s.voiced_fraction, 0.9) << "f0=" << f0;
  }
}

TEST_P(ToneTest, WhiteNoiseIsMostlyUnvoiced) {
  const int rate = GetParam();
  std::mt19937 rng(7);
  std::normal_distribution<double> gauss(0.0, 6000.0);
  std::vector<int16_t> pcm(rate * 2);
  for (int16_t& s : pcm) s = static_cast<int16_t>(std::clamp(gauss(rng), -32768.0, 32767.0));
  const PitchStats s = analyze(pcm, rate);
  EXPECT_LT(s.voiced_fraction, 0.05);
  EXPECT_FALSE(s.track_hz.empty());
}

TEST_P(ToneTest, SilenceAndQuietToneAreUnvoiced) {
  const int rate = GetParam();
  const PitchStats silent = analyze(std::vector<int16_t>(rate, 0), rate);
  EXPECT_EQ(silent.voiced_fraction, 0.0);
  EXPECT_EQ(silent.median_hz, 0.0);
  EXPECT_FALSE(silent.track_hz.empty());
  // A 200 Hz tone at about -63 dBFS RMS sits under the -45 dBFS gate.
  const PitchStats quiet = analyze(harmonics(200.0, 1, 1, rate, 1.0, 0.001), rate);
  EXPECT_EQ(quiet.voiced_fraction, 0.0);
}

INSTANTIATE_TEST_SUITE_P(Rates, ToneTest, ::testing::Values(16000, 24000));

TEST(PitchTracker, TrackFollowsAStepAndPercentilesSpanIt) {
  const int rate = 24000;
  std::vector<int16_t> pcm = harmonics(150.0, 1, 4, rate, 1.0);
  const std::vector<int16_t> high = harmonics(300.0, 1, 4, rate, 1.0);
  pcm.insert(pcm.end(), high.begin(), high.end());
  const PitchStats s = analyze(pcm, rate);
  ASSERT_NEAR(s.hop_s, 0.010, 1e-6);
  const std::size_t mid = s.track_hz.size() / 2;
  EXPECT_NEAR(s.track_hz[mid / 2], 150.0, 3.0);
  EXPECT_NEAR(s.track_hz[mid + mid / 2], 300.0, 6.0);
  EXPECT_NEAR(s.p10_hz, 150.0, 3.0);
  EXPECT_NEAR(s.p90_hz, 300.0, 6.0);
}

TEST(PitchTracker, VoicedFractionCountsSilentGaps) {
  const int rate = 16000;
  std::vector<int16_t> pcm = harmonics(200.0, 1, 3, rate, 1.0);
  pcm.resize(pcm.size() * 2, 0);  // one second of tone, one of silence
  const PitchStats s = analyze(pcm, rate);
  EXPECT_NEAR(s.voiced_fraction, 0.5, 0.05);
  EXPECT_NEAR(s.median_hz, 200.0, 4.0);
}

TEST(PitchTracker, ShortInputGivesEmptyStats) {
  const PitchStats s = analyze(std::vector<int16_t>(100, 1000), 24000);
  EXPECT_TRUE(s.track_hz.empty());
  EXPECT_EQ(s.median_hz, 0.0);
  EXPECT_EQ(s.voiced_fraction, 0.0);
}

TEST(PitchTracker, RejectsBadOptions) {
  const std::vector<int16_t> pcm(24000, 0);
  EXPECT_EQ(analyze_pitch(pcm, 0).status().field(), "sample_rate_hz");
  PitchOptions o;
  o.max_f0_hz = 50.0;
  EXPECT_EQ(analyze_pitch(pcm, 24000, o).status().field(), "max_f0_hz");
  o = {};
  o.max_f0_hz = 5000.0;  // above a quarter of the 12 kHz analysis rate
  EXPECT_EQ(analyze_pitch(pcm, 24000, o).status().field(), "max_f0_hz");
  o = {};
  o.hop_ms = 0.0;
  EXPECT_EQ(analyze_pitch(pcm, 24000, o).status().field(), "hop_ms");
  o = {};
  o.max_aperiodicity = 0.1;
  EXPECT_EQ(analyze_pitch(pcm, 24000, o).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace voxwire::audio
