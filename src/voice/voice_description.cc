#include "voice/voice_description.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

#include "voice/voice_description_cues.h"

namespace voxwire {
namespace {

using description::Axis;
using description::Certainty;
using description::Cue;
using description::Dimension;
using description::GenderCue;
using description::kAxisCount;

using AxisValues = std::array<double, kAxisCount>;  // indexed by Axis

constexpr std::array<double VoiceProfile::*, kAxisCount> kAxisFields = {
    &VoiceProfile::median_f0_hz, &VoiceProfile::speaking_rate, &VoiceProfile::f0_range,
    &VoiceProfile::breathiness,  &VoiceProfile::brightness,    &VoiceProfile::formant_scale};

// What a speaker of each gender and age sounds like before any other word:
// median F0 (Hz), speaking_rate, f0_range, breathiness, brightness,
// formant_scale. Close to the system voices of that gender and age
// (data/system_voices.json): children high, fast and lively, elderly voices
// slow, low, breathy and dark.
constexpr AxisValues kBaselines[2][5] = {
    // Female: child, teen, young adult, middle-aged, elderly.
    {{310, 1.08, 1.35, 0.10, 0.45, 1.22},
     {265, 1.04, 1.20, 0.15, 0.30, 1.13},
     {215, 1.00, 1.00, 0.10, 0.15, 1.03},
     {190, 0.96, 0.95, 0.10, 0.00, 0.97},
     {180, 0.85, 0.90, 0.35, -0.30, 0.93}},
    // Male.
    {{280, 1.10, 1.30, 0.05, 0.40, 1.20},
     {155, 1.05, 1.15, 0.10, 0.25, 1.06},
     {130, 1.00, 1.00, 0.10, 0.10, 0.975},
     {115, 0.96, 0.90, 0.10, -0.05, 0.94},
     {102, 0.85, 0.90, 0.30, -0.30, 0.93}},
};

struct Range {
  double lo;
  double hi;
};
using AxisRanges = std::array<Range, kAxisCount>;

// The catalogue's bounds (voice_catalog.cc), the teen F0 band narrowed by
// gender; an elderly voice stays slower than 1.
AxisRanges plausible_ranges(Gender gender, AgeBand age) {
  Range f0 = gender == Gender::kFemale ? Range{165, 300} : Range{85, 165};
  if (age == AgeBand::kChild) f0 = {255, 450};
  if (age == AgeBand::kTeen) f0 = gender == Gender::kFemale ? Range{180, 320} : Range{100, 220};
  const Range rate = {0.75, age == AgeBand::kElderly ? 0.97 : 1.3};
  return {f0, rate, Range{0.4, 1.8}, Range{0.0, 1.0}, Range{-1.0, 1.0}, Range{0.85, 1.25}};
}

double get(const VoiceProfile& p, Axis axis) { return p.*kAxisFields[static_cast<std::size_t>(axis)]; }
double& get(VoiceProfile& p, Axis axis) { return p.*kAxisFields[static_cast<std::size_t>(axis)]; }

constexpr std::array<Axis, kAxisCount> kAxes = {Axis::kPitch,       Axis::kRate,       Axis::kRange,
                                                Axis::kBreathiness, Axis::kBrightness, Axis::kFormant};

// Moves one attribute by a resolved delta: F0 by semitones, the rates and
// scales relatively, breathiness and brightness by addition.
double moved(Axis axis, double value, double delta) {
  switch (axis) {
    case Axis::kPitch:
      return value * std::exp2(delta / 12.0);
    case Axis::kBreathiness:
    case Axis::kBrightness:
      return value + delta;
    default:
      return value * (1.0 + delta);
  }
}

int sign(double v) { return v > 1e-9 ? 1 : (v < -1e-9 ? -1 : 0); }

// The gender a cue states, if any: a negated "male" states "female", a
// negated "neutral" nothing.
std::optional<GenderCue> stated_gender(const Cue& cue) {
  GenderCue g = cue.sense->who.gender;
  if (cue.strength < 0) {
    g = g == GenderCue::kFemale ? GenderCue::kMale : (g == GenderCue::kMale ? GenderCue::kFemale : GenderCue::kNone);
  }
  return g == GenderCue::kNone ? std::nullopt : std::optional(g);
}

// A negated age says nothing about the age.
std::optional<AgeBand> stated_age(const Cue& cue) {
  return cue.strength > 0 ? cue.sense->who.age : std::nullopt;
}

// Explicit beats implied; among equals, the last wins.
template <class T, class Stated, class CertaintyOf>
std::optional<T> choose(const std::vector<Cue>& cues, Stated stated, CertaintyOf certainty_of) {
  std::optional<T> chosen;
  Certainty chosen_certainty = Certainty::kImplied;
  for (const Cue& cue : cues) {
    std::optional<T> value = stated(cue);
    if (!value) continue;
    Certainty certainty = cue.strength < 0 ? Certainty::kImplied : certainty_of(cue);
    if (!chosen || certainty >= chosen_certainty) {
      chosen = value;
      chosen_certainty = certainty;
    }
  }
  return chosen;
}

struct Reading {
  std::vector<Cue> cues;
  std::optional<GenderCue> gender;
  std::optional<AgeBand> age;
  AxisValues delta{};         // resolved move of each attribute
  std::vector<bool> counted;  // per cue: whether it shaped some attribute
};

// Resolves each attribute's move from the cues that touch it (rules in the
// header: primary words first; agreeing words -> the strongest; disagreeing
// -> the last).
void resolve_axes(Reading& r) {
  r.counted.assign(r.cues.size(), false);
  for (Axis axis : kAxes) {
    struct Vote {
      double value;
      bool primary;
      std::size_t cue;
    };
    std::vector<Vote> votes;
    for (std::size_t i = 0; i < r.cues.size(); ++i) {
      const description::Sense& sense = *r.cues[i].sense;
      if (std::optional<double> v = sense.effect.at(axis)) {
        votes.push_back({*v * r.cues[i].strength, description::is_primary(sense.dimension, axis), i});
      }
    }
    if (std::any_of(votes.begin(), votes.end(), [](const Vote& v) { return v.primary; })) {
      std::erase_if(votes, [](const Vote& v) { return !v.primary; });
    }
    if (votes.empty()) continue;
    const bool agree = std::all_of(votes.begin(), votes.end(),
                                   [&](const Vote& v) { return sign(v.value) == sign(votes.front().value); });
    const Vote* winner = &votes.back();
    if (agree) {
      for (const Vote& v : votes) {
        if (std::abs(v.value) >= std::abs(winner->value)) winner = &v;
      }
    }
    r.delta[static_cast<std::size_t>(axis)] = winner->value;
    for (const Vote& v : votes) {
      if (sign(v.value) == sign(winner->value)) r.counted[v.cue] = true;
    }
  }
}

Reading read(std::string_view text) {
  Reading r;
  r.cues = description::find_cues(text);
  r.gender = choose<GenderCue>(r.cues, stated_gender, [](const Cue& c) { return c.sense->who.gender_certainty; });
  r.age = choose<AgeBand>(r.cues, stated_age, [](const Cue& c) { return c.sense->who.age_certainty; });
  resolve_axes(r);
  return r;
}

// The understood list; `identity_applies` is false for instructions, which
// never change gender or age.
std::vector<UnderstoodCue> report(const Reading& r, bool identity_applies) {
  std::vector<UnderstoodCue> out;
  for (std::size_t i = 0; i < r.cues.size(); ++i) {
    const Cue& cue = r.cues[i];
    const description::Sense& sense = *cue.sense;
    if (sense.who.gender != GenderCue::kNone) {
      const std::optional<GenderCue> g = stated_gender(cue);
      out.push_back({"gender", description::gender_cue_name(g.value_or(sense.who.gender)), cue.words, cue.strength,
                     identity_applies && g && g == r.gender});
    }
    if (sense.who.age) {
      out.push_back({"age", age_band_name(*sense.who.age), cue.words, cue.strength,
                     identity_applies && stated_age(cue) && stated_age(cue) == r.age});
    }
    if (sense.dimension != Dimension::kGender && sense.dimension != Dimension::kAge) {
      out.push_back({description::dimension_name(sense.dimension), sense.label, cue.words, cue.strength,
                     r.counted[i]});
    }
  }
  return out;
}

// The starting point of a designed voice. A neutral voice sits between the
// two genders (geometric mean F0) in whichever gender's band holds that F0.
VoiceProfile baseline(GenderCue gender, AgeBand age) {
  VoiceProfile p;
  p.age = age;
  const AxisValues& female = kBaselines[0][static_cast<std::size_t>(age)];
  const AxisValues& male = kBaselines[1][static_cast<std::size_t>(age)];
  for (Axis axis : kAxes) {
    const std::size_t a = static_cast<std::size_t>(axis);
    double value = gender == GenderCue::kMale ? male[a] : female[a];
    if (gender == GenderCue::kNeutral) {
      value = axis == Axis::kPitch ? std::sqrt(female[a] * male[a]) : (female[a] + male[a]) / 2;
    }
    get(p, axis) = value;
  }
  p.gender = gender == GenderCue::kMale ? Gender::kMale : Gender::kFemale;
  if (gender == GenderCue::kNeutral && p.median_f0_hz < plausible_ranges(Gender::kFemale, age)[0].lo) {
    p.gender = Gender::kMale;
  }
  return p;
}

void move_and_clamp(VoiceProfile& p, const AxisValues& delta, const AxisRanges& ranges, bool move_formant) {
  for (Axis axis : kAxes) {
    const std::size_t a = static_cast<std::size_t>(axis);
    if (axis == Axis::kFormant && !move_formant) continue;
    get(p, axis) = std::clamp(moved(axis, get(p, axis), delta[a]), ranges[a].lo, ranges[a].hi);
  }
}

}  // namespace

InterpretedVoice design_voice(std::string_view description) {
  const Reading r = read(description);
  VoiceProfile p = baseline(r.gender.value_or(GenderCue::kFemale), r.age.value_or(AgeBand::kYoungAdult));
  move_and_clamp(p, r.delta, plausible_ranges(p.gender, p.age), true);
  return {std::move(p), report(r, true)};
}

InterpretedVoice apply_instructions(const VoiceProfile& base, std::string_view instructions) {
  const Reading r = read(instructions);
  VoiceProfile p = base;
  if (r.cues.empty()) return {std::move(p), {}};
  AxisRanges ranges = plausible_ranges(base.gender, base.age);
  for (Axis axis : kAxes) {
    Range& range = ranges[static_cast<std::size_t>(axis)];
    range = {std::min(range.lo, get(base, axis)), std::max(range.hi, get(base, axis))};
  }
  move_and_clamp(p, r.delta, ranges, false);
  return {std::move(p), report(r, false)};
}

}  // namespace voxwire
