#include "openai/openai_names.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "catalog/model_catalog.h"
#include "voice/voice_catalog.h"

namespace voxwire::openai {
namespace {

TEST(OpenAiNames, ElevenVoicesMapToDistinctSystemVoicesOfTheMappedModels) {
  const std::set<std::string> female = {"alloy", "coral", "nova", "sage", "shimmer"};
  std::set<std::string_view> used;
  ASSERT_EQ(voice_mappings().size(), 11u);
  for (const VoiceMapping& v : voice_mappings()) {
    SCOPED_TRACE(std::string(v.openai));
    EXPECT_TRUE(used.insert(v.voxwire).second) << "each OpenAI voice is a different voxwire voice";
    EXPECT_EQ(system_voice_for(v.openai), v.voxwire);
    for (std::string_view model_name : {"tts-1", "tts-1-hd", "gpt-4o-mini-tts"}) {
      const catalog::ModelInfo* model =
          catalog::ModelCatalog::defaults().find_model(*voxwire_model_for(model_name), catalog::Surface::kRealtime);
      ASSERT_NE(model, nullptr) << model_name;
      const SystemVoice* voice = catalog::accepted_system_voice(*model, v.voxwire);
      ASSERT_NE(voice, nullptr) << model_name;
      EXPECT_EQ(voice->profile.gender, female.contains(std::string(v.openai)) ? Gender::kFemale : Gender::kMale);
      EXPECT_TRUE(voice->profile.age == AgeBand::kYoungAdult || voice->profile.age == AgeBand::kMiddleAged);
    }
  }
  EXPECT_EQ(system_voice_for("Shimmer"), system_voice_for("shimmer"));
  EXPECT_EQ(system_voice_for("Cherry"), std::nullopt);
}

TEST(OpenAiNames, ModelsMapToVoxwireModelsAndOtherNamesPassThrough) {
  const auto& models = catalog::ModelCatalog::defaults();
  const catalog::ModelInfo* plain = models.find_model(*voxwire_model_for("tts-1"), catalog::Surface::kRealtime);
  const catalog::ModelInfo* instruct =
      models.find_model(*voxwire_model_for("gpt-4o-mini-tts"), catalog::Surface::kRealtime);
  ASSERT_NE(plain, nullptr);
  ASSERT_NE(instruct, nullptr);
  EXPECT_FALSE(plain->caps.instructions);
  EXPECT_TRUE(instruct->caps.instructions) << "gpt-4o-mini-tts takes instructions, as OpenAI's does";
  EXPECT_EQ(voxwire_model_for("tts-1-hd"), voxwire_model_for("tts-1"));
  EXPECT_EQ(voxwire_model_for("qwen3-tts-flash"), std::nullopt);
  EXPECT_EQ(counted_model("tts-1"), plain->name);
  EXPECT_EQ(counted_model("qwen3-tts-flash"), "qwen3-tts-flash");
}

}  // namespace
}  // namespace voxwire::openai
