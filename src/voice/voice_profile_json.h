// voice/voice_profile_json.h: a VoiceProfile as a JSON object (the "profile"
// of data/system_voices.json, and what the voice store keeps for custom
// voices), with the catalogue's plausibility rules. Pure, thread-safe.
#pragma once
#include <boost/json.hpp>
#include <string_view>

#include "base/status.h"
#include "voice/voice_profile.h"

namespace voxwire {

// Reads {gender, age, median_f0_hz, f0_range, speaking_rate, formant_scale,
// breathiness, brightness, dialect} into *out (name untouched). Every key is
// required, unknown keys are refused, values must be in range and plausible
// (adult women 165-300 Hz, adult men 85-165 Hz, children above 250 Hz,
// elderly voices slower than 1). InvalidArgument names the field under
// `path` ("voices[3].profile.median_f0_hz").
Status read_profile_json(const boost::json::value& value, std::string_view path, VoiceProfile* out);

// The inverse of read_profile_json (the name is not included).
boost::json::object profile_to_json(const VoiceProfile& profile);

}  // namespace voxwire
