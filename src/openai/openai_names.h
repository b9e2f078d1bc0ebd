// openai/openai_names.h: what OpenAI's speech API names mean here — its
// voices (alloy ... verse) as distinct voxwire system voices of a matching
// gender, and its models (tts-1, tts-1-hd, gpt-4o-mini-tts) as voxwire
// models. Names that are not OpenAI's pass through unchanged. Pure, thread-safe.
#pragma once
#include <optional>
#include <span>
#include <string_view>

namespace voxwire::openai {

struct VoiceMapping {
  std::string_view openai;   // "alloy"
  std::string_view voxwire;  // a system voice of kFlash49, e.g. "Jennifer"
};

// The eleven voices OpenAI documents, in its order.
std::span<const VoiceMapping> voice_mappings();

// The system voice an OpenAI voice name stands for (case-insensitive), or
// nullopt for any other name.
std::optional<std::string_view> system_voice_for(std::string_view openai_voice);

// The voxwire model an OpenAI model name stands for: tts-1 and tts-1-hd the
// Qwen3 flash snapshot with all 49 system voices, gpt-4o-mini-tts (which
// takes instructions) the Qwen3 instruct snapshot; nullopt for any other name.
std::optional<std::string_view> voxwire_model_for(std::string_view openai_model);

// voxwire_model_for(model), else `model` itself: the model a request is
// counted against (rate limits, usage).
std::string_view counted_model(std::string_view model);

}  // namespace voxwire::openai
