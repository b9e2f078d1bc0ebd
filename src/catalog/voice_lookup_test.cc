#include "catalog/voice_lookup.h"

#include <gtest/gtest.h>

namespace voxwire::catalog {
namespace {

TEST(VoiceLookup, FindsAcceptedVoicesByAnyCase) {
  const ModelInfo* model = ModelCatalog::defaults().find_model("qwen3-tts-flash-realtime", Surface::kRealtime);
  ASSERT_NE(model, nullptr);
  auto li = resolve_voice(*model, "li", "session.voice");
  ASSERT_TRUE(li.ok());
  EXPECT_EQ(li->name, "Li");
  EXPECT_EQ(li->dialect, Dialect::kNanjing);
}

TEST(VoiceLookup, RefusesVoicesTheModelDoesNotTakeNamingTheField) {
  const ModelInfo* vd = ModelCatalog::defaults().find_model("qwen3-tts-vd-realtime-2025-12-16", Surface::kRealtime);
  ASSERT_NE(vd, nullptr);
  auto serena = resolve_voice(*vd, "Serena", "session.voice");
  ASSERT_FALSE(serena.ok());
  EXPECT_EQ(serena.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(serena.status().field(), "session.voice");
  EXPECT_EQ(serena.status().message(),
            "Invalid value: 'Serena'. Voice is not supported by model 'qwen3-tts-vd-realtime-2025-12-16'.");
  const ModelInfo* old = ModelCatalog::defaults().find_model("qwen3-tts-flash-realtime-2025-09-18", Surface::kRealtime);
  ASSERT_NE(old, nullptr);
  EXPECT_FALSE(resolve_voice(*old, "Serena", "voice").ok());
  EXPECT_FALSE(resolve_voice(*old, "Nobody", "voice").ok());
}

}  // namespace
}  // namespace voxwire::catalog
