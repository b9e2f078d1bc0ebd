#include "audio/resampler.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "audio/audio_test_util.h"

namespace voxwire::audio {
namespace {

using test_util::rms;
using test_util::sine;

// Resamples `in` in chunks of `chunk` samples, flush included.
std::vector<float> resample(int in_hz, int out_hz, std::span<const float> in, size_t chunk = 1000) {
  auto resampler = Resampler::create(in_hz, out_hz);
  EXPECT_TRUE(resampler.ok()) << resampler.status().to_string();
  std::vector<float> out;
  for (size_t i = 0; i < in.size(); i += chunk) {
    EXPECT_TRUE((*resampler)->process(in.subspan(i, std::min(chunk, in.size() - i)), &out).ok());
  }
  EXPECT_TRUE((*resampler)->flush(&out).ok());
  return out;
}

// The middle 80%, away from the filter's start and end transients.
std::span<const float> middle(const std::vector<float>& x) {
  return std::span(x).subspan(x.size() / 10, x.size() * 8 / 10);
}

// Frequency from the count of upward zero crossings.
double measured_hz(std::span<const float> x, int rate_hz) {
  int first = -1;
  int last = -1;
  int crossings = 0;
  for (size_t i = 1; i < x.size(); ++i) {
    if (x[i - 1] < 0 && x[i] >= 0) {
      if (first < 0) first = static_cast<int>(i);
      last = static_cast<int>(i);
      ++crossings;
    }
  }
  return crossings < 2 ? 0.0 : (crossings - 1) * static_cast<double>(rate_hz) / (last - first);
}

double db(double ratio) { return 20 * std::log10(ratio); }

struct RatePair {
  int in_hz;
  int out_hz;
};

class ResamplerRates : public ::testing::TestWithParam<RatePair> {};

TEST_P(ResamplerRates, KeepsTheFrequencyAndLevelOfAToneBelowNyquist) {
  const auto [in_hz, out_hz] = GetParam();
  const double hz = 0.3 * std::min(in_hz, out_hz);  // well inside the passband
  const auto in = sine(in_hz, hz, 1.0);
  const auto out = resample(in_hz, out_hz, in);
  EXPECT_NEAR(static_cast<double>(out.size()), static_cast<double>(in.size()) * out_hz / in_hz, 1.0);
  EXPECT_NEAR(measured_hz(middle(out), out_hz), hz, 0.002 * hz);
  EXPECT_NEAR(db(rms<float>(middle(out)) / rms<float>(middle(in))), 0.0, 0.05);
}

class DownsamplingRates : public ::testing::TestWithParam<RatePair> {};

TEST_P(DownsamplingRates, RemovesAToneAboveTheOutputNyquist) {
  const auto [in_hz, out_hz] = GetParam();
  // Tones between the output Nyquist and the input Nyquist would fold to
  // out_hz - hz if the filter let them through: one just past the output
  // Nyquist (5% over: soxr's stopband starts at Nyquist), one well past it.
  for (double hz : {0.525 * out_hz, 0.5 * out_hz + 0.4 * (0.5 * in_hz - 0.5 * out_hz)}) {
    const auto in = sine(in_hz, hz, 1.0);
    const auto out = resample(in_hz, out_hz, in);
    ASSERT_NEAR(static_cast<double>(out.size()), static_cast<double>(out_hz), 1.0);
    const double attenuation_db = db(rms<float>(middle(out)) / rms<float>(middle(in)));
    RecordProperty("attenuation_db_at_" + std::to_string(static_cast<int>(hz)) + "_hz", std::to_string(attenuation_db));
    EXPECT_LT(attenuation_db, -90.0) << "a " << hz << " Hz tone leaks into " << out_hz << " Hz output";
  }
}

TEST_P(ResamplerRates, ChunkingDoesNotChangeTheOutput) {
  const auto [in_hz, out_hz] = GetParam();
  const auto in = test_util::sine(in_hz, 440.0, 0.5);
  const auto whole = resample(in_hz, out_hz, in, in.size());
  const auto chunked = resample(in_hz, out_hz, in, 7);
  ASSERT_EQ(whole.size(), chunked.size());
  for (size_t i = 0; i < whole.size(); ++i) ASSERT_NEAR(whole[i], chunked[i], 1e-6) << i;
}

// A realtime client should not wait long for audio the engine has already
// produced: after 300 ms of input in 10 ms pushes, at most 60 ms is held.
TEST_P(ResamplerRates, HoldsBackLittleAudio) {
  const auto [in_hz, out_hz] = GetParam();
  const auto in = sine(in_hz, 440.0, 0.3);
  auto resampler = Resampler::create(in_hz, out_hz);
  ASSERT_TRUE(resampler.ok());
  std::vector<float> out;
  const auto chunk = static_cast<size_t>(in_hz / 100);
  for (size_t i = 0; i < in.size(); i += chunk) {
    ASSERT_TRUE((*resampler)->process(std::span(in).subspan(i, std::min(chunk, in.size() - i)), &out).ok());
  }
  const double held_ms = (0.3 * out_hz - static_cast<double>(out.size())) * 1000.0 / out_hz;
  RecordProperty("held_ms", std::to_string(held_ms));
  EXPECT_LT(held_ms, 60.0);
}

std::string pair_name(const ::testing::TestParamInfo<RatePair>& info) {
  return std::to_string(info.param.in_hz) + "_to_" + std::to_string(info.param.out_hz);
}

INSTANTIATE_TEST_SUITE_P(EngineToOutput, ResamplerRates,
                         ::testing::Values(RatePair{16000, 8000}, RatePair{16000, 22050}, RatePair{16000, 24000},
                                           RatePair{16000, 44100}, RatePair{16000, 48000}, RatePair{22050, 8000},
                                           RatePair{22050, 16000}, RatePair{22050, 24000}, RatePair{22050, 48000},
                                           RatePair{48000, 22050}),
                         pair_name);

INSTANTIATE_TEST_SUITE_P(Down, DownsamplingRates,
                         ::testing::Values(RatePair{16000, 8000}, RatePair{22050, 8000}, RatePair{22050, 16000},
                                           RatePair{24000, 8000}, RatePair{48000, 16000}, RatePair{48000, 22050}),
                         pair_name);

TEST(Resampler, EqualRatesPassSamplesThrough) {
  const auto in = sine(24000, 1000.0, 0.1);
  const auto out = resample(24000, 24000, in, 33);
  EXPECT_EQ(out, in);
}

TEST(Resampler, RejectsRatesOutOfRange) {
  EXPECT_EQ(Resampler::create(0, 24000).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Resampler::create(16000, -1).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Resampler::create(16000, Resampler::kMaxRateHz + 1).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace voxwire::audio
