// tts/text_runs.h: splits text into runs of one language each, by script, so
// every run can go to an engine that reads it (Han -> Chinese or Japanese,
// kana -> Japanese, Hangul -> Korean, Cyrillic -> Russian, Latin -> the
// requested language, English inside CJK/Russian text, or a guess under Auto).
// Digits and punctuation join the neighbouring run of the text's main language.
// Pure functions, thread-safe.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "tts/language.h"

namespace voxwire {

struct TextRun {
  Language language;
  std::string text;  // UTF-8, a contiguous slice of the input
};

// Never returns empty runs; returns no runs for empty input. Text without any
// letters becomes one run in the main language.
std::vector<TextRun> split_runs(std::string_view text, LanguageType requested);

// Best guess among the Latin-script languages (English, German, French,
// Spanish, Italian, Portuguese) from function words and diacritics;
// English when nothing points elsewhere.
Language guess_latin_language(std::u32string_view text);

}  // namespace voxwire
