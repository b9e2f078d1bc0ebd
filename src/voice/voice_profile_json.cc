#include "voice/voice_profile_json.h"

#include <string>

#include "voice/json_object_reader.h"

namespace voxwire {
namespace {

using voice_json::ObjectReader;
using voice_json::Range;

constexpr Range kF0RangeBounds = {0.4, 1.8};
constexpr Range kSpeakingRateBounds = {0.75, 1.3};
constexpr Range kFormantScaleBounds = {0.85, 1.25};
constexpr Range kBreathinessBounds = {0.0, 1.0};
constexpr Range kBrightnessBounds = {-1.0, 1.0};
// Median F0 a speaker of this gender and age can plausibly have (children:
// above 250 Hz, checked apart as the bound is exclusive). Teens span the
// change of voice, so their band covers both genders.
Range f0_bounds(Gender gender, AgeBand age) {
  switch (age) {
    case AgeBand::kChild:
      return {250.0, 450.0};
    case AgeBand::kTeen:
      return {100.0, 320.0};
    default:
      return gender == Gender::kFemale ? Range{165.0, 300.0} : Range{85.0, 165.0};
  }
}

}  // namespace

Status read_profile_json(const boost::json::value& value, std::string_view path, VoiceProfile* p) {
  const boost::json::object* object = value.if_object();
  if (object == nullptr) return Status::invalid_argument("must be an object", std::string(path));
  ObjectReader reader(*object, std::string(path));
  Status s = reader.require_keys({"gender", "age", "median_f0_hz", "f0_range", "speaking_rate", "formant_scale",
                                  "breathiness", "brightness", "dialect"});
  if (s.ok()) s = reader.read_enum("gender", &parse_gender, &p->gender);
  if (s.ok()) s = reader.read_enum("age", &parse_age_band, &p->age);
  if (s.ok()) s = reader.read_number("median_f0_hz", f0_bounds(p->gender, p->age), &p->median_f0_hz);
  if (s.ok()) s = reader.read_number("f0_range", kF0RangeBounds, &p->f0_range);
  if (s.ok()) s = reader.read_number("speaking_rate", kSpeakingRateBounds, &p->speaking_rate);
  if (s.ok()) s = reader.read_number("formant_scale", kFormantScaleBounds, &p->formant_scale);
  if (s.ok()) s = reader.read_number("breathiness", kBreathinessBounds, &p->breathiness);
  if (s.ok()) s = reader.read_number("brightness", kBrightnessBounds, &p->brightness);
  if (s.ok()) s = reader.read_enum("dialect", &parse_dialect, &p->dialect);
  if (s.ok() && p->age == AgeBand::kChild && p->median_f0_hz <= 250.0) {
    s = Status::invalid_argument("a child voice needs median_f0_hz above 250", reader.path("median_f0_hz"));
  }
  if (s.ok() && p->age == AgeBand::kElderly && p->speaking_rate >= 1.0) {
    s = Status::invalid_argument("an elderly voice must speak slower than 1", reader.path("speaking_rate"));
  }
  return s;
}

boost::json::object profile_to_json(const VoiceProfile& p) {
  return boost::json::object{{"gender", gender_name(p.gender)},
                             {"age", age_band_name(p.age)},
                             {"median_f0_hz", p.median_f0_hz},
                             {"f0_range", p.f0_range},
                             {"speaking_rate", p.speaking_rate},
                             {"formant_scale", p.formant_scale},
                             {"breathiness", p.breathiness},
                             {"brightness", p.brightness},
                             {"dialect", dialect_name(p.dialect)}};
}

}  // namespace voxwire
