// Designed and instructed voices measured in the audio they produce: median
// F0 with the YIN tracker, tempo as syllables per second of speech.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "audio/pitch_tracker.h"
#include "audio/spectral_envelope.h"
#include "base/cancel_token.h"
#include "base/utf8.h"
#include "synthesis/synthesizer.h"
#include "voice/voice_catalog.h"
#include "voice/voice_description.h"

namespace voxwire {
namespace {

constexpr std::string_view kChineseText = "我们明天早上九点在公司门口见面，请大家不要迟到。";
constexpr std::string_view kEnglishText = "We will meet at the office gate at nine tomorrow morning, so please be on time.";

struct Recorder final : AudioSink {
  std::vector<int16_t> pcm;
  int sample_rate_hz = 0;
  void on_audio(std::span<const int16_t> chunk, int rate) override {
    pcm.insert(pcm.end(), chunk.begin(), chunk.end());
    sample_rate_hz = rate;
  }
};

// Syllables in the preview text: one per Chinese character, one per vowel
// group of an English word (close enough: both sides of every comparison
// read the same text).
int syllables(std::string_view text) {
  int count = 0;
  bool in_vowels = false;
  for (char32_t c : utf8::decode(text)) {
    if (c >= 0x4E00 && c <= 0x9FFF) ++count;
    const bool vowel = std::u32string_view(U"aeiouyAEIOUY").find(c) != std::u32string_view::npos;
    if (vowel && !in_vowels) ++count;
    in_vowels = vowel;
  }
  return count;
}

struct Measured {
  double median_f0_hz = 0;
  double syllables_per_second = 0;
  double hnr_db = 0;              // harmonics-to-noise ratio: lower is breathier
  double tilt_db_per_octave = 0;  // spectral tilt: higher is brighter
};

// Tempo: syllables over the time from the first to the last 10 ms frame
// within 35 dB of the loudest (leading and trailing silence excluded).
double syllables_per_second(const Recorder& r, int syllable_count) {
  const std::size_t frame = static_cast<std::size_t>(r.sample_rate_hz / 100);
  std::vector<double> energy;
  for (std::size_t i = 0; i + frame <= r.pcm.size(); i += frame) {
    double sum = 0;
    for (std::size_t k = i; k < i + frame; ++k) sum += static_cast<double>(r.pcm[k]) * r.pcm[k];
    energy.push_back(sum / static_cast<double>(frame));
  }
  double loudest = 0;
  for (double e : energy) loudest = std::max(loudest, e);
  const double threshold = loudest * std::pow(10.0, -35.0 / 10.0);
  std::size_t first = energy.size(), last = 0;
  for (std::size_t i = 0; i < energy.size(); ++i) {
    if (energy[i] < threshold) continue;
    first = std::min(first, i);
    last = i;
  }
  if (first > last) return 0;
  return syllable_count / (static_cast<double>(last - first + 1) * 0.01);
}

class VoiceDescriptionAudio : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto s = Synthesizer::create_builtin();
    ASSERT_TRUE(s.ok()) << s.status().to_string();
    synthesizer_ = s->release();
  }
  static void TearDownTestSuite() { delete synthesizer_; }

  static Measured measure(const VoiceProfile& voice, std::string_view text, Language language,
                          std::string_view label) {
    Recorder r;
    Status s = synthesizer_->synthesize(text, language, voice, 1.0, 1.0, r, CancelToken());
    EXPECT_TRUE(s.ok()) << s.to_string();
    audio::PitchOptions options;
    options.min_f0_hz = 40;
    options.max_f0_hz = 900;
    Result<audio::PitchStats> pitch = audio::analyze_pitch(r.pcm, r.sample_rate_hz, options);
    EXPECT_TRUE(pitch.ok());
    Measured m{pitch.ok() ? pitch->median_hz : 0.0, syllables_per_second(r, syllables(text))};
    Result<double> hnr = audio::harmonics_to_noise_db(r.pcm, r.sample_rate_hz, options);
    EXPECT_TRUE(hnr.ok());
    m.hnr_db = hnr.ok() ? *hnr : 0.0;
    audio::EnvelopeOptions envelope_options;
    envelope_options.pitch = options;
    Result<audio::SpectralEnvelopes> envelopes = audio::analyze_envelopes(r.pcm, r.sample_rate_hz, envelope_options);
    EXPECT_TRUE(envelopes.ok());
    if (envelopes.ok()) m.tilt_db_per_octave = audio::spectral_tilt_db_per_octave(*envelopes);
    std::printf("  %-34s profile f0 %6.1f Hz rate %.3f -> measured f0 %6.1f Hz, %.2f syllables/s, HNR %5.1f dB, "
                "tilt %6.2f dB/oct\n",
                std::string(label).c_str(), voice.median_f0_hz, voice.speaking_rate, m.median_f0_hz,
                m.syllables_per_second, m.hnr_db, m.tilt_db_per_octave);
    return m;
  }

  static Measured designed(std::string_view description, std::string_view text, Language language) {
    return measure(design_voice(description).profile, text, language, description);
  }

  static Synthesizer* synthesizer_;
};
Synthesizer* VoiceDescriptionAudio::synthesizer_ = nullptr;

TEST_F(VoiceDescriptionAudio, DeepMiddleAgedManIsLowerThanCrispYoungWoman) {
  const Measured deep = designed("低沉的中年男声", kChineseText, Language::kChinese);
  const Measured crisp = designed("清脆的年轻女声", kChineseText, Language::kChinese);
  EXPECT_LT(deep.median_f0_hz, 130.0);
  EXPECT_GT(crisp.median_f0_hz, 180.0);
  EXPECT_GT(crisp.median_f0_hz, 1.5 * deep.median_f0_hz);

  const Measured deep_en = designed("a deep middle-aged male voice", kEnglishText, Language::kEnglish);
  const Measured crisp_en = designed("a crisp young female voice", kEnglishText, Language::kEnglish);
  EXPECT_LT(deep_en.median_f0_hz, 130.0);
  EXPECT_GT(crisp_en.median_f0_hz, 1.5 * deep_en.median_f0_hz);
}

TEST_F(VoiceDescriptionAudio, FastDescriptionSpeaksMoreSyllablesPerSecond) {
  const Measured fast = designed("语速较快的女声", kChineseText, Language::kChinese);
  const Measured slow = designed("语速缓慢的女声", kChineseText, Language::kChinese);
  EXPECT_GT(fast.syllables_per_second, 1.15 * slow.syllables_per_second);

  const Measured fast_en = designed("a woman speaking fast", kEnglishText, Language::kEnglish);
  const Measured slow_en = designed("a woman speaking slowly", kEnglishText, Language::kEnglish);
  EXPECT_GT(fast_en.syllables_per_second, 1.15 * slow_en.syllables_per_second);
}

TEST_F(VoiceDescriptionAudio, ChildrenAreAbove250Hz) {
  EXPECT_GT(designed("儿童", kChineseText, Language::kChinese).median_f0_hz, 250.0);
  EXPECT_GT(designed("a little girl", kEnglishText, Language::kEnglish).median_f0_hz, 250.0);
}

TEST_F(VoiceDescriptionAudio, ElderlyManIsSlowerThanYoungMan) {
  const Measured old_man = designed("老年男性", kChineseText, Language::kChinese);
  const Measured young_man = designed("年轻男性", kChineseText, Language::kChinese);
  EXPECT_LT(old_man.syllables_per_second, 0.95 * young_man.syllables_per_second);

  const Measured old_en = designed("an elderly man", kEnglishText, Language::kEnglish);
  const Measured young_en = designed("a young man", kEnglishText, Language::kEnglish);
  EXPECT_LT(old_en.syllables_per_second, 0.95 * young_en.syllables_per_second);
}

TEST_F(VoiceDescriptionAudio, InstructionRaisesPitchAndRate) {
  const VoiceProfile cherry = VoiceCatalog::system_voices().find("Cherry")->profile;
  const InterpretedVoice instructed = apply_instructions(cherry, "语速快一点，声音高一些");
  const Measured before = measure(cherry, kChineseText, Language::kChinese, "Cherry");
  const Measured after = measure(instructed.profile, kChineseText, Language::kChinese, "Cherry + 语速快一点，声音高一些");
  EXPECT_GT(after.median_f0_hz, 1.06 * before.median_f0_hz);
  EXPECT_GT(after.syllables_per_second, 1.05 * before.syllables_per_second);
}

// More descriptions, each pair differing in one documented dimension, measured
// in both languages: A must exceed B by the margin on the measured property.
enum class Property { kMedianF0, kSyllablesPerSecond, kBreathiness, kBrightness };

struct Contrast {
  const char* label;
  Language language;
  const char* a;
  const char* b;
  Property property;
  double margin;  // F0 and tempo: ratio A/B at least; breathiness: HNR dB below; brightness: dB/octave above
};

class DescriptionContrast : public VoiceDescriptionAudio, public ::testing::WithParamInterface<Contrast> {};

TEST_P(DescriptionContrast, MeasuredAudioFollowsTheDescription) {
  const Contrast& c = GetParam();
  const std::string_view text = c.language == Language::kChinese ? kChineseText : kEnglishText;
  const Measured a = designed(c.a, text, c.language);
  const Measured b = designed(c.b, text, c.language);
  switch (c.property) {
    case Property::kMedianF0: EXPECT_GT(a.median_f0_hz, c.margin * b.median_f0_hz); break;
    case Property::kSyllablesPerSecond: EXPECT_GT(a.syllables_per_second, c.margin * b.syllables_per_second); break;
    case Property::kBreathiness: EXPECT_LT(a.hnr_db, b.hnr_db - c.margin); break;
    case Property::kBrightness: EXPECT_GT(a.tilt_db_per_octave, b.tilt_db_per_octave + c.margin); break;
  }
}

constexpr Contrast kContrasts[] = {
    {"zh_sweet_above_husky", Language::kChinese, "甜美的年轻女声", "沙哑的中年女声", Property::kMedianF0, 1.1},
    {"en_sweet_above_husky", Language::kEnglish, "a sweet young woman", "a husky middle-aged woman", Property::kMedianF0, 1.1},
    {"zh_high_above_low", Language::kChinese, "高音调的男声", "低音调的男声", Property::kMedianF0, 1.2},
    {"en_high_above_low", Language::kEnglish, "a high-pitched man", "a low-pitched man", Property::kMedianF0, 1.2},
    {"zh_excited_above_sad", Language::kChinese, "兴奋的男生", "悲伤的男生", Property::kMedianF0, 1.05},
    {"en_excited_above_sad", Language::kEnglish, "an excited man", "a sad man", Property::kMedianF0, 1.05},
    {"zh_boy_above_man", Language::kChinese, "小男孩", "成年男性", Property::kMedianF0, 1.8},
    {"en_boy_above_man", Language::kEnglish, "a little boy", "a man", Property::kMedianF0, 1.8},
    {"zh_sports_faster_than_bedtime", Language::kChinese, "体育解说员", "讲睡前故事的人", Property::kSyllablesPerSecond, 1.15},
    {"en_sports_faster_than_bedtime", Language::kEnglish, "a sports commentator", "a bedtime story narrator",
     Property::kSyllablesPerSecond, 1.15},
    {"zh_fast_faster_than_slow", Language::kChinese, "语速快的男声", "语速慢的男声", Property::kSyllablesPerSecond, 1.15},
    {"en_fast_faster_than_slow", Language::kEnglish, "a fast-talking man", "a slow, leisurely man",
     Property::kSyllablesPerSecond, 1.15},
    {"zh_breathy_breathier_than_clear", Language::kChinese, "气声很重的女声", "清晰的女声", Property::kBreathiness, 2.0},
    {"en_breathy_breathier_than_clear", Language::kEnglish, "a breathy woman", "a clear woman", Property::kBreathiness, 2.0},
    {"zh_whisper_breathier_than_powerful", Language::kChinese, "耳语般的男声", "有力的男声", Property::kBreathiness, 2.0},
    // espeak-ng's tone curve moves the tilt about 1 dB/octave per unit of
    // brightness (bright 0.45 vs dark -0.45 here); flite's shaping, twice that.
    {"zh_bright_brighter_than_dark", Language::kChinese, "明亮的女声", "暗沉的女声", Property::kBrightness, 0.5},
    {"en_bright_brighter_than_dark", Language::kEnglish, "a bright woman", "a dark, muffled woman", Property::kBrightness, 0.8},
    {"en_crisp_brighter_than_rich", Language::kEnglish, "a crisp man", "a rich, resonant man", Property::kBrightness, 0.8},
};

INSTANTIATE_TEST_SUITE_P(Descriptions, DescriptionContrast, ::testing::ValuesIn(kContrasts),
                         [](const ::testing::TestParamInfo<Contrast>& info) { return std::string(info.param.label); });

}  // namespace
}  // namespace voxwire
