// voice/voice_description_cues.h (internal to voice/): finds the cues of a
// free-text voice description or instruction: lexicon words with the degree
// and negation words around them, and stated ages ("30岁左右", "in her 40s").
// Pure function, thread-safe.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "voice/voice_description_lexicon.h"

namespace voxwire::description {

struct Cue {
  const Sense* sense;     // what the words mean; static storage
  double strength = 1.0;  // product of its degree and negation words: 1 plain, 0.5 "slightly", < 0 negated
  std::string words;      // the words as written (valid UTF-8), modifiers included, e.g. "语速较快" -> "较快"
};

// The cues of `text`, in order. Any input is accepted: case, full-width
// forms and curly apostrophes are folded, invalid UTF-8 and unknown words are
// skipped. A degree or negation word applies to the next cue in the same
// clause (punctuation ends a clause) unless more than two unknown words
// separate them; suffix degree words (一点, 一些) apply to the cue just before.
std::vector<Cue> find_cues(std::string_view text);

}  // namespace voxwire::description
