#include "audio/pitch_shifter.h"

#include <gtest/gtest.h>

#include "audio/audio_test_util.h"
#include "audio/pitch_tracker.h"

namespace voxwire::audio {
namespace {

// A harmonic complex at f0 with a fixed spectral envelope (formant-like
// resonance near 1 kHz), 2 s.
std::vector<int16_t> voice_like(double f0, int rate) {
  std::vector<int16_t> out(2 * rate);
  for (std::size_t i = 0; i < out.size(); ++i) {
    double t = static_cast<double>(i) / rate, v = 0;
    for (int k = 1; f0 * k < rate / 2.0 && k <= 30; ++k) {
      double f = f0 * k;
      double envelope = 1.0 / (1.0 + std::pow((f - 1000.0) / 400.0, 2));
      v += envelope * std::sin(2 * M_PI * f * t);
    }
    out[i] = static_cast<int16_t>(std::lround(6000 * v));
  }
  return out;
}

std::vector<int16_t> shift(const std::vector<int16_t>& in, int rate, double factor) {
  auto shifter = PitchShifter::create(rate, factor);
  EXPECT_TRUE(shifter.ok());
  std::vector<int16_t> out;
  for (std::size_t at = 0; at < in.size(); at += 333) {
    (*shifter)->process(std::span<const int16_t>(in).subspan(at, std::min<std::size_t>(333, in.size() - at)), &out);
  }
  (*shifter)->finish(&out);
  return out;
}

TEST(PitchShifter, MovesF0ByTheFactorAndKeepsTheLength) {
  for (int rate : {16000, 22050}) {
    for (double factor : {0.6, 1.3, 1.8}) {
      SCOPED_TRACE(std::to_string(rate) + " x" + std::to_string(factor));
      auto in = voice_like(150.0, rate);
      auto out = shift(in, rate, factor);
      EXPECT_EQ(out.size(), in.size());
      auto stats = analyze_pitch(out, rate);
      ASSERT_TRUE(stats.ok());
      EXPECT_NEAR(stats->median_hz, 150.0 * factor, 150.0 * factor * 0.03);
      EXPECT_GT(test_util::rms<int16_t>(out), 0.5 * test_util::rms<int16_t>(in));
    }
  }
}

TEST(PitchShifter, RefusesAbsurdFactors) {
  EXPECT_FALSE(PitchShifter::create(16000, 0.1).ok());
  EXPECT_FALSE(PitchShifter::create(16000, 5.0).ok());
  EXPECT_FALSE(PitchShifter::create(4000, 1.5).ok());
}

}  // namespace
}  // namespace voxwire::audio
