#include "synthesis/synthesizer.h"

#include <gtest/gtest.h>

#include <set>
#include <vector>

#include "audio/pitch_tracker.h"
#include "text/mandarin.h"
#include "voice/voice_catalog.h"

namespace voxwire {
namespace {

struct Recorder final : AudioSink {
  std::vector<int16_t> pcm;
  std::set<int> rates;
  void on_audio(std::span<const int16_t> chunk, int rate) override {
    pcm.insert(pcm.end(), chunk.begin(), chunk.end());
    rates.insert(rate);
  }
};

class SynthesizerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto s = Synthesizer::create_builtin();
    ASSERT_TRUE(s.ok()) << s.status().to_string();
    synthesizer_ = s->release();
  }
  static void TearDownTestSuite() { delete synthesizer_; }

  static VoiceProfile voice(std::string_view name) { return VoiceCatalog::system_voices().find(name)->profile; }

  static double median_f0(const Recorder& r, int rate) {
    audio::PitchOptions options;
    options.min_f0_hz = 40;
    options.max_f0_hz = 900;
    auto stats = audio::analyze_pitch(r.pcm, rate, options);
    EXPECT_TRUE(stats.ok());
    return stats.ok() ? stats->median_hz : 0;
  }

  static Synthesizer* synthesizer_;
};
Synthesizer* SynthesizerTest::synthesizer_ = nullptr;

TEST_F(SynthesizerTest, RoutesEachLanguageRunToItsEngine) {
  Recorder r;
  ASSERT_TRUE(synthesizer_->synthesize("我喜欢 Python 编程。", Language::kChinese, voice("Cherry"), 1.0, 1.0, r,
                                       CancelToken())
                  .ok());
  EXPECT_EQ(r.rates, (std::set<int>{16000, 22050}));  // flite for the English word, espeak-ng for the Chinese
  EXPECT_EQ(synthesizer_->engine_for(Language::kEnglish).info().name, "flite");
  EXPECT_EQ(synthesizer_->engine_for(Language::kJapanese).info().name, "espeak-ng");
}

TEST_F(SynthesizerTest, PitchBeyondTheEnginesReachIsCompletedByDsp) {
  // Cherry is 235 Hz; x1.5 is beyond espeak-ng's reach for Chinese (~324 Hz).
  const VoiceProfile cherry = voice("Cherry");
  F0Reach reach = synthesizer_->engine_for(Language::kChinese).f0_reach(Language::kChinese, cherry);
  ASSERT_LT(reach.high_hz, cherry.median_f0_hz * 1.5);
  Recorder high;
  ASSERT_TRUE(synthesizer_->synthesize("我们明天早上九点在公司门口见面。", Language::kChinese, cherry, 1.0, 1.5, high,
                                       CancelToken())
                  .ok());
  EXPECT_NEAR(median_f0(high, 22050), cherry.median_f0_hz * 1.5, cherry.median_f0_hz * 1.5 * 0.10);

  // Marcus is 88 Hz; x0.6 is below what any espeak-ng variant reaches.
  const VoiceProfile marcus = voice("Marcus");
  Recorder low;
  ASSERT_TRUE(synthesizer_->synthesize("我们明天早上九点在公司门口见面。", Language::kChinese, marcus, 1.0, 0.6, low,
                                       CancelToken())
                  .ok());
  EXPECT_NEAR(median_f0(low, 22050), marcus.median_f0_hz * 0.6, marcus.median_f0_hz * 0.6 * 0.12);
}

TEST_F(SynthesizerTest, StopsWhenCancelled) {
  struct CancelAfterFirstChunk final : AudioSink {
    CancelToken token;
    int chunks = 0;
    void on_audio(std::span<const int16_t>, int) override {
      ++chunks;
      token.cancel();
    }
  } sink;
  Status s = synthesizer_->synthesize("First sentence here. 第二句话。 And a third one.", std::nullopt,
                                      voice("Ethan"), 1.0, 1.0, sink, sink.token);
  EXPECT_EQ(s.code(), StatusCode::kCancelled);
  EXPECT_LE(sink.chunks, 2);
}

TEST_F(SynthesizerTest, WarmUpSpeaksEveryLanguageAndStopsOnRequest) {
  CancelToken stop;
  stop.cancel();
  synthesizer_->warm_up(std::vector<VoiceProfile>{voice("Cherry")}, stop);  // returns at once
  synthesizer_->warm_up(std::vector<VoiceProfile>{voice("Ethan")}, CancelToken());
  // Afterwards the espeak-ng calibration for Ethan is cached: reach is instant and sane.
  F0Reach reach = synthesizer_->engine_for(Language::kGerman).f0_reach(Language::kGerman, voice("Ethan"));
  EXPECT_LT(reach.low_hz, voice("Ethan").median_f0_hz);
  EXPECT_GT(reach.high_hz, voice("Ethan").median_f0_hz);
}

// With normalization on, the Mandarin engine is given the text front end's
// readings (text/mandarin.h): the sentence sounds as the engine reads its
// pinyin-annotated form (durations within 1 %; espeak-ng's output varies
// slightly with what the process spoke before, so samples are not compared).
// What exactly the engine is given is in text_front_end_test.cc.
TEST_F(SynthesizerTest, NormalizationGivesMandarinThePolyphoneReadings) {
  const std::string sentence = "我去银行还钱时行长说要重新算。";  // one phrase: no pause is put in
  const VoiceProfile cherry = voice("Cherry");
  auto engine_reads = [&](const std::string& text) {
    Recorder r;
    EXPECT_TRUE(synthesizer_->engine_for(Language::kChinese).synthesize({text, Language::kChinese, cherry}, r, CancelToken()).ok());
    return static_cast<double>(r.pcm.size());
  };
  Recorder normalized;
  ASSERT_TRUE(synthesizer_->synthesize(sentence, Language::kChinese, cherry, 1.0, 1.0, normalized, CancelToken(),
                                       Synthesizer::Normalization::kOn).ok());
  const double annotated = engine_reads(text::annotate_mandarin(sentence));
  ASSERT_GT(annotated, 0);
  EXPECT_NEAR(normalized.pcm.size() / annotated, 1.0, 0.01);
}

// The real engines' own silences are replaced by the configured pause: the
// longest silence inside "你好，世界" grows by what the comma pause grows by.
TEST_F(SynthesizerTest, CommaPausesHaveTheConfiguredLengthWithRealEngines) {
  auto longest_silence_ms = [&](int comma_ms, Language language, std::string_view text) {
    text::FrontEndConfig config;
    config.pauses.comma_ms = comma_ms;
    auto s = Synthesizer::create_builtin(config);
    EXPECT_TRUE(s.ok());
    Recorder r;
    EXPECT_TRUE((*s)->synthesize(text, language, voice("Cherry"), 1.0, 1.0, r, CancelToken(),
                                 Synthesizer::Normalization::kOn).ok());
    std::size_t longest = 0, run = 0;
    for (int16_t sample : r.pcm) {
      run = std::abs(sample) <= 64 ? run + 1 : 0;
      longest = std::max(longest, run);
    }
    return static_cast<double>(longest) * 1000.0 / *r.rates.begin();
  };
  for (auto [language, text] : {std::pair{Language::kChinese, "你好，世界"}, std::pair{Language::kEnglish, "Hello, world"}}) {
    const double short_pause = longest_silence_ms(100, language, text);
    const double long_pause = longest_silence_ms(900, language, text);
    EXPECT_NEAR(long_pause, 900, 30) << text;
    EXPECT_NEAR(long_pause - short_pause, 800, 60) << text;
  }
}

}  // namespace
}  // namespace voxwire
