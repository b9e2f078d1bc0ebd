// synthesis/word_timing.h: where each unit of a text is heard in the audio
// synthesized from it. Units: each Han character, each CJK punctuation mark,
// and each whitespace-separated word of any other script (a Han character
// ends a word: "3个" is "3" and "个").
// Engines time the words of the text they were given, which the text front
// end may have rewritten ("123" -> "one hundred twenty three", 一 -> "yi1");
// spoken_units() turns an engine's WordMarks into units of that text, and
// align_words() maps them back onto the original units: units with the same
// letters and digits anchor each other; a run of original units between
// anchors takes the time of the spoken units between them, shared by length;
// units without letters or digits (punctuation) span the gap between their
// neighbours (a comma's pause, a final mark up to the end of the audio).
// Pure functions, thread-safe.
#pragma once
#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "synthesis/phrase_joiner.h"
#include "tts/engine.h"

namespace voxwire {

struct TimedPhone {
  std::string name;  // the engine's notation (PhoneMark::name)
  int stress = 0;
  double begin_seconds = 0;
  double end_seconds = 0;
};

struct TimedWord {
  std::string text;            // the unit as written in the original text
  std::size_t begin_char = 0;  // its code points in the original text, end exclusive
  std::size_t end_char = 0;
  double begin_seconds = 0;    // when it is heard, from the start of the audio
  double end_seconds = 0;
  // A Han character the text front end spelled in tone-numbered pinyin
  // (mandarin.h: polyphones, tone sandhi): that syllable, e.g. "yi2"; empty
  // where the engine read the character itself.
  std::string reading;
  std::vector<TimedPhone> phones;  // inside [begin_seconds, end_seconds]
};

// A unit of the text an engine was given, and when it was heard.
struct SpokenUnit {
  std::string text;
  double begin_seconds = 0;
  double end_seconds = 0;
  std::vector<TimedPhone> phones;
};

// A unit of text: its bytes and code points, end exclusive.
struct TextUnit {
  std::size_t begin_byte = 0;
  std::size_t end_byte = 0;
  std::size_t begin_char = 0;
  std::size_t end_char = 0;
};
std::vector<TextUnit> text_units(std::string_view text);

// The units of `engine_text` that `words` (from one synthesize() call on it)
// cover, timed through `placement` (where that call's audio went). A word
// covering several units is shared among them by length.
std::vector<SpokenUnit> spoken_units(std::string_view engine_text, std::span<const WordMark> words,
                                     const PhrasePlacement& placement);

// The units of `original`, timed from `spoken` (in spoken order) within
// audio of total_seconds.
std::vector<TimedWord> align_words(std::string_view original, std::span<const SpokenUnit> spoken,
                                   double total_seconds);

// Moves every time of `words`, their phones' included, through `map`.
void map_times(std::span<TimedWord> words, const std::function<double(double)>& map);

}  // namespace voxwire
