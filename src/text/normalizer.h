// text/normalizer.h: text normalization (the API's enable_tn): rewrites the
// written forms a reader expands in speech into words, for one run of text in
// one language, before it reaches an engine. Chinese and English: integers
// (with thousands separators), decimals, negatives, percentages, fractions,
// ranges (3-5), times (10:30), dates (2025-03-05, 2025/3/5), years (2025年 /
// "in 1999"), ordinals (21st, 第3), currencies ($, €, £, ¥ and 元), and long
// or zero-led digit strings and phone numbers read digit by digit (一 as 幺
// in Chinese phone numbers). Full-width digits, letters and number signs are folded first.
// Web and e-mail addresses are spoken, or left out with WebAddresses::kSkip.
// In German, French, Spanish, Italian, Portuguese and Russian, numeric dates
// and French clock times get their words (text/european_dates.h); espeak-ng
// reads the rest of these languages' numbers itself. Japanese and Korean and
// everything else pass through. Pure, thread-safe.
#pragma once
#include <string>
#include <string_view>

#include "text/english_text.h"
#include "tts/language.h"

namespace voxwire::text {

std::string normalize(std::string_view text, Language language, WebAddresses addresses = WebAddresses::kSpeak);

}  // namespace voxwire::text
