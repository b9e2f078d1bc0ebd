#include "catalog/model_catalog.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace voxwire::catalog {
namespace {

using audio::AudioFormat;

const ModelCatalog& models() { return ModelCatalog::defaults(); }

const ModelInfo& model(std::string_view name, Surface surface) {
  const ModelInfo* m = models().find_model(name, surface);
  EXPECT_NE(m, nullptr) << name;
  static const ModelInfo kMissing;
  return m == nullptr ? kMissing : *m;
}
const ModelInfo& realtime(std::string_view name) { return model(name, Surface::kRealtime); }
const ModelInfo& http(std::string_view name) { return model(name, Surface::kHttp); }

// Canonical name of the voice `model` accepts, or "" if it refuses it.
std::string accepted(const ModelInfo& m, std::string_view voice) {
  const SystemVoice* v = accepted_system_voice(m, voice);
  return v == nullptr ? "" : v->name();
}

const std::vector<std::string> kRealtimeModels = {"qwen3-tts-flash-realtime",
                                                  "qwen3-tts-flash-realtime-2025-11-27",
                                                  "qwen3-tts-flash-realtime-2025-09-18",
                                                  "qwen3-tts-instruct-flash-realtime",
                                                  "qwen3-tts-instruct-flash-realtime-2026-01-22",
                                                  "qwen3-tts-vd-realtime-2025-12-16",
                                                  "qwen3-tts-vd-realtime-2026-01-15",
                                                  "qwen3-tts-vc-realtime-2025-11-27",
                                                  "qwen3-tts-vc-realtime-2026-01-15",
                                                  "qwen-tts-realtime",
                                                  "qwen-tts-realtime-latest",
                                                  "qwen-tts-realtime-2025-07-15"};
const std::vector<std::string> kHttpModels = {"qwen3-tts-flash",
                                              "qwen3-tts-flash-2025-09-18",
                                              "qwen3-tts-instruct-flash",
                                              "qwen3-tts-instruct-flash-2026-01-26",
                                              "qwen3-tts-vc-2026-01-22",
                                              "qwen3-tts-vd-2026-01-26",
                                              "qwen-tts",
                                              "qwen-tts-latest",
                                              "qwen-tts-2025-05-22",
                                              "qwen-tts-2025-04-10"};
const std::vector<std::string> kDesignTargets = {"qwen3-tts-vd-realtime-2025-12-16", "qwen3-tts-vd-realtime-2026-01-15",
                                                 "qwen3-tts-vd-2026-01-26"};
const std::vector<std::string> kCloneTargets = {"qwen3-tts-vc-realtime-2025-11-27", "qwen3-tts-vc-realtime-2026-01-15",
                                                "qwen3-tts-vc-2026-01-22"};

TEST(ModelCatalogTest, EachModelIsOnItsSurfaceOnly) {
  for (const std::string& name : kRealtimeModels) {
    EXPECT_EQ(realtime(name).name, name);
    EXPECT_EQ(models().find_model(name, Surface::kHttp), nullptr) << name;
  }
  for (const std::string& name : kHttpModels) {
    EXPECT_EQ(http(name).name, name);
    EXPECT_EQ(models().find_model(name, Surface::kRealtime), nullptr) << name;
  }
  EXPECT_EQ(models().models().size(), kRealtimeModels.size() + kHttpModels.size());
}

TEST(ModelCatalogTest, NamesAreExactAndCaseSensitive) {
  EXPECT_EQ(models().find_model("QWEN3-TTS-FLASH-REALTIME", Surface::kRealtime), nullptr);
  EXPECT_EQ(models().find_model("qwen3-tts-flash-realtime ", Surface::kRealtime), nullptr);
  EXPECT_EQ(models().find_model("qwen3-tts-flash-realtime-2025-01-01", Surface::kRealtime), nullptr);
  EXPECT_EQ(models().find_model("cosyvoice-v2", Surface::kRealtime), nullptr);
  EXPECT_EQ(models().find_model("qwen-voice-design", Surface::kHttp), nullptr);
  EXPECT_EQ(models().find_model("", Surface::kHttp), nullptr);
}

TEST(ModelCatalogTest, AliasesResolveToSnapshotsOfTheirSurface) {
  EXPECT_EQ(realtime("qwen3-tts-flash-realtime").alias_of, "qwen3-tts-flash-realtime-2025-11-27");
  EXPECT_EQ(realtime("qwen3-tts-instruct-flash-realtime").alias_of, "qwen3-tts-instruct-flash-realtime-2026-01-22");
  EXPECT_EQ(realtime("qwen-tts-realtime").alias_of, "qwen-tts-realtime-2025-07-15");
  EXPECT_EQ(realtime("qwen-tts-realtime-latest").alias_of, "qwen-tts-realtime-2025-07-15");
  EXPECT_EQ(http("qwen3-tts-flash").alias_of, "qwen3-tts-flash-2025-09-18");
  EXPECT_EQ(http("qwen3-tts-instruct-flash").alias_of, "qwen3-tts-instruct-flash-2026-01-26");
  EXPECT_FALSE(realtime("qwen3-tts-flash-realtime-2025-11-27").is_alias());
  for (const ModelInfo& m : models().models()) {
    if (!m.is_alias()) continue;
    const ModelInfo* target = models().find_model(m.alias_of, m.surface);
    ASSERT_NE(target, nullptr) << m.name;
    EXPECT_FALSE(target->is_alias()) << m.name;
    EXPECT_EQ(m.caps.system_voices.data(), target->caps.system_voices.data()) << m.name;
    EXPECT_EQ(m.caps.instructions, target->caps.instructions) << m.name;
  }
  // An alias keeps its own rate limit (§7.1).
  EXPECT_EQ(realtime("qwen3-tts-flash-realtime").rpm_limit, 10);
  EXPECT_EQ(realtime("qwen3-tts-flash-realtime-2025-11-27").rpm_limit, 180);
}

TEST(ModelCatalogTest, AliasCanBeRepointed) {
  const AliasOverride older[] = {{"qwen3-tts-flash-realtime", "qwen3-tts-flash-realtime-2025-09-18"}};
  Result<ModelCatalog> catalog = ModelCatalog::create(older);
  ASSERT_TRUE(catalog.ok()) << catalog.status().to_string();
  const ModelInfo* alias = catalog->find_model("qwen3-tts-flash-realtime", Surface::kRealtime);
  ASSERT_NE(alias, nullptr);
  EXPECT_EQ(alias->alias_of, "qwen3-tts-flash-realtime-2025-09-18");
  EXPECT_EQ(alias->rpm_limit, 10);
  EXPECT_EQ(alias->caps.system_voices.size(), 17u);
  EXPECT_EQ(accepted(*alias, "Serena"), "");
  EXPECT_EQ(accepted(*alias, "li"), "Li");
  // The default catalogue is untouched.
  EXPECT_EQ(accepted(realtime("qwen3-tts-flash-realtime"), "Serena"), "Serena");
}

TEST(ModelCatalogTest, BadAliasOverridesNameTheAlias) {
  const std::vector<AliasOverride> bad = {
      {"qwen3-tts-flash-realtime-2025-11-27", "qwen3-tts-flash-realtime-2025-09-18"},  // not an alias
      {"qwen3-tts-flash-realtime", "qwen3-tts-flash-realtime-2099-01-01"},             // unknown target
      {"qwen3-tts-flash-realtime", "qwen-tts-realtime"},                               // an alias
      {"qwen3-tts-flash-realtime", "qwen3-tts-flash-2025-09-18"},                      // other surface
      {"qwen3-tts-flash-realtime", "qwen3-tts-instruct-flash-realtime-2026-01-22"},    // other family
      {"qwen3-tts-flash-realtime", "qwen3-tts-vd-realtime-2025-12-16"},
      {"qwen-tts-realtime", "qwen3-tts-flash-realtime-2025-11-27"},
  };
  for (const AliasOverride& o : bad) {
    Result<ModelCatalog> catalog = ModelCatalog::create(std::span(&o, 1));
    ASSERT_FALSE(catalog.ok()) << o.alias << " -> " << o.target;
    EXPECT_EQ(catalog.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(catalog.status().field(), "aliases." + o.alias);
  }
}

TEST(ModelCatalogTest, SystemVoiceAcceptance) {
  const ModelInfo& latest = realtime("qwen3-tts-flash-realtime-2025-11-27");
  const ModelInfo& older = realtime("qwen3-tts-flash-realtime-2025-09-18");
  EXPECT_EQ(accepted(latest, "Serena"), "Serena");
  EXPECT_EQ(accepted(older, "Serena"), "");
  EXPECT_EQ(accepted(latest, "eldric sage"), "Eldric Sage");
  EXPECT_EQ(accepted(older, "li"), "Li");
  EXPECT_EQ(accepted(http("qwen3-tts-flash"), "li"), "Li");
  EXPECT_EQ(accepted(latest, "Nobody"), "");
  EXPECT_EQ(accepted(latest, ""), "");

  const ModelInfo& qwen_tts = realtime("qwen-tts-realtime");
  EXPECT_EQ(accepted(qwen_tts, "dylan"), "Dylan");
  EXPECT_EQ(accepted(qwen_tts, "Kiki"), "");
  EXPECT_EQ(accepted(http("qwen-tts-2025-04-10"), "Chelsie"), "Chelsie");
  EXPECT_EQ(accepted(http("qwen-tts-2025-04-10"), "Sunny"), "");
  EXPECT_EQ(accepted(http("qwen-tts"), "Sunny"), "Sunny");

  EXPECT_EQ(accepted(realtime("qwen3-tts-instruct-flash-realtime"), "Kiki"), "Kiki");
  EXPECT_EQ(accepted(http("qwen3-tts-instruct-flash"), "Stella"), "Stella");
  EXPECT_EQ(accepted(http("qwen3-tts-instruct-flash"), "Jennifer"), "");
}

TEST(ModelCatalogTest, CustomVoiceModelsRefuseSystemVoices) {
  struct Family {
    std::string_view customization_model;
    const std::vector<std::string>& targets;
    VoiceKind kind;
  };
  for (const Family& family : {Family{"qwen-voice-design", kDesignTargets, VoiceKind::kDesigned},
                               Family{"qwen-voice-enrollment", kCloneTargets, VoiceKind::kCloned}}) {
    for (const std::string& name : family.targets) {
      const ModelInfo* m = models().find_target_model(family.customization_model, name);
      ASSERT_NE(m, nullptr) << name;
      EXPECT_EQ(m->caps.voice_kind, family.kind) << name;
      EXPECT_TRUE(m->caps.system_voices.empty()) << name;
      for (std::string_view voice : {"Cherry", "Serena", "Ethan", "Chelsie"}) {
        EXPECT_EQ(accepted(*m, voice), "") << name << ": " << voice;
      }
    }
  }
}

TEST(ModelCatalogTest, VoiceListsAreTheDocumentedOnes) {
  auto names = [](const ModelInfo& m) {
    return std::set<std::string_view>(m.caps.system_voices.begin(), m.caps.system_voices.end());
  };
  std::set<std::string_view> catalogue;
  for (const SystemVoice& v : VoiceCatalog::system_voices().all()) catalogue.insert(v.name());
  EXPECT_EQ(names(realtime("qwen3-tts-flash-realtime-2025-11-27")), catalogue);
  EXPECT_EQ(names(realtime("qwen3-tts-instruct-flash-realtime-2026-01-22")), catalogue);
  EXPECT_EQ(names(realtime("qwen3-tts-flash-realtime-2025-09-18")),
            (std::set<std::string_view>{"Cherry", "Ethan", "Nofish", "Jennifer", "Ryan", "Katerina", "Elias", "Jada",
                                        "Dylan", "Sunny", "Li", "Marcus", "Roy", "Peter", "Rocky", "Kiki", "Eric"}));
  EXPECT_EQ(names(http("qwen3-tts-flash-2025-09-18")), names(realtime("qwen3-tts-flash-realtime-2025-09-18")));
  EXPECT_EQ(names(realtime("qwen-tts-realtime-2025-07-15")),
            (std::set<std::string_view>{"Cherry", "Serena", "Ethan", "Chelsie", "Dylan", "Jada", "Sunny"}));
  EXPECT_EQ(names(http("qwen-tts-2025-05-22")), names(realtime("qwen-tts-realtime-2025-07-15")));
  EXPECT_EQ(names(http("qwen-tts-2025-04-10")), (std::set<std::string_view>{"Cherry", "Serena", "Ethan", "Chelsie"}));
  EXPECT_EQ(http("qwen3-tts-instruct-flash-2026-01-26").caps.system_voices.size(), 24u);
  // Every listed name is a catalogue voice spelt canonically, listed once.
  for (const ModelInfo& m : models().models()) {
    EXPECT_EQ(names(m).size(), m.caps.system_voices.size()) << m.name;
    for (std::string_view v : m.caps.system_voices) {
      const SystemVoice* found = VoiceCatalog::system_voices().find(v);
      ASSERT_NE(found, nullptr) << m.name << ": " << v;
      EXPECT_EQ(found->name(), v) << m.name;
    }
  }
}

TEST(ModelCatalogTest, FormatsAndSampleRates) {
  const ModelInfo& qwen_tts = realtime("qwen-tts-realtime");
  EXPECT_TRUE(qwen_tts.caps.supports_format(AudioFormat::kPcm));
  EXPECT_FALSE(qwen_tts.caps.supports_format(AudioFormat::kWav));
  EXPECT_TRUE(qwen_tts.caps.supports_sample_rate(24000));
  EXPECT_FALSE(qwen_tts.caps.supports_sample_rate(16000));
  for (const std::string& name : kRealtimeModels) {
    if (name.starts_with("qwen-tts")) continue;
    const ModelCapabilities& caps = realtime(name).caps;
    for (AudioFormat f : {AudioFormat::kPcm, AudioFormat::kWav, AudioFormat::kMp3, AudioFormat::kOpus}) {
      EXPECT_TRUE(caps.supports_format(f)) << name;
    }
    for (int hz : {8000, 16000, 22050, 24000, 44100, 48000}) EXPECT_TRUE(caps.supports_sample_rate(hz)) << name;
    EXPECT_FALSE(caps.supports_sample_rate(11025)) << name;
  }
  for (const std::string& name : kHttpModels) {  // a WAV file, or PCM when streamed, at 24 kHz
    const ModelCapabilities& caps = http(name).caps;
    EXPECT_TRUE(caps.supports_format(AudioFormat::kWav) && caps.supports_format(AudioFormat::kPcm)) << name;
    EXPECT_FALSE(caps.supports_format(AudioFormat::kMp3)) << name;
    EXPECT_TRUE(caps.supports_sample_rate(24000) && !caps.supports_sample_rate(48000)) << name;
  }
}

TEST(ModelCatalogTest, ControlsAndInstructions) {
  for (const ModelInfo& m : models().models()) {
    const bool qwen3_realtime = m.surface == Surface::kRealtime && m.name.starts_with("qwen3-");
    EXPECT_EQ(m.caps.audio_controls, qwen3_realtime) << m.name;
    EXPECT_EQ(m.caps.instructions, m.name.starts_with("qwen3-tts-instruct-flash")) << m.name;
  }
}

TEST(ModelCatalogTest, LimitsAndUsage) {
  for (const ModelInfo& m : models().models()) {
    const bool qwen_tts = m.name.starts_with("qwen-tts");
    EXPECT_EQ(m.caps.usage_unit, qwen_tts ? UsageUnit::kTokens : UsageUnit::kCharacters) << m.name;
    const int expected_max = m.surface == Surface::kRealtime ? 0 : (qwen_tts ? 512 : 600);
    EXPECT_EQ(m.caps.max_input, expected_max) << m.name;
  }
  EXPECT_EQ(realtime("qwen3-tts-flash-realtime-2025-09-18").rpm_limit, 10);
  EXPECT_EQ(realtime("qwen3-tts-vd-realtime-2025-12-16").rpm_limit, 180);
  EXPECT_EQ(realtime("qwen3-tts-vc-realtime-2025-11-27").rpm_limit, 180);
  EXPECT_EQ(realtime("qwen-tts-realtime").rpm_limit, 10);
  EXPECT_EQ(realtime("qwen3-tts-instruct-flash-realtime").rpm_limit, 0);  // not documented
}

TEST(ModelCatalogTest, InputLength) {
  const ModelCapabilities& chars = http("qwen3-tts-flash").caps;
  const ModelCapabilities& tokens = http("qwen-tts").caps;
  EXPECT_EQ(input_length(chars, ""), 0u);
  EXPECT_EQ(input_length(chars, "你好ab"), 4u);
  EXPECT_EQ(input_length(chars, std::string(600, 'a')), 600u);
  EXPECT_EQ(input_length(tokens, "你好，世界"), 5u);
  EXPECT_EQ(input_length(tokens, "hello world"), 3u);  // 11 code points / 4, rounded up
  EXPECT_EQ(input_length(tokens, "你好 hello"), 4u);   // 2 + ceil(6 / 4)
  EXPECT_EQ(input_length(tokens, "こんにちは"), 5u);
}

TEST(ModelCatalogTest, Languages) {
  for (const ModelInfo& m : models().models()) {
    const bool qwen_tts = m.name.starts_with("qwen-tts");
    EXPECT_EQ(m.caps.languages.size(), qwen_tts ? 2u : 10u) << m.name;
    EXPECT_EQ(m.caps.speaks_dialects, m.caps.voice_kind == VoiceKind::kSystem) << m.name;
  }
  // Every language a system voice lists is one the service knows.
  for (const SystemVoice& v : VoiceCatalog::system_voices().all()) {
    for (const std::string& code : v.languages) {
      EXPECT_TRUE(parse_language_code(code.substr(0, code.find('-'))).has_value()) << v.name() << ": " << code;
    }
  }
}

TEST(ModelCatalogTest, CustomizationTargetModels) {
  auto as_strings = [](const std::vector<std::string_view>& v) { return std::vector<std::string>(v.begin(), v.end()); };
  EXPECT_EQ(as_strings(models().target_models("qwen-voice-design")), kDesignTargets);
  EXPECT_EQ(as_strings(models().target_models("qwen-voice-enrollment")), kCloneTargets);
  EXPECT_TRUE(models().target_models("voice-enrollment").empty());
  EXPECT_TRUE(models().target_models("").empty());
  EXPECT_EQ(models().find_target_model("qwen-voice-design", "qwen3-tts-vc-realtime-2025-11-27"), nullptr);
  EXPECT_EQ(models().find_target_model("qwen-voice-enrollment", "qwen3-tts-flash-realtime"), nullptr);
  EXPECT_EQ(models().find_target_model("qwen-voice-enrollment", "qwen3-tts-vc-2026-01-22")->surface, Surface::kHttp);
  for (const ModelInfo& m : models().models()) {
    const bool custom = m.caps.voice_kind != VoiceKind::kSystem;
    EXPECT_EQ(m.caps.customization_model.empty(), !custom) << m.name;
  }

  const CustomizationModel* design = find_customization_model("qwen-voice-design");
  ASSERT_NE(design, nullptr);
  EXPECT_EQ(design->voice_kind, VoiceKind::kDesigned);
  EXPECT_EQ(design->voice_prefix, "qwen-tts-vd-");
  const CustomizationModel* enrollment = find_customization_model("qwen-voice-enrollment");
  ASSERT_NE(enrollment, nullptr);
  EXPECT_EQ(enrollment->voice_kind, VoiceKind::kCloned);
  EXPECT_EQ(enrollment->voice_prefix, "qwen-tts-vc-");
  EXPECT_EQ(find_customization_model("voice-enrollment"), nullptr);  // CosyVoice, not this catalogue
}

}  // namespace
}  // namespace voxwire::catalog
