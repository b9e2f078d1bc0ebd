// text/pinyin.h: Mandarin syllables in the tone-numbered pinyin espeak-ng's
// Mandarin voice reads (hao3, lv4 for lǜ, de5 for a neutral tone), and the
// customary reading of each Han character (Unihan's kMandarin, from Debian's
// unicode-data, compiled in: 好 hao3, 了 le5). Pure, thread-safe.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace voxwire::text {

struct PinyinSyllable {
  std::string letters;  // lowercase, ü written v
  int tone = 5;         // 1 to 4, 5 for the neutral tone
  std::string spelled() const { return letters + static_cast<char>('0' + tone); }
  bool operator==(const PinyinSyllable&) const = default;
};

// "hao3" -> {hao, 3}; nullopt unless letters a-z followed by one tone digit 1-5.
std::optional<PinyinSyllable> parse_numbered_pinyin(std::string_view syllable);
// "hǎo" -> {hao, 3}, "lǜ" -> {lv, 4}, "de" -> {de, 5}; nullopt for what the
// numbered form cannot write (ḿ, ê̄, capitals, several syllables).
std::optional<PinyinSyllable> parse_marked_pinyin(std::string_view syllable);
// The initial of a syllable's letters as pinyin writes it (zh, ch, sh, b ...
// s, and y and w), "" if it has none; the rest is its final: "zhuang" ->
// "zh" + "uang", "yi" -> "y" + "i", "an" -> "" + "an", "ng" -> "" + "ng".
std::string_view pinyin_initial(std::string_view letters);
// The character's customary Mandarin reading, or nullopt if Unihan has none
// (or one numbered pinyin cannot write).
std::optional<PinyinSyllable> customary_reading(char32_t han);

}  // namespace voxwire::text
