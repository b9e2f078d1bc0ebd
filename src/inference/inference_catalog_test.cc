#include "inference/inference_catalog.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

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

// Who a speaker is, for telling voices apart: its system voice and reshape.
std::string speaker_key(const VoiceSpeaker& s) {
  const Reshape& r = s.reshape;
  return std::string(s.profile) + "/" + std::to_string(r.f0_scale) + "/" + std::to_string(r.rate_scale) + "/" +
         std::to_string(r.formant_scale) + "/" + (r.gender ? std::string(gender_name(*r.gender)) : "") + "/" +
         (r.dialect ? std::string(dialect_name(*r.dialect)) : "");
}

TEST(InferenceCatalog, EveryModelsVoicesAreDistinctExistingProfiles) {
  std::set<std::string> sambert_speakers;
  int cosyvoice = 0, sambert = 0;
  for (const InferenceModel& model : inference_models()) {
    if (model.family == Family::kSambert) {
      ++sambert;
      EXPECT_TRUE(speaker_profile(model.sambert_speaker, model.name).has_value()) << model.name;
      EXPECT_TRUE(sambert_speakers.insert(speaker_key(model.sambert_speaker)).second) << model.name;
      EXPECT_FALSE(model.caps.opus) << model.name;
      continue;
    }
    ++cosyvoice;
    std::set<std::string> speakers;
    for (const CosyVoiceVoice& voice : model.voices) {
      EXPECT_TRUE(speaker_profile(voice.speaker, voice.id).has_value()) << voice.id;
      EXPECT_TRUE(speakers.insert(speaker_key(voice.speaker)).second) << model.name << " " << voice.id;
    }
  }
  EXPECT_EQ(cosyvoice, 6);
  EXPECT_EQ(sambert, 43);  // every model of §12.5
  EXPECT_EQ(find_inference_model("cosyvoice-v3-flash")->voices.size(), 34u);  // every voice of §15.2
  EXPECT_EQ(find_inference_model("cosyvoice-v2")->voices.size(), 22u);        // §15.5
  EXPECT_EQ(find_inference_model("cosyvoice-v1")->voices.size(), 20u);        // §15.6, complete
  EXPECT_TRUE(find_inference_model("cosyvoice-v3.5-plus")->voices.empty());   // clones and designs only
}

TEST(InferenceCatalog, ReshapedVoicesDifferFromTheirBase) {
  const CosyVoiceVoice* minnan = find_voice(*find_inference_model("cosyvoice-v2"), "longanmin");
  ASSERT_NE(minnan, nullptr);
  std::optional<VoiceProfile> woman = speaker_profile(minnan->speaker, minnan->id);
  ASSERT_TRUE(woman.has_value());
  const VoiceProfile& roy = VoiceCatalog::system_voices().find("Roy")->profile;
  EXPECT_EQ(woman->name, "longanmin");
  EXPECT_EQ(woman->gender, Gender::kFemale);
  EXPECT_EQ(woman->dialect, Dialect::kMinnan);
  EXPECT_GT(woman->median_f0_hz, roy.median_f0_hz * 1.5);
  // An unchanged speaker keeps the system voice's own name.
  const CosyVoiceVoice* anyang = find_voice(*find_inference_model("cosyvoice-v3-plus"), "longanyang");
  EXPECT_EQ(speaker_profile(anyang->speaker, anyang->id)->name, "Ethan");
}

}  // namespace
}  // namespace voxwire::inference
