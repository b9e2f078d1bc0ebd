// text/mandarin.h: Mandarin text made ready for espeak-ng's Mandarin voice
// (cmn-latn-pinyin), which reads tone-numbered pinyin as written but guesses
// Han characters one at a time. The text is cut into words
// (text/chinese_words.h); words of the polyphone lexicon
// (data/chinese_polyphones.tsv, compiled in; matched longest first inside
// longer words) take its readings: 银行 yin2hang2, 行走 xing2zou3, 重新 vs
// 重要. Every other character carries its customary reading (text/pinyin.h),
// and tone sandhi (text/tone_sandhi.h) runs on each clause. Lexicon words and
// syllables sandhi changes, and every 一 and 不, are written as pinyin; the
// rest stays as written. Mandarin only: not for Cantonese. Pure, thread-safe.
#pragma once
#include <string>
#include <string_view>

namespace voxwire::text {

std::string annotate_mandarin(std::string_view chinese_text);

// Words in the polyphone lexicon (for tests).
std::size_t polyphone_lexicon_size();

}  // namespace voxwire::text
