// text/polyphones.h: the Mandarin readings of polyphonic characters in
// context (银行 yin2hang2 vs 行走 xing2zou3, 长大 vs 很长, 重新 vs 重要). A
// lexicon of words (data/chinese_polyphones.tsv, compiled in) is matched
// longest first over the text; each match becomes its tone-numbered pinyin
// (yin2hang2), which espeak-ng's Mandarin voice (cmn-latn-pinyin) reads as
// written instead of guessing character by character. Mandarin only: not for
// Cantonese. Pure, thread-safe.
#pragma once
#include <string>
#include <string_view>

namespace voxwire::text {

std::string annotate_polyphones(std::string_view chinese_text);

// Words in the lexicon (for tests).
std::size_t polyphone_lexicon_size();

}  // namespace voxwire::text
