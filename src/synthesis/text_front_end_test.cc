// The Synthesizer's use of the text front end, seen from the engine's side: a
// scripted engine records the text it is given and answers every call with a
// quiet start, a tone and a quiet end, so the pauses between phrases can be
// measured exactly.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "synthesis/phrase_joiner.h"
#include "synthesis/synthesizer.h"
#include "voice/voice_catalog.h"

namespace voxwire {
namespace {

constexpr int kRate = 16000;

class ScriptedEngine final : public Engine {
 public:
  std::vector<std::string> texts;  // each call's text, or its ARPAbet phones as "[S AY1 N]"

  const EngineInfo& info() const override { return info_; }
  Status synthesize(const SynthesisRequest& req, AudioSink& sink, const CancelToken&) override {
    if (req.arpabet.empty()) {
      texts.emplace_back(req.text);
    } else {
      std::string phones;
      for (const std::string& phone : req.arpabet) phones += (phones.empty() ? "" : " ") + phone;
      texts.push_back("[" + phones + "]");
    }
    std::vector<int16_t> pcm(kRate / 20, 0);        // 50 ms quiet
    pcm.insert(pcm.end(), kRate / 5, 4000);         // 200 ms sound
    pcm.insert(pcm.end(), kRate * 3 / 10, 0);       // 300 ms quiet
    sink.on_audio(pcm, kRate);
    return Status();
  }
  F0Reach f0_reach(Language, const VoiceProfile&) override { return {1, 10000}; }

 private:
  EngineInfo info_{"scripted", kRate, {kAllLanguages.begin(), kAllLanguages.end()}};
};

struct Recorder final : AudioSink {
  std::vector<int16_t> pcm;
  void on_audio(std::span<const int16_t> chunk, int) override { pcm.insert(pcm.end(), chunk.begin(), chunk.end()); }
  // Lengths in ms of the silences between sounds.
  std::vector<int> gaps_ms() const {
    std::vector<int> gaps;
    std::size_t last_sound = 0;
    bool sounded = false;
    for (std::size_t i = 0; i < pcm.size(); ++i) {
      if (std::abs(pcm[i]) <= PhraseJoiner::kQuiet) continue;
      if (sounded && i > last_sound + 1) gaps.push_back(static_cast<int>((i - last_sound - 1) * 1000 / kRate));
      sounded = true;
      last_sound = i;
    }
    return gaps;
  }
};

class TextFrontEndTest : public ::testing::Test {
 protected:
  void make(text::FrontEndConfig config = {}) {
    auto engine = std::make_unique<ScriptedEngine>();
    engine_ = engine.get();
    std::array<Engine*, kAllLanguages.size()> routes{};
    routes.fill(engine_);
    std::vector<std::unique_ptr<Engine>> engines;
    engines.push_back(std::move(engine));
    synthesizer_ = std::make_unique<Synthesizer>(std::move(engines), routes, config);
  }
  Recorder speak(std::string_view text, Synthesizer::Normalization normalization, double rate = 1.0,
                 std::span<const text::ForcedReading> readings = {}) {
    Recorder r;
    EXPECT_TRUE(synthesizer_->synthesize(text, Language::kChinese, voice_, rate, 1.0, r, CancelToken(), normalization,
                                         readings).ok());
    return r;
  }

  VoiceProfile voice_ = VoiceCatalog::system_voices().find("Cherry")->profile;
  ScriptedEngine* engine_ = nullptr;
  std::unique_ptr<Synthesizer> synthesizer_;
};

TEST_F(TextFrontEndTest, TheEngineGetsPhrasesWithReadingsAndSandhi) {
  make();
  speak("我去银行还钱，行长说要重新算。**不对**，共2个。", Synthesizer::Normalization::kOn);
  EXPECT_EQ(engine_->texts, (std::vector<std::string>{"我去yin2hang2 huan2qian2，", "hang2zhang3说要chong2xin1算。",
                                                      "bu2对，", "共两个。"}));
}

TEST_F(TextFrontEndTest, WithoutNormalizationTheEngineGetsTheTextAsSent) {
  make();
  speak("我去银行还钱，共2个。", Synthesizer::Normalization::kOff);
  EXPECT_EQ(engine_->texts, (std::vector<std::string>{"我去银行还钱，共2个。"}));
}

TEST_F(TextFrontEndTest, PausesHaveTheConfiguredLengthsAndScaleWithRate) {
  text::FrontEndConfig config;
  config.pauses.comma_ms = 500;
  config.pauses.enumeration_ms = 150;
  config.pauses.sentence_ms = 700;
  make(config);
  EXPECT_EQ(speak("苹果、香蕉，梨。好", Synthesizer::Normalization::kOn).gaps_ms(), (std::vector<int>{150, 500, 700}));
  EXPECT_EQ(speak("苹果，梨", Synthesizer::Normalization::kOn, 2.0).gaps_ms(), (std::vector<int>{250}));
  // Without the front end the text is one engine call: no pause is put in.
  EXPECT_EQ(speak("苹果，梨", Synthesizer::Normalization::kOff).gaps_ms(), (std::vector<int>{}));
}

TEST_F(TextFrontEndTest, SkipsWebAddressesWhenConfigured) {
  text::FrontEndConfig config;
  config.web_addresses = text::WebAddresses::kSkip;
  make(config);
  speak("See www.example.com today", Synthesizer::Normalization::kOn);
  EXPECT_EQ(engine_->texts, (std::vector<std::string>{"See today"}));
}

// A forced pinyin reading is spelled inside the Mandarin phrase around it, in
// one engine call, whatever the front end would have guessed.
TEST_F(TextFrontEndTest, ForcedPinyinJoinsTheMandarinPhraseAroundIt) {
  make();
  const std::string text = "我去银行典当行吧，好";
  const std::size_t begin = text.find("典当行");
  const std::vector<text::ForcedReading> readings = {
      {begin, begin + std::string("典当行").size(),
       std::vector<text::PinyinSyllable>{{"dian", 3}, {"dang", 4}, {"hang", 2}}}};
  speak(text, Synthesizer::Normalization::kOn, 1.0, readings);
  EXPECT_EQ(engine_->texts, (std::vector<std::string>{"我去yin2hang2 dian3dang4hang2吧，", "好"}));
  engine_->texts.clear();
  speak(text, Synthesizer::Normalization::kOff, 1.0, readings);
  EXPECT_EQ(engine_->texts, (std::vector<std::string>{"我去银行dian3dang4hang2吧，好"}));
}

TEST_F(TextFrontEndTest, ForcedArpabetIsItsOwnEngineCall) {
  make();
  const std::string text = "Say sign now";
  const std::vector<text::ForcedReading> readings = {{4, 8, text::ArpabetPhones{{"S", "AY1", "N"}}}};
  speak(text, Synthesizer::Normalization::kOn, 1.0, readings);
  EXPECT_EQ(engine_->texts, (std::vector<std::string>{"Say", "[S AY1 N]", "now"}));
}

TEST_F(TextFrontEndTest, CantoneseVoicesAndMisplacedReadingsReadAsWritten) {
  make();
  voice_ = VoiceCatalog::system_voices().find("Rocky")->profile;  // Cantonese
  const std::vector<text::ForcedReading> readings = {
      {0, 3, std::vector<text::PinyinSyllable>{{"hang", 2}}},
      {1, 99, std::vector<text::PinyinSyllable>{{"hang", 2}}}};  // outside the text: ignored
  speak("行", Synthesizer::Normalization::kOn, 1.0, readings);
  EXPECT_EQ(engine_->texts, (std::vector<std::string>{"行"}));
}

}  // namespace
}  // namespace voxwire
