#include "inference/inference_catalog.h"

#include <array>

#include "base/utf8.h"
#include "tts/script.h"

namespace voxwire::inference {
namespace {

// The voices of §15.2 whose character a voxwire voice can carry, each model's
// voices on distinct voxwire voices (gender, age and dialect kept where the
// catalogue has one). Voices without a fitting free profile are left out
// (longjiayi_v3, longanmin_v3, longanmin: no second Cantonese or a female
// Minnan voice); README lists the mapping.
constexpr std::array kV3FlashVoices = {
    CosyVoiceVoice{"longanyang", "Ethan"},         CosyVoiceVoice{"longanhuan", "Cherry"},
    CosyVoiceVoice{"longanhuan_v3", "Chelsie"},    CosyVoiceVoice{"longhuhu_v3", "Bella"},
    CosyVoiceVoice{"longpaopao_v3", "Bunny"},      CosyVoiceVoice{"longjielidou_v3", "Mochi"},
    CosyVoiceVoice{"longshanshan_v3", "Pip"},      CosyVoiceVoice{"longjiaxin_v3", "Kiki"},
    CosyVoiceVoice{"longanyue_v3", "Rocky"},       CosyVoiceVoice{"longlaotie_v3", "Peter"},
    CosyVoiceVoice{"longshange_v3", "Marcus"},     CosyVoiceVoice{"loongkyong_v3", "Sohee"},
    CosyVoiceVoice{"loongriko_v3", "Ono Anna"},    CosyVoiceVoice{"loongtomoka_v3", "Katerina"},
    CosyVoiceVoice{"loongabby_v3", "Jennifer"},    CosyVoiceVoice{"loongandy_v3", "Aiden"},
    CosyVoiceVoice{"loongemily_v3", "Serena"},     CosyVoiceVoice{"loongeric_v3", "Neil"},
    CosyVoiceVoice{"loongjihun_v3", "Lenn"},       CosyVoiceVoice{"loongindah_v3", "Maia"},
    CosyVoiceVoice{"longfei_v3", "Vincent"},       CosyVoiceVoice{"longyingxiao_v3", "Vivian"},
    CosyVoiceVoice{"longyingjing_v3", "Seren"},    CosyVoiceVoice{"longxiaochun_v3", "Momo"},
    CosyVoiceVoice{"longxiaoxia_v3", "Bellona"},   CosyVoiceVoice{"longcheng_v3", "Kai"},
    CosyVoiceVoice{"longwan_v3", "Nini"},          CosyVoiceVoice{"longsanshu_v3", "Elias"},
    CosyVoiceVoice{"longlaobo_v3", "Arthur"},      CosyVoiceVoice{"longhouge_v3", "Moon"},
    CosyVoiceVoice{"longshuo_v3", "Ryan"},         CosyVoiceVoice{"loongbella_v3", "Sonrisa"},
};

constexpr std::array kV3PlusVoices = {
    CosyVoiceVoice{"longanyang", "Ethan"},
    CosyVoiceVoice{"longanhuan", "Cherry"},
};

constexpr std::array kV2Voices = {
    CosyVoiceVoice{"longxiaochun_v2", "Momo"},    CosyVoiceVoice{"longxiaoxia_v2", "Bellona"},
    CosyVoiceVoice{"longxiaocheng_v2", "Vincent"}, CosyVoiceVoice{"longwan_v2", "Nini"},
    CosyVoiceVoice{"longcheng_v2", "Kai"},         CosyVoiceVoice{"longhua_v2", "Chelsie"},
    CosyVoiceVoice{"longyumi_v2", "Serena"},       CosyVoiceVoice{"longshu_v2", "Ryan"},
    CosyVoiceVoice{"loongbella_v2", "Sonrisa"},    CosyVoiceVoice{"longanyue", "Rocky"},
    CosyVoiceVoice{"longshange", "Marcus"},        CosyVoiceVoice{"longlaotie_v2", "Peter"},
    CosyVoiceVoice{"longjiayi_v2", "Kiki"},        CosyVoiceVoice{"longhuhu", "Bella"},
    CosyVoiceVoice{"longyingxiao", "Vivian"},      CosyVoiceVoice{"longjiqi", "Stella"},
    CosyVoiceVoice{"libai_v2", "Eldric Sage"},     CosyVoiceVoice{"loongyuuna_v2", "Ono Anna"},
    CosyVoiceVoice{"loongjihun_v2", "Lenn"},       CosyVoiceVoice{"loongeva_v2", "Maia"},
    CosyVoiceVoice{"loongabby_v2", "Jennifer"},
};

constexpr std::array kModels = {
    InferenceModel{"cosyvoice-v3-flash", Family::kCosyVoice, kV3FlashVoices, {}, true},
    InferenceModel{"cosyvoice-v3-plus", Family::kCosyVoice, kV3PlusVoices, {}, true},
    InferenceModel{"cosyvoice-v2", Family::kCosyVoice, kV2Voices, {}, true},
    // Sambert (§12.5): one model, one voice.
    InferenceModel{"sambert-zhinan-v1", Family::kSambert, {}, "Aiden", false},
    InferenceModel{"sambert-zhiqi-v1", Family::kSambert, {}, "Seren", false},
    InferenceModel{"sambert-zhichu-v1", Family::kSambert, {}, "Elias", false},
    InferenceModel{"sambert-zhide-v1", Family::kSambert, {}, "Ryan", false},
    InferenceModel{"sambert-zhijia-v1", Family::kSambert, {}, "Bellona", false},
    InferenceModel{"sambert-zhiru-v1", Family::kSambert, {}, "Katerina", false},
    InferenceModel{"sambert-zhiwei-v1", Family::kSambert, {}, "Mia", false},
    InferenceModel{"sambert-zhiying-v1", Family::kSambert, {}, "Bunny", false},
    InferenceModel{"sambert-zhiyuan-v1", Family::kSambert, {}, "Serena", false},
    InferenceModel{"sambert-zhida-v1", Family::kSambert, {}, "Kai", false},
    InferenceModel{"sambert-beth-v1", Family::kSambert, {}, "Jennifer", false},
    InferenceModel{"sambert-brian-v1", Family::kSambert, {}, "Neil", false},
    InferenceModel{"sambert-clara-v1", Family::kSambert, {}, "Maia", false},
    InferenceModel{"sambert-camila-v1", Family::kSambert, {}, "Sonrisa", false},
};

}  // namespace

const InferenceModel* find_inference_model(std::string_view name) {
  for (const InferenceModel& m : kModels) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

std::span<const InferenceModel> inference_models() { return kModels; }

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
