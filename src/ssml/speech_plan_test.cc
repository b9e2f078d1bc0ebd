#include "ssml/speech_plan.h"

#include <gtest/gtest.h>

namespace voxwire::ssml {
namespace {

SpeechPlan plan_of(std::string_view document, LanguageType language = std::nullopt) {
  Result<SpeechPlan> r = render_ssml(document, language);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? std::move(r).value() : SpeechPlan{};
}

std::string error_of(std::string_view document) {
  Result<SpeechPlan> r = render_ssml(document, std::nullopt);
  EXPECT_FALSE(r.ok()) << document;
  return r.ok() ? "" : r.status().message();
}

const SpeechSegment& speech(const SpeechPlan& plan, std::size_t i) { return std::get<SpeechSegment>(plan.steps.at(i)); }
int silence(const SpeechPlan& plan, std::size_t i) { return std::get<Silence>(plan.steps.at(i)).ms; }

TEST(SpeechPlan, BreaksCutTheSpeechIntoSegmentsAndAddUp) {
  const SpeechPlan plan = plan_of("<speak>你好<break time=\"500ms\"/>世界<break/> <break time=\"2s\"/>再见</speak>");
  ASSERT_EQ(plan.steps.size(), 5u);
  EXPECT_EQ(speech(plan, 0).text, "你好");
  EXPECT_EQ(silence(plan, 1), 500);
  EXPECT_EQ(speech(plan, 2).text, "世界");
  EXPECT_EQ(silence(plan, 3), 3000);
  EXPECT_EQ(speech(plan, 4).text, "再见");
}

TEST(SpeechPlan, ConsecutiveBreaksAreCappedAtTenSeconds) {
  const SpeechPlan plan = plan_of("<speak><break time=\"10s\"/><break time=\"9000ms\"/>a</speak>");
  EXPECT_EQ(silence(plan, 0), 10000);
}

TEST(SpeechPlan, RefusesBadBreakTimes) {
  for (std::string_view time : {"0s", "11s", "49ms", "10001ms", "1.5s", "s", "5", "-1s"}) {
    EXPECT_NE(error_of("<speak><break time=\"" + std::string(time) + "\"/></speak>").find("<break time> must be"),
              std::string::npos)
        << time;
  }
  EXPECT_NE(error_of("<speak><break>x</break></speak>").find("must be empty"), std::string::npos);
}

TEST(SpeechPlan, SiblingSpeaksCarryTheirOwnSettings) {
  const SpeechPlan plan = plan_of(
      "<speak rate=\"2\" pitch=\"0.5\" volume=\"80\">快</speak>\n<speak voice=\"longcheng_v2\" rate=\"-500\" "
      "pitch=\"200\">慢</speak><speak>平</speak>");
  ASSERT_EQ(plan.steps.size(), 3u);
  EXPECT_EQ(speech(plan, 0).settings.rate, 2.0);
  EXPECT_EQ(speech(plan, 0).settings.pitch, 0.5);
  EXPECT_EQ(speech(plan, 0).settings.volume, 80);
  EXPECT_EQ(speech(plan, 1).settings.voice, "longcheng_v2");
  EXPECT_EQ(speech(plan, 1).settings.rate, 0.5);   // legacy scale
  EXPECT_EQ(speech(plan, 1).settings.pitch, 1.4);  // legacy scale
  EXPECT_FALSE(speech(plan, 2).settings.rate.has_value());
  EXPECT_TRUE(speech(plan, 2).settings.voice.empty());
}

TEST(SpeechPlan, RefusesBadSpeakAttributes) {
  EXPECT_NE(error_of("<speak rate=\"3\">a</speak>").find("<speak rate> must be"), std::string::npos);
  EXPECT_NE(error_of("<speak rate=\"fast\">a</speak>").find("<speak rate> must be"), std::string::npos);
  EXPECT_NE(error_of("<speak volume=\"101\">a</speak>").find("<speak volume>"), std::string::npos);
  EXPECT_NE(error_of("<speak volume=\"5.5\">a</speak>").find("<speak volume>"), std::string::npos);
  EXPECT_EQ(error_of("<speak speed=\"1\">a</speak>"), "line 1, column 1: unknown attribute 'speed' on <speak>");
  EXPECT_EQ(error_of("<speak effectValue=\"500\">a</speak>"),
            "line 1, column 1: <speak effectValue> needs an effect attribute");
  EXPECT_EQ(error_of("<speak effect=\"\">a</speak>"), "line 1, column 1: <speak effect> must name an effect");
  EXPECT_EQ(error_of("<speak backgroundMusicVolume=\"30\">a</speak>"),
            "line 1, column 1: <speak backgroundMusicVolume> needs a bgm attribute");
  EXPECT_EQ(error_of("<speak bgm=\"http://x/a.wav\" backgroundMusicVolume=\"101\">a</speak>"),
            "line 1, column 1: <speak backgroundMusicVolume> must be an integer in [0, 100]");
  EXPECT_EQ(error_of("<speak bgm=\" \">a</speak>"), "line 1, column 1: <speak bgm> must be the URL of a WAV");
}

TEST(SpeechPlan, SoundEventsAreStepsAndBgmIsASettingOfItsSpeak) {
  const SpeechPlan plan = plan_of(
      "<speak bgm=\"http://h/b.wav\" backgroundMusicVolume=\"30\">a<soundEvent src=\"http://h/s.wav?x=1&amp;y=2\"/>"
      "b</speak><speak>c<soundEvent src=\"http://h/b.wav\"/></speak>");
  ASSERT_EQ(plan.steps.size(), 5u);
  EXPECT_EQ(speech(plan, 0).settings.bgm, "http://h/b.wav");
  EXPECT_EQ(speech(plan, 0).settings.bgm_volume, 30);
  EXPECT_EQ(std::get<Sound>(plan.steps[1]).url, "http://h/s.wav?x=1&y=2");  // XML-escaped in the document
  EXPECT_EQ(speech(plan, 2).text, "b");
  EXPECT_EQ(speech(plan, 2).settings.speak_index, 0);
  EXPECT_EQ(speech(plan, 3).settings.bgm, "");
  EXPECT_EQ(speech(plan, 3).settings.speak_index, 1);
  EXPECT_EQ(std::get<Sound>(plan.steps[4]).url, "http://h/b.wav");
  EXPECT_EQ(audio_urls(plan), (std::vector<std::string>{"http://h/b.wav", "http://h/s.wav?x=1&y=2"}));
  EXPECT_EQ(speech(plan_of("<speak bgm=\"http://h/b.wav\">a</speak>"), 0).settings.bgm_volume, 50);

  EXPECT_EQ(error_of("<speak><soundEvent/></speak>"),
            "line 1, column 8: <soundEvent> needs a src attribute: the URL of a WAV");
  EXPECT_EQ(error_of("<speak><soundEvent src=\"u\" volume=\"1\"/></speak>"),
            "line 1, column 8: unknown attribute 'volume' on <soundEvent>");
}

TEST(SpeechPlan, EffectsArePassedOnPerSpeak) {
  const SpeechPlan plan = plan_of("<speak effect=\"lpfilter\" effectValue=\"800\">a</speak><speak effect=\"robot\">b</speak>"
                                  "<speak>c</speak>");
  EXPECT_EQ(speech(plan, 0).settings.effect, "lpfilter");
  EXPECT_EQ(speech(plan, 0).settings.effect_value, "800");
  EXPECT_EQ(speech(plan, 1).settings.effect, "robot");
  EXPECT_FALSE(speech(plan, 1).settings.effect_value);
  EXPECT_EQ(speech(plan, 2).settings.effect, "");
}

TEST(SpeechPlan, SubSpeaksTheAliasAndBillsTheText) {
  const SpeechPlan plan = plan_of("<speak><sub alias=\"网络协议标准\">W3C</sub>很重要</speak>");
  EXPECT_EQ(speech(plan, 0).text, "网络协议标准很重要");
  EXPECT_EQ(speech(plan, 0).written, "W3C很重要");
  EXPECT_NE(error_of("<speak><sub>W3C</sub></speak>").find("alias"), std::string::npos);
  EXPECT_NE(error_of("<speak><sub alias=\"x\"><break/></sub></speak>").find("may hold only text"), std::string::npos);
}

TEST(SpeechPlan, PhonemesBecomeForcedReadings) {
  const SpeechPlan plan =
      plan_of("<speak>去<phoneme alphabet=\"py\" ph=\"dian3 dang4 hang2\">典当行</phoneme>，say "
              "<phoneme alphabet=\"cmu\" ph=\"S AY1 N\">sign</phoneme></speak>");
  const SpeechSegment& s = speech(plan, 0);
  EXPECT_EQ(s.text, "去典当行，say sign");
  ASSERT_EQ(s.readings.size(), 2u);
  EXPECT_EQ(s.text.substr(s.readings[0].begin, s.readings[0].end - s.readings[0].begin), "典当行");
  EXPECT_EQ(std::get<std::vector<text::PinyinSyllable>>(s.readings[0].pronunciation).size(), 3u);
  EXPECT_EQ(s.text.substr(s.readings[1].begin), "sign");
  EXPECT_EQ(std::get<text::ArpabetPhones>(s.readings[1].pronunciation).phones,
            (std::vector<std::string>{"S", "AY1", "N"}));
}

TEST(SpeechPlan, RefusesBadPhonemes) {
  EXPECT_NE(error_of("<speak><phoneme alphabet=\"py\" ph=\"dian3\">典当</phoneme></speak>")
                .find("1 syllables for 2 characters"),
            std::string::npos);
  EXPECT_NE(error_of("<speak><phoneme alphabet=\"py\" ph=\"dian7\">典</phoneme></speak>").find("tone digit"),
            std::string::npos);
  EXPECT_NE(error_of("<speak><phoneme alphabet=\"cmu\" ph=\"XX\">a</phoneme></speak>").find("ARPAbet"),
            std::string::npos);
  EXPECT_NE(error_of("<speak><phoneme alphabet=\"ipa\" ph=\"a\">a</phoneme></speak>").find("py (pinyin) or cmu"),
            std::string::npos);
  EXPECT_NE(error_of("<speak><phoneme ph=\"a1\">a</phoneme></speak>").find("needs the attributes"), std::string::npos);
}

TEST(SpeechPlan, SayAsIsReadInTheDocumentsLanguage) {
  EXPECT_EQ(speech(plan_of("<speak>电话<say-as interpret-as=\"telephone\">110</say-as></speak>"), 0).text, "电话幺幺零");
  EXPECT_EQ(speech(plan_of("<speak>Room <say-as interpret-as=\"digits\">120</say-as></speak>"), 0).text,
            "Room one two zero");
  EXPECT_EQ(speech(plan_of("<speak><say-as interpret-as=\"cardinal\">120</say-as></speak>", Language::kChinese), 0).text,
            "一百二十");
  EXPECT_NE(error_of("<speak><say-as interpret-as=\"ordinal\">1</say-as></speak>").find("interpret-as 'ordinal'"),
            std::string::npos);
  EXPECT_NE(error_of("<speak><say-as>1</say-as></speak>").find("needs an interpret-as"), std::string::npos);
  // <vhml/> is allowed inside say-as and ignored.
  EXPECT_EQ(speech(plan_of("<speak><say-as interpret-as=\"name\">张<vhml/>三</say-as></speak>"), 0).text, "张三");
}

TEST(SpeechPlan, RefusesWhatIsNotSsmlHere) {
  EXPECT_NE(error_of("hello <speak>a</speak>").find("text outside <speak>"), std::string::npos);
  EXPECT_NE(error_of("<p>a</p>").find("<p> outside <speak>"), std::string::npos);
  EXPECT_NE(error_of("<speak><speak>a</speak></speak>").find("cannot be nested"), std::string::npos);
  EXPECT_EQ(error_of("<speak>a<emphasis>b</emphasis></speak>"),
            "line 1, column 9: unknown element <emphasis> (SSML here has speak, break, sub, phoneme, say-as, "
            "soundEvent and vhml)");
  EXPECT_NE(error_of("<speak>a</speak").find("unterminated end tag"), std::string::npos);
  EXPECT_EQ(error_of("<!-- only a comment -->"), "the SSML document has no <speak> element");
}

TEST(SpeechPlan, WhitespaceOnlySegmentsAreDropped) {
  const SpeechPlan plan = plan_of("<speak version=\"1.0\" xml:lang=\"zh-CN\">\n  <break time=\"1s\"/>\n</speak>");
  ASSERT_EQ(plan.steps.size(), 1u);
  EXPECT_EQ(silence(plan, 0), 1000);
  EXPECT_EQ(speech(plan_of("<speak>\n  a\n  <sub alias=\"b\">c</sub>\n</speak>"), 0).written, "\n  a\n  c");
}

TEST(SpeechPlan, FindsSpeakElements) {
  EXPECT_TRUE(contains_speak_element("<speak>hi</speak>"));
  EXPECT_TRUE(contains_speak_element("x <speak rate=\"2\">hi</speak>"));
  EXPECT_TRUE(contains_speak_element("<speak/>"));
  EXPECT_FALSE(contains_speak_element("<speaker>hi</speaker>"));
  EXPECT_FALSE(contains_speak_element("speak up <b>now</b>"));
}

TEST(SpeechPlan, LegacyScale) {
  EXPECT_EQ(from_legacy_scale(0), 1.0);
  EXPECT_EQ(from_legacy_scale(500), 2.0);
  EXPECT_EQ(from_legacy_scale(-500), 0.5);
  EXPECT_EQ(from_legacy_scale(1.5), 1.5);
  EXPECT_EQ(from_legacy_scale(3), 3.0);  // still out of range for the caller
}

}  // namespace
}  // namespace voxwire::ssml
