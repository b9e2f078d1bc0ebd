// catalog/usage.h: the `usage` a synthesis response reports (api-reference
// §2.5.13, §3.3), computed once for the realtime and HTTP APIs: characters for
// character-billed models; for token-billed ones (qwen-tts*) the input
// estimate (base/tokens.h) and 50 audio tokens per second, at least 50.
#pragma once
#include <cstdint>
#include <string_view>

#include <boost/json.hpp>

#include "catalog/model_catalog.h"

namespace voxwire::catalog {

struct ServedUsage {
  UsageUnit unit = UsageUnit::kCharacters;
  int64_t characters = 0;     // kCharacters
  int64_t input_tokens = 0;   // kTokens
  int64_t output_tokens = 0;  // kTokens
};

ServedUsage usage_of(const ModelCapabilities& caps, std::string_view text, double audio_seconds);

// {"characters": n}, or {"input_tokens", "output_tokens", "total_tokens",
// "input_tokens_details": {"text_tokens"}, "output_tokens_details": {"text_tokens", "audio_tokens"}}.
boost::json::object usage_json(const ServedUsage& usage);

}  // namespace voxwire::catalog
