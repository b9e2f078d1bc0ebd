// inference/inference_catalog.h: the CosyVoice and Sambert models served on
// /api-ws/v1/inference (api-reference-cosyvoice §12.5, §14, §15), their
// capabilities, and their system voices, each spoken by an existing voxwire
// system voice (voice/voice_catalog.h) — unchanged, or reshaped where no free
// profile fits (a Minnan woman, a second Cantonese woman): no new DSP.
// Every model's voices sound distinct, and so do all Sambert models.
// Compiled-in data; pure, thread-safe.
#pragma once
#include <optional>
#include <span>
#include <string_view>

#include "voice/voice_profile.h"

namespace voxwire::inference {

enum class Family {
  kCosyVoice,  // duplex: parameters.voice, continue-task text, finish-task
  kSambert,    // output streaming: the model is the voice, text in run-task
};

// Which instructions a CosyVoice system voice accepts (§15.3): none, or
// exactly one of the fixed Chinese template sets.
enum class InstructionTemplates {
  kNone,
  kLonganyang,       // A: emotion, scene, "你现在说话的角色是" role, identity
  kLonganhuan,       // B on v3-flash: emotion, scene, role
  kLonganhuanPlus,   // B on v3-plus: without 课堂教学 and 剧情解说
  kLonghuhu,         // C: emotion, scene, role, identity
  kDialects,         // D: "请用<方言>表达。"
};

// A change to the voxwire voice that speaks a voice, relative to it.
struct Reshape {
  double f0_scale = 1.0;
  double rate_scale = 1.0;
  double formant_scale = 1.0;
  std::optional<Gender> gender;
  std::optional<Dialect> dialect;
};

struct VoiceSpeaker {
  std::string_view profile;  // voxwire system voice, e.g. "Ethan"
  Reshape reshape;           // applied on top of it; the default changes nothing
};

struct CosyVoiceVoice {
  std::string_view id;       // wire name, e.g. "longanyang"
  VoiceSpeaker speaker;
  bool ssml = true;          // §15 "SSML" column
  bool timestamps = true;    // §15 "TS" column
  InstructionTemplates instruction = InstructionTemplates::kNone;
};

// What a model offers (§7, §14.1).
struct ModelCaps {
  bool opus = true;                  // format opus
  bool tuning = true;                // bit_rate, seed, language_hints
  bool ssml = false;                 // enable_ssml with <speak> documents
  bool word_timestamps = false;      // word_timestamp_enabled (CosyVoice; Sambert: per model)
  bool instructions = false;         // `instruction`: system voices per their templates, cloned/designed free-form
  bool hot_fix = false;
  bool custom_voices = true;         // cloned voices whose target_model is this model
  bool designed_voices = false;      // designed voices whose target_model is this model
};

struct InferenceModel {
  std::string_view name;                  // e.g. "cosyvoice-v3-flash", "sambert-zhichu-v1"
  Family family = Family::kCosyVoice;
  ModelCaps caps;
  std::span<const CosyVoiceVoice> voices; // CosyVoice only: the model's system voices (none on v3.5)
  VoiceSpeaker sambert_speaker;           // Sambert only: who speaks the model
};

// The model named exactly `name`, or nullptr.
const InferenceModel* find_inference_model(std::string_view name);
// Every model, CosyVoice first.
std::span<const InferenceModel> inference_models();

// The voice `voice` of a CosyVoice model (exact, lowercase ids), or nullptr.
const CosyVoiceVoice* find_voice(const InferenceModel& model, std::string_view voice);

// The profile of a speaker: its system voice reshaped, named `name`. Empty
// optional if the catalogue has no such system voice.
std::optional<VoiceProfile> speaker_profile(const VoiceSpeaker& speaker, std::string_view name);

// Billed characters of `text` (§8.1, §8.5): CosyVoice counts each Han
// ideograph 2 and every other code point 1; Sambert counts every code point 1.
long long billed_characters(Family family, std::string_view text);

}  // namespace voxwire::inference
