// voice/voice_description_lexicon.h (internal to voice/): the Chinese and
// English words of voice descriptions and instructions, and what each means
// for a VoiceProfile. The tables live in voice_description_lexicon.cc.
// Pure functions over immutable static data: thread-safe.
#pragma once
#include <cstddef>
#include <optional>
#include <string_view>

#include "voice/voice_profile.h"

namespace voxwire::description {

// What a cue talks about; names the reported `dimension`.
enum class Dimension { kGender, kAge, kPitch, kPace, kIntonation, kVolume, kEmotion, kTimbre, kUseCase };
std::string_view dimension_name(Dimension d);  // "gender", "age", ..., "use_case"

// The continuous VoiceProfile attributes a cue moves.
enum class Axis { kPitch, kRate, kRange, kBreathiness, kBrightness, kFormant };
inline constexpr std::size_t kAxisCount = 6;

// How a plain word (no degree, no negation) moves each attribute; nullopt =
// not at all, 0 = "hold it at its default" (e.g. "steady pace").
struct Effect {
  std::optional<double> pitch_st = std::nullopt;     // median F0, in semitones
  std::optional<double> rate = std::nullopt;         // speaking_rate, relative (+0.15 = 15% faster)
  std::optional<double> range = std::nullopt;        // f0_range, relative
  std::optional<double> breathiness = std::nullopt;  // breathiness, added
  std::optional<double> brightness = std::nullopt;   // brightness, added
  std::optional<double> formant = std::nullopt;      // formant_scale, relative

  std::optional<double> at(Axis axis) const;
};

// Whether an axis is what a dimension's words name directly (语速 words name
// the rate) rather than a side effect (活泼 also speeds speech up a little).
bool is_primary(Dimension d, Axis axis);

enum class GenderCue { kNone, kFemale, kMale, kNeutral };
std::string_view gender_cue_name(GenderCue g);  // "", "female", "male", "neutral"

// Said outright ("女性", "in her 40s") or only suggested ("her", "mature").
enum class Certainty { kImplied, kExplicit };

// Who a word says the speaker is.
struct Identity {
  GenderCue gender = GenderCue::kNone;
  Certainty gender_certainty = Certainty::kExplicit;
  std::optional<AgeBand> age = std::nullopt;
  Certainty age_certainty = Certainty::kExplicit;
};

// The meaning of a group of synonyms.
struct Sense {
  Dimension dimension;     // kGender/kAge for words that only say who speaks
  std::string_view label;  // reported as the cue's value, e.g. "deep"; unused for kGender/kAge
  Effect effect = {};
  Identity who = {};
};

// A sense word, a modifier (degree or negation) multiplying the strength of
// the next sense word (or, when `suffix`, of the one just before: 快一点),
// or a known word that means nothing here (高级, 老板) and hides its parts.
struct Match {
  enum class Kind { kSense, kModifier, kFiller };
  Kind kind = Kind::kFiller;
  const Sense* sense = nullptr;  // kSense only; static storage
  double factor = 1.0;           // kModifier only
  bool suffix = false;           // kModifier only
  std::size_t end = 0;           // one past the last code point matched
};

// Spaces, hyphens, underscores and tabs: what a space in a term matches.
bool is_separator(char32_t c);

// Where `term` ends if text[pos] starts it, nullopt otherwise. A space in the
// term matches any run of separators; a term that starts (ends) with a Latin
// letter or digit must start (end) a word.
std::optional<std::size_t> match_literal(std::u32string_view text, std::size_t pos, std::u32string_view term);

// The longest lexicon entry starting at text[pos], nullopt if none. `text`
// must be normalized (see voice_description_cues.h). English words match
// whole words only, also with common inflections (slow, slowly, slower); a
// tie in length goes to the uninflected entry.
std::optional<Match> match_at(std::u32string_view text, std::size_t pos);

// The sense of a stated age ("30岁", "in her 40s"): the band, explicitly.
const Sense& age_sense(AgeBand age);

}  // namespace voxwire::description
