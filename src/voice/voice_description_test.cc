#include "voice/voice_description.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "voice/voice_catalog.h"

namespace voxwire {
namespace {

// How an attribute compares with the reference description's.
enum class Trend { kAny, kLower, kSame, kHigher };

struct Expected {
  std::string_view dimension;
  std::string_view value;
};

struct DesignCase {
  std::string_view description;
  std::string_view reference;  // the attributes are compared with this description's
  Gender gender;
  AgeBand age;
  Trend f0 = Trend::kAny;
  Trend rate = Trend::kAny;
  Trend range = Trend::kAny;
  Trend breathiness = Trend::kAny;
  Trend brightness = Trend::kAny;
  std::vector<Expected> understood = {};  // each must be reported and applied
};

using G = Gender;
using A = AgeBand;
using T = Trend;

const std::vector<DesignCase> kDesignCases = {
    // The vendor's examples (voice design guide and api-reference §5.1).
    {"沉稳的中年男性播音员，音色低沉浑厚，富有磁性，语速平稳，吐字清晰，适合用于新闻播报或纪录片解说。", "中年男性", G::kMale,
     A::kMiddleAged, T::kLower, T::kSame, T::kLower, T::kAny, T::kAny,
     {{"gender", "male"}, {"age", "middle_aged"}, {"pitch", "deep"}, {"timbre", "magnetic"}, {"pace", "steady"},
      {"use_case", "news"}, {"use_case", "documentary"}}},
    {"A composed middle-aged male announcer with a deep, rich and magnetic voice, a steady speaking speed and clear "
     "articulation, suitable for news broadcasting or documentary commentary.",
     "a middle-aged man", G::kMale, A::kMiddleAged, T::kLower, T::kSame, T::kLower, T::kAny, T::kAny,
     {{"gender", "male"}, {"pitch", "deep"}, {"timbre", "rich"}, {"timbre", "magnetic"}, {"use_case", "news"}}},
    {"温柔知性的女性，30岁左右，语调平和，适合有声书朗读。", "女性，30岁", G::kFemale, A::kYoungAdult, T::kAny, T::kLower,
     T::kLower, T::kHigher, T::kLower,
     {{"emotion", "gentle"}, {"age", "young_adult"}, {"intonation", "flat"}, {"use_case", "audiobook"}}},
    {"年轻活泼的女性声音,语速较快,带有明显的上扬语调,适合介绍时尚产品。", "年轻的女性", G::kFemale, A::kYoungAdult,
     T::kHigher, T::kHigher, T::kHigher, T::kAny, T::kHigher,
     {{"emotion", "lively"}, {"pace", "fast"}, {"intonation", "rising"}}},
    {"a young, lively female voice, slightly fast", "a young female voice", G::kFemale, A::kYoungAdult, T::kHigher,
     T::kHigher, T::kHigher, T::kAny, T::kAny, {{"pace", "fast"}, {"emotion", "lively"}}},
    {"可爱的儿童声音,大约8岁女孩,说话略带稚气,适合动画角色配音。", "女童", G::kFemale, A::kChild, T::kHigher, T::kAny,
     T::kHigher, T::kAny, T::kHigher, {{"age", "child"}, {"timbre", "childlike"}, {"use_case", "animation"}}},
    {"一个20~24岁，语气轻快、音调活泼、音色甜美的女声", "女声", G::kFemale, A::kYoungAdult, T::kHigher, T::kHigher,
     T::kHigher, T::kAny, T::kHigher, {{"age", "young_adult"}, {"timbre", "sweet"}}},
    {"声音成熟、富有磁性、语速沉稳的男声", "男声", G::kMale, A::kMiddleAged, T::kLower, T::kLower, T::kAny, T::kAny,
     T::kLower, {{"age", "middle_aged"}, {"timbre", "magnetic"}}},
    // Identity words in both languages.
    {"一位慈祥的老奶奶", "", G::kFemale, A::kElderly, T::kAny, T::kAny, T::kAny, T::kAny, T::kAny,
     {{"gender", "female"}, {"age", "elderly"}}},
    {"An elderly man speaking slowly with a husky voice", "an elderly man", G::kMale, A::kElderly, T::kLower, T::kLower,
     T::kAny, T::kHigher, T::kLower, {{"pace", "slow"}, {"timbre", "husky"}}},
    {"a woman in her 40s", "a middle-aged woman", G::kFemale, A::kMiddleAged, T::kSame, T::kSame, T::kSame, T::kSame, T::kSame,
     {{"age", "middle_aged"}}},
    {"十几岁的少年，声音清亮", "少年", G::kMale, A::kTeen, T::kSame, T::kSame, T::kAny, T::kLower, T::kHigher,
     {{"age", "teen"}, {"timbre", "crisp"}}},
    {"an 8-year-old boy", "", G::kMale, A::kChild, T::kAny, T::kAny, T::kAny, T::kAny, T::kAny, {{"age", "child"}}},
    {"中性的声音，中年", "", G::kMale, A::kMiddleAged, T::kAny, T::kAny, T::kAny, T::kAny, T::kAny,
     {{"gender", "neutral"}}},
    // Timbre, pitch, pace and emotion against a plain voice.
    {"低沉的中年男声", "中年男声", G::kMale, A::kMiddleAged, T::kLower, T::kSame, T::kSame, T::kAny, T::kLower},
    {"清脆的年轻女声", "年轻女声", G::kFemale, A::kYoungAdult, T::kSame, T::kSame, T::kSame, T::kLower, T::kHigher},
    {"a sweet girl", "a girl", G::kFemale, A::kTeen, T::kHigher, T::kSame, T::kSame, T::kAny, T::kHigher},
    {"a powerful, crisp male voice", "a male voice", G::kMale, A::kYoungAdult, T::kSame, T::kSame, T::kAny, T::kLower,
     T::kHigher},
    {"声音沙哑的男人", "男人", G::kMale, A::kYoungAdult, T::kLower, T::kSame, T::kSame, T::kHigher, T::kLower},
    {"用激昂的语气说话的女生", "女生", G::kFemale, A::kYoungAdult, T::kHigher, T::kHigher, T::kHigher, T::kAny,
     T::kHigher, {{"emotion", "excited"}}},
    {"sad and slow, a woman", "a woman", G::kFemale, A::kYoungAdult, T::kLower, T::kLower, T::kLower, T::kAny,
     T::kLower},
    {"gentle, soothing voice for bedtime stories, female", "female", G::kFemale, A::kYoungAdult, T::kAny, T::kLower,
     T::kLower, T::kHigher, T::kLower, {{"use_case", "bedtime"}}},
    {"语速缓慢的老爷爷", "老爷爷", G::kMale, A::kElderly, T::kSame, T::kLower, T::kAny, T::kAny, T::kAny},
    // Degree words and negation.
    {"非常低沉的男声", "低沉的男声", G::kMale, A::kYoungAdult, T::kLower},
    {"略微低沉的男声", "低沉的男声", G::kMale, A::kYoungAdult, T::kHigher},
    {"a very fast female voice", "a fast female voice", G::kFemale, A::kYoungAdult, T::kSame, T::kHigher},
    {"语速不快的女声", "女声", G::kFemale, A::kYoungAdult, T::kSame, T::kLower},
    {"a female voice that is not breathy", "a female voice", G::kFemale, A::kYoungAdult, T::kSame, T::kSame, T::kSame,
     T::kLower},
    {"不是男声", "", G::kFemale, A::kYoungAdult, T::kSame, T::kSame, T::kSame, T::kSame, T::kSame,
     {{"gender", "female"}}},
    // Contradictions: the later, or the more explicit, cue wins.
    {"语速很快。不对，语速要慢一点", "", G::kFemale, A::kYoungAdult, T::kSame, T::kLower, T::kSame, T::kSame, T::kSame,
     {{"pace", "slow"}}},
    {"a deep voice... no, make it high-pitched, a woman", "a woman", G::kFemale, A::kYoungAdult, T::kHigher},
    {"男声，女声", "", G::kFemale, A::kYoungAdult},
    {"a man reading her letters", "", G::kMale, A::kYoungAdult},
    {"a girl in her thirties", "", G::kFemale, A::kYoungAdult},
};

double attribute(const VoiceProfile& p, int which) {
  const double values[] = {p.median_f0_hz, p.speaking_rate, p.f0_range, p.breathiness, p.brightness};
  return values[which];
}

std::string describe(const InterpretedVoice& v) {
  const VoiceProfile& p = v.profile;
  std::string s = std::string(gender_name(p.gender)) + " " + std::string(age_band_name(p.age)) +
                  " f0=" + std::to_string(p.median_f0_hz) + " rate=" + std::to_string(p.speaking_rate) +
                  " range=" + std::to_string(p.f0_range) + " breath=" + std::to_string(p.breathiness) +
                  " bright=" + std::to_string(p.brightness) + " formant=" + std::to_string(p.formant_scale) + "\n";
  for (const UnderstoodCue& u : v.understood) {
    s += "  " + std::string(u.dimension) + "=" + std::string(u.value) + " '" + u.words + "' x" +
         std::to_string(u.strength) + (u.applied ? "" : " (not applied)") + "\n";
  }
  return s;
}

bool reports(const InterpretedVoice& v, const Expected& e) {
  return std::any_of(v.understood.begin(), v.understood.end(), [&](const UnderstoodCue& u) {
    return u.dimension == e.dimension && u.value == e.value && u.applied;
  });
}

// The catalogue's plausibility rules (voice_catalog.cc) plus the ranges of
// every field.
void expect_plausible(const VoiceProfile& p, std::string_view context) {
  SCOPED_TRACE(context);
  EXPECT_TRUE(p.name.empty());
  EXPECT_EQ(p.dialect, Dialect::kMandarin);
  if (p.age == AgeBand::kChild) {
    EXPECT_GT(p.median_f0_hz, 250.0);
    EXPECT_LE(p.median_f0_hz, 450.0);
  } else if (p.age == AgeBand::kTeen) {
    EXPECT_GE(p.median_f0_hz, 100.0);
    EXPECT_LE(p.median_f0_hz, 320.0);
  } else if (p.gender == Gender::kFemale) {
    EXPECT_GE(p.median_f0_hz, 165.0);
    EXPECT_LE(p.median_f0_hz, 300.0);
  } else {
    EXPECT_GE(p.median_f0_hz, 85.0);
    EXPECT_LE(p.median_f0_hz, 165.0);
  }
  if (p.age == AgeBand::kElderly) {
    EXPECT_LT(p.speaking_rate, 1.0);
  }
  EXPECT_GE(p.speaking_rate, 0.75);
  EXPECT_LE(p.speaking_rate, 1.3);
  EXPECT_GE(p.f0_range, 0.4);
  EXPECT_LE(p.f0_range, 1.8);
  EXPECT_GE(p.formant_scale, 0.85);
  EXPECT_LE(p.formant_scale, 1.25);
  EXPECT_GE(p.breathiness, 0.0);
  EXPECT_LE(p.breathiness, 1.0);
  EXPECT_GE(p.brightness, -1.0);
  EXPECT_LE(p.brightness, 1.0);
}

void expect_same_profile(const VoiceProfile& a, const VoiceProfile& b) {
  EXPECT_EQ(a.name, b.name);
  EXPECT_EQ(a.gender, b.gender);
  EXPECT_EQ(a.age, b.age);
  EXPECT_EQ(a.median_f0_hz, b.median_f0_hz);
  EXPECT_EQ(a.f0_range, b.f0_range);
  EXPECT_EQ(a.speaking_rate, b.speaking_rate);
  EXPECT_EQ(a.formant_scale, b.formant_scale);
  EXPECT_EQ(a.breathiness, b.breathiness);
  EXPECT_EQ(a.brightness, b.brightness);
  EXPECT_EQ(a.dialect, b.dialect);
}

TEST(VoiceDescriptionTest, DescriptionsGiveTheAttributesTheyDescribe) {
  constexpr std::string_view kNames[] = {"median_f0_hz", "speaking_rate", "f0_range", "breathiness", "brightness"};
  for (const DesignCase& c : kDesignCases) {
    const InterpretedVoice v = design_voice(c.description);
    SCOPED_TRACE(std::string(c.description) + "\n" + describe(v));
    EXPECT_EQ(v.profile.gender, c.gender);
    EXPECT_EQ(v.profile.age, c.age);
    expect_plausible(v.profile, c.description);
    for (const Expected& e : c.understood) EXPECT_TRUE(reports(v, e)) << e.dimension << "=" << e.value;

    const VoiceProfile reference = design_voice(c.reference).profile;
    const Trend trends[] = {c.f0, c.rate, c.range, c.breathiness, c.brightness};
    for (int i = 0; i < 5; ++i) {
      const double got = attribute(v.profile, i), base = attribute(reference, i);
      switch (trends[i]) {
        case Trend::kAny:
          break;
        case Trend::kLower:
          EXPECT_LT(got, base) << kNames[i];
          break;
        case Trend::kSame:
          EXPECT_NEAR(got, base, 1e-9) << kNames[i];
          break;
        case Trend::kHigher:
          EXPECT_GT(got, base) << kNames[i];
          break;
      }
    }
  }
}

TEST(VoiceDescriptionTest, UnderstandsTheVendorsDimensionVocabulary) {
  // The voice design guide's table of dimensions (seeds/001) and
  // api-reference §5's English list.
  const std::pair<std::string_view, std::string_view> kWords[] = {
      {"男性", "gender"},       {"女性", "gender"},       {"中性", "gender"},       {"儿童", "age"},
      {"青少年", "age"},        {"青年", "age"},          {"中年", "age"},          {"老年", "age"},
      {"高音", "pitch"},        {"中音", "pitch"},        {"低音", "pitch"},        {"偏高", "pitch"},
      {"偏低", "pitch"},        {"快速", "pace"},         {"中速", "pace"},         {"缓慢", "pace"},
      {"偏快", "pace"},         {"偏慢", "pace"},         {"开朗", "emotion"},      {"沉稳", "emotion"},
      {"温柔", "emotion"},      {"严肃", "emotion"},      {"活泼", "emotion"},      {"冷静", "emotion"},
      {"治愈", "emotion"},      {"有磁性", "timbre"},     {"清脆", "timbre"},       {"沙哑", "timbre"},
      {"圆润", "timbre"},       {"甜美", "timbre"},       {"浑厚", "timbre"},       {"有力", "timbre"},
      {"新闻播报", "use_case"}, {"广告配音", "use_case"}, {"有声书", "use_case"},   {"动画角色", "use_case"},
      {"语音助手", "use_case"}, {"纪录片解说", "use_case"}, {"male", "gender"},     {"female", "gender"},
      {"neutral", "gender"},    {"child", "age"},         {"teen", "age"},          {"young adult", "age"},
      {"middle-aged", "age"},   {"elderly", "age"},       {"high", "pitch"},        {"mid", "pitch"},
      {"low", "pitch"},         {"fast", "pace"},         {"moderate", "pace"},     {"slow", "pace"},
      {"cheerful", "emotion"},  {"calm", "emotion"},      {"gentle", "emotion"},    {"serious", "emotion"},
      {"lively", "emotion"},    {"soothing", "emotion"},  {"magnetic", "timbre"},   {"crisp", "timbre"},
      {"husky", "timbre"},      {"mellow", "timbre"},     {"sweet", "timbre"},      {"rich", "timbre"},
      {"powerful", "timbre"},   {"news", "use_case"},     {"advertising", "use_case"}, {"audiobook", "use_case"},
      {"animation", "use_case"}, {"assistant", "use_case"}, {"documentary", "use_case"}};
  for (const auto& [word, dimension] : kWords) {
    const InterpretedVoice v = design_voice(word);
    ASSERT_EQ(v.understood.size(), 1u) << word << "\n" << describe(v);
    EXPECT_EQ(v.understood[0].dimension, dimension) << word;
    EXPECT_EQ(v.understood[0].words, word);
  }
}

TEST(VoiceDescriptionTest, TextWithoutCuesGivesTheDefaultVoice) {
  const InterpretedVoice empty = design_voice("");
  EXPECT_TRUE(empty.understood.empty());
  EXPECT_EQ(empty.profile.gender, Gender::kFemale);
  EXPECT_EQ(empty.profile.age, AgeBand::kYoungAdult);
  expect_plausible(empty.profile, "empty");
  for (std::string_view text : {"123456", "好听的声音", "非常非常非常好听", "🎤🎉 ??? !!!", "the voice of a person"}) {
    SCOPED_TRACE(text);
    const InterpretedVoice v = design_voice(text);
    EXPECT_TRUE(v.understood.empty()) << describe(v);
    expect_same_profile(v.profile, empty.profile);
  }
}

TEST(VoiceDescriptionTest, DefaultsFollowGenderAndAge) {
  const VoiceProfile child = design_voice("儿童").profile;
  const VoiceProfile woman = design_voice("young woman").profile;
  const VoiceProfile man = design_voice("young man").profile;
  const VoiceProfile old_man = design_voice("老爷爷").profile;
  EXPECT_GT(child.median_f0_hz, 250.0);
  EXPECT_GT(child.speaking_rate, woman.speaking_rate);
  EXPECT_GT(child.formant_scale, woman.formant_scale);
  EXPECT_GT(woman.median_f0_hz, man.median_f0_hz);
  EXPECT_GT(woman.formant_scale, man.formant_scale);
  EXPECT_LT(old_man.speaking_rate, man.speaking_rate);
  EXPECT_LT(old_man.median_f0_hz, man.median_f0_hz);
  EXPECT_GT(old_man.breathiness, man.breathiness);
  // Magnetic, rich voices of men have a longer vocal tract than plain ones.
  EXPECT_LT(design_voice("富有磁性、浑厚的男声").profile.formant_scale, std::min(1.0, man.formant_scale));
}

TEST(VoiceDescriptionTest, DegreeWordsScaleTheEffect) {
  auto f0 = [](std::string_view d) { return design_voice(d).profile.median_f0_hz; };
  auto rate = [](std::string_view d) { return design_voice(d).profile.speaking_rate; };
  EXPECT_LT(f0("非常低沉的男声"), f0("低沉的男声"));
  EXPECT_LT(f0("低沉的男声"), f0("略微低沉的男声"));
  EXPECT_LT(f0("略微低沉的男声"), f0("男声"));
  EXPECT_GT(rate("very fast"), rate("fast"));
  EXPECT_GT(rate("fast"), rate("slightly fast"));
  EXPECT_GT(rate("slightly fast"), rate(""));
  EXPECT_GT(rate("语速快一点"), rate(""));
  EXPECT_LT(rate("语速快一点"), rate("语速快"));
  EXPECT_EQ(design_voice("稍微快一点").understood.at(0).strength, 0.5 * 0.7);
}

TEST(VoiceDescriptionTest, NegationTurnsACueAround) {
  const VoiceProfile plain = design_voice("").profile;
  EXPECT_LT(design_voice("语速不要太快").profile.speaking_rate, plain.speaking_rate);
  EXPECT_GT(design_voice("not a deep voice").profile.median_f0_hz, plain.median_f0_hz);
  EXPECT_LT(design_voice("without any breathiness").profile.breathiness, plain.breathiness);
  EXPECT_NEAR(design_voice("不快不慢").profile.speaking_rate, plain.speaking_rate, 1e-9);
  const InterpretedVoice not_male = design_voice("a voice that is not male");
  EXPECT_EQ(not_male.profile.gender, Gender::kFemale);
  // A negated age says nothing: the default age stays, and the cue is shown unused.
  const InterpretedVoice not_child = design_voice("不是小孩");
  EXPECT_EQ(not_child.profile.age, AgeBand::kYoungAdult);
  ASSERT_EQ(not_child.understood.size(), 1u);
  EXPECT_FALSE(not_child.understood[0].applied);
  EXPECT_LT(not_child.understood[0].strength, 0);
}

TEST(VoiceDescriptionTest, ReportsTheWordsAsWritten) {
  const InterpretedVoice v = design_voice("Not too FAST, 30岁左右，声音非常低沉，语速快一点");
  std::vector<std::string> words;
  for (const UnderstoodCue& u : v.understood) words.push_back(u.words);
  EXPECT_EQ(words, (std::vector<std::string>{"Not too FAST", "30岁左右", "非常低沉", "语速快一点"}));
  EXPECT_FALSE(v.understood[0].applied);  // the later "语速快一点" wins the pace
  EXPECT_TRUE(v.understood[3].applied);
}

TEST(VoiceDescriptionTest, StatedAgesPickTheBand) {
  const std::pair<std::string_view, AgeBand> kAges[] = {
      {"8岁", AgeBand::kChild},          {"七八岁的孩子", AgeBand::kChild},   {"十五岁", AgeBand::kTeen},
      {"十几岁", AgeBand::kTeen},         {"二十多岁", AgeBand::kYoungAdult}, {"35岁", AgeBand::kYoungAdult},
      {"四十出头", AgeBand::kMiddleAged}, {"55岁", AgeBand::kMiddleAged},     {"六十岁以上", AgeBand::kElderly},
      {"a 30-year-old", AgeBand::kYoungAdult}, {"in her 50s", AgeBand::kMiddleAged}, {"aged 70", AgeBand::kElderly},
      {"20 to 24 years old", AgeBand::kYoungAdult}, {"a 12 year old", AgeBand::kChild}};
  for (const auto& [text, band] : kAges) {
    EXPECT_EQ(design_voice(text).profile.age, band) << text << "\n" << describe(design_voice(text));
  }
  // Numbers that are not ages.
  for (std::string_view text : {"mp3 version 2.0", "123456", "7s and 8s", "2048 characters"}) {
    EXPECT_TRUE(design_voice(text).understood.empty()) << text;
  }
}

TEST(VoiceDescriptionTest, ExplicitIdentityBeatsImpliedThenTheLastWins) {
  const InterpretedVoice v = design_voice("男声，女声");
  ASSERT_EQ(v.understood.size(), 2u);
  EXPECT_FALSE(v.understood[0].applied);
  EXPECT_TRUE(v.understood[1].applied);
  EXPECT_EQ(design_voice("she is a man").profile.gender, Gender::kMale);     // "she" only implies
  EXPECT_EQ(design_voice("a girl, 8 years old").profile.age, AgeBand::kChild);  // "girl" only implies teen
  EXPECT_EQ(design_voice("少女…不，老奶奶").profile.age, AgeBand::kElderly);
}

TEST(VoiceDescriptionTest, AnyInputStaysWithinTheCatalogueRanges) {
  std::mt19937 rng(20240611);
  const std::vector<std::string> pieces = {
      "非常", "不", "很", "略", "一点", "高", "低沉", "快", "慢", "儿童", "老人", "男", "女", "沙哑", "清脆", "激昂",
      "悲伤", "新闻", "磁性", "甜美", "very", "not", "slightly", "deep", "high", "fast", "slow", "child", "elderly",
      "man", "woman", "husky", "bright", "whisper", "excited", "8岁", "in his 60s", "，", ". ", " ", "😀", "\xff\xfe",
      "\xe4\xb8", "中性", "teen", "尖细", "空灵", "bass", "抑扬顿挫", "monotone", "loud", "耳语"};
  for (int round = 0; round < 100; ++round) {
    std::string text;
    while (utf8::length(text) < 2048) text += pieces[rng() % pieces.size()];
    const InterpretedVoice v = design_voice(text);
    expect_plausible(v.profile, "round " + std::to_string(round));
    for (const UnderstoodCue& u : v.understood) ASSERT_TRUE(utf8::is_valid(u.words));
  }
  std::string bytes(4096, '\0');
  for (char& b : bytes) b = static_cast<char>(rng());
  expect_plausible(design_voice(bytes).profile, "random bytes");
  // Extremes pile up against the clamps, never past them.
  for (std::string_view text : {"非常非常非常尖细高亢的小女孩，语速极快，抑扬顿挫，超级明亮",
                                "extremely deep, very slow, extremely husky, whispering, dark, sad old man",
                                "a very very fast and very high-pitched elderly woman"}) {
    expect_plausible(design_voice(text).profile, text);
  }
}

TEST(VoiceDescriptionTest, SystemVoiceDescriptionsDesignSimilarVoices) {
  // Where a system voice's description names its gender, designing from the
  // description lands on that gender, near the catalogue's F0.
  int compared = 0;
  for (const SystemVoice& voice : VoiceCatalog::system_voices().all()) {
    const InterpretedVoice v = design_voice(voice.description);
    const bool names_gender = std::any_of(v.understood.begin(), v.understood.end(),
                                          [](const UnderstoodCue& u) { return u.dimension == "gender" && u.applied; });
    if (!names_gender) continue;
    ++compared;
    SCOPED_TRACE(voice.description + "\n" + describe(v));
    EXPECT_EQ(v.profile.gender, voice.profile.gender);
    EXPECT_NEAR(v.profile.median_f0_hz / voice.profile.median_f0_hz, 1.0, 0.25);
  }
  EXPECT_GE(compared, 30);
}

// Instructions.

VoiceProfile system_voice(std::string_view name) { return VoiceCatalog::system_voices().find(name)->profile; }

struct InstructionCase {
  std::string_view instructions;
  Trend f0, rate, range, breathiness, brightness;
  std::vector<Expected> understood = {};
};

const std::vector<InstructionCase> kInstructionCases = {
    {"语速较快，语调上扬", T::kHigher, T::kHigher, T::kHigher, T::kSame, T::kSame,
     {{"pace", "fast"}, {"intonation", "rising"}}},
    {"speak slowly and calmly", T::kSame, T::kLower, T::kLower, T::kAny, T::kSame,
     {{"pace", "slow"}, {"emotion", "calm"}}},
    {"用激昂的语气", T::kHigher, T::kHigher, T::kHigher, T::kAny, T::kHigher, {{"emotion", "excited"}}},
    {"whisper softly", T::kAny, T::kAny, T::kAny, T::kHigher, T::kLower, {{"volume", "whisper"}}},
    {"声音低沉一些", T::kLower, T::kSame, T::kSame, T::kSame, T::kLower, {{"pitch", "deep"}}},
    {"语速快一点，声音高一些", T::kHigher, T::kHigher, T::kSame, T::kSame, T::kSame},
    {"用悲伤的语气", T::kLower, T::kLower, T::kLower, T::kHigher, T::kLower},
    {"angry!", T::kHigher, T::kHigher, T::kHigher, T::kAny, T::kHigher},
    {"平淡地读，不要有起伏", T::kSame, T::kAny, T::kLower, T::kSame, T::kSame},
    {"Speak quickly with a rising intonation, suitable for introducing fashion products.", T::kHigher, T::kHigher,
     T::kHigher, T::kSame, T::kHigher},
};

TEST(VoiceDescriptionTest, InstructionsAdjustTheVoiceRelativeToItself) {
  for (std::string_view name : {"Cherry", "Ethan", "Eldric Sage", "Bunny"}) {
    const VoiceProfile base = system_voice(name);
    for (const InstructionCase& c : kInstructionCases) {
      const InterpretedVoice v = apply_instructions(base, c.instructions);
      SCOPED_TRACE(std::string(name) + ": " + std::string(c.instructions) + "\n" + describe(v));
      EXPECT_EQ(v.profile.name, base.name);
      EXPECT_EQ(v.profile.gender, base.gender);
      EXPECT_EQ(v.profile.age, base.age);
      EXPECT_EQ(v.profile.formant_scale, base.formant_scale);
      EXPECT_EQ(v.profile.dialect, base.dialect);
      for (const Expected& e : c.understood) EXPECT_TRUE(reports(v, e)) << e.dimension << "=" << e.value;
      const Trend trends[] = {c.f0, c.rate, c.range, c.breathiness, c.brightness};
      for (int i = 0; i < 5; ++i) {
        const double got = attribute(v.profile, i), was = attribute(base, i);
        // A value already at its bound cannot move past it.
        if (trends[i] == Trend::kLower) {
          EXPECT_TRUE(got < was || got == 0.0 || got == 0.75 || got == 0.4) << i;
        }
        if (trends[i] == Trend::kSame) {
          EXPECT_EQ(got, was) << i;
        }
        if (trends[i] == Trend::kHigher) {
          EXPECT_TRUE(got > was || got == 1.0 || got == 1.3 || got == 1.8) << i;
        }
      }
    }
  }
}

TEST(VoiceDescriptionTest, InstructionsNeverChangeGenderOrAge) {
  const VoiceProfile cherry = system_voice("Cherry");
  const InterpretedVoice v = apply_instructions(cherry, "换成一个低沉的老年男声，像个小孩一样");
  EXPECT_EQ(v.profile.gender, Gender::kFemale);
  EXPECT_EQ(v.profile.age, AgeBand::kYoungAdult);
  EXPECT_LT(v.profile.median_f0_hz, cherry.median_f0_hz);  // "低沉" still applies
  EXPECT_GE(v.profile.median_f0_hz, 165.0);
  for (const UnderstoodCue& u : v.understood) {
    if (u.dimension == "gender" || u.dimension == "age") {
      EXPECT_FALSE(u.applied) << u.words;
    }
  }
}

TEST(VoiceDescriptionTest, EmptyOrUnknownInstructionsLeaveTheVoiceUnchanged) {
  for (std::string_view name : {"Cherry", "Dylan", "Ebona", "Radio Gol"}) {
    const VoiceProfile base = system_voice(name);
    for (std::string_view text : {"", "   ", "请读下面这段话", "thank you! 🙏"}) {
      const InterpretedVoice v = apply_instructions(base, text);
      EXPECT_TRUE(v.understood.empty()) << text;
      expect_same_profile(v.profile, base);
    }
  }
}

TEST(VoiceDescriptionTest, InstructionsStayPlausible) {
  for (const SystemVoice& voice : VoiceCatalog::system_voices().all()) {
    for (std::string_view text : {"非常非常快，非常高，极其明亮，抑扬顿挫", "extremely slow, very very deep, whisper, sad"}) {
      const InterpretedVoice v = apply_instructions(voice.profile, text);
      SCOPED_TRACE(voice.name() + ": " + std::string(text));
      EXPECT_GE(v.profile.speaking_rate, std::min(0.75, voice.profile.speaking_rate));
      EXPECT_LE(v.profile.speaking_rate, std::max(1.3, voice.profile.speaking_rate));
      EXPECT_GE(v.profile.f0_range, 0.4);
      EXPECT_LE(v.profile.f0_range, 1.8);
      EXPECT_GE(v.profile.breathiness, 0.0);
      EXPECT_LE(v.profile.breathiness, 1.0);
      EXPECT_GE(v.profile.brightness, -1.0);
      EXPECT_LE(v.profile.brightness, 1.0);
      if (voice.profile.age == AgeBand::kChild) {
        EXPECT_GT(v.profile.median_f0_hz, 250.0);
      }
    }
  }
}

}  // namespace
}  // namespace voxwire
