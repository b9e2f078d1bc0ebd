// base/tokens.h: the token estimate used where the service counts tokens but
// has no tokenizer (api-reference §9.1): one token per CJK character (Han,
// kana, Hangul, CJK and full-width punctuation), plus one per four other code
// points, rounded up. Pure, thread-safe.
#pragma once
#include <cstddef>
#include <string_view>

namespace voxwire {

std::size_t estimate_tokens(std::string_view utf8_text);

}  // namespace voxwire
