#include "inference/inference_catalog.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include <boost/json.hpp>

#include "inference/task_params.h"
#include "voice/voice_catalog.h"

namespace voxwire::inference {
namespace {

TEST(InferenceCatalog, BilledCharactersFollowTheReference) {
  // §8.1's examples.
  EXPECT_EQ(billed_characters(Family::kCosyVoice, "你好"), 4);
  EXPECT_EQ(billed_characters(Family::kCosyVoice, "中A文123"), 8);
  EXPECT_EQ(billed_characters(Family::kCosyVoice, "中文。"), 5);
  EXPECT_EQ(billed_characters(Family::kCosyVoice, "中 文。"), 6);
  EXPECT_EQ(billed_characters(Family::kSambert, "今天天气怎么样"), 7);
}

TEST(InferenceCatalog, EveryModelsVoicesAreDistinctExistingProfiles) {
  int cosyvoice = 0;
  for (const InferenceModel& model : inference_models()) {
    std::set<std::string> profiles;
    if (model.family == Family::kSambert) {
      EXPECT_NE(VoiceCatalog::system_voices().find(model.sambert_profile), nullptr) << model.name;
      continue;
    }
    ++cosyvoice;
    for (const CosyVoiceVoice& voice : model.voices) {
      EXPECT_NE(VoiceCatalog::system_voices().find(voice.profile), nullptr) << voice.id;
      EXPECT_TRUE(profiles.insert(std::string(voice.profile)).second) << model.name << " " << voice.id;
    }
  }
  EXPECT_EQ(cosyvoice, 3);
  ASSERT_NE(find_inference_model("cosyvoice-v3-flash"), nullptr);
  EXPECT_EQ(find_inference_model("cosyvoice-v3-flash")->voices.size(), 32u);
  EXPECT_EQ(find_inference_model("cosyvoice-v1"), nullptr);
}

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

}  // namespace
}  // namespace voxwire::inference
