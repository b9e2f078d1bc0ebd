#include "audio/voice_effect.h"

#include <gtest/gtest.h>

#include "audio/audio_test_util.h"

namespace voxwire::audio {
namespace {

using test_util::band_power;
using test_util::db;
using test_util::sine;
using test_util::to_int16;
using test_util::tone_power;

constexpr int kRate = 24000;

VoiceEffect effect(std::string_view name, std::optional<std::string_view> value = std::nullopt) {
  Result<VoiceEffect> parsed = parse_voice_effect(name, value, kRate);
  EXPECT_TRUE(parsed.ok()) << parsed.status().message();
  return parsed.ok() ? *parsed : VoiceEffect{};
}

// `in` through a filter of `e`, in chunks of uneven sizes.
std::vector<int16_t> filtered(const VoiceEffect& e, std::vector<int16_t> in) {
  VoiceEffectFilter filter(e, kRate);
  std::span<int16_t> rest(in);
  for (std::size_t chunk = 1; !rest.empty(); chunk = chunk * 3 + 1) {
    const std::size_t n = std::min(chunk, rest.size());
    filter.process(rest.first(n));
    rest = rest.subspan(n);
  }
  return in;
}

// Gain in dB of `e` for a 1 s tone at `hz` (its first 100 ms, the filter's
// settling, left out).
double gain_db(const VoiceEffect& e, double hz) {
  const std::vector<int16_t> in = to_int16(sine(kRate, hz, 1.0, 0.25));
  const std::vector<int16_t> out = filtered(e, in);
  const std::span<const int16_t> settled_in = std::span(in).subspan(kRate / 10);
  const std::span<const int16_t> settled_out = std::span(out).subspan(kRate / 10);
  return db(tone_power(settled_out, kRate, hz) / tone_power(settled_in, kRate, hz));
}

TEST(VoiceEffectTest, LowpassesPassLowTonesAndCutHighOnes) {
  for (const VoiceEffect& e : {effect("lowpass"), effect("lpfilter", "1000")}) {
    EXPECT_NEAR(gain_db(e, 200), 0, 1);
    EXPECT_LT(gain_db(e, 4000), -12);
  }
  EXPECT_LT(gain_db(effect("lpfilter", "500"), 2000), -12);
  EXPECT_NEAR(gain_db(effect("lpfilter", "3000"), 1000), 0, 1);
}

TEST(VoiceEffectTest, HighpassPassesHighTonesAndCutsLowOnes) {
  const VoiceEffect e = effect("hpfilter", "1000");
  EXPECT_NEAR(gain_db(e, 4000), 0, 1);
  EXPECT_LT(gain_db(e, 200), -12);
}

TEST(VoiceEffectTest, EqRaisesAndLowersItsBands) {
  const VoiceEffect boost = effect("eq", "0 0 0 0 0 12 0 0");
  EXPECT_NEAR(gain_db(boost, 1600), 12, 0.5);
  EXPECT_NEAR(gain_db(boost, 100), 0, 0.5);
  const VoiceEffect cut = effect("eq", " -20 +0 0 0 0 0 0 0 ");
  EXPECT_NEAR(gain_db(cut, 40), -20, 0.5);
  EXPECT_NEAR(gain_db(cut, 1600), 0, 0.5);
}

TEST(VoiceEffectTest, EchoRepeatsAnImpulse200MsLater) {
  std::vector<int16_t> impulse(kRate, 0);
  impulse[100] = 10000;
  const std::vector<int16_t> out = filtered(effect("echo"), impulse);
  EXPECT_EQ(out[100], 10000);
  EXPECT_EQ(out[100 + kRate / 5], 4000);   // one echo, 0.4 as loud
  EXPECT_EQ(out[100 + 2 * kRate / 5], 1600);  // and the echo of the echo
  EXPECT_EQ(out[100 + kRate / 10], 0);
}

TEST(VoiceEffectTest, RobotMovesATonesEnergyToSidebands) {
  const std::vector<int16_t> in = to_int16(sine(kRate, 1000, 1.0, 0.25));
  const std::vector<int16_t> out = filtered(effect("robot"), in);
  EXPECT_LT(db(tone_power(out, kRate, 1000) / tone_power(in, kRate, 1000)), -20);
  EXPECT_NEAR(db((tone_power(out, kRate, 930) + tone_power(out, kRate, 1070)) / tone_power(in, kRate, 1000)), -3, 1);
  EXPECT_NEAR(db(band_power(out, kRate, 800, 1200) / band_power(in, kRate, 800, 1200)), -3, 1);
}

TEST(VoiceEffectTest, LolitaAndEchoLeaveTheFirstSamplesAsTheyAre) {
  const std::vector<int16_t> in = to_int16(sine(kRate, 300, 0.1, 0.25));
  EXPECT_EQ(filtered(effect("lolita"), in), in);
  EXPECT_EQ(filtered(effect("echo"), in), in);  // shorter than the delay
}

TEST(VoiceEffectTest, BadNamesAndValuesAreRefused) {
  auto error = [](std::string_view name, std::optional<std::string_view> value, int rate = kRate) {
    Result<VoiceEffect> e = parse_voice_effect(name, value, rate);
    return e.ok() ? std::string() : e.status().message();
  };
  EXPECT_NE(error("chorus", std::nullopt).find("<speak effect> must be one of"), std::string::npos);
  for (std::string_view value : {"", "1 2 3 4 5 6 7", "1 2 3 4 5 6 7 8 9", "1 2 3 4 5 6 7 21", "1 2 3 4 5 6 7 1.5",
                                 "1,2,3,4,5,6,7,8", "a b c d e f g h"}) {
    EXPECT_NE(error("eq", value).find("needs effectValue: 8 integers in [-20, 20]"), std::string::npos) << value;
  }
  EXPECT_NE(error("eq", std::nullopt).find("effectValue"), std::string::npos);
  EXPECT_EQ(error("eq", "-20 20 0 0 0 0 0 0"), "");
  for (std::string_view value : {"0", "-5", "12001", "abc", "1k", ""}) {
    EXPECT_EQ(error("hpfilter", value), "<speak effect=\"hpfilter\"> needs effectValue: a cut-off frequency in Hz in (0, "
                                        "12000] (half the sample rate)")
        << value;
  }
  EXPECT_NE(error("lpfilter", "4001", 8000).find("(0, 4000]"), std::string::npos);
  EXPECT_EQ(error("lpfilter", "12000"), "");
  EXPECT_EQ(error("lpfilter", "0.5"), "");
  EXPECT_EQ(error("robot", "anything"), "");  // a value the effect does not use is ignored
}

TEST(VoiceEffectTest, CutOffsAtNyquistStayStable) {
  const std::vector<int16_t> out = filtered(effect("lpfilter", "12000"), to_int16(sine(kRate, 1000, 1.0, 0.25)));
  EXPECT_NEAR(test_util::rms<int16_t>(out), 0.25 * 32767 / std::sqrt(2), 200);
}

}  // namespace
}  // namespace voxwire::audio
