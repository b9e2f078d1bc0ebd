// text/reading.h: a pronunciation forced on a span of text (SSML <phoneme>,
// CosyVoice hot_fix.pronunciation): tone pinyin for Han characters, one
// syllable per character, or ARPAbet phones (the CMU dictionary's set) for
// English. The synthesizer speaks such a span exactly that way instead of
// guessing (synthesis/synthesizer.h). Pure, thread-safe.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "base/result.h"
#include "text/pinyin.h"

namespace voxwire::text {

// ARPAbet phones, upper case, stress digits kept ("S", "AY1", "N").
struct ArpabetPhones {
  std::vector<std::string> phones;
  bool operator==(const ArpabetPhones&) const = default;
};
using Pronunciation = std::variant<std::vector<PinyinSyllable>, ArpabetPhones>;

// A span of a text (byte offsets) and how to say it.
struct ForcedReading {
  std::size_t begin = 0;
  std::size_t end = 0;
  Pronunciation pronunciation;
};

// "dian3 dang4 hang2" for "典当行": space-separated syllables of letters a-z
// (ü as v or u:) and a tone digit 1-5, exactly one per code point of
// `written`. InvalidArgument saying what is wrong otherwise.
Result<std::vector<PinyinSyllable>> parse_pinyin_reading(std::string_view ph, std::string_view written);
// "S AY1 N": space-separated CMU phones (AA AE AH AO AW AY B CH D DH EH ER EY
// F G HH IH IY JH K L M N NG OW OY P R S SH T TH UH UW V W Y Z ZH; vowels may
// carry a stress digit 0-2), in either case. InvalidArgument otherwise.
Result<ArpabetPhones> parse_arpabet(std::string_view ph);

// The readings of `text` for a word -> pronunciation table (hot_fix): every
// occurrence, longest word first at each position, not overlapping, in order.
struct WordPronunciation {
  std::string word;
  Pronunciation pronunciation;
};
std::vector<ForcedReading> find_readings(std::string_view text, const std::vector<WordPronunciation>& words);

// `text` with every occurrence of a table word replaced (longest first at
// each position, left to right; replacements are not rescanned).
struct WordReplacement {
  std::string word;
  std::string replacement;
};
std::string replace_words(std::string_view text, const std::vector<WordReplacement>& words);

}  // namespace voxwire::text
