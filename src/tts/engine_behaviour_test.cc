// Behaviour every built-in engine must show (Engine's contract plus the
// prosody controls), run against flite and espeak-ng in several languages.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

#include "audio/pitch_tracker.h"
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

struct Capture : AudioSink {
  std::vector<int16_t> pcm;
  int rate_hz = 0;
  int chunks = 0;
  std::size_t largest_chunk = 0;
  std::function<void(Capture&)> after_chunk;  // e.g. trip a CancelToken
  void on_audio(std::span<const int16_t> chunk, int sample_rate_hz) override {
    pcm.insert(pcm.end(), chunk.begin(), chunk.end());
    rate_hz = sample_rate_hz;
    ++chunks;
    largest_chunk = std::max(largest_chunk, chunk.size());
    if (after_chunk) after_chunk(*this);
  }
  double seconds() const { return rate_hz > 0 ? static_cast<double>(pcm.size()) / rate_hz : 0.0; }
  double rms() const {
    double e = 0.0;
    for (int16_t s : pcm) e += static_cast<double>(s) * s;
    return pcm.empty() ? 0.0 : std::sqrt(e / static_cast<double>(pcm.size()));
  }
  double median_f0() const {
    Result<audio::PitchStats> s = audio::analyze_pitch(pcm, rate_hz);
    return s.ok() ? s->median_hz : 0.0;
  }
};

struct Speech {
  const char* label;
  Engine& (*engine)();
  Language language;
  const char* text;
  int units;  // words (Chinese: characters; Japanese, Korean: syllables/morae)
  VoiceProfile voice;
};

VoiceProfile profile(Gender gender, double median_f0_hz, double brightness = 0.0, AgeBand age = AgeBand::kYoungAdult) {
  VoiceProfile v;
  v.gender = gender;
  v.median_f0_hz = median_f0_hz;
  v.brightness = brightness;
  v.age = age;
  return v;
}

const VoiceProfile kSlt = profile(Gender::kFemale, 180.0);
const VoiceProfile kRms = profile(Gender::kMale, 100.0);
const VoiceProfile kAwb = profile(Gender::kMale, 130.0);
const VoiceProfile kRmsBright = profile(Gender::kMale, 100.0, 0.6);
const VoiceProfile kWoman = profile(Gender::kFemale, 210.0);
const VoiceProfile kMan = profile(Gender::kMale, 110.0);

constexpr const char* kEnglish = "Please remember to turn off the lights before you leave the office tonight.";  // 13
constexpr const char* kChinese = "我们明天早上八点在学校门口见面，然后一起去图书馆。";  // 23 Han
constexpr const char* kGerman =
    "Morgen früh treffen wir uns um acht Uhr vor der Schule und gehen dann zusammen in die Bibliothek.";   // 18
constexpr const char* kJapanese = "明日の朝八時に学校の前で会って、それから一緒に図書館へ行きましょう。";  // 39 morae
constexpr const char* kRussian = "Завтра утром мы встретимся в восемь часов у школы и пойдём в библиотеку.";  // 13

Capture speak(const Speech& s, double rate = 1.0, double pitch = 1.0) {
  Capture c;
  const SynthesisRequest req{s.text, s.language, s.voice, rate, pitch};
  const Status status = s.engine().synthesize(req, c, CancelToken());
  EXPECT_TRUE(status.ok()) << s.label << ": " << status.to_string();
  return c;
}

// ---------------------------------------------------------------------------
// Every language an engine serves: real audio, plausible speed, small chunks.

class Speaks : public ::testing::TestWithParam<Speech> {};

TEST_P(Speaks, NonSilentAudioAtAPlausibleSpeed) {
  const Speech& s = GetParam();
  const Capture c = speak(s);
  EXPECT_EQ(c.rate_hz, s.engine().info().sample_rate_hz);
  EXPECT_GT(c.rms(), 500.0) << "near-silent output";
  const double units_per_s = s.units / c.seconds();
  const bool chinese = s.language == Language::kChinese;
  const bool syllabic = s.language == Language::kJapanese || s.language == Language::kKorean;
  // Chinese 2-6 characters/s, Japanese/Korean 4-12 morae/s, others 1.5-5 words/s.
  const double lo = chinese ? 2.0 : syllabic ? 4.0 : 1.5;
  const double hi = chinese ? 6.0 : syllabic ? 12.0 : 5.0;
  EXPECT_GE(units_per_s, lo) << c.seconds() << " s";
  EXPECT_LE(units_per_s, hi) << c.seconds() << " s";
  // Streaming granularity: no chunk longer than 20 ms.
  EXPECT_LE(c.largest_chunk, static_cast<std::size_t>(c.rate_hz / 50));
  EXPECT_GT(c.chunks, 10);
}

std::vector<Speech> every_language() {
  return {
      {"flite_slt", &flite, Language::kEnglish, kEnglish, 13, kSlt},
      {"flite_rms", &flite, Language::kEnglish, kEnglish, 13, kRms},
      {"flite_awb", &flite, Language::kEnglish, kEnglish, 13, kAwb},
      {"flite_rms_bright", &flite, Language::kEnglish, kEnglish, 13, kRmsBright},
      {"espeak_zh", &espeak, Language::kChinese, kChinese, 23, kWoman},
      {"espeak_yue", &espeak, Language::kChinese, kChinese, 23,
       [] {
         VoiceProfile v = kWoman;
         v.dialect = Dialect::kCantonese;
         return v;
       }()},
      {"espeak_en", &espeak, Language::kEnglish, kEnglish, 13, kMan},
      {"espeak_de", &espeak, Language::kGerman, kGerman, 18, kMan},
      {"espeak_it", &espeak, Language::kItalian, "Domani mattina ci vediamo alle otto davanti alla scuola.", 9, kWoman},
      {"espeak_pt", &espeak, Language::kPortuguese, "Amanhã de manhã nos encontramos às oito na frente da escola.", 11,
       kMan},
      {"espeak_es", &espeak, Language::kSpanish, "Mañana por la mañana nos vemos a las ocho delante de la escuela.", 13,
       kWoman},
      {"espeak_ja", &espeak, Language::kJapanese, kJapanese, 39, kWoman},
      {"espeak_ko", &espeak, Language::kKorean, "내일 아침 여덟 시에 학교 앞에서 만나요.", 16, kMan},
      {"espeak_fr", &espeak, Language::kFrench, "Demain matin, nous nous retrouvons à huit heures devant l'école.", 10,
       kWoman},
      {"espeak_ru", &espeak, Language::kRussian, kRussian, 13, kMan},
  };
}

std::string speech_name(const ::testing::TestParamInfo<Speech>& info) { return info.param.label; }

INSTANTIATE_TEST_SUITE_P(AllEngines, Speaks, ::testing::ValuesIn(every_language()), speech_name);

// ---------------------------------------------------------------------------
// F0 calibration: the output's median F0 lands within 10% of the target.

struct F0Case {
  Speech speech;
  std::vector<double> targets_hz;
};

class HitsF0 : public ::testing::TestWithParam<F0Case> {};

TEST_P(HitsF0, MedianWithinTenPercent) {
  const F0Case& f = GetParam();
  for (double target : f.targets_hz) {
    const double median = speak(f.speech, 1.0, target / f.speech.voice.median_f0_hz).median_f0();
    EXPECT_NEAR(median, target, 0.10 * target) << f.speech.label << " target " << target;
  }
}

std::vector<F0Case> f0_cases() {
  const std::vector<double> wide = {85, 100, 130, 180, 220, 280, 350};
  const VoiceProfile woman = profile(Gender::kFemale, 200.0);
  const VoiceProfile man = profile(Gender::kMale, 100.0);
  const VoiceProfile high = profile(Gender::kFemale, 300.0);  // f5 reaches 350 Hz
  return {
      {{"flite_slt", &flite, Language::kEnglish, kEnglish, 13, kSlt}, {130, 180, 220, 280, 350}},
      {{"flite_rms", &flite, Language::kEnglish, kEnglish, 13, kRms}, {85, 100, 130, 180}},
      {{"flite_awb", &flite, Language::kEnglish, kEnglish, 13, kAwb}, {100, 130, 180, 220}},
      {{"flite_rms_bright", &flite, Language::kEnglish, kEnglish, 13, kRmsBright}, {85, 100, 130, 180}},
      {{"espeak_zh_man", &espeak, Language::kChinese, kChinese, 23, man}, {85, 100, 130}},
      {{"espeak_zh_woman", &espeak, Language::kChinese, kChinese, 23, woman}, {180, 220, 280}},
      {{"espeak_zh_high", &espeak, Language::kChinese, kChinese, 23, high}, {350}},
      {{"espeak_de_man", &espeak, Language::kGerman, kGerman, 18, man}, {85, 100, 130}},
      {{"espeak_de_woman", &espeak, Language::kGerman, kGerman, 18, woman}, {180, 220, 280}},
      {{"espeak_de_high", &espeak, Language::kGerman, kGerman, 18, high}, {350}},
      {{"espeak_ja_man", &espeak, Language::kJapanese, kJapanese, 39, man}, {85, 100, 130}},
      {{"espeak_ja_woman", &espeak, Language::kJapanese, kJapanese, 39, woman}, {180, 220, 280}},
      {{"espeak_ja_high", &espeak, Language::kJapanese, kJapanese, 39, high}, {350}},
      {{"espeak_ru_man", &espeak, Language::kRussian, kRussian, 13, man}, {85, 100, 130}},
      {{"espeak_ru_woman", &espeak, Language::kRussian, kRussian, 13, woman}, {180, 220, 280}},
      {{"espeak_ru_high", &espeak, Language::kRussian, kRussian, 13, high}, {350}},
  };
}

std::string f0_name(const ::testing::TestParamInfo<F0Case>& info) { return info.param.speech.label; }

INSTANTIATE_TEST_SUITE_P(AllEngines, HitsF0, ::testing::ValuesIn(f0_cases()), f0_name);

// ---------------------------------------------------------------------------
// Controls: rate scales duration, pitch scales F0, each leaving the other alone.

class Controls : public ::testing::TestWithParam<Speech> {};

TEST_P(Controls, RateScalesDurationAndKeepsPitch) {
  const Speech& s = GetParam();
  const Capture normal = speak(s);
  const Capture fast = speak(s, 2.0);
  const Capture slow = speak(s, 0.5);
  EXPECT_NEAR(fast.seconds() / normal.seconds(), 0.5, 0.5 * 0.15);
  EXPECT_NEAR(slow.seconds() / normal.seconds(), 2.0, 2.0 * 0.15);
  EXPECT_NEAR(fast.median_f0() / normal.median_f0(), 1.0, 0.08);
}

TEST_P(Controls, PitchScalesF0AndKeepsDuration) {
  const Speech& s = GetParam();
  const Capture normal = speak(s);
  const Capture high = speak(s, 1.0, 1.5);
  EXPECT_NEAR(high.median_f0() / normal.median_f0(), 1.5, 0.15);
  EXPECT_NEAR(high.seconds() / normal.seconds(), 1.0, 0.10);
}

std::vector<Speech> control_cases() {
  return {
      {"flite_slt", &flite, Language::kEnglish, kEnglish, 13, kSlt},
      {"flite_rms", &flite, Language::kEnglish, kEnglish, 13, kRms},
      {"flite_rms_bright", &flite, Language::kEnglish, kEnglish, 13, kRmsBright},
      {"espeak_zh", &espeak, Language::kChinese, kChinese, 23, profile(Gender::kFemale, 180.0)},
      {"espeak_de", &espeak, Language::kGerman, kGerman, 18, profile(Gender::kMale, 100.0)},
      {"espeak_ja", &espeak, Language::kJapanese, kJapanese, 39, profile(Gender::kFemale, 180.0)},
  };
}

INSTANTIATE_TEST_SUITE_P(AllEngines, Controls, ::testing::ValuesIn(control_cases()), speech_name);

// ---------------------------------------------------------------------------
// Engine contract: cancellation, nothing to say, bad arguments, sink failures.

class Contract : public ::testing::TestWithParam<Speech> {};

TEST_P(Contract, CancellingFromTheSinkStopsEarly) {
  Speech s = GetParam();
  std::string long_text;
  for (int i = 0; i < 8; ++i) long_text += std::string(s.text) + " ";
  s.text = long_text.c_str();
  const Capture full = speak(s);

  CancelToken cancel;
  Capture c;
  c.after_chunk = [&](Capture& self) {
    if (self.chunks == 3) cancel.cancel();
  };
  const SynthesisRequest req{s.text, s.language, s.voice};
  const Status status = s.engine().synthesize(req, c, cancel);
  EXPECT_EQ(status.code(), StatusCode::kCancelled) << status.to_string();
  EXPECT_EQ(c.chunks, 3);  // nothing after the chunk that tripped it
  EXPECT_LT(c.seconds(), 0.05 * full.seconds());
}

TEST_P(Contract, AlreadyCancelledProducesNothing) {
  const Speech& s = GetParam();
  CancelToken cancel;
  cancel.cancel();
  Capture c;
  EXPECT_EQ(s.engine().synthesize({s.text, s.language, s.voice}, c, cancel).code(), StatusCode::kCancelled);
  EXPECT_EQ(c.chunks, 0);
}

TEST_P(Contract, NothingToSayIsOkAndSilent) {
  const Speech& s = GetParam();
  for (const char* text : {"", "   ", "...!?", "，。！？、", "— « » … 🙂"}) {
    Capture c;
    const Status status = s.engine().synthesize({text, s.language, s.voice}, c, CancelToken());
    EXPECT_TRUE(status.ok()) << "'" << text << "': " << status.to_string();
    EXPECT_EQ(c.chunks, 0) << "'" << text << "'";
  }
}

TEST_P(Contract, RejectsNonPositiveControls) {
  const Speech& s = GetParam();
  Capture c;
  EXPECT_EQ(s.engine().synthesize({s.text, s.language, s.voice, 0.0, 1.0}, c, CancelToken()).field(), "rate");
  EXPECT_EQ(s.engine().synthesize({s.text, s.language, s.voice, 1.0, -1.0}, c, CancelToken()).field(), "pitch");
  EXPECT_EQ(s.engine().synthesize({s.text, s.language, s.voice, NAN, 1.0}, c, CancelToken()).field(), "rate");
  EXPECT_EQ(c.chunks, 0);
}

TEST_P(Contract, ThrowingSinkBecomesInternalError) {
  const Speech& s = GetParam();
  struct Throwing : AudioSink {
    int calls = 0;
    void on_audio(std::span<const int16_t>, int) override {
      ++calls;
      throw std::runtime_error("sink failed");
    }
  } sink;
  const Status status = s.engine().synthesize({s.text, s.language, s.voice}, sink, CancelToken());
  EXPECT_EQ(status.code(), StatusCode::kInternal);
  EXPECT_EQ(sink.calls, 1);
}

std::vector<Speech> contract_cases() {
  return {
      {"flite", &flite, Language::kEnglish, kEnglish, 13, kSlt},
      {"espeak_zh", &espeak, Language::kChinese, kChinese, 23, kWoman},
      {"espeak_ru", &espeak, Language::kRussian, kRussian, 13, kMan},
  };
}

INSTANTIATE_TEST_SUITE_P(AllEngines, Contract, ::testing::ValuesIn(contract_cases()), speech_name);

}  // namespace
}  // namespace voxwire
