// inference/hot_fix.h: CosyVoice's `hot_fix` parameter (api-reference-cosyvoice
// §7): {"pronunciation": [{"<word>": "<pinyin>"}…], "replace": [{"<word>":
// "<text>"}…]}. Replacements are made in the text before synthesis (the
// replacement is spoken and billed); pronunciations force the pinyin of every
// occurrence of their word (text/reading.h). Pure, thread-safe.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include <boost/json.hpp>

#include "base/result.h"
#include "text/reading.h"

namespace voxwire::inference {

struct HotFix {
  std::vector<text::WordPronunciation> pronunciation;
  std::vector<text::WordReplacement> replace;
  bool empty() const { return pronunciation.empty() && replace.empty(); }
};

// InvalidArgument naming hot_fix and saying what is wrong: not an object,
// unknown keys, entries that are not one-key objects with a string value,
// empty words, pinyin that is not one syllable with a tone digit 1-5 per
// character, more than 1000 entries, words over 100 or replacements over
// 1000 characters.
Result<HotFix> parse_hot_fix(const boost::json::value& value);

struct FixedText {
  std::string text;                           // replacements made
  std::vector<text::ForcedReading> readings;  // spans of text
};
FixedText apply_hot_fix(const HotFix& fix, std::string_view text);

}  // namespace voxwire::inference
