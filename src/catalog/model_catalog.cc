#include "catalog/model_catalog.h"

#include <algorithm>
#include <iterator>

#include "base/tokens.h"
#include "base/utf8.h"

namespace voxwire::catalog {
namespace {

using audio::AudioFormat;

constexpr std::string_view kVoiceDesign = "qwen-voice-design";
constexpr std::string_view kVoiceEnrollment = "qwen-voice-enrollment";

constexpr CustomizationModel kCustomizationModels[] = {
    {kVoiceDesign, VoiceKind::kDesigned, "qwen-tts-vd-"},
    {kVoiceEnrollment, VoiceKind::kCloned, "qwen-tts-vc-"},
};

// §8.1: qwen3-tts-flash-realtime-2025-11-27, and (inferred, §8.4) the realtime instruct models.
constexpr std::string_view kFlash49Voices[] = {
    "Cherry",  "Serena",   "Ethan",  "Chelsie",  "Momo",     "Vivian",      "Moon",    "Maia",  "Kai",       "Nofish",
    "Bella",   "Jennifer", "Ryan",   "Katerina", "Aiden",    "Eldric Sage", "Mia",     "Mochi", "Bellona",   "Vincent",
    "Bunny",   "Neil",     "Elias",  "Arthur",   "Nini",     "Ebona",       "Seren",   "Pip",   "Stella",    "Bodega",
    "Sonrisa", "Alek",     "Dolce",  "Sohee",    "Ono Anna", "Lenn",        "Emilien", "Andre", "Radio Gol", "Jada",
    "Dylan",   "Li",       "Marcus", "Roy",      "Peter",    "Sunny",       "Eric",    "Rocky", "Kiki"};
// §8.2: qwen3-tts-flash-realtime-2025-09-18 and the non-realtime qwen3-tts-flash snapshot.
constexpr std::string_view kFlash17Voices[] = {"Cherry", "Ethan", "Nofish", "Jennifer", "Ryan", "Katerina",
                                               "Elias",  "Jada",  "Dylan",  "Sunny",    "Li",   "Marcus",
                                               "Roy",    "Peter", "Rocky",  "Kiki",     "Eric"};
// §8.4 (unconfirmed report): the non-realtime qwen3-tts-instruct-flash.
constexpr std::string_view kInstructHttpVoices[] = {"Cherry", "Serena", "Ethan",   "Chelsie", "Momo",  "Vivian",
                                                    "Moon",   "Maia",   "Kai",     "Nofish",  "Bella", "Eldric Sage",
                                                    "Mia",    "Mochi",  "Bellona", "Vincent", "Bunny", "Neil",
                                                    "Elias",  "Arthur", "Nini",    "Seren",   "Pip",   "Stella"};
// §8.3: the qwen-tts family; the 2025-04-10 snapshot only the first four.
constexpr std::string_view kQwenTtsVoices[] = {"Cherry", "Serena", "Ethan", "Chelsie", "Dylan", "Jada", "Sunny"};
constexpr std::span<const std::string_view> kQwenTtsFirstVoices = std::span(kQwenTtsVoices).first(4);

constexpr AudioFormat kPcmOnly[] = {AudioFormat::kPcm};
constexpr AudioFormat kHttpOutput[] = {AudioFormat::kWav, AudioFormat::kPcm};  // file URL; streamed chunks
constexpr int k24kOnly[] = {24000};
constexpr Language kChineseEnglish[] = {Language::kChinese, Language::kEnglish};

constexpr int kQwen3HttpMaxChars = 600;
constexpr int kQwenTtsHttpMaxTokens = 512;

// The Qwen3 families: ten languages; realtime honours the audio controls at
// every format and rate (§2.9, §11), HTTP returns 24 kHz audio for at most
// 600 characters (§3.3).
constexpr ModelCapabilities qwen3(Surface surface, VoiceKind kind) {
  ModelCapabilities c;
  c.voice_kind = kind;
  c.languages = kAllLanguages;
  c.speaks_dialects = kind == VoiceKind::kSystem;
  const bool realtime = surface == Surface::kRealtime;
  c.formats = realtime ? std::span<const AudioFormat>(audio::kDashScopeFormats) : kHttpOutput;
  c.sample_rates_hz = realtime ? std::span<const int>(audio::kSampleRates) : k24kOnly;
  c.audio_controls = realtime;
  c.max_input = realtime ? 0 : kQwen3HttpMaxChars;
  if (kind == VoiceKind::kDesigned) c.customization_model = kVoiceDesign;
  if (kind == VoiceKind::kCloned) c.customization_model = kVoiceEnrollment;
  return c;
}

constexpr ModelCapabilities qwen3_system(Surface surface, std::span<const std::string_view> voices, bool instructions) {
  ModelCapabilities c = qwen3(surface, VoiceKind::kSystem);
  c.system_voices = voices;
  c.instructions = instructions;
  return c;
}

// qwen-tts*: Chinese (with the Beijing, Shanghai, Sichuan voices) and English,
// 24 kHz PCM only, no controls, token-billed (§2.9, §3.3).
constexpr ModelCapabilities qwen_tts(Surface surface, std::span<const std::string_view> voices) {
  ModelCapabilities c;
  c.system_voices = voices;
  c.languages = kChineseEnglish;
  c.speaks_dialects = true;
  c.formats = surface == Surface::kRealtime ? std::span<const AudioFormat>(kPcmOnly) : kHttpOutput;
  c.sample_rates_hz = k24kOnly;
  c.max_input = surface == Surface::kRealtime ? 0 : kQwenTtsHttpMaxTokens;
  c.usage_unit = UsageUnit::kTokens;
  return c;
}

constexpr Surface kRealtime = Surface::kRealtime;
constexpr Surface kHttp = Surface::kHttp;

// Snapshots: every model that is not an alias (§7.1, §7.2). RPM limits as
// documented; "inferred 180" for the 2026-01-15 VD/VC snapshots.
const ModelInfo kSnapshots[] = {
    {"qwen3-tts-flash-realtime-2025-11-27", kRealtime, {}, 180, qwen3_system(kRealtime, kFlash49Voices, false)},
    {"qwen3-tts-flash-realtime-2025-09-18", kRealtime, {}, 10, qwen3_system(kRealtime, kFlash17Voices, false)},
    {"qwen3-tts-instruct-flash-realtime-2026-01-22", kRealtime, {}, 0, qwen3_system(kRealtime, kFlash49Voices, true)},
    {"qwen3-tts-vd-realtime-2025-12-16", kRealtime, {}, 180, qwen3(kRealtime, VoiceKind::kDesigned)},
    {"qwen3-tts-vd-realtime-2026-01-15", kRealtime, {}, 180, qwen3(kRealtime, VoiceKind::kDesigned)},
    {"qwen3-tts-vc-realtime-2025-11-27", kRealtime, {}, 180, qwen3(kRealtime, VoiceKind::kCloned)},
    {"qwen3-tts-vc-realtime-2026-01-15", kRealtime, {}, 180, qwen3(kRealtime, VoiceKind::kCloned)},
    {"qwen-tts-realtime-2025-07-15", kRealtime, {}, 10, qwen_tts(kRealtime, kQwenTtsVoices)},
    {"qwen3-tts-flash-2025-09-18", kHttp, {}, 0, qwen3_system(kHttp, kFlash17Voices, false)},
    {"qwen3-tts-instruct-flash-2026-01-26", kHttp, {}, 0, qwen3_system(kHttp, kInstructHttpVoices, true)},
    {"qwen3-tts-vc-2026-01-22", kHttp, {}, 0, qwen3(kHttp, VoiceKind::kCloned)},
    {"qwen3-tts-vd-2026-01-26", kHttp, {}, 0, qwen3(kHttp, VoiceKind::kDesigned)},
    {"qwen-tts-2025-05-22", kHttp, {}, 0, qwen_tts(kHttp, kQwenTtsVoices)},
    {"qwen-tts-2025-04-10", kHttp, {}, 0, qwen_tts(kHttp, kQwenTtsFirstVoices)},
};

struct DefaultAlias {
  std::string_view name;
  std::string_view target;  // a snapshot of kSnapshots; its surface is the alias's
  int rpm_limit;            // the alias's own limit (§7.1); 0 = not documented
};

// The alias table, the one place aliases are defined; create() can repoint
// them. The qwen-tts HTTP targets are not documented: 2025-05-22 keeps the
// seven voices §8.3 gives the family.
constexpr DefaultAlias kDefaultAliases[] = {
    {"qwen3-tts-flash-realtime", "qwen3-tts-flash-realtime-2025-11-27", 10},  // §11: newest overview
    {"qwen3-tts-instruct-flash-realtime", "qwen3-tts-instruct-flash-realtime-2026-01-22", 0},
    {"qwen-tts-realtime", "qwen-tts-realtime-2025-07-15", 10},
    {"qwen-tts-realtime-latest", "qwen-tts-realtime-2025-07-15", 10},
    {"qwen3-tts-flash", "qwen3-tts-flash-2025-09-18", 0},
    {"qwen3-tts-instruct-flash", "qwen3-tts-instruct-flash-2026-01-26", 0},
    {"qwen-tts", "qwen-tts-2025-05-22", 0},
    {"qwen-tts-latest", "qwen-tts-2025-05-22", 0},
};

const ModelInfo* find_snapshot(std::string_view name) {
  for (const ModelInfo& m : kSnapshots) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

// An alias may move between snapshots of one family only, so that repointing
// it never changes which kind of voice or request a client may send.
bool same_family(const ModelInfo& a, const ModelInfo& b) {
  return a.surface == b.surface && a.caps.voice_kind == b.caps.voice_kind &&
         a.caps.instructions == b.caps.instructions && a.caps.usage_unit == b.caps.usage_unit;
}

// Custom voices are bound to an exact snapshot name (§4), never to an alias.
bool speaks_voices_of(const ModelInfo& m, std::string_view customization_model) {
  return !m.is_alias() && !m.caps.customization_model.empty() && m.caps.customization_model == customization_model;
}

}  // namespace

bool ModelCapabilities::supports_format(audio::AudioFormat format) const {
  return std::find(formats.begin(), formats.end(), format) != formats.end();
}

bool ModelCapabilities::supports_sample_rate(int hz) const {
  return std::find(sample_rates_hz.begin(), sample_rates_hz.end(), hz) != sample_rates_hz.end();
}

Result<ModelCatalog> ModelCatalog::create(std::span<const AliasOverride> overrides) {
  for (const AliasOverride& o : overrides) {
    const std::string field = "aliases." + o.alias;
    auto alias = std::find_if(std::begin(kDefaultAliases), std::end(kDefaultAliases),
                              [&](const DefaultAlias& a) { return a.name == o.alias; });
    if (alias == std::end(kDefaultAliases)) {
      return Status::invalid_argument("'" + o.alias + "' is not a model alias", field);
    }
    const ModelInfo* target = find_snapshot(o.target);
    if (target == nullptr) return Status::invalid_argument("'" + o.target + "' is not a model snapshot", field);
    if (!same_family(*target, *find_snapshot(alias->target))) {
      return Status::invalid_argument("'" + o.target + "' is not a snapshot of the same family as '" + o.alias + "'",
                                      field);
    }
  }

  ModelCatalog catalog;
  catalog.models_.assign(std::begin(kSnapshots), std::end(kSnapshots));
  for (const DefaultAlias& alias : kDefaultAliases) {
    std::string_view target_name = alias.target;
    for (const AliasOverride& o : overrides) {
      if (o.alias == alias.name) target_name = find_snapshot(o.target)->name;  // static storage, unlike o.target
    }
    const ModelInfo& target = *find_snapshot(target_name);
    catalog.models_.push_back({alias.name, target.surface, target.name, alias.rpm_limit, target.caps});
  }
  return catalog;
}

const ModelCatalog& ModelCatalog::defaults() {
  // create() fails only on a bad override; model_catalog_test checks the built-in alias targets.
  static const ModelCatalog catalog = std::move(create({})).value();
  return catalog;
}

const ModelInfo* ModelCatalog::find_model(std::string_view name, Surface surface) const {
  // About twenty entries: a scan is as fast as a hash and keeps the order.
  for (const ModelInfo& m : models_) {
    if (m.name == name && m.surface == surface) return &m;
  }
  return nullptr;
}

std::vector<std::string_view> ModelCatalog::target_models(std::string_view customization_model) const {
  std::vector<std::string_view> names;
  for (const ModelInfo& m : models_) {
    if (speaks_voices_of(m, customization_model)) names.push_back(m.name);
  }
  return names;
}

const ModelInfo* ModelCatalog::find_target_model(std::string_view customization_model,
                                                 std::string_view target_model) const {
  for (const ModelInfo& m : models_) {
    if (m.name == target_model && speaks_voices_of(m, customization_model)) return &m;
  }
  return nullptr;
}

const SystemVoice* accepted_system_voice(const ModelInfo& model, std::string_view voice) {
  const SystemVoice* found = VoiceCatalog::system_voices().find(voice);
  if (found == nullptr) return nullptr;
  const auto& accepted = model.caps.system_voices;
  return std::find(accepted.begin(), accepted.end(), found->name()) == accepted.end() ? nullptr : found;
}

std::size_t input_length(const ModelCapabilities& caps, std::string_view text) {
  if (caps.usage_unit == UsageUnit::kCharacters) return utf8::length(text);
  return estimate_tokens(text);
}

const CustomizationModel* find_customization_model(std::string_view name) {
  for (const CustomizationModel& m : kCustomizationModels) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

std::span<const CustomizationModel> customization_models() { return kCustomizationModels; }

}  // namespace voxwire::catalog
