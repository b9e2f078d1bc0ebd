// voice/voice_description.h: turns free text, Chinese or English, into voice
// attributes: a voice design `voice_prompt` into a new VoiceProfile, and an
// instruct model's `instructions` into adjustments of an existing one. Both
// report what they understood, for the server to log and return.
// Pure functions over static tables: thread-safe.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "voice/voice_profile.h"

namespace voxwire {

// One thing the text was understood to say.
struct UnderstoodCue {
  // "gender", "age", "pitch", "pace", "intonation", "volume", "emotion",
  // "timbre" or "use_case". Static storage.
  std::string_view dimension;
  // gender: "female" | "male" | "neutral"; age: an age_band_name(); other
  // dimensions: an English label such as "deep", "fast", "magnetic", "news".
  // Static storage.
  std::string_view value;
  // The words as written, with their degree and negation words ("非常低沉",
  // "not too fast", "30岁左右"). Valid UTF-8 whatever the input.
  std::string words;
  // How strongly: 1 as stated, 0.5 "slightly", 1.3 "very", 1.6 "extremely";
  // negative when negated (a negated word moves the voice a little the other
  // way: "不太快" is a little slower than plain).
  double strength = 1.0;
  // False when the cue lost to a conflicting one (see design_voice), or when
  // instructions asked for a different gender or age.
  bool applied = true;
};

// A voice and how it was read from text.
struct InterpretedVoice {
  VoiceProfile profile;
  // Every cue found, in text order; empty when nothing was recognized.
  std::vector<UnderstoodCue> understood;
};

// Designs a voice from a description (voice design's `voice_prompt`). Any
// text is accepted: unknown words, punctuation, emoji and invalid UTF-8 are
// skipped. Returns a complete profile with an empty name, dialect Mandarin:
//  - gender and age come from the words that say them ("中年男性", "a little
//    girl", "30岁左右", "in her 40s"); words that only suggest them ("her",
//    "mature", "girl" for the age) give way to words that say them; among
//    equals the last wins. Defaults: female, young adult (as the service's
//    default voice); "neutral" picks the gender band the two genders' mean
//    F0 falls in.
//  - every other attribute starts from the gender and age (a child higher and
//    faster, an elderly voice slower, lower and breathier) and is moved by the
//    words: for each attribute, words that name it (语速较快 for the pace)
//    outrank words that only imply it (活泼 also quickens the pace a little);
//    among words of the same rank, agreeing words do not add up (the
//    strongest counts) and disagreeing words resolve to the last one.
//  - values are clamped to what the catalogue accepts for that gender and age
//    (adult women 165-300 Hz, adult men 85-165 Hz, children above 250 Hz,
//    elderly voices slower than 1; speaking_rate 0.75-1.3, f0_range 0.4-1.8,
//    formant_scale 0.85-1.25, breathiness 0-1, brightness -1..1).
// `understood` is empty when the text holds no known word ("123456", "好听");
// the profile is then the default voice.
InterpretedVoice design_voice(std::string_view description);

// Applies an instruct model's `instructions` ("语速较快，语调上扬", "speak
// slowly and calmly", "声音低沉一些") to `base`, relative to it: F0, pace,
// intonation range, breathiness and brightness move by the same words and
// rules as design_voice, from base's values instead of defaults. Never
// changes gender, age, formant_scale, dialect or name; words about gender or
// age are reported with applied = false. Values are clamped as in
// design_voice, widened to include base's own. Empty instructions, or ones
// with no known word, return base unchanged.
InterpretedVoice apply_instructions(const VoiceProfile& base, std::string_view instructions);

}  // namespace voxwire
