// text/tone_sandhi.h: Mandarin tone sandhi on one clause (words with nothing
// but Han characters between them), on the tones the words carry alone:
//   不 bu4 -> bu2 before a fourth tone (不对); neutral between the same two
//     characters (好不好).
//   一 yi1 -> yi2 before a fourth tone (一个), yi4 before tones 1-3 (一天);
//     stays yi1 at the end, in numbers (十一, 一九九八, 一点五), after 第,
//     in dates (一月, 一号, 月一日), at the end of a word (统一); neutral
//     between the same two characters (看一看).
//   3-3: a third tone before a third tone becomes second, right to left;
//     inside a word on the written tones (展览馆 zhan2 lan2 guan3), across
//     words on the spoken ones (小 + 老虎 stays xiao3 lao2 hu3).
// Every syllable sandhi changes, and every 一 and 不 read, is marked to be
// spelled out as pinyin. Pure.
#pragma once
#include <optional>
#include <string_view>
#include <vector>

#include "text/pinyin.h"

namespace voxwire::text {

struct SpokenSyllable {
  std::string_view han;                  // the character as written
  std::optional<PinyinSyllable> pinyin;  // nullopt when unknown: no sandhi touches it
  bool spell_out = false;                // give the engine the pinyin, not the character
};
using SpokenWord = std::vector<SpokenSyllable>;

void apply_tone_sandhi(std::vector<SpokenWord>& clause);

}  // namespace voxwire::text
