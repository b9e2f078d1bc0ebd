// flite-specific behaviour; the contract and prosody tests shared with
// espeak-ng are in engine_behaviour_test.cc.
#include "tts/flite_engine.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace voxwire {
namespace {

Engine& engine() {
  static const std::unique_ptr<Engine> e = [] {
    Result<std::unique_ptr<Engine>> made = make_flite_engine();
    EXPECT_TRUE(made.ok()) << made.status().to_string();
    return std::move(made).value();
  }();
  return *e;
}

struct Pcm : AudioSink {
  std::vector<int16_t> samples;
  void on_audio(std::span<const int16_t> chunk, int) override {
    samples.insert(samples.end(), chunk.begin(), chunk.end());
  }
};

VoiceProfile voice(Gender gender, double f0_hz, AgeBand age = AgeBand::kYoungAdult, double brightness = 0.0) {
  VoiceProfile v;
  v.gender = gender;
  v.median_f0_hz = f0_hz;
  v.age = age;
  v.brightness = brightness;
  return v;
}

std::vector<int16_t> say(std::string_view text, const VoiceProfile& v, double rate = 1.0, double pitch = 1.0) {
  Pcm pcm;
  const Status s = engine().synthesize({text, Language::kEnglish, v, rate, pitch}, pcm, CancelToken());
  EXPECT_TRUE(s.ok()) << s.to_string();
  return pcm.samples;
}

TEST(FliteEngine, DescribesItself) {
  EXPECT_EQ(engine().info().name, "flite");
  EXPECT_EQ(engine().info().sample_rate_hz, 16000);
  EXPECT_EQ(engine().info().languages, std::vector<Language>{Language::kEnglish});
}

TEST(FliteEngine, MapsProfilesToVoices) {
  EXPECT_EQ(flite_voice_for(voice(Gender::kFemale, 210)), FliteVoice::kSlt);
  EXPECT_EQ(flite_voice_for(voice(Gender::kFemale, 120, AgeBand::kElderly, -1.0)), FliteVoice::kSlt);
  EXPECT_EQ(flite_voice_for(voice(Gender::kMale, 100)), FliteVoice::kRms);
  EXPECT_EQ(flite_voice_for(voice(Gender::kMale, 120)), FliteVoice::kAwb);
  EXPECT_EQ(flite_voice_for(voice(Gender::kMale, 95, AgeBand::kTeen)), FliteVoice::kAwb);
  // Brightness is a tilt on the chosen voice, not a voice of its own.
  EXPECT_EQ(flite_voice_for(voice(Gender::kMale, 100, AgeBand::kMiddleAged, 0.9)), FliteVoice::kRms);
  EXPECT_EQ(flite_voice_name(FliteVoice::kAwb), "awb");
  EXPECT_EQ(flite_voice_name(FliteVoice::kSlt), "slt");
}

TEST(FliteEngine, SpeaksOnlyEnglish) {
  Pcm pcm;
  const Status s =
      engine().synthesize({"Hallo Welt", Language::kGerman, voice(Gender::kFemale, 200)}, pcm, CancelToken());
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.field(), "language");
  EXPECT_TRUE(pcm.samples.empty());
}

TEST(FliteEngine, OutputIsAFunctionOfTheRequest) {
  const VoiceProfile v = voice(Gender::kFemale, 200);
  const std::vector<int16_t> first = say("Fish and chips, please.", v);
  say("Something else in between, to move any hidden state along.", v);
  EXPECT_EQ(say("Fish and chips, please.", v), first);
  EXPECT_NE(say("Fish and chips, please.", v, 1.0, 1.2), first);
}

TEST(FliteEngine, TypographicTextReadsLikeAscii) {
  const VoiceProfile v = voice(Gender::kMale, 100);
  EXPECT_EQ(say("Don\u2019t say \u201cnever\u201d \u2014 it\u2019s caf\u00e9 time\u2026", v),
            say("Don't say \"never\" - it's cafe time...", v));
  EXPECT_EQ(say("\uff21\uff22\uff23 \uff11\uff12\uff13", v), say("ABC 123", v));  // full-width forms
}

TEST(FliteEngine, SurvivesHostileInput) {
  const VoiceProfile v = voice(Gender::kFemale, 200);
  const std::string long_word(400, 'a');
  const std::string digits(60, '7');
  const std::vector<std::string> inputs = {
      "<speak><break time=\"5s\"/>hi</speak> a < b > c & d",
      std::string("a\0b\x01\x1b[31m c", 12),
      "\xff\xfe\xc0\xaf bad utf8 \xed\xa0\x80",
      "Mixed 你好 Привет こんにちは 안녕 🙂 words",
      "$1,000,000.50 on 12/25/2024 at 3:45pm; call 555-1234 or mail x@y.com http://a.b/c?d=e",
      long_word,
      digits,
      "Dr. St. Mr. Mrs. etc. e.g. i.e. vs. No. 5",
  };
  for (const std::string& text : inputs) {
    Pcm pcm;
    const Status s = engine().synthesize({text, Language::kEnglish, v}, pcm, CancelToken());
    EXPECT_TRUE(s.ok()) << s.to_string();
    EXPECT_FALSE(pcm.samples.empty()) << text.substr(0, 40);
  }
}

// ARPAbet phones are spoken as given: "S AY1 N" sounds like "sign" (within
// 30 % of its length, pauses included) and unlike "sin" with another vowel; the text is unused.
TEST(FliteEngine, SpeaksArpabetPhones) {
  const VoiceProfile v = voice(Gender::kFemale, 170);
  auto phones = [&](std::vector<std::string> arpabet) {
    Pcm pcm;
    SynthesisRequest request{"ignored", Language::kEnglish, v};
    request.arpabet = arpabet;
    EXPECT_TRUE(engine().synthesize(request, pcm, CancelToken()).ok());
    return pcm.samples;
  };
  const std::vector<int16_t> sign = phones({"S", "AY1", "N"});
  const std::vector<int16_t> seen = phones({"S", "IY1", "N"});
  const double text_length = static_cast<double>(say("sign", v).size());
  ASSERT_GT(sign.size(), 1600u);
  EXPECT_NEAR(sign.size() / text_length, 1.0, 0.3);
  EXPECT_NE(sign, seen);
}

TEST(FliteEngine, TextWithoutLatinLettersOrDigitsIsSilent) {
  Pcm pcm;
  EXPECT_TRUE(
      engine().synthesize({"你好世界", Language::kEnglish, voice(Gender::kFemale, 200)}, pcm, CancelToken()).ok());
  EXPECT_TRUE(pcm.samples.empty());
}

// Four threads synthesize different voices and texts at once; every output
// must equal the single-threaded one bit for bit (no shared mutable state in
// flite's synthesis path, and a per-thread rand() for its vocoder noise).
TEST(FliteEngine, ConcurrentSynthesisIsBitIdentical) {
  const std::vector<VoiceProfile> voices = {voice(Gender::kFemale, 200), voice(Gender::kMale, 100),
                                            voice(Gender::kMale, 130),
                                            voice(Gender::kMale, 100, AgeBand::kYoungAdult, 0.6)};
  const std::vector<std::string> texts = {
      "The quick brown fox jumps over 12 lazy dogs, doesn't it?",
      "On March 3rd 2024 at 10:30am, Dr. Smith paid $3.50 for room 101.",
      "Peter Piper picked a peck of pickled peppers; how many did he pick?",
  };
  std::vector<std::vector<std::vector<int16_t>>> expected(voices.size());
  for (std::size_t v = 0; v < voices.size(); ++v) {
    for (const std::string& t : texts) expected[v].push_back(say(t, voices[v], 1.1, 0.9));
  }
  constexpr int kThreads = 4;
  constexpr int kRounds = 6;
  std::vector<int> mismatches(kThreads, 0);
  std::vector<std::thread> threads;
  for (int k = 0; k < kThreads; ++k) {
    threads.emplace_back([&, k] {
      for (int i = 0; i < kRounds; ++i) {
        const std::size_t v = (k + i) % voices.size(), t = (k + 2 * i) % texts.size();
        Pcm pcm;
        const Status s = engine().synthesize({texts[t], Language::kEnglish, voices[v], 1.1, 0.9}, pcm, CancelToken());
        if (!s.ok() || pcm.samples != expected[v][t]) ++mismatches[k];
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(mismatches, std::vector<int>(kThreads, 0));
}

}  // namespace
}  // namespace voxwire
