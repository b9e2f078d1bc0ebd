#include "inference/ssml_audio.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <string>
#include <vector>

#include "audio/wav_header.h"

namespace voxwire::inference {
namespace {

std::string wav_of(const std::vector<int16_t>& samples, int rate = 16000) {
  std::string wav = audio::wav_header(rate, static_cast<uint32_t>(samples.size() * 2));
  wav.append(reinterpret_cast<const char*>(samples.data()), samples.size() * 2);
  return wav;
}

std::string error_of(const std::string& wav) {
  Result<std::vector<int16_t>> r = read_ssml_wav(wav, 16000);
  EXPECT_FALSE(r.ok());
  return r.ok() ? "" : r.status().message();
}

TEST(SsmlAudio, ReadsA16kMonoWavAtTheTasksRate) {
  std::vector<int16_t> tone(8000);
  for (std::size_t i = 0; i < tone.size(); ++i) tone[i] = static_cast<int16_t>(10000 * std::sin(2 * std::numbers::pi * 1000 * i / 16000.0));
  Result<std::vector<int16_t>> same = read_ssml_wav(wav_of(tone), 16000);
  ASSERT_TRUE(same.ok()) << same.status().message();
  EXPECT_EQ(*same, tone);  // equal rates pass through untouched
  Result<std::vector<int16_t>> up = read_ssml_wav(wav_of(tone), 48000);
  ASSERT_TRUE(up.ok());
  EXPECT_EQ(up->size(), 24000u);
}

TEST(SsmlAudio, RefusesAnythingButA16kMono16BitWavOfAtMost2MB) {
  EXPECT_EQ(error_of("ID3 not a wav at all"), "it is not a WAV file");
  EXPECT_EQ(error_of(wav_of(std::vector<int16_t>(100), 24000)), "it must be 16 kHz mono 16-bit PCM WAV");
  std::string stereo = wav_of(std::vector<int16_t>(100));
  stereo[22] = 2;
  EXPECT_EQ(error_of(stereo), "it must be 16 kHz mono 16-bit PCM WAV");
  std::string eight_bit = wav_of(std::vector<int16_t>(100));
  eight_bit[34] = 8;
  EXPECT_EQ(error_of(eight_bit), "it must be 16 kHz mono 16-bit PCM WAV");
  EXPECT_EQ(error_of(wav_of({})), "it holds no samples");
  EXPECT_EQ(error_of(wav_of(std::vector<int16_t>(kMaxSsmlAudioBytes / 2))), "it is larger than 2 MB");
}

TEST(SsmlAudio, BackgroundIsLoopedAndScaledUnderTheSpeech) {
  const std::vector<int16_t> bgm{1000, 2000, 3000};
  std::vector<int16_t> speech{10, 10, 10, 10};
  std::size_t position = 0;
  mix_background(speech, bgm, 50, &position);
  EXPECT_EQ(speech, (std::vector<int16_t>{510, 1010, 1510, 510}));
  EXPECT_EQ(position, 1u);
  std::vector<int16_t> loud{32000};
  mix_background(loud, bgm, 100, &position);  // saturates
  EXPECT_EQ(loud[0], 32767);
  EXPECT_EQ(position, 2u);
}

}  // namespace
}  // namespace voxwire::inference
