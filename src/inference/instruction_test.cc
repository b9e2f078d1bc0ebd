#include "inference/instruction.h"

#include <gtest/gtest.h>

#include "voice/voice_catalog.h"

namespace voxwire::inference {
namespace {

using IT = InstructionTemplates;

const InferenceModel& model(std::string_view name) { return *find_inference_model(name); }
const VoiceProfile& cherry() { return VoiceCatalog::system_voices().find("Cherry")->profile; }

TEST(Instruction, SystemVoicesTakeTheirExactTemplates) {
  const InferenceModel& v3 = model("cosyvoice-v3-flash");
  for (std::string_view ok : {"你说话的情感是happy。", "你正在进行新闻播报，你说话的情感是neutral。",
                              "你现在说话的角色是一个旁白，你说话的情感是sad。",
                              "你正在以一个故事机的身份说话，你说话的情感是surprised。"}) {
    EXPECT_TRUE(apply_instruction(v3, VoiceKind::kSystem, IT::kLonganyang, cherry(), ok).ok()) << ok;
  }
  for (std::string_view bad : {"你说话的情感是happy", "你说话的情感是joyful。", "你正在进行课堂教学，你说话的情感是happy。",
                               "你说话的角色是一个旁白，你说话的情感是sad。", "你说话的情感是happy.", "speak happily"}) {
    EXPECT_FALSE(apply_instruction(v3, VoiceKind::kSystem, IT::kLonganyang, cherry(), bad).ok()) << bad;
  }
  // B has 课堂教学 on v3-flash, not on v3-plus; its role form has no 现在.
  EXPECT_TRUE(apply_instruction(v3, VoiceKind::kSystem, IT::kLonganhuan, cherry(), "你正在进行课堂教学，你说话的情感是happy。").ok());
  EXPECT_FALSE(apply_instruction(model("cosyvoice-v3-plus"), VoiceKind::kSystem, IT::kLonganhuanPlus, cherry(),
                                 "你正在进行课堂教学，你说话的情感是happy。").ok());
  EXPECT_TRUE(apply_instruction(v3, VoiceKind::kSystem, IT::kLonganhuan, cherry(), "你说话的角色是温和客服，你说话的情感是happy。").ok());
  EXPECT_TRUE(apply_instruction(v3, VoiceKind::kSystem, IT::kLonghuhu, cherry(), "你说话的角色是小猪佩奇，你说话的情感是happy。").ok());
}

TEST(Instruction, EmotionsMoveTheVoice) {
  const InferenceModel& v3 = model("cosyvoice-v3-flash");
  Result<VoiceProfile> happy = apply_instruction(v3, VoiceKind::kSystem, IT::kLonganyang, cherry(), "你说话的情感是happy。");
  Result<VoiceProfile> neutral = apply_instruction(v3, VoiceKind::kSystem, IT::kLonganyang, cherry(), "你说话的情感是neutral。");
  ASSERT_TRUE(happy.ok());
  EXPECT_NE(happy->median_f0_hz, cherry().median_f0_hz);
  EXPECT_EQ(neutral->median_f0_hz, cherry().median_f0_hz);
}

TEST(Instruction, DialectVoicesAndClonesSwitchDialect) {
  const InferenceModel& v3 = model("cosyvoice-v3-flash");
  Result<VoiceProfile> cantonese = apply_instruction(v3, VoiceKind::kSystem, IT::kDialects, cherry(), "请用广东话表达。");
  ASSERT_TRUE(cantonese.ok());
  EXPECT_EQ(cantonese->dialect, Dialect::kCantonese);
  // 上海话 is for clones only (§8.6), not longanhuan_v3 (§15.3 D).
  EXPECT_FALSE(apply_instruction(v3, VoiceKind::kSystem, IT::kDialects, cherry(), "请用上海话表达。").ok());
  Result<VoiceProfile> clone = apply_instruction(v3, VoiceKind::kCloned, IT::kNone, cherry(), "请用上海话表达。");
  EXPECT_EQ(clone->dialect, Dialect::kShanghainese);
  EXPECT_FALSE(apply_instruction(v3, VoiceKind::kDesigned, IT::kNone, cherry(), "请用上海话表达。").ok());
}

TEST(Instruction, FreeFormForCustomVoicesAndRefusedWhereNotOffered) {
  Result<VoiceProfile> slow =
      apply_instruction(model("cosyvoice-v3.5-flash"), VoiceKind::kDesigned, IT::kNone, cherry(), "Speak slowly and softly.");
  ASSERT_TRUE(slow.ok());
  EXPECT_LT(slow->speaking_rate, cherry().speaking_rate);
  EXPECT_FALSE(apply_instruction(model("cosyvoice-v2"), VoiceKind::kCloned, IT::kNone, cherry(), "Speak slowly.").ok());
  EXPECT_FALSE(apply_instruction(model("cosyvoice-v1"), VoiceKind::kSystem, IT::kNone, cherry(), "Speak slowly.").ok());
  // A v3 system voice without templates: tolerated and ignored (§8.6).
  Result<VoiceProfile> ignored = apply_instruction(model("cosyvoice-v3-flash"), VoiceKind::kSystem, IT::kNone, cherry(), "Speak slowly.");
  EXPECT_EQ(ignored->speaking_rate, cherry().speaking_rate);
  // 65 Han characters count 130 > 128.
  std::string long_text;
  for (int i = 0; i < 65; ++i) long_text += "慢";
  EXPECT_FALSE(apply_instruction(model("cosyvoice-v3.5-flash"), VoiceKind::kCloned, IT::kNone, cherry(), long_text).ok());
  EXPECT_TRUE(apply_instruction(model("cosyvoice-v3.5-flash"), VoiceKind::kCloned, IT::kNone, cherry(), long_text.substr(0, 3 * 64)).ok());
}

}  // namespace
}  // namespace voxwire::inference
