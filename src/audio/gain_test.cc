#include "audio/gain.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "audio/audio_test_util.h"

namespace voxwire::audio {
namespace {

using test_util::full_scale_runs;
using test_util::rms;
using test_util::sine;

std::vector<int16_t> run_gain(int volume, std::span<const float> in, int rate_hz = 24000) {
  GainStage gain(volume, rate_hz);
  std::vector<int16_t> out;
  static constexpr size_t kChunks[] = {1, 100, 7, 480, 1999};
  size_t i = 0;
  for (size_t c = 0; i < in.size(); ++c) {
    const size_t n = std::min(kChunks[c % std::size(kChunks)], in.size() - i);
    gain.process(in.subspan(i, n), &out);
    i += n;
  }
  gain.flush(&out);
  return out;
}

TEST(VolumeCurve, UnityAtFiftySilenceAtZeroMonotonic) {
  EXPECT_DOUBLE_EQ(volume_gain(50), 1.0);
  EXPECT_DOUBLE_EQ(volume_gain(0), 0.0);
  EXPECT_DOUBLE_EQ(volume_gain_db(1), -40.0);
  EXPECT_DOUBLE_EQ(volume_gain_db(100), 12.0);
  for (int v = 1; v <= 100; ++v) EXPECT_GT(volume_gain(v), volume_gain(v - 1)) << v;
}

TEST(GainStage, UnityPassesQuietAudioUnchangedAndKeepsTheSampleCount) {
  const auto in = test_util::sine(24000, 440.0, 0.5, 0.5);
  const auto out = run_gain(50, in);
  ASSERT_EQ(out.size(), in.size());
  for (size_t i = 0; i < in.size(); ++i) ASSERT_NEAR(out[i], in[i] * 32768.0f, 1.0) << i;
}

TEST(GainStage, ShortInputStillComesOutWhole) {
  const std::vector<float> in = {0.1f, -0.2f, 0.3f};
  EXPECT_EQ(run_gain(50, in), (std::vector<int16_t>{3277, -6554, 9830}));
}

TEST(GainStage, LimiterHoldsLoudSpeechUnderTheCeiling) {
  const auto speech = test_util::speech_like(24000, 2.0, 0.99);
  std::vector<float> in(speech.size());
  for (size_t i = 0; i < in.size(); ++i) in[i] = speech[i] / 32768.0f;
  const auto loud = run_gain(100, in);
  const auto unity = run_gain(50, in);
  const int ceiling = static_cast<int>(std::ceil(kLimiterCeiling * 32768));
  for (int16_t s : loud) ASSERT_LE(std::abs(s), ceiling);
  EXPECT_EQ(full_scale_runs(loud), 0);
  EXPECT_GT(rms<int16_t>(loud), 1.1 * rms<int16_t>(unity));
}

// A steady 150 Hz tone driven 12 dB over the ceiling: after the attack the
// limiter settles on one gain, so the output is a clean, smaller sine (no
// pumping between peaks, no clipped tops).
TEST(GainStage, LimitedToneStaysASine) {
  constexpr int kRate = 24000;
  constexpr double kHz = 150.0;
  const auto in = sine(kRate, kHz, 1.0, 0.99);
  const auto out = run_gain(100, in, kRate);
  const auto settled = std::span(out).subspan(kRate / 2, kRate / 2);
  double c = 0, s = 0;
  for (size_t i = 0; i < settled.size(); ++i) {
    const double phase = 2 * std::numbers::pi * kHz * static_cast<double>(i + kRate / 2) / kRate;
    c += settled[i] * std::cos(phase);
    s += settled[i] * std::sin(phase);
  }
  const double a = 2 * s / static_cast<double>(settled.size());
  const double b = 2 * c / static_cast<double>(settled.size());
  double residual = 0;
  for (size_t i = 0; i < settled.size(); ++i) {
    const double phase = 2 * std::numbers::pi * kHz * static_cast<double>(i + kRate / 2) / kRate;
    const double e = settled[i] - (a * std::sin(phase) + b * std::cos(phase));
    residual += e * e;
  }
  residual = std::sqrt(residual / static_cast<double>(settled.size()));
  const double amplitude = std::hypot(a, b);
  EXPECT_NEAR(amplitude, kLimiterCeiling * 32768, 0.01 * 32768);
  EXPECT_LT(20 * std::log10(residual / (amplitude / std::sqrt(2.0))), -50.0);
}

}  // namespace
}  // namespace voxwire::audio
