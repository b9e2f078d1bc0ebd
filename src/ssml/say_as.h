// ssml/say_as.h: the text an engine should read for <say-as interpret-as=…>
// (api-reference-cosyvoice §8.4), in Chinese (Mandarin) or English; other
// languages get the content with digits and characters spaced apart.
//   cardinal     a quantity ("10500" -> 一万零五百 / ten thousand five hundred)
//   digits, id, characters   spelled one character at a time
//   telephone    digit by digit, 1 as 幺 in Chinese, 0 as "oh" in English
//   punctuation  each mark by its name (，-> 逗号 / comma)
//   date, time, measure, address   the text front end's readings (text/normalizer.h)
//   currency     amounts with symbols or ISO codes (USD, RMB, …) and magnitude
//                suffixes (K, M, bn, Tn)
//   name         as written
// Pure, thread-safe.
#pragma once
#include <string>
#include <string_view>

#include "base/result.h"
#include "tts/language.h"

namespace voxwire::ssml {

// InvalidArgument for an interpret-as value not in the list above.
Result<std::string> say_as(std::string_view interpret_as, std::string_view content, Language language);

}  // namespace voxwire::ssml
