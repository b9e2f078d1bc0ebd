// End-to-end checks of make_pipeline: every format at every rate, decoded by
// ffmpeg/ffprobe (and opusinfo for Ogg), bit rates, volume, a mid-stream
// engine rate change, and config validation.
#include "audio/pipeline.h"

#include <gtest/gtest.h>

#include <cstring>
#include <numbers>
#include <thread>
#include <tuple>

#include "audio/audio_test_util.h"
#include "audio/gain.h"

namespace voxwire::audio {
namespace {

using test_util::Decoded;
using test_util::ffmpeg_decode;
using test_util::full_scale_runs;
using test_util::render;
using test_util::rms;
using test_util::run;
using test_util::speech_like;
using test_util::TempFile;

// Long enough that a tagless MP3's encoder delay and padding (about 0.17 s
// at 8 kHz) stay well inside the 5% duration tolerance.
constexpr double kInputSeconds = 6.0;

PipelineConfig config_for(AudioFormat format, int rate_hz, int bit_rate_kbps = 128, int volume = 50) {
  PipelineConfig config;
  config.encoder = {format, rate_hz, bit_rate_kbps};
  config.volume = volume;
  return config;
}

std::string suffix(AudioFormat format) {
  return std::string(".") + std::string(format_name(format));
}

// Decodes the pipeline output with ffmpeg; raw PCM needs its layout spelled out.
Decoded decode(const std::string& bytes, AudioFormat format, int rate_hz) {
  TempFile file(bytes, suffix(format));
  const std::string input_args =
      format == AudioFormat::kPcm ? "-f s16le -ar " + std::to_string(rate_hz) + " -ac 1" : "";
  return ffmpeg_decode(file.path(), input_args);
}

const char* expected_codec(AudioFormat format) {
  switch (format) {
    case AudioFormat::kPcm:
    case AudioFormat::kWav:
      return "pcm_s16le";
    case AudioFormat::kMp3: return "mp3";
    case AudioFormat::kOpus: return "opus";
    case AudioFormat::kAac: return "aac";
    case AudioFormat::kFlac: return "flac";
  }
  return "";
}

using MatrixParam = std::tuple<AudioFormat, int /*output rate*/, int /*engine rate*/>;

class FormatRateMatrix : public ::testing::TestWithParam<MatrixParam> {};

// Every format at every rate, fed unevenly from a 16 kHz and a 22.05 kHz
// engine, decodes as mono at the declared rate, lasts as long as the PCM
// rendering (within 5%) and carries comparable energy. Opus decoders always
// run at 48 kHz (RFC 7845 §5.1), so for opus ffprobe must report 48000 and
// opusinfo must report the requested rate as OpusHead's input sample rate.
TEST_P(FormatRateMatrix, DecodesAtTheDeclaredRateWithTheRightDuration) {
  const auto [format, rate_hz, engine_rate_hz] = GetParam();
  const auto input = speech_like(engine_rate_hz, kInputSeconds);

  const std::string pcm_bytes = render(config_for(AudioFormat::kPcm, rate_hz), input, engine_rate_hz);
  const double pcm_seconds = static_cast<double>(pcm_bytes.size() / 2) / rate_hz;
  EXPECT_NEAR(pcm_seconds, kInputSeconds, 0.001);
  std::vector<int16_t> reference(pcm_bytes.size() / 2);
  std::memcpy(reference.data(), pcm_bytes.data(), pcm_bytes.size());
  const double reference_rms = rms<int16_t>(reference);
  ASSERT_GT(reference_rms, 1000.0);

  auto pipeline = make_pipeline(config_for(format, rate_hz));
  ASSERT_TRUE(pipeline.ok()) << pipeline.status().to_string();
  const std::string bytes = test_util::push_uneven(**pipeline, input, engine_rate_hz);
  EXPECT_NEAR((*pipeline)->seconds(), pcm_seconds, 1e-9);

  const Decoded d = decode(bytes, format, rate_hz);
  EXPECT_EQ(d.errors, "");
  EXPECT_EQ(d.codec, expected_codec(format));
  EXPECT_EQ(d.channels, 1);
  const int declared_hz = format == AudioFormat::kOpus ? 48000 : rate_hz;
  EXPECT_EQ(d.sample_rate_hz, declared_hz);
  const double seconds = static_cast<double>(d.samples.size()) / declared_hz;
  EXPECT_NEAR(seconds, pcm_seconds, 0.05 * pcm_seconds);
  const double decoded_rms = rms<int16_t>(d.samples);
  EXPECT_GT(decoded_rms, 0.5 * reference_rms);
  EXPECT_LT(decoded_rms, 1.5 * reference_rms);

  if (format == AudioFormat::kOpus) {
    TempFile file(bytes, ".opus");
    int status = 0;
    const std::string info = run("opusinfo '" + file.path() + "' 2>&1", &status);
    EXPECT_EQ(status, 0) << info;
    EXPECT_EQ(info.find("WARNING"), std::string::npos) << info;
    EXPECT_NE(info.find("Original sample rate: " + std::to_string(rate_hz) + " Hz"), std::string::npos) << info;
  }
}

std::string matrix_name(const ::testing::TestParamInfo<MatrixParam>& info) {
  const auto [format, rate_hz, engine_rate_hz] = info.param;
  return std::string(format_name(format)) + "_" + std::to_string(rate_hz) + "_from_" + std::to_string(engine_rate_hz);
}

INSTANTIATE_TEST_SUITE_P(All, FormatRateMatrix,
                         ::testing::Combine(::testing::Values(AudioFormat::kPcm, AudioFormat::kWav, AudioFormat::kMp3,
                                                              AudioFormat::kOpus),
                                            ::testing::ValuesIn(kSampleRates), ::testing::Values(16000, 22050)),
                         matrix_name);

class BitRate : public ::testing::TestWithParam<std::tuple<AudioFormat, int>> {};

// At 48 kHz both codecs offer 32 and 128 kbps; six seconds is 300 Opus
// packets and 250 MP3 frames, so one frame's rounding is far below 15%.
TEST_P(BitRate, MeasuredAverageIsWithinFifteenPercentOfTheRequest) {
  const auto [format, kbps] = GetParam();
  const auto input = speech_like(22050, kInputSeconds);
  const std::string bytes = render(config_for(format, 48000, kbps), input, 22050);
  const Decoded d = decode(bytes, format, 48000);
  const double seconds = static_cast<double>(d.samples.size()) / d.sample_rate_hz;
  ASSERT_GT(seconds, 5.0);
  const double codec_kbps = static_cast<double>(d.packet_bytes) * 8 / seconds / 1000;
  EXPECT_NEAR(codec_kbps, kbps, 0.15 * kbps);
  // Container included (Ogg pages, even with tiny pushes).
  const double file_kbps = static_cast<double>(bytes.size()) * 8 / seconds / 1000;
  RecordProperty("codec_kbps", std::to_string(codec_kbps));
  RecordProperty("file_kbps", std::to_string(file_kbps));
  EXPECT_NEAR(file_kbps, kbps, 0.15 * kbps);
}

INSTANTIATE_TEST_SUITE_P(Codecs, BitRate,
                         ::testing::Combine(::testing::Values(AudioFormat::kMp3, AudioFormat::kOpus),
                                            ::testing::Values(32, 128)),
                         [](const auto& info) {
                           return std::string(format_name(std::get<0>(info.param))) + "_" +
                                  std::to_string(std::get<1>(info.param)) + "kbps";
                         });

class Volume : public ::testing::TestWithParam<AudioFormat> {};

// A loud input (peaks at 99% of full scale): louder settings are louder,
// and nothing clips even at +12 dB, before or after a lossy codec.
TEST_P(Volume, LouderIsLouderAndNeverClips) {
  const AudioFormat format = GetParam();
  const auto input = speech_like(16000, 3.0, 0.99);
  double previous_rms = 0.0;
  for (int volume : {10, 50, 100}) {
    const Decoded d = decode(render(config_for(format, 24000, 128, volume), input, 16000), format, 24000);
    const double level = rms<int16_t>(d.samples);
    EXPECT_GT(level, previous_rms) << "volume " << volume;
    previous_rms = level;
    EXPECT_EQ(full_scale_runs(d.samples), 0) << "volume " << volume;
    if (format == AudioFormat::kPcm) {
      for (int16_t s : d.samples) ASSERT_LE(std::abs(s), static_cast<int>(kLimiterCeiling * 32768) + 1);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Formats, Volume,
                         ::testing::Values(AudioFormat::kPcm, AudioFormat::kMp3, AudioFormat::kOpus),
                         [](const auto& info) { return std::string(format_name(info.param)); });

TEST(Volume, ZeroIsSilence) {
  const auto input = speech_like(16000, 1.0);
  const std::string bytes = render(config_for(AudioFormat::kPcm, 16000, 128, 0), input, 16000);
  ASSERT_EQ(bytes.size(), 2 * input.size());
  EXPECT_EQ(bytes, std::string(bytes.size(), '\0'));
}

// An engine switching from 16 kHz to 22.05 kHz between pushes: the old
// resampler is drained before the new one starts, so the output is one
// continuous stream, as long as both inputs together.
TEST(RateChange, OutputIsContinuousAndOfTheRightLength) {
  constexpr int kOutHz = 24000;
  constexpr double kHz = 300.0;
  const auto first = test_util::to_int16(test_util::sine(16000, kHz, 1.0));
  // The second part continues the sine's phase, so any gap or repeat shows.
  const auto second = test_util::to_int16(test_util::sine(22050, kHz, 1.0, 0.5, 2 * std::numbers::pi * kHz * 1.0));
  auto pipeline = make_pipeline(config_for(AudioFormat::kPcm, kOutHz));
  ASSERT_TRUE(pipeline.ok());
  std::string bytes;
  const auto push_all = [&](std::span<const int16_t> pcm, int rate_hz, size_t chunk) {
    for (size_t i = 0; i < pcm.size(); i += chunk) {
      ASSERT_TRUE((*pipeline)->push(pcm.subspan(i, std::min(chunk, pcm.size() - i)), rate_hz, &bytes).ok());
    }
  };
  push_all(first, 16000, 333);
  push_all(second, 22050, 441);
  ASSERT_TRUE((*pipeline)->finish(&bytes).ok());
  std::vector<int16_t> out(bytes.size() / 2);
  std::memcpy(out.data(), bytes.data(), bytes.size());
  EXPECT_NEAR(static_cast<double>(out.size()), 2.0 * kOutHz, 2.0);
  EXPECT_DOUBLE_EQ((*pipeline)->seconds(), static_cast<double>(out.size()) / kOutHz);

  // Every 10 ms window keeps the sine's level (0.5 FS -> RMS 11585), the
  // seam at 1 s included, and the waveform matches the ideal sine there.
  const size_t window = kOutHz / 100;
  for (size_t start = 0; start + window <= out.size(); start += window / 2) {
    const double level = rms<int16_t>(std::span(out).subspan(start, window));
    ASSERT_NEAR(level, 11585.0, 0.1 * 11585.0) << "at sample " << start;
  }
  double worst = 0.0;
  for (size_t i = kOutHz - 240; i < kOutHz + 240; ++i) {
    const double ideal = 0.5 * 32767 * std::sin(2 * std::numbers::pi * kHz * static_cast<double>(i) / kOutHz);
    worst = std::max(worst, std::fabs(out[i] - ideal));
  }
  RecordProperty("worst_seam_error", std::to_string(worst));
  EXPECT_LT(worst, 0.1 * 16384) << "the seam departs from the continuous sine";
}

// Distinct pipelines on distinct threads (as worker threads run them) give
// the same bytes as one at a time. Ogg streams differ only in their random
// serial number (and so CRCs), so for opus the sizes are compared.
TEST(Pipeline, ConcurrentPipelinesAreIndependent) {
  const auto input = speech_like(22050, 1.0);
  std::vector<PipelineConfig> configs;
  for (AudioFormat format : {AudioFormat::kPcm, AudioFormat::kWav, AudioFormat::kMp3, AudioFormat::kOpus}) {
    configs.push_back(config_for(format, 24000, 64, 80));
    configs.push_back(config_for(format, 44100, 96, 30));
  }
  std::vector<std::string> sequential;
  for (const auto& config : configs) sequential.push_back(render(config, input, 22050));
  std::vector<std::string> concurrent(configs.size());
  std::vector<std::thread> threads;
  for (size_t i = 0; i < configs.size(); ++i) {
    threads.emplace_back([&, i] { concurrent[i] = render(configs[i], input, 22050); });
  }
  for (auto& t : threads) t.join();
  for (size_t i = 0; i < configs.size(); ++i) {
    if (configs[i].encoder.format == AudioFormat::kOpus) {
      EXPECT_EQ(concurrent[i].size(), sequential[i].size()) << i;
    } else {
      EXPECT_EQ(concurrent[i], sequential[i]) << i;
    }
  }
}

TEST(Pipeline, InvalidConfigsNameTheWireField) {
  struct Case {
    PipelineConfig config;
    const char* field;
  };
  const Case cases[] = {
      {config_for(AudioFormat::kPcm, 11025), "sample_rate"},
      {config_for(AudioFormat::kPcm, 0), "sample_rate"},
      {config_for(AudioFormat::kOpus, 24000, 5), "bit_rate"},
      {config_for(AudioFormat::kMp3, 24000, 511), "bit_rate"},
      {config_for(AudioFormat::kWav, 24000, 128, -1), "volume"},
      {config_for(AudioFormat::kWav, 24000, 128, 101), "volume"},
      {config_for(static_cast<AudioFormat>(7), 24000), "response_format"},
  };
  for (const Case& c : cases) {
    auto pipeline = make_pipeline(c.config);
    ASSERT_FALSE(pipeline.ok()) << c.field;
    EXPECT_EQ(pipeline.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(pipeline.status().field(), c.field);
    EXPECT_EQ(validate_pipeline_config(c.config).field(), c.field);
  }
  EXPECT_TRUE(validate_pipeline_config(config_for(AudioFormat::kOpus, 44100, 510, 0)).ok());
}

TEST(Pipeline, RejectsBadEngineRatesAndMisuse) {
  auto pipeline = make_pipeline(config_for(AudioFormat::kPcm, 24000));
  ASSERT_TRUE(pipeline.ok());
  std::string out;
  const int16_t pcm[4] = {1, 2, 3, 4};
  EXPECT_EQ((*pipeline)->push(pcm, 0, &out).code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE((*pipeline)->push(pcm, 24000, &out).ok());
  EXPECT_TRUE((*pipeline)->finish(&out).ok());
  EXPECT_EQ(out.size(), 8u);
  EXPECT_FALSE((*pipeline)->push(pcm, 24000, &out).ok());
  EXPECT_FALSE((*pipeline)->finish(&out).ok());
}

TEST(Pipeline, EmptyResponseIsAValidEmptyStream) {
  for (AudioFormat format : {AudioFormat::kPcm, AudioFormat::kWav, AudioFormat::kMp3, AudioFormat::kOpus}) {
    auto pipeline = make_pipeline(config_for(format, 24000));
    ASSERT_TRUE(pipeline.ok());
    std::string out;
    ASSERT_TRUE((*pipeline)->finish(&out).ok());
    EXPECT_EQ((*pipeline)->seconds(), 0.0);
    if (format == AudioFormat::kWav) {
      EXPECT_EQ(out.size(), 44u);
    }
    if (format == AudioFormat::kOpus) {
      EXPECT_EQ(out.substr(0, 4), "OggS");
    }
  }
}

}  // namespace
}  // namespace voxwire::audio
