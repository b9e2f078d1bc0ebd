// catalog/model_catalog.h: every model the service answers to (api-reference
// §7): its surface, alias target, accepted voices, output formats, controls,
// limits and billing unit, plus the customization models of §7.3.
// A ModelCatalog is immutable once built (defaults(), or create() with alias
// overrides from the config): safe for concurrent reads.
#pragma once
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "audio/audio_format.h"
#include "base/result.h"
#include "tts/language.h"
#include "voice/voice_catalog.h"

namespace voxwire::catalog {

enum class Surface {
  kRealtime,  // WebSocket /api-ws/v1/realtime?model=
  kHttp,      // POST /api/v1/services/aigc/multimodal-generation/generation
};

enum class VoiceKind {
  kSystem,    // the fixed voices of §8
  kDesigned,  // qwen-voice-design voices, "qwen-tts-vd-..."
  kCloned,    // qwen-voice-enrollment voices, "qwen-tts-vc-..."
};

// What `usage` reports and what max_input counts: Unicode code points
// (Qwen3 families) or tokens (qwen-tts*).
enum class UsageUnit { kCharacters, kTokens };

// What a model can do. An alias has the capabilities of its snapshot.
struct ModelCapabilities {
  VoiceKind voice_kind = VoiceKind::kSystem;
  // Canonical names of the system voices it accepts; empty unless kSystem.
  std::span<const std::string_view> system_voices;
  std::span<const Language> languages;  // what `language_type` may name
  // Whether dialect system voices (Jada, Rocky ...) speak their dialect;
  // designed and cloned voices have no dialect output (§6.6).
  bool speaks_dialects = false;
  // Realtime: the response_format / sample_rate values it accepts. HTTP: what
  // it produces (a WAV file, or PCM when streamed; requested formats are ignored, §3.2).
  std::span<const audio::AudioFormat> formats;
  std::span<const int> sample_rates_hz;
  bool audio_controls = false;  // speech_rate, pitch_rate, volume, bit_rate honoured (else ignored)
  bool instructions = false;    // instructions, optimize_instructions honoured (else ignored)
  // Longest accepted input text, in usage_unit (see input_length()); 0 = no
  // documented limit (realtime). 600 characters for Qwen3 HTTP models; 512
  // tokens for qwen-tts* (unconfirmed report, §3.3).
  int max_input = 0;
  UsageUnit usage_unit = UsageUnit::kCharacters;
  // For designed/cloned-voice models, the customization model whose voices it
  // speaks ("qwen-voice-design" | "qwen-voice-enrollment"); else empty.
  std::string_view customization_model;

  bool supports_format(audio::AudioFormat format) const;
  bool supports_sample_rate(int hz) const;
};

struct ModelInfo {
  std::string_view name;  // exact wire name, e.g. "qwen3-tts-flash-realtime-2025-11-27"
  Surface surface = Surface::kRealtime;
  std::string_view alias_of;  // the snapshot an alias resolves to; empty for a snapshot
  int rpm_limit = 0;          // requests per minute (§7.1); 0 = not documented
  ModelCapabilities caps;

  bool is_alias() const { return !alias_of.empty(); }
};

// Points an alias (e.g. "qwen3-tts-flash-realtime") at another snapshot.
struct AliasOverride {
  std::string alias;
  std::string target;
};

class ModelCatalog {
 public:
  // The documented models with `overrides` applied to the default alias table
  // (qwen3-tts-flash-realtime -> ...-2025-11-27, §11). InvalidArgument, field
  // "aliases.<alias>", if an alias is unknown or its target is not a snapshot
  // of the same surface and family (voice kind, instructions, usage unit).
  static Result<ModelCatalog> create(std::span<const AliasOverride> overrides);
  // create() with no overrides, built on first use; thread-safe.
  static const ModelCatalog& defaults();

  // The model named exactly `name` (case-sensitive) on `surface`, or nullptr
  // (also for a model of the other surface). Lives as long as the catalogue.
  const ModelInfo* find_model(std::string_view name, Surface surface) const;
  // Every model: snapshots, then aliases.
  const std::vector<ModelInfo>& models() const { return models_; }

  // The snapshots, of either surface, whose voices `customization_model`
  // ("qwen-voice-design" | "qwen-voice-enrollment") creates: its valid
  // `target_model` values. Empty for any other name.
  std::vector<std::string_view> target_models(std::string_view customization_model) const;
  // The model named `target_model` if it is one of target_models(customization_model), else nullptr.
  const ModelInfo* find_target_model(std::string_view customization_model, std::string_view target_model) const;

 private:
  ModelCatalog() = default;

  std::vector<ModelInfo> models_;
};

// The system voice named `voice` (ignoring case: "li" is "Li") if `model`
// accepts it, else nullptr (unknown name, a voice of another model, or a
// designed/cloned-voice model). The entry's name() is the canonical spelling.
const SystemVoice* accepted_system_voice(const ModelInfo& model, std::string_view voice);

// Length of `text` in the model's usage unit, to compare with max_input:
// Unicode code points, or for token-billed models estimate_tokens() (base/tokens.h).
std::size_t input_length(const ModelCapabilities& caps, std::string_view text);

struct CustomizationModel {
  std::string_view name;          // "qwen-voice-design" | "qwen-voice-enrollment"
  VoiceKind voice_kind;           // kDesigned | kCloned
  std::string_view voice_prefix;  // "qwen-tts-vd-" | "qwen-tts-vc-"
};

// The customization model named exactly `name` (§7.3), or nullptr.
const CustomizationModel* find_customization_model(std::string_view name);
// Both of them.
std::span<const CustomizationModel> customization_models();

}  // namespace voxwire::catalog
