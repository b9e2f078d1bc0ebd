#include "synthesis/word_timing.h"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "synthesis/synthesizer.h"
#include "voice/voice_catalog.h"

namespace voxwire {
namespace {

constexpr int kRate = 1000;  // samples = ms

std::string describe(const std::vector<TimedWord>& words) {
  std::ostringstream out;
  for (const TimedWord& w : words) {
    out << w.text << "[" << w.begin_char << "," << w.end_char << ")" << std::lround(w.begin_seconds * 1000) << "-"
        << std::lround(w.end_seconds * 1000);
    if (!w.reading.empty()) out << ":" << w.reading;
    out << " ";
  }
  return out.str();
}

SpokenUnit heard(std::string text, int begin_ms, int end_ms) {
  return {std::move(text), begin_ms / 1000.0, end_ms / 1000.0, {}};
}

TEST(TextUnits, HanCharactersAndCjkPunctuationStandAloneOtherWordsEndAtSpaces) {
  std::vector<std::string> texts;
  const std::string text = "床前，Hello, world 3个 “ok”";
  for (const TextUnit& u : text_units(text)) texts.push_back(text.substr(u.begin_byte, u.end_byte - u.begin_byte));
  EXPECT_EQ(texts, (std::vector<std::string>{"床", "前", "，", "Hello,", "world", "3", "个", "“ok”"}));
  const std::vector<TextUnit> units = text_units(text);
  EXPECT_EQ(units[3].begin_char, 3u);
  EXPECT_EQ(units[3].end_char, 9u);
}

TEST(AlignWords, SameWordsAnchorRewrittenOnesShareTheTimeBetween) {
  const std::vector<SpokenUnit> spoken = {heard("I", 0, 100),       heard("have", 100, 300), heard("one", 300, 400),
                                          heard("hundred", 400, 600), heard("twenty", 600, 700), heard("three", 700, 800),
                                          heard("apples.", 800, 1200)};
  EXPECT_EQ(describe(align_words("I have 123 Apples.", spoken, 1.5)),
            "I[0,1)0-100 have[2,6)100-300 123[7,10)300-800 Apples.[11,18)800-1200 ");
}

TEST(AlignWords, PunctuationSpansThePauseItStandsFor) {
  const std::vector<SpokenUnit> spoken = {heard("今", 0, 200), heard("天", 200, 400), heard("好", 600, 800)};
  EXPECT_EQ(describe(align_words("今天，好。", spoken, 1.0)),
            "今[0,1)0-200 天[1,2)200-400 ，[2,3)400-600 好[3,4)600-800 。[4,5)800-1000 ");
}

TEST(AlignWords, HanCharactersTheFrontEndSpelledInPinyinKeepTheirReading) {
  const std::vector<SpokenUnit> spoken = {heard("yin2hang2", 0, 400), heard("yi2", 400, 500), heard("样", 500, 700)};
  EXPECT_EQ(describe(align_words("银行一样", spoken, 0.7)),
            "银[0,1)0-200:yin2 行[1,2)200-400:hang2 一[2,3)400-500:yi2 样[3,4)500-700 ");
}

TEST(AlignWords, WordsNobodyHeardStandInTheirGapAndTimeNeverRunsBack) {
  const std::vector<SpokenUnit> spoken = {heard("one", 0, 100), heard("three", 300, 400), heard("two", 50, 60)};
  EXPECT_EQ(describe(align_words("one two three", spoken, 0.5)), "one[0,3)0-100 two[4,7)100-300 three[8,13)300-400 ");
  EXPECT_EQ(describe(align_words("nothing heard", {}, 1.0)), "nothing[0,7)0-583 heard[8,13)583-1000 ");
}

TEST(SpokenUnits, MarksArePlacedWhereTheirPhraseWentAndSharedAmongTheUnitsTheyCover) {
  PhrasePlacement placement{100, 1100, 2.0, kRate};  // samples 100.. heard from 2 s on
  const std::vector<WordMark> marks = {{0, 6, 150, 350, {{"m", 0, 150, 250}, {"a", 1, 250, 350}}},
                                       {6, 12, 50, 2000, {}}};
  const std::vector<SpokenUnit> units = spoken_units("天气 ab cd", marks, placement);
  ASSERT_EQ(units.size(), 4u);
  EXPECT_EQ(units[0].text, "天");
  EXPECT_DOUBLE_EQ(units[0].begin_seconds, 2.05);
  EXPECT_DOUBLE_EQ(units[0].end_seconds, 2.15);
  ASSERT_EQ(units[0].phones.size(), 1u);
  EXPECT_EQ(units[0].phones[0].name, "m");
  EXPECT_EQ(units[1].phones[0].name, "a");
  EXPECT_EQ(units[1].phones[0].stress, 1);
  EXPECT_EQ(units[2].text, "ab");
  EXPECT_DOUBLE_EQ(units[2].begin_seconds, 2.0);  // before the kept audio: where it begins
  EXPECT_DOUBLE_EQ(units[3].end_seconds, 3.0);    // after it: where it was cut
}

// Speaks every word of its text as 50 ms of quiet and 100 ms of tone, then
// 300 ms of quiet, and marks each word's tone.
class ScriptedEngine final : public Engine {
 public:
  const EngineInfo& info() const override { return info_; }
  Status synthesize(const SynthesisRequest& req, AudioSink& sink, const CancelToken&) override {
    std::vector<int16_t> pcm;
    std::vector<WordMark> words;
    for (const TextUnit& u : text_units(req.text)) {
      pcm.insert(pcm.end(), 50, 0);
      words.push_back({u.begin_byte, u.end_byte, static_cast<int64_t>(pcm.size()),
                       static_cast<int64_t>(pcm.size()) + 100, {}});
      pcm.insert(pcm.end(), 100, 4000);
    }
    pcm.insert(pcm.end(), 300, 0);
    sink.on_audio(pcm, kRate);
    if (req.marks) {
      for (const WordMark& w : words) sink.on_word(w);
    }
    return Status();
  }
  F0Reach f0_reach(Language, const VoiceProfile&) override { return {1, 10000}; }

 private:
  EngineInfo info_{"scripted", kRate, {kAllLanguages.begin(), kAllLanguages.end()}};
};

struct Discard final : AudioSink {
  double seconds = 0;
  void on_audio(std::span<const int16_t> pcm, int rate) override { seconds += static_cast<double>(pcm.size()) / rate; }
};

std::string synthesize_words(std::string_view text, double rate) {
  std::array<Engine*, kAllLanguages.size()> routes{};
  auto engine = std::make_unique<ScriptedEngine>();
  routes.fill(engine.get());
  std::vector<std::unique_ptr<Engine>> engines;
  engines.push_back(std::move(engine));
  Synthesizer synthesizer(std::move(engines), routes);
  Discard sink;
  std::vector<TimedWord> words;
  const VoiceProfile& voice = VoiceCatalog::system_voices().find("Cherry")->profile;
  EXPECT_TRUE(synthesizer
                  .synthesize(text, Language::kEnglish, voice, rate, 1.0, sink, CancelToken(),
                              Synthesizer::Normalization::kOn, &words)
                  .ok());
  return describe(words) + "total " + std::to_string(std::lround(sink.seconds * 1000));
}

TEST(SynthesizerWordTimings, FollowThePausesTheJoinerPutsInAndTheTextFrontEnd) {
  // Phrase "one 2," (the comma's pause replaces its 300 ms tail and the next
  // phrase's 50 ms start), then "three"; "2" was spoken as "two".
  EXPECT_EQ(synthesize_words("one 2, three", 1.0),
            "one[0,3)50-150 2,[4,6)200-300 three[7,12)500-600 total 900");
  // At twice the speed the pause halves (the engine here does not speed up).
  EXPECT_EQ(synthesize_words("one 2, three", 2.0),
            "one[0,3)50-150 2,[4,6)200-300 three[7,12)400-500 total 800");
}

}  // namespace
}  // namespace voxwire
