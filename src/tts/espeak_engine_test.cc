// espeak-ng-specific behaviour: the routed-around defects (read through the
// phonemes espeak would speak), text handling and variants. The contract and
// prosody tests shared with flite are in engine_behaviour_test.cc.
#include "tts/espeak_engine.h"

#include <gtest/gtest.h>

#include <regex>
#include <thread>
#include <vector>

#include "audio/pitch_tracker.h"

namespace voxwire {
namespace {

EspeakEngine& engine() {
  static const std::unique_ptr<EspeakEngine> e = [] {
    Result<std::unique_ptr<EspeakEngine>> made = make_espeak_engine();
    EXPECT_TRUE(made.ok()) << made.status().to_string();
    return std::move(made).value();
  }();
  return *e;
}

VoiceProfile voice(Gender gender = Gender::kFemale, double f0_hz = 210.0, Dialect dialect = Dialect::kMandarin) {
  VoiceProfile v;
  v.gender = gender;
  v.median_f0_hz = f0_hz;
  v.dialect = dialect;
  return v;
}

std::string phonemes(std::string_view text, Language lang, const VoiceProfile& v = voice()) {
  Result<std::string> r = engine().phonemes(text, lang, v);
  EXPECT_TRUE(r.ok()) << r.status().to_string();
  return r.ok() ? r.value() : std::string();
}

std::size_t count_matches(const std::string& s, const std::regex& re) {
  return static_cast<std::size_t>(std::distance(std::sregex_iterator(s.begin(), s.end(), re), std::sregex_iterator()));
}

struct Pcm : AudioSink {
  std::vector<int16_t> samples;
  int rate_hz = 0;
  void on_audio(std::span<const int16_t> chunk, int rate) override {
    samples.insert(samples.end(), chunk.begin(), chunk.end());
    rate_hz = rate;
  }
  double seconds() const { return rate_hz ? static_cast<double>(samples.size()) / rate_hz : 0.0; }
};

Pcm say(std::string_view text, Language lang, const VoiceProfile& v = voice()) {
  Pcm pcm;
  const Status s = engine().synthesize({text, lang, v}, pcm, CancelToken());
  EXPECT_TRUE(s.ok()) << s.to_string();
  return pcm;
}

TEST(EspeakEngine, DescribesItself) {
  EXPECT_EQ(engine().info().name, "espeak-ng");
  EXPECT_EQ(engine().info().sample_rate_hz, 22050);
  EXPECT_EQ(engine().info().languages.size(), kAllLanguages.size());
}

// Defect 1: the `cmn` voice spells Han text as pinyin and switches to English
// for the tone digits ("(en)...Tr'i:55"). cmn-latn-pinyin gives one syllable
// with a tone contour (e.g. n'i214, X'Au214) per character.
TEST(EspeakEngine, HanTextIsReadAsTonalPinyin) {
  const std::string text = "你好，今天天气很好。";
  const std::string ph = phonemes(text, Language::kChinese);
  EXPECT_EQ(ph.find("(en)"), std::string::npos) << ph;
  EXPECT_EQ(ph.find("Tr'i:"), std::string::npos) << ph;  // "three" from a tone digit
  const std::regex tonal_syllable("[a-zA-Z@&][^ _|0-9]*[1-5]{2,3}");
  EXPECT_EQ(count_matches(ph, tonal_syllable), 8u) << ph;  // 8 Han characters
}

TEST(EspeakEngine, CantoneseUsesYueAndOtherDialectsMandarin) {
  const std::string mandarin = phonemes("你好", Language::kChinese, voice());
  const std::string cantonese = phonemes("你好", Language::kChinese, voice(Gender::kFemale, 210, Dialect::kCantonese));
  const std::string sichuanese =
      phonemes("你好", Language::kChinese, voice(Gender::kFemale, 210, Dialect::kSichuanese));
  EXPECT_NE(cantonese, mandarin);
  EXPECT_NE(cantonese.find("n'ei5"), std::string::npos) << cantonese;  // jyutping nei5
  EXPECT_EQ(sichuanese, mandarin);
}

// Defect 2: the `ja` voice says "Chinese letter" for every kanji
// ("(en)tS'aIni:z(ja)l'et@"). Kanji are turned into kana first.
TEST(EspeakEngine, KanjiAreReadThroughTheirKana) {
  const std::string ph = phonemes("今日は天気がいいです。", Language::kJapanese);
  EXPECT_EQ(ph.find("(en)"), std::string::npos) << ph;
  EXPECT_EQ(ph.find("tS'aIni:z"), std::string::npos) << ph;
  EXPECT_EQ(ph, phonemes("キョーワテンキガイイデス。", Language::kJapanese));
  EXPECT_NE(ph.find("wa"), std::string::npos) << ph;  // particle は is "wa"
}

TEST(EspeakEngine, KanjiMecabCannotReadAreDropped) {
  const std::string ph = phonemes("𠮷野家", Language::kJapanese);  // 𠮷 has no reading
  EXPECT_EQ(ph.find("(en)"), std::string::npos) << ph;
  EXPECT_FALSE(ph.empty());
}

TEST(EspeakEngine, MarkupIsTextNotSsml) {
  // Parsed as SSML this would be five seconds of silence; as text, the words are read.
  const std::string text = "a <break time=\"5s\"/> b";
  const std::string ph = phonemes(text, Language::kEnglish);
  EXPECT_NE(ph.find("br'eIk"), std::string::npos) << ph;
  EXPECT_LT(say(text, Language::kEnglish).seconds(), 4.0);
  // Nor is [[...]] taken as phoneme input.
  EXPECT_NE(phonemes("[[h@l'oU]] hello", Language::kEnglish).find("h@l'oU"), std::string::npos);
}

TEST(EspeakEngine, ControlCharactersCannotInjectCommands) {
  // U+0001 introduces espeak's embedded commands even without SSML: raw,
  // "\x01" "90P" would raise the pitch by half for the rest of the text.
  EXPECT_EQ(phonemes("hello\x01"
                     "90P world\x1b",
                     Language::kEnglish),
            phonemes("hello 90P world", Language::kEnglish));
  const Pcm plain = say("hello 90P world, how are you today", Language::kEnglish);
  const Pcm injected =
      say("hello \x01"
          "90P world, how are you today",
          Language::kEnglish);
  const double f0_plain = audio::analyze_pitch(plain.samples, plain.rate_hz)->median_hz;
  const double f0_injected = audio::analyze_pitch(injected.samples, injected.rate_hz)->median_hz;
  EXPECT_NEAR(f0_injected, f0_plain, 0.05 * f0_plain);
}

TEST(EspeakEngine, PunctuationOnlyHasNoPhonemesAndNoAudio) {
  for (Language lang : kAllLanguages) {
    EXPECT_EQ(phonemes("。，！？...", lang), "");
    Pcm pcm;
    EXPECT_TRUE(engine().synthesize({"「」…—!?", lang, voice()}, pcm, CancelToken()).ok());
    EXPECT_TRUE(pcm.samples.empty()) << language_type_name(lang);
  }
}

TEST(EspeakEngine, ForeignScriptsAndBrokenTextDoNotCrash) {
  const std::vector<std::string> texts = {"Привет мир",    "안녕하세요",  "こんにちは",         "你好",
                                          "مرحبا بالعالم", "🙂🙂 ok", "\xff\xfe\xc0\xaf x", std::string(2000, 'a')};
  for (Language lang : kAllLanguages) {
    for (const std::string& t : texts) {
      Pcm pcm;
      const Status s = engine().synthesize({t, lang, voice()}, pcm, CancelToken());
      EXPECT_TRUE(s.ok()) << language_type_name(lang) << ": " << s.to_string();
    }
  }
}

TEST(EspeakEngine, VoiceProfilesSoundDifferent) {
  // Same text, same target F0: the variant (formants) still changes the waveform.
  VoiceProfile bright = voice(Gender::kFemale, 220);
  bright.brightness = 0.8;
  VoiceProfile breathy = voice(Gender::kFemale, 220);
  breathy.breathiness = 0.8;
  const Pcm a = say("Guten Morgen, wie geht es dir?", Language::kGerman, bright);
  const Pcm b = say("Guten Morgen, wie geht es dir?", Language::kGerman, breathy);
  ASSERT_FALSE(a.samples.empty());
  EXPECT_NE(a.samples, b.samples);
  EXPECT_NE(phonemes("Guten Morgen", Language::kGerman, bright), "");
}

TEST(EspeakEngine, ConcurrentCallersAllSucceed) {
  // espeak-ng is serialized internally; callers on several threads must all be
  // served, each with its own audio (espeak's output varies by a few samples
  // between identical calls, so compare durations, not bits).
  const double expected = say("Eins, zwei, drei, vier, fünf.", Language::kGerman).seconds();
  std::vector<double> seconds(4, 0.0);
  std::vector<std::thread> threads;
  for (int k = 0; k < 4; ++k) {
    threads.emplace_back([&, k] {
      Pcm pcm;
      if (engine().synthesize({"Eins, zwei, drei, vier, fünf.", Language::kGerman, voice()}, pcm, CancelToken()).ok()) {
        seconds[k] = pcm.seconds();
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (double s : seconds) EXPECT_NEAR(s, expected, 0.05 * expected);
}

}  // namespace
}  // namespace voxwire
