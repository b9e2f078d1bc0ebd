// inference/inference_catalog.h: the CosyVoice and Sambert models served on
// /api-ws/v1/inference (api-reference-cosyvoice §12.5, §14, §15) and their
// system voices, each mapped onto a distinct existing voxwire system voice
// (voice/voice_catalog.h): no new DSP. Compiled-in data; pure, thread-safe.
#pragma once
#include <span>
#include <string_view>

namespace voxwire::inference {

enum class Family {
  kCosyVoice,  // duplex: parameters.voice, continue-task text, finish-task
  kSambert,    // output streaming: the model is the voice, text in run-task
};

struct CosyVoiceVoice {
  std::string_view id;       // wire name, e.g. "longanyang"
  std::string_view profile;  // voxwire system voice that speaks it, e.g. "Ethan"
};

struct InferenceModel {
  std::string_view name;                  // e.g. "cosyvoice-v3-flash", "sambert-zhichu-v1"
  Family family = Family::kCosyVoice;
  std::span<const CosyVoiceVoice> voices; // CosyVoice only: the model's system voices
  std::string_view sambert_profile;       // Sambert only: the voxwire voice of the model
  bool opus = true;                       // offers format opus (Sambert: no)
};

// The model named exactly `name`, or nullptr.
const InferenceModel* find_inference_model(std::string_view name);
// Every model, CosyVoice first.
std::span<const InferenceModel> inference_models();

// The voice `voice` of a CosyVoice model (exact, lowercase ids), or nullptr.
const CosyVoiceVoice* find_voice(const InferenceModel& model, std::string_view voice);

// Billed characters of `text` (§8.1, §8.5): CosyVoice counts each Han
// ideograph 2 and every other code point 1; Sambert counts every code point 1.
long long billed_characters(Family family, std::string_view text);

}  // namespace voxwire::inference
