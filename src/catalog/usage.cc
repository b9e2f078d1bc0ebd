#include "catalog/usage.h"

#include <algorithm>
#include <cmath>

#include "base/utf8.h"

namespace voxwire::catalog {

ServedUsage usage_of(const ModelCapabilities& caps, std::string_view text, double audio_seconds) {
  if (caps.usage_unit == UsageUnit::kCharacters) {
    return {UsageUnit::kCharacters, static_cast<int64_t>(utf8::length(text)), 0, 0};
  }
  const auto input = static_cast<int64_t>(input_length(caps, text));
  const auto audio = std::max<int64_t>(50, std::llround(audio_seconds * 50.0));
  return {UsageUnit::kTokens, 0, input, audio};
}

boost::json::object usage_json(const ServedUsage& usage) {
  if (usage.unit == UsageUnit::kCharacters) return {{"characters", usage.characters}};
  return {{"input_tokens", usage.input_tokens},
          {"output_tokens", usage.output_tokens},
          {"total_tokens", usage.input_tokens + usage.output_tokens},
          {"input_tokens_details", boost::json::object{{"text_tokens", usage.input_tokens}}},
          {"output_tokens_details", boost::json::object{{"text_tokens", 0}, {"audio_tokens", usage.output_tokens}}}};
}

}  // namespace voxwire::catalog
