#include "inference/task_params.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "voice/voice_catalog.h"

namespace voxwire::inference {
namespace {

Result<TaskParams> parse(std::string_view model, std::string_view parameters, const CustomVoiceLookup& lookup = {}) {
  const InferenceModel* m = find_inference_model(model);
  EXPECT_NE(m, nullptr) << model;
  boost::json::value p = boost::json::parse(parameters);
  return parse_task_params(*m, &p, lookup);
}

constexpr std::string_view k418 = "[tts:]Engine return error code: 418";

TEST(TaskParams, SdkDefaultsAndLegacyScale) {
  const InferenceModel& v3 = *find_inference_model("cosyvoice-v3-flash");
  boost::json::value p = boost::json::parse(
      R"({"voice":"longanyang","text_type":"PlainText","format":"Default","sample_rate":0,"seed":0,"type":0,)"
      R"("rate":500,"pitch":-500,"bit_rate":128000,"enable_ssml":"true","unknown":[1]})");
  Result<TaskParams> params = parse_task_params(v3, &p);
  ASSERT_TRUE(params.ok()) << params.status().to_string();
  EXPECT_EQ(params->format, audio::AudioFormat::kMp3);
  EXPECT_EQ(params->sample_rate_hz, 22050);
  EXPECT_DOUBLE_EQ(params->rate, 2.0);
  EXPECT_DOUBLE_EQ(params->pitch, 0.5);
  EXPECT_EQ(params->bit_rate_kbps, 128);
  EXPECT_TRUE(params->enable_ssml);
  EXPECT_EQ(params->voice.name, "Ethan");

  const InferenceModel& sambert = *find_inference_model("sambert-zhichu-v1");
  boost::json::value s = boost::json::parse(R"({"stream":true})");
  Result<TaskParams> sp = parse_task_params(sambert, &s);
  ASSERT_TRUE(sp.ok()) << sp.status().to_string();
  EXPECT_EQ(sp->format, audio::AudioFormat::kWav);
  EXPECT_EQ(sp->sample_rate_hz, 16000);
}

TEST(TaskParams, VoicesBelongToTheirGeneration) {
  EXPECT_EQ(parse("cosyvoice-v2", R"({"text_type":"PlainText","voice":"longxiaochun"})").status().message(), k418);
  EXPECT_EQ(parse("cosyvoice-v3-flash", R"({"text_type":"PlainText","voice":"longxiaochun_v2"})").status().message(),
            k418);
  EXPECT_EQ(parse("cosyvoice-v3.5-plus", R"({"text_type":"PlainText","voice":"longanyang"})").status().message(), k418);
  EXPECT_TRUE(parse("cosyvoice-v1", R"({"text_type":"PlainText","voice":"longxiaochun"})").ok());
  EXPECT_EQ(parse("cosyvoice-v1", R"({"text_type":"PlainText"})").status().message(), "Request voice is invalid!");
}

TEST(TaskParams, CustomVoicesComeFromTheLookupForTheirModel) {
  VoiceProfile mine = VoiceCatalog::system_voices().find("Serena")->profile;
  mine.name = "cosyvoice-v3.5-plus-me-0123";
  std::string asked_model;
  CustomVoiceLookup lookup = [&](std::string_view model, std::string_view id) -> std::optional<CustomVoice> {
    asked_model = std::string(model);
    if (id == "cosyvoice-v3.5-plus-me-0123") return CustomVoice{mine, false};
    if (id == "designed-one") return CustomVoice{mine, true};
    return std::nullopt;
  };
  Result<TaskParams> cloned =
      parse("cosyvoice-v3.5-plus", R"({"text_type":"PlainText","voice":"cosyvoice-v3.5-plus-me-0123"})", lookup);
  ASSERT_TRUE(cloned.ok()) << cloned.status().to_string();
  EXPECT_EQ(asked_model, "cosyvoice-v3.5-plus");
  EXPECT_EQ(cloned->voice.name, mine.name);
  EXPECT_EQ(cloned->voice_kind, VoiceKind::kCloned);
  EXPECT_FALSE(cloned->ssml_capable);  // v3.5: SSML not offered
  EXPECT_EQ(parse("cosyvoice-v3.5-plus", R"({"text_type":"PlainText","voice":"other"})", lookup).status().message(),
            k418);
  // Designed voices exist for v3 and v3.5 only.
  EXPECT_TRUE(parse("cosyvoice-v3-flash", R"({"text_type":"PlainText","voice":"designed-one"})", lookup).ok());
  EXPECT_EQ(parse("cosyvoice-v2", R"({"text_type":"PlainText","voice":"designed-one"})", lookup).status().message(),
            k418);
}

TEST(TaskParams, TimestampsOnlyWhereTheModelAndVoiceOfferThem) {
  auto words = [](std::string_view model, std::string_view params) { return parse(model, params)->word_timestamps; };
  EXPECT_TRUE(words("cosyvoice-v3-flash", R"({"text_type":"PlainText","voice":"longanyang","word_timestamp_enabled":true})"));
  EXPECT_FALSE(words("cosyvoice-v3-flash", R"({"text_type":"PlainText","voice":"longanyang"})"));
  EXPECT_FALSE(words("cosyvoice-v3-flash",
                     R"({"text_type":"PlainText","voice":"loongabby_v3","word_timestamp_enabled":true})"));
  EXPECT_FALSE(words("cosyvoice-v1", R"({"text_type":"PlainText","voice":"longwan","word_timestamp_enabled":true})"));
  Result<TaskParams> sambert =
      parse("sambert-zhichu-v1", R"({"word_timestamp_enabled":true,"phoneme_timestamp_enabled":"true"})");
  EXPECT_TRUE(sambert->word_timestamps);
  EXPECT_TRUE(sambert->phoneme_timestamps);
  EXPECT_FALSE(parse("sambert-zhichu-v1", R"({"phoneme_timestamp_enabled":true})")->phoneme_timestamps);
  EXPECT_FALSE(parse("sambert-camila-v1", R"({"word_timestamp_enabled":true})")->word_timestamps);
  EXPECT_EQ(parse("sambert-zhichu-v1", R"({"word_timestamp_enabled":1})").status().message(),
            "Parameter 'word_timestamp_enabled' must be a boolean.");
}

TEST(TaskParams, SsmlFollowsTheModelAndVoice) {
  EXPECT_TRUE(parse("cosyvoice-v2", R"({"text_type":"PlainText","voice":"longxiaochun_v2"})")->ssml_capable);
  EXPECT_FALSE(parse("cosyvoice-v2", R"({"text_type":"PlainText","voice":"loongabby_v2"})")->ssml_capable);
  EXPECT_FALSE(parse("cosyvoice-v1", R"({"text_type":"PlainText","voice":"longwan"})")->ssml_capable);
  Result<TaskParams> typed = parse("cosyvoice-v3-flash", R"({"text_type":"SSML","voice":"longanyang","enable_ssml":false})");
  ASSERT_TRUE(typed.ok());
  EXPECT_TRUE(typed->enable_ssml);  // text_type SSML reads like enable_ssml (§7)
  EXPECT_EQ(parse("cosyvoice-v3-flash", R"({"text_type":"Markdown","voice":"longanyang"})").status().message(),
            "Parameter 'text_type' must be 'PlainText'.");
}

TEST(TaskParams, TuningParametersAreCheckedWhereOfferedAndIgnoredOnV1) {
  EXPECT_EQ(parse("cosyvoice-v2", R"({"text_type":"PlainText","voice":"longwan_v2","seed":70000})").status().message(),
            "Parameter 'seed' must be an integer in [0, 65535].");
  EXPECT_TRUE(parse("cosyvoice-v2", R"({"text_type":"PlainText","voice":"longwan_v2","seed":65535})").ok());
  // §16 item 4: v1 ignores seed (and has no bit_rate or language_hints).
  EXPECT_TRUE(parse("cosyvoice-v1", R"({"text_type":"PlainText","voice":"longwan","seed":70000,"bit_rate":1})").ok());
  EXPECT_EQ(parse("cosyvoice-v1", R"({"text_type":"PlainText","voice":"longwan","format":"opus"})").status().message(),
            "Parameter 'format' 'opus' is not supported by model 'cosyvoice-v1'; use pcm, wav or mp3.");
  Result<TaskParams> hinted = parse("cosyvoice-v2", R"({"text_type":"PlainText","voice":"longwan_v2","language_hints":["ja","en"]})");
  EXPECT_EQ(hinted->language, Language::kJapanese);
  EXPECT_FALSE(parse("cosyvoice-v2", R"({"text_type":"PlainText","voice":"longwan_v2","language_hints":["th"]})")
                   ->language.has_value());
  EXPECT_FALSE(parse("cosyvoice-v2", R"({"text_type":"PlainText","voice":"longwan_v2","language_hints":["xx"]})").ok());
}

TEST(TaskParams, InstructionsChangeTheVoiceOrAreRefused) {
  const std::string anyang = R"({"text_type":"PlainText","voice":"longanyang","instruction":")";
  Result<TaskParams> plain = parse("cosyvoice-v3-flash", R"({"text_type":"PlainText","voice":"longanyang"})");
  Result<TaskParams> sad = parse("cosyvoice-v3-flash", anyang + R"(你说话的情感是sad。"})");
  ASSERT_TRUE(sad.ok()) << sad.status().to_string();
  EXPECT_NE(sad->voice.median_f0_hz, plain->voice.median_f0_hz);
  EXPECT_FALSE(parse("cosyvoice-v3-flash", anyang + R"(请用开心的语气说话"})").ok());
  EXPECT_FALSE(parse("cosyvoice-v2", R"({"text_type":"PlainText","voice":"longwan_v2","instruction":"你说话的情感是sad。"})").ok());
}

}  // namespace
}  // namespace voxwire::inference
