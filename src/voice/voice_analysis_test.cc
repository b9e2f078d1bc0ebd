#include "voice/voice_analysis.h"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <numbers>
#include <random>
#include <string>
#include <vector>

#include "audio/audio_test_util.h"
#include "voice/voice_profile_json.h"

namespace voxwire {
namespace {

constexpr double kPi = std::numbers::pi;

// A source-filter voice with known parameters: harmonics of a (gliding) F0
// falling source_db_per_octave, aspiration noise hnr_db below them, through
// five formant resonators (a uniform tube's: F_n = (n - 1/2) * spacing);
// syllables are sin^2 swells at syllable_rate_hz, in 4 s phrases separated
// by 0.5 s pauses.
struct SyntheticVoice {
  int rate_hz = 16000;
  double seconds = 13.0;
  double f0_hz = 120.0;
  double f0_swing_semitones = 0.0;  // peak to peak, a 0.3 Hz sinusoidal glide
  double formant_spacing_hz = 1000.0;  // a 17.5 cm tract: 500, 1500, 2500, 3500, 4500 Hz
  bool with_formants = true;
  double source_db_per_octave = -12.0;
  double top_harmonic_hz = 7000.0;
  double syllable_rate_hz = 4.0;
  double hnr_db = 60.0;
  bool voiced = true;  // false: noise only (a whisper)

  // Harmonic k's amplitude.
  double amplitude(int k) const { return std::pow(k, source_db_per_octave / (20.0 * std::log10(2.0))); }

  DecodedAudio render() const {
    std::mt19937 random(1);
    std::normal_distribution<double> gaussian;
    double harmonic_power = 0.0;
    for (int k = 1; k * f0_hz < top_harmonic_hz; ++k) harmonic_power += amplitude(k) * amplitude(k) / 2.0;
    const double noise_sd = std::sqrt(harmonic_power / std::pow(10.0, hnr_db / 10.0));
    struct Resonator {
      double c1, c2, gain, y1 = 0, y2 = 0;
    };
    std::vector<Resonator> resonators;
    const std::array<double, 5> bandwidths_hz = {80.0, 100.0, 120.0, 150.0, 200.0};
    for (std::size_t i = 0; with_formants && i < bandwidths_hz.size(); ++i) {
      const double r = std::exp(-kPi * bandwidths_hz[i] / rate_hz);
      const double c1 = 2.0 * r * std::cos(2.0 * kPi * (i + 0.5) * formant_spacing_hz / rate_hz);
      resonators.push_back({c1, -r * r, 1.0 - c1 + r * r});
    }
    const auto n = static_cast<std::size_t>(seconds * rate_hz);
    std::vector<double> x(n);
    double phase = 0.0, peak = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
      const double t = static_cast<double>(i) / rate_hz;
      const double f0 = f0_hz * std::exp2(f0_swing_semitones / 24.0 * std::sin(2.0 * kPi * 0.3 * t));
      phase = std::fmod(phase + 2.0 * kPi * f0 / rate_hz, 2.0 * kPi * 1000.0);
      double v = noise_sd * gaussian(random);
      if (voiced) {
        for (int k = 1; k * f0 < top_harmonic_hz; ++k) v += amplitude(k) * std::sin(k * phase);
      }
      for (Resonator& r : resonators) {
        const double y = r.gain * v + r.c1 * r.y1 + r.c2 * r.y2;
        r.y2 = r.y1, r.y1 = y, v = y;
      }
      const double swell = std::pow(std::sin(kPi * syllable_rate_hz * t), 2);
      x[i] = std::fmod(t, 4.5) < 4.0 ? v * swell : 0.0;
      peak = std::max(peak, std::abs(x[i]));
    }
    DecodedAudio audio;
    audio.sample_rate_hz = rate_hz;
    audio.source_channels = 1;
    for (double v : x) audio.samples.push_back(static_cast<int16_t>(std::lround(v / peak * 0.5 * 32767.0)));
    return audio;
  }
};

VoiceAnalysis analyze(const SyntheticVoice& voice) {
  Result<VoiceAnalysis> a = analyze_voice(voice.render());
  EXPECT_TRUE(a.ok()) << a.status().to_string();
  return a.ok() ? *a : VoiceAnalysis{};
}

TEST(VoiceAnalysis, MeasuresMedianF0AndItsSpread) {
  SyntheticVoice voice;
  voice.f0_hz = 140.0;
  voice.f0_swing_semitones = 6.0;
  const VoiceAnalysis a = analyze(voice);
  EXPECT_NEAR(a.median_f0_hz, 140.0, 140.0 * 0.02);
  // A sinusoid's 10th and 90th percentiles lie at sin = -+0.951.
  EXPECT_NEAR(a.f0_spread_semitones, 6.0 * 0.951, 0.6);
  voice.f0_hz = 230.0;
  voice.f0_swing_semitones = 2.0;
  const VoiceAnalysis b = analyze(voice);
  EXPECT_NEAR(b.median_f0_hz, 230.0, 230.0 * 0.02);
  EXPECT_NEAR(b.f0_spread_semitones, 2.0 * 0.951, 0.3);
}

TEST(VoiceAnalysis, CountsOneSyllablePerSwell) {
  for (double rate : {2.5, 4.0, 6.0}) {
    SyntheticVoice voice;
    voice.syllable_rate_hz = rate;
    const VoiceAnalysis a = analyze(voice);
    EXPECT_NEAR(a.syllable_rate_hz, rate, rate * 0.1) << a.syllables << " syllables in " << a.activity.speech_s << " s";
    EXPECT_NEAR(a.activity.speech_s, 12.0, 0.6);  // three 4 s phrases, pauses excluded
  }
}

TEST(VoiceAnalysis, FormantSpacingFollowsVocalTractLength) {
  SyntheticVoice male;
  const VoiceAnalysis a = analyze(male);
  EXPECT_NEAR(a.formant_spacing_hz, 1000.0, 30.0);
  for (std::size_t i = 0; i < 4; ++i) EXPECT_NEAR(a.formants_hz[i], (i + 0.5) * 1000.0, 50.0 + 0.03 * i * 1000.0);

  SyntheticVoice female = male;  // 18% shorter tract, higher voice
  female.f0_hz = 210.0;
  female.formant_spacing_hz = 1180.0;
  const VoiceAnalysis b = analyze(female);
  EXPECT_NEAR(b.formant_spacing_hz / a.formant_spacing_hz, 1.18, 0.035);

  const VoiceProfile pm = profile_from_analysis(a, "en", "m");
  const VoiceProfile pf = profile_from_analysis(b, "en", "f");
  EXPECT_NEAR(pm.formant_scale, 0.92, 0.03);
  EXPECT_NEAR(pf.formant_scale, 1.087, 0.04);
  EXPECT_EQ(pm.gender, Gender::kMale);
  EXPECT_EQ(pf.gender, Gender::kFemale);
}

// The alpha ratio through the same filters, computed from the harmonics.
double expected_alpha_db(const SyntheticVoice& v) {
  auto butterworth = [](double f, double cutoff, int order, bool high) {
    const double x = high ? cutoff / f : f / cutoff;
    return 1.0 / (1.0 + std::pow(x, 2 * order));
  };
  double low = 0.0, high = 0.0;
  for (int k = 1; k * v.f0_hz < v.top_harmonic_hz; ++k) {
    const double f = k * v.f0_hz, power = v.amplitude(k) * v.amplitude(k) * butterworth(f, 50.0, 2, true);
    low += power * butterworth(f, 1000.0, 4, false);
    high += power * butterworth(f, 1000.0, 4, true) * butterworth(f, 5000.0, 4, false);
  }
  return 10.0 * std::log10(high / low);
}

TEST(VoiceAnalysis, AlphaRatioFollowsSpectralTilt) {
  SyntheticVoice voice;
  voice.with_formants = false;
  voice.f0_hz = 130.0;
  std::vector<double> brightness;
  for (double slope : {-15.0, -9.0, -3.0}) {
    voice.source_db_per_octave = slope;
    const VoiceAnalysis a = analyze(voice);
    EXPECT_NEAR(a.alpha_ratio_db, expected_alpha_db(voice), 0.5) << slope << " dB/octave";
    brightness.push_back(profile_from_analysis(a, "en", "x").brightness);
  }
  EXPECT_LT(brightness[0], brightness[1]);
  EXPECT_LT(brightness[1], brightness[2]);
}

TEST(VoiceAnalysis, HarmonicsToNoiseRatioFollowsAspirationNoise) {
  std::vector<double> breathiness;
  for (double hnr : {4.0, 9.0, 14.0}) {
    SyntheticVoice voice;
    voice.hnr_db = hnr;
    const VoiceAnalysis a = analyze(voice);
    EXPECT_NEAR(a.hnr_db, hnr, 2.0);
    breathiness.push_back(profile_from_analysis(a, "en", "x").breathiness);
  }
  EXPECT_GT(breathiness[0], 0.8);
  EXPECT_GT(breathiness[0], breathiness[1]);
  EXPECT_GT(breathiness[1], breathiness[2]);
  EXPECT_LT(breathiness[2], 0.2);
}

TEST(VoiceAnalysis, RefusesSoundsThatAreNotSpeech) {
  SyntheticVoice whisper;  // breath noise in syllables
  whisper.voiced = false;
  whisper.with_formants = false;
  whisper.hnr_db = -20.0;
  Result<VoiceAnalysis> a = analyze_voice(whisper.render());
  ASSERT_FALSE(a.ok());
  EXPECT_NE(a.status().message().find("voiced speech"), std::string::npos) << a.status().to_string();

  DecodedAudio notes;  // two held notes: voiced, loud and quiet parts, but no syllables
  notes.sample_rate_hz = 16000;
  notes.samples = audio::test_util::to_int16(audio::test_util::sine(16000, 150.0, 12.0));
  for (std::size_t i = 5 * 16000; i < 7 * 16000; ++i) notes.samples[i] = 0;
  a = analyze_voice(notes);
  ASSERT_FALSE(a.ok());
  EXPECT_NE(a.status().message().find("does not sound like speech"), std::string::npos) << a.status().to_string();
  EXPECT_EQ(a.status().field(), "input.audio.data");
}

// A recording made at test time from files installed on the system.
DecodedAudio sox_recording(const std::string& inputs, const std::string& effects = "") {
  int status = 0;
  const std::string wav = audio::test_util::run("sox " + inputs + " -t wav - " + effects + " 2>/dev/null", &status);
  EXPECT_EQ(status, 0);
  Result<DecodedAudio> audio = decode_reference_audio(wav);
  EXPECT_TRUE(audio.ok()) << audio.status().to_string();
  return audio.ok() ? *audio : DecodedAudio{};
}

TEST(VoiceAnalysis, MeasuresARealReader) {
  // Five sentences (100 dictionary syllables), one man, 24.7 s.
  std::string inputs;
  for (const char* part : {"0870", "0880", "0890", "0920", "0930"}) {
    inputs += std::string(" /usr/share/pocketsphinx/test/data/librivox/sense_and_sensibility_01_austen_64kb-") +
              part + ".wav";
  }
  Result<VoiceAnalysis> a = analyze_voice(sox_recording(inputs));
  ASSERT_TRUE(a.ok()) << a.status().to_string();
  EXPECT_NEAR(a->median_f0_hz, 95.5, 5.0);  // a low male voice
  EXPECT_GT(a->f0_spread_semitones, 5.0);   // read with lively intonation
  EXPECT_NEAR(a->syllables, 100, 12);
  EXPECT_NEAR(a->syllable_rate_hz, 4.2, 0.5);
  EXPECT_NEAR(a->formant_spacing_hz, 1040.0, 60.0);
  EXPECT_LT(a->activity.longest_pause_s, 1.0);

  const VoiceProfile p = profile_from_analysis(*a, "en", "reader");
  EXPECT_EQ(p.name, "reader");
  EXPECT_EQ(p.gender, Gender::kMale);
  EXPECT_EQ(p.age, AgeBand::kYoungAdult);
  EXPECT_DOUBLE_EQ(p.median_f0_hz, a->median_f0_hz);
  EXPECT_DOUBLE_EQ(p.speaking_rate, a->syllable_rate_hz / nominal_prosody("en").syllable_rate_hz);
  EXPECT_LT(p.formant_scale, 1.0);
}

TEST(VoiceAnalysis, MeasuresARealWoman) {
  std::string inputs;
  for (const char* name : {"Front_Center", "Front_Left", "Front_Right", "Rear_Center", "Rear_Left", "Rear_Right"}) {
    inputs += std::string(" /usr/share/sounds/alsa/") + name + ".wav";
  }
  // 48 kHz words, the silences between them cut short.
  Result<VoiceAnalysis> a = analyze_voice(sox_recording(inputs, "silence 1 0.02 -40d -1 0.1 -40d"));
  ASSERT_TRUE(a.ok()) << a.status().to_string();
  EXPECT_NEAR(a->median_f0_hz, 186.0, 10.0);
  const VoiceProfile p = profile_from_analysis(*a, "en", "announcer");
  EXPECT_EQ(p.gender, Gender::kFemale);
  EXPECT_GT(p.formant_scale, 1.04);
}

TEST(VoiceAnalysis, NominalProsodyCoversEveryLanguage) {
  EXPECT_EQ(nominal_prosody_table().size(), 10u);
  for (const NominalProsody& row : nominal_prosody_table()) {
    EXPECT_EQ(nominal_prosody(row.language_code).syllable_rate_hz, row.syllable_rate_hz);
    EXPECT_GT(row.syllable_rate_hz, 3.0);
    EXPECT_GT(row.f0_spread_semitones, 1.0);
  }
  const NominalProsody unknown = nominal_prosody("xx");
  EXPECT_EQ(unknown.language_code, "");
  EXPECT_EQ(nominal_prosody("").syllable_rate_hz, unknown.syllable_rate_hz);
  EXPECT_GT(unknown.syllable_rate_hz, 3.5);
  EXPECT_LT(unknown.syllable_rate_hz, 6.5);
}

TEST(VoiceAnalysis, EveryProfileMeetsTheCatalogueRules) {
  VoiceAnalysis a;
  int checked = 0;
  for (double f0 : {40.0, 84.0, 99.0, 101.0, 130.0, 164.0, 165.0, 166.0, 200.0, 251.0, 299.0, 301.0, 449.0, 600.0}) {
    for (double spacing : {0.0, 700.0, 1000.0, 1086.0, 1180.0, 1260.0, 1400.0, 2000.0}) {
      for (double extreme : {0.0, 1.0}) {
        a.median_f0_hz = f0;
        a.formant_spacing_hz = spacing;
        a.syllable_rate_hz = extreme > 0.0 ? 11.0 : 0.6;
        a.f0_spread_semitones = extreme > 0.0 ? 20.0 : 0.1;
        a.hnr_db = extreme > 0.0 ? 40.0 : -5.0;
        a.alpha_ratio_db = extreme > 0.0 ? 10.0 : -40.0;
        const VoiceProfile p = profile_from_analysis(a, extreme > 0.0 ? "ja" : "", "x");
        VoiceProfile back;
        const Status s = read_profile_json(profile_to_json(p), "profile", &back);
        EXPECT_TRUE(s.ok()) << "F0 " << f0 << ", spacing " << spacing << ": " << s.to_string() << " ("
                            << gender_name(p.gender) << " " << age_band_name(p.age) << ")";
        ++checked;
      }
    }
  }
  EXPECT_EQ(checked, 14 * 8 * 2);
}

}  // namespace
}  // namespace voxwire
