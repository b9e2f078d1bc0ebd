#include "openai/openai_names.h"

#include <algorithm>
#include <cctype>

namespace voxwire::openai {
namespace {

// Five female and six male voices, as OpenAI's sound; each picked for the
// character its name and OpenAI's description suggest.
constexpr VoiceMapping kVoices[] = {
    {"alloy", "Jennifer"},  // neutral, balanced: the cinematic American English woman
    {"ash", "Ethan"},       // clear, confident young man
    {"ballad", "Emilien"},  // soft, warm, expressive man
    {"coral", "Sonrisa"},   // warm, cheerful woman
    {"echo", "Andre"},      // resonant, steady man
    {"fable", "Elias"},     // storyteller: the lecturer who makes a narrative of it
    {"onyx", "Marcus"},     // deep, authoritative man
    {"nova", "Cherry"},     // bright, upbeat young woman
    {"sage", "Maia"},       // calm, thoughtful woman
    {"shimmer", "Serena"},  // gentle, soft woman
    {"verse", "Ryan"},      // expressive, dynamic performer
};

struct ModelMapping {
  std::string_view openai;
  std::string_view voxwire;
};

// Snapshots rather than aliases: each keeps every system voice above, and
// its documented rate limit (180 per minute) rather than an alias's 10.
constexpr ModelMapping kModels[] = {
    {"tts-1", "qwen3-tts-flash-realtime-2025-11-27"},
    {"tts-1-hd", "qwen3-tts-flash-realtime-2025-11-27"},
    {"gpt-4o-mini-tts", "qwen3-tts-instruct-flash-realtime-2026-01-22"},
};

bool iequals(std::string_view a, std::string_view b) {
  return std::ranges::equal(a, b, [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
  });
}

}  // namespace

std::span<const VoiceMapping> voice_mappings() { return kVoices; }

std::optional<std::string_view> system_voice_for(std::string_view openai_voice) {
  for (const VoiceMapping& v : kVoices) {
    if (iequals(v.openai, openai_voice)) return v.voxwire;
  }
  return std::nullopt;
}

std::optional<std::string_view> voxwire_model_for(std::string_view openai_model) {
  for (const ModelMapping& m : kModels) {
    if (m.openai == openai_model) return m.voxwire;
  }
  return std::nullopt;
}

std::string_view counted_model(std::string_view model) { return voxwire_model_for(model).value_or(model); }

}  // namespace voxwire::openai
