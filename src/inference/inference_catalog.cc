#include "inference/inference_catalog.h"

#include <array>

#include "base/utf8.h"
#include "tts/script.h"
#include "voice/voice_catalog.h"

namespace voxwire::inference {
namespace {

using IT = InstructionTemplates;

// Reshapes for voices whose character no free voxwire voice has.
constexpr Reshape reshape(double f0, double rate, double formant, std::optional<Gender> gender = std::nullopt,
                          std::optional<Dialect> dialect = std::nullopt) {
  return Reshape{f0, rate, formant, gender, dialect};
}
constexpr Reshape kSofter = reshape(0.9, 0.94, 0.97);
constexpr Reshape kBrighter = reshape(1.1, 1.05, 1.03);
constexpr Reshape kLivelier = reshape(1.06, 1.1, 1.0);
constexpr Reshape kMinnanWoman = reshape(1.6, 1.0, 1.15, Gender::kFemale);
constexpr Reshape kMinnanGirl = reshape(1.04, 1.0, 1.03, std::nullopt, Dialect::kMinnan);

constexpr CosyVoiceVoice voice(std::string_view id, std::string_view profile, IT instruction = IT::kNone,
                               Reshape reshape = {}) {
  return CosyVoiceVoice{id, {profile, reshape}, true, true, instruction};
}
// Foreign-language voices without SSML and timestamps (§15.2, §15.5).
constexpr CosyVoiceVoice plain_voice(std::string_view id, std::string_view profile, bool ssml = false) {
  return CosyVoiceVoice{id, {profile, {}}, ssml, false, IT::kNone};
}

constexpr std::array kV3FlashVoices = {
    voice("longanyang", "Ethan", IT::kLonganyang),  voice("longanhuan", "Cherry", IT::kLonganhuan),
    voice("longanhuan_v3", "Chelsie", IT::kDialects), voice("longhuhu_v3", "Bella", IT::kLonghuhu),
    voice("longpaopao_v3", "Bunny"),                voice("longjielidou_v3", "Mochi"),
    voice("longshanshan_v3", "Pip"),                voice("longjiaxin_v3", "Kiki"),
    voice("longjiayi_v3", "Kiki", IT::kNone, kSofter), voice("longanyue_v3", "Rocky"),
    voice("longlaotie_v3", "Peter"),                voice("longshange_v3", "Marcus"),
    voice("longanmin_v3", "Nini", IT::kNone, kMinnanGirl),
    plain_voice("loongkyong_v3", "Sohee"),          plain_voice("loongriko_v3", "Ono Anna"),
    plain_voice("loongtomoka_v3", "Katerina"),      plain_voice("loongabby_v3", "Jennifer"),
    plain_voice("loongandy_v3", "Aiden"),           plain_voice("loongemily_v3", "Serena"),
    plain_voice("loongeric_v3", "Neil"),            plain_voice("loongjihun_v3", "Lenn"),
    plain_voice("loongindah_v3", "Maia"),           voice("longfei_v3", "Vincent"),
    voice("longyingxiao_v3", "Vivian"),             voice("longyingjing_v3", "Seren"),
    voice("longxiaochun_v3", "Momo"),               voice("longxiaoxia_v3", "Bellona"),
    voice("longcheng_v3", "Kai"),                   voice("longwan_v3", "Nini"),
    voice("longsanshu_v3", "Elias"),                voice("longlaobo_v3", "Arthur"),
    voice("longhouge_v3", "Moon"),                  voice("longshuo_v3", "Ryan"),
    voice("loongbella_v3", "Sonrisa"),
};

constexpr std::array kV3PlusVoices = {
    voice("longanyang", "Ethan", IT::kLonganyang),
    voice("longanhuan", "Cherry", IT::kLonganhuanPlus),
};

constexpr std::array kV2Voices = {
    voice("longxiaochun_v2", "Momo"),    voice("longxiaoxia_v2", "Bellona"), voice("longxiaocheng_v2", "Vincent"),
    voice("longwan_v2", "Nini"),         voice("longcheng_v2", "Kai"),       voice("longhua_v2", "Chelsie"),
    voice("longyumi_v2", "Serena"),      voice("longshu_v2", "Ryan"),        voice("loongbella_v2", "Sonrisa"),
    voice("longanyue", "Rocky"),         voice("longshange", "Marcus"),
    voice("longanmin", "Roy", IT::kNone, kMinnanWoman),
    voice("longlaotie_v2", "Peter"),     voice("longjiayi_v2", "Kiki"),      voice("longhuhu", "Bella"),
    voice("longyingxiao", "Vivian"),     voice("longjiqi", "Stella"),        voice("libai_v2", "Eldric Sage"),
    plain_voice("loongyuuna_v2", "Ono Anna", true), plain_voice("loongjihun_v2", "Lenn", true),
    plain_voice("loongeva_v2", "Maia"),  plain_voice("loongabby_v2", "Jennifer"),
};

// §15.6: no SSML, instructions or timestamps on v1.
constexpr CosyVoiceVoice v1_voice(std::string_view id, std::string_view profile) {
  return CosyVoiceVoice{id, {profile, {}}, false, false, IT::kNone};
}
constexpr std::array kV1Voices = {
    v1_voice("longwan", "Nini"),        v1_voice("longcheng", "Kai"),       v1_voice("longhua", "Chelsie"),
    v1_voice("longxiaochun", "Momo"),   v1_voice("longxiaoxia", "Bellona"), v1_voice("longxiaocheng", "Vincent"),
    v1_voice("longxiaobai", "Mia"),     v1_voice("longlaotie", "Peter"),    v1_voice("longshu", "Ryan"),
    v1_voice("longshuo", "Neil"),       v1_voice("longjing", "Katerina"),   v1_voice("longmiao", "Seren"),
    v1_voice("longyue", "Maia"),        v1_voice("longyuan", "Serena"),     v1_voice("longfei", "Moon"),
    v1_voice("longjielidou", "Mochi"),  v1_voice("longtong", "Bella"),      v1_voice("longxiang", "Elias"),
    v1_voice("loongstella", "Stella"),  v1_voice("loongbella", "Sonrisa"),
};

constexpr ModelCaps kV1Caps{.opus = false, .tuning = false};
constexpr ModelCaps kV2Caps{.ssml = true, .word_timestamps = true};
constexpr ModelCaps kV3Caps{.ssml = true, .word_timestamps = true, .instructions = true, .hot_fix = true,
                            .designed_voices = true};
// v3.5: SSML not documented (§8.4), so not offered; only cloned/designed voices.
constexpr ModelCaps kV35Caps{.word_timestamps = true, .instructions = true, .hot_fix = true,
                             .designed_voices = true};

constexpr InferenceModel sambert(std::string_view name, std::string_view profile, bool timestamps = true,
                                 Reshape reshape = {}) {
  return InferenceModel{name, Family::kSambert,
                        ModelCaps{.opus = false, .tuning = false, .word_timestamps = timestamps,
                                  .custom_voices = false},
                        {}, {profile, reshape}};
}

constexpr std::array kModels = {
    InferenceModel{"cosyvoice-v3-flash", Family::kCosyVoice, kV3Caps, kV3FlashVoices, {}},
    InferenceModel{"cosyvoice-v3-plus", Family::kCosyVoice, kV3Caps, kV3PlusVoices, {}},
    InferenceModel{"cosyvoice-v3.5-flash", Family::kCosyVoice, kV35Caps, {}, {}},
    InferenceModel{"cosyvoice-v3.5-plus", Family::kCosyVoice, kV35Caps, {}, {}},
    InferenceModel{"cosyvoice-v2", Family::kCosyVoice, kV2Caps, kV2Voices, {}},
    InferenceModel{"cosyvoice-v1", Family::kCosyVoice, kV1Caps, kV1Voices, {}},
    // Sambert (§12.5): one model, one voice; all of them sound distinct.
    sambert("sambert-zhinan-v1", "Aiden"),
    sambert("sambert-zhiqi-v1", "Seren"),
    sambert("sambert-zhichu-v1", "Elias"),
    sambert("sambert-zhide-v1", "Ryan"),
    sambert("sambert-zhijia-v1", "Bellona"),
    sambert("sambert-zhiru-v1", "Katerina"),
    sambert("sambert-zhiqian-v1", "Cherry"),
    sambert("sambert-zhixiang-v1", "Vincent"),
    sambert("sambert-zhiwei-v1", "Mia"),
    sambert("sambert-zhihao-v1", "Ethan"),
    sambert("sambert-zhijing-v1", "Vivian"),
    sambert("sambert-zhiming-v1", "Nofish"),
    sambert("sambert-zhimo-v1", "Moon"),
    sambert("sambert-zhina-v1", "Jada"),
    sambert("sambert-zhishu-v1", "Andre"),
    sambert("sambert-zhistella-v1", "Stella"),
    sambert("sambert-zhiting-v1", "Chelsie"),
    sambert("sambert-zhixiao-v1", "Momo"),
    sambert("sambert-zhiya-v1", "Sohee"),
    sambert("sambert-zhiye-v1", "Dylan"),
    sambert("sambert-zhiying-v1", "Bunny"),
    sambert("sambert-zhiyuan-v1", "Serena"),
    sambert("sambert-zhiyue-v1", "Nini"),
    sambert("sambert-zhigui-v1", "Ono Anna"),
    sambert("sambert-zhishuo-v1", "Alek"),
    sambert("sambert-zhimiao-emo-v1", "Cherry", true, kLivelier),
    sambert("sambert-zhimao-v1", "Chelsie", true, kBrighter),
    sambert("sambert-zhilun-v1", "Eldric Sage"),
    sambert("sambert-zhifei-v1", "Ryan", true, kLivelier),
    sambert("sambert-zhida-v1", "Kai"),
    sambert("sambert-camila-v1", "Sonrisa", false),
    sambert("sambert-perla-v1", "Sonrisa", false, kSofter),
    sambert("sambert-indah-v1", "Maia", false, kBrighter),
    sambert("sambert-clara-v1", "Maia", false),
    sambert("sambert-hanna-v1", "Katerina", false, kBrighter),
    sambert("sambert-beth-v1", "Jennifer"),
    sambert("sambert-betty-v1", "Serena", true, kBrighter),
    sambert("sambert-cally-v1", "Jennifer", true, kBrighter),
    sambert("sambert-cindy-v1", "Vivian", true, kSofter),
    sambert("sambert-eva-v1", "Seren", true, kBrighter),
    sambert("sambert-donna-v1", "Bellona", true, kSofter),
    sambert("sambert-brian-v1", "Neil"),
    sambert("sambert-waan-v1", "Sohee", false, kSofter),
};

}  // namespace

const InferenceModel* find_inference_model(std::string_view name) {
  for (const InferenceModel& m : kModels) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

std::span<const InferenceModel> inference_models() { return kModels; }

std::optional<VoiceProfile> speaker_profile(const VoiceSpeaker& speaker, std::string_view name) {
  const SystemVoice* system = VoiceCatalog::system_voices().find(speaker.profile);
  if (!system) return std::nullopt;
  VoiceProfile profile = system->profile;
  const Reshape& r = speaker.reshape;
  if (r.f0_scale == 1.0 && r.rate_scale == 1.0 && r.formant_scale == 1.0 && !r.gender && !r.dialect) return profile;
  profile.name = std::string(name);
  profile.median_f0_hz *= r.f0_scale;
  profile.speaking_rate *= r.rate_scale;
  profile.formant_scale *= r.formant_scale;
  if (r.gender) profile.gender = *r.gender;
  if (r.dialect) profile.dialect = *r.dialect;
  return profile;
}

const CosyVoiceVoice* find_voice(const InferenceModel& model, std::string_view voice) {
  for (const CosyVoiceVoice& v : model.voices) {
    if (v.id == voice) return &v;
  }
  return nullptr;
}

long long billed_characters(Family family, std::string_view text) {
  long long n = 0;
  for (char32_t cp : utf8::decode(text)) {
    n += (family == Family::kCosyVoice && script_of(cp) == Script::kHan) ? 2 : 1;
  }
  return n;
}

}  // namespace voxwire::inference
