#include "inference/instruction.h"

#include <algorithm>
#include <array>
#include <optional>
#include <span>
#include <string>

#include "voice/voice_description.h"

namespace voxwire::inference {
namespace {

using namespace std::string_view_literals;

constexpr std::array kEmotions = {"neutral"sv, "fearful"sv, "angry"sv, "sad"sv, "surprised"sv, "happy"sv, "disgusted"sv};

struct TemplateSet {
  std::span<const std::string_view> scenes;
  std::string_view role_prefix;  // before <role>
  std::span<const std::string_view> roles;
  std::span<const std::string_view> identities;
};

constexpr std::array kAnyangScenes = {"闲聊互动"sv, "新闻播报"sv, "广告促销"sv, "比赛解说"sv,
                                      "一些儿童内容解说"sv, "语音导航"sv, "脱口秀表演"sv};
constexpr std::array kAnyangRoles = {"一个旁白"sv};
constexpr std::array kStoryMachine = {"故事机"sv};
constexpr std::array kAnhuanScenes = {"闲聊对话"sv, "课堂教学"sv, "比赛解说"sv, "深夜电台广播"sv, "剧情解说"sv,
                                      "诗歌朗诵"sv, "科普知识推广"sv, "产品推广"sv, "脱口秀表演"sv};
constexpr std::array kAnhuanPlusScenes = {"闲聊对话"sv, "比赛解说"sv, "深夜电台广播"sv, "诗歌朗诵"sv,
                                          "科普知识推广"sv, "产品推广"sv, "脱口秀表演"sv};
constexpr std::array kAnhuanRoles = {"温和客服"sv};
constexpr std::array kHuhuScenes = {"自由对话"sv, "广告促销"sv};
constexpr std::array kHuhuRoles = {"傲娇公主"sv, "元气少女"sv, "可爱孩童"sv, "机器人"sv, "小猪佩奇"sv};
constexpr std::array kHuhuIdentities = {"故事机"sv, "儿童玩具"sv};

std::optional<TemplateSet> template_set(InstructionTemplates t) {
  switch (t) {
    case InstructionTemplates::kLonganyang: return TemplateSet{kAnyangScenes, "你现在说话的角色是", kAnyangRoles, kStoryMachine};
    case InstructionTemplates::kLonganhuan: return TemplateSet{kAnhuanScenes, "你说话的角色是", kAnhuanRoles, {}};
    case InstructionTemplates::kLonganhuanPlus: return TemplateSet{kAnhuanPlusScenes, "你说话的角色是", kAnhuanRoles, {}};
    case InstructionTemplates::kLonghuhu: return TemplateSet{kHuhuScenes, "你说话的角色是", kHuhuRoles, kHuhuIdentities};
    case InstructionTemplates::kNone:
    case InstructionTemplates::kDialects: break;
  }
  return std::nullopt;
}

struct DialectName {
  std::string_view name;
  Dialect dialect;     // how voxwire speaks it (espeak-ng has Mandarin and Cantonese voices only)
  bool system_voices;  // in longanhuan_v3's list (§15.3 D); every one is allowed for clones
};
constexpr std::array kDialects = {
    DialectName{"普通话", Dialect::kMandarin, true},     DialectName{"广东话", Dialect::kCantonese, true},
    DialectName{"东北话", Dialect::kBeijing, true},      DialectName{"河南话", Dialect::kMandarin, true},
    DialectName{"湖南话", Dialect::kMandarin, true},     DialectName{"陕西话", Dialect::kShaanxi, true},
    DialectName{"山东话", Dialect::kMandarin, true},     DialectName{"四川话", Dialect::kSichuanese, true},
    DialectName{"安徽话", Dialect::kMandarin, true},     DialectName{"甘肃话", Dialect::kMandarin, false},
    DialectName{"贵州话", Dialect::kMandarin, false},    DialectName{"湖北话", Dialect::kMandarin, false},
    DialectName{"江西话", Dialect::kMandarin, false},    DialectName{"闽南话", Dialect::kMinnan, false},
    DialectName{"宁夏话", Dialect::kMandarin, false},    DialectName{"山西话", Dialect::kMandarin, false},
    DialectName{"上海话", Dialect::kShanghainese, false}, DialectName{"天津话", Dialect::kTianjin, false},
    DialectName{"云南话", Dialect::kMandarin, false},
};

bool contains(std::span<const std::string_view> list, std::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

// `text` without `prefix` and `suffix`, if it has both.
std::optional<std::string_view> between(std::string_view text, std::string_view prefix, std::string_view suffix) {
  if (text.size() < prefix.size() + suffix.size() || !text.starts_with(prefix) || !text.ends_with(suffix)) {
    return std::nullopt;
  }
  return text.substr(prefix.size(), text.size() - prefix.size() - suffix.size());
}

// The dialect asked for by "请用<方言>表达。", if the text is that form.
const DialectName* dialect_form(std::string_view text) {
  std::optional<std::string_view> name = between(text, "请用", "表达。");
  if (!name) return nullptr;
  for (const DialectName& d : kDialects) {
    if (d.name == *name) return &d;
  }
  return nullptr;
}

// The words a template instruction asks for ("新闻播报 happy"), or nullopt
// if it is none of the set's forms.
std::optional<std::string> match_template(const TemplateSet& set, std::string_view text) {
  constexpr std::string_view kEmotionLead = "你说话的情感是";
  const std::size_t at = text.rfind(kEmotionLead);
  if (at == std::string_view::npos) return std::nullopt;
  std::optional<std::string_view> emotion = between(text.substr(at), kEmotionLead, "。");
  if (!emotion || !contains(kEmotions, *emotion)) return std::nullopt;
  std::string words = *emotion == "neutral" ? std::string() : std::string(*emotion);
  const std::string_view lead = text.substr(0, at);
  if (lead.empty()) return words;
  std::optional<std::string_view> value;
  if ((value = between(lead, "你正在进行", "，")) && contains(set.scenes, *value)) return std::string(*value) + " " + words;
  if ((value = between(lead, set.role_prefix, "，")) && contains(set.roles, *value)) return std::string(*value) + " " + words;
  if ((value = between(lead, "你正在以一个", "的身份说话，")) && contains(set.identities, *value)) {
    return std::string(*value) + " " + words;
  }
  return std::nullopt;
}

Status invalid(std::string message) { return Status::invalid_argument(std::move(message)); }

}  // namespace

Result<VoiceProfile> apply_instruction(const InferenceModel& model, VoiceKind kind, InstructionTemplates templates,
                                       const VoiceProfile& voice, std::string_view instruction) {
  if (instruction.empty()) return voice;
  if (billed_characters(Family::kCosyVoice, instruction) > kMaxInstructionCharacters) {
    return invalid("Parameter 'instruction' is too long: at most 128 characters, each Chinese character counting 2.");
  }
  const std::string model_name(model.name);
  VoiceProfile out = voice;
  if (kind != VoiceKind::kSystem) {
    if (!model.caps.instructions) {
      return invalid("Parameter 'instruction' is not supported by model '" + model_name + "'.");
    }
    if (const DialectName* dialect = dialect_form(instruction)) {
      if (kind == VoiceKind::kDesigned) return invalid("Designed voices do not support dialect instructions.");
      out.dialect = dialect->dialect;
      return out;
    }
    return apply_instructions(voice, instruction).profile;
  }
  if (!model.caps.instructions) {
    return invalid("Parameter 'instruction' is not supported by model '" + model_name + "'.");
  }
  if (templates == InstructionTemplates::kNone) return voice;
  if (templates == InstructionTemplates::kDialects) {
    const DialectName* dialect = dialect_form(instruction);
    if (!dialect || !dialect->system_voices) {
      return invalid("Parameter 'instruction' must be '请用<方言>表达。' with one of 普通话, 广东话, 东北话, 河南话, "
                     "湖南话, 陕西话, 山东话, 四川话, 安徽话 for this voice.");
    }
    out.dialect = dialect->dialect;
    return out;
  }
  std::optional<std::string> words = match_template(*template_set(templates), instruction);
  if (!words) {
    return invalid("Parameter 'instruction' matches none of this voice's templates, e.g. '你说话的情感是happy。' "
                   "(emotions: neutral, fearful, angry, sad, surprised, happy, disgusted).");
  }
  return apply_instructions(voice, *words).profile;
}

}  // namespace voxwire::inference
