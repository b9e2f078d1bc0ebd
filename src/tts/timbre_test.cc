// Timbre (tts/voice_shaping.h) as both engines realize it, measured on their
// audio: formant scale moves formants and leaves F0 alone, breathiness adds
// noise, brightness tilts the spectrum.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "audio/spectral_envelope.h"
#include "tts/espeak_engine.h"
#include "tts/flite_engine.h"

namespace voxwire {
namespace {

Engine& flite() {
  static const std::unique_ptr<Engine> engine = [] {
    Result<std::unique_ptr<Engine>> made = make_flite_engine();
    EXPECT_TRUE(made.ok()) << made.status().to_string();
    return std::move(made).value();
  }();
  return *engine;
}

Engine& espeak() {
  static const std::unique_ptr<EspeakEngine> engine = [] {
    Result<std::unique_ptr<EspeakEngine>> made = make_espeak_engine();
    EXPECT_TRUE(made.ok()) << made.status().to_string();
    return std::move(made).value();
  }();
  return *engine;
}

struct Pcm : AudioSink {
  std::vector<int16_t> samples;
  int rate_hz = 0;
  void on_audio(std::span<const int16_t> chunk, int rate) override {
    samples.insert(samples.end(), chunk.begin(), chunk.end());
    rate_hz = rate;
  }
};

struct Case {
  const char* label;
  Engine& (*engine)();
  Language language;
  const char* text;
  Gender gender;
  double f0_hz;
};

// What the analysis of one rendering shows.
struct Heard {
  double median_f0_hz = 0.0;
  double hnr_db = 0.0;
  double tilt_db_per_octave = 0.0;
  audio::SpectralEnvelopes envelopes;
};

audio::PitchOptions pitch_options() {
  audio::PitchOptions options;
  options.min_f0_hz = 50.0;
  options.max_f0_hz = 600.0;
  return options;
}

Heard hear(const Case& c, double formant_scale, double breathiness, double brightness) {
  VoiceProfile voice;
  voice.gender = c.gender;
  voice.median_f0_hz = c.f0_hz;
  voice.formant_scale = formant_scale;
  voice.breathiness = breathiness;
  voice.brightness = brightness;
  Pcm pcm;
  const Status s = c.engine().synthesize({c.text, c.language, voice}, pcm, CancelToken());
  EXPECT_TRUE(s.ok()) << s.to_string();
  audio::EnvelopeOptions options;
  options.pitch = pitch_options();
  Heard heard;
  heard.median_f0_hz = audio::analyze_pitch(pcm.samples, pcm.rate_hz, options.pitch)->median_hz;
  heard.hnr_db = *audio::harmonics_to_noise_db(pcm.samples, pcm.rate_hz, options.pitch);
  heard.envelopes = std::move(audio::analyze_envelopes(pcm.samples, pcm.rate_hz, options)).value();
  heard.tilt_db_per_octave = audio::spectral_tilt_db_per_octave(heard.envelopes);
  return heard;
}

double scale_between(const Heard& voice, const Heard& reference) {
  Result<double> s = audio::formant_scale(voice.envelopes, reference.envelopes);
  EXPECT_TRUE(s.ok()) << s.status().to_string();
  return s.ok() ? *s : 0.0;
}

class Timbre : public ::testing::TestWithParam<Case> {};

TEST_P(Timbre, FormantScaleMovesFormantsAndKeepsF0) {
  const Case& c = GetParam();
  const Heard plain = hear(c, 1.0, 0.0, 0.0);
  const Heard small = hear(c, 1.15, 0.0, 0.0);  // a shorter vocal tract
  const Heard large = hear(c, 0.9, 0.0, 0.0);
  EXPECT_NEAR(scale_between(small, plain), 1.15, 0.04);
  EXPECT_NEAR(scale_between(large, plain), 0.9, 0.03);
  EXPECT_NEAR(scale_between(small, large), 1.15 / 0.9, 0.06);
  EXPECT_NEAR(small.median_f0_hz / large.median_f0_hz, 1.0, 0.03);
  EXPECT_NEAR(small.median_f0_hz / plain.median_f0_hz, 1.0, 0.03);
}

TEST_P(Timbre, BreathinessLowersTheHarmonicsToNoiseRatio) {
  const Case& c = GetParam();
  const Heard modal = hear(c, 1.0, 0.0, 0.0);
  const Heard breathy = hear(c, 1.0, 0.9, 0.0);
  EXPECT_LT(breathy.hnr_db, modal.hnr_db - 2.5);
  EXPECT_NEAR(breathy.median_f0_hz / modal.median_f0_hz, 1.0, 0.06);
  // Breath noise fills the valleys between formants and biases the envelope
  // estimate (by up to 5% on espeak-ng, varying with what the engine spoke
  // before); a real formant shift from breathiness would be far larger.
  EXPECT_NEAR(scale_between(breathy, modal), 1.0, 0.065);
}

TEST_P(Timbre, BrightnessRaisesTheSpectralTilt) {
  const Case& c = GetParam();
  const Heard dark = hear(c, 1.0, 0.0, -0.8);
  const Heard plain = hear(c, 1.0, 0.0, 0.0);
  const Heard bright = hear(c, 1.0, 0.0, 0.8);
  EXPECT_GT(plain.tilt_db_per_octave, dark.tilt_db_per_octave + 0.8);
  EXPECT_GT(bright.tilt_db_per_octave, plain.tilt_db_per_octave + 0.8);
  EXPECT_NEAR(bright.median_f0_hz / dark.median_f0_hz, 1.0, 0.05);
}

std::string case_name(const ::testing::TestParamInfo<Case>& info) { return info.param.label; }

constexpr const char* kEnglish =
    "The quick brown fox jumps over the lazy dog. Did you remember to call your mother? What a beautiful day!";
constexpr const char* kChinese = "今天天气很好，我们一起去公园散步吧。你吃过晚饭了吗？这本书非常有意思！";
constexpr const char* kGerman = "Heute ist das Wetter sehr schön, wir gehen im Park spazieren. Hast du schon gegessen?";

INSTANTIATE_TEST_SUITE_P(BothEngines, Timbre,
                         ::testing::Values(Case{"flite_slt", &flite, Language::kEnglish, kEnglish, Gender::kFemale, 200},
                                           Case{"flite_rms", &flite, Language::kEnglish, kEnglish, Gender::kMale, 100},
                                           Case{"flite_awb", &flite, Language::kEnglish, kEnglish, Gender::kMale, 135},
                                           Case{"espeak_zh_woman", &espeak, Language::kChinese, kChinese,
                                                Gender::kFemale, 220},
                                           Case{"espeak_zh_man", &espeak, Language::kChinese, kChinese, Gender::kMale,
                                                105},
                                           Case{"espeak_de_man", &espeak, Language::kGerman, kGerman, Gender::kMale,
                                                125}),
                         case_name);

}  // namespace
}  // namespace voxwire
