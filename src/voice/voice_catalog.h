// voice/voice_catalog.h: the system voices (Cherry, Ethan, ... api-reference
// §8.1), kept as data in data/system_voices.json and compiled into the binary.
// A VoiceCatalog is immutable once built: safe for concurrent reads.
// Which model accepts which voice is catalog/model_catalog.h's business.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/result.h"
#include "voice/voice_profile.h"

namespace voxwire {

struct SystemVoice {
  VoiceProfile profile;      // profile.name is the canonical wire name, e.g. "Eldric Sage"
  std::string display_name;  // Chinese product name, e.g. "芊悦"; empty when the docs give none
  std::string description;   // short English summary
  // Language codes it speaks: "zh" for Mandarin or "zh-<dialect>" (e.g.
  // "zh-cantonese", matching profile.dialect) for a dialect voice, then the
  // foreign codes ("en", "fr", ...).
  std::vector<std::string> languages;

  const std::string& name() const { return profile.name; }
};

class VoiceCatalog {
 public:
  // Parses and validates a catalogue in the format of data/system_voices.json:
  // {"voices": [{"name", "display_name", "description", "languages",
  //              "profile": {gender, age, median_f0_hz, f0_range, speaking_rate,
  //                          formant_scale, breathiness, brightness, dialect}}]}.
  // Every key is required and unknown keys are refused. Besides each field's
  // type and range, it enforces the catalogue's invariants: F0 plausible for
  // gender and age (adult women 165-300 Hz, adult men 85-165 Hz, children
  // above 250 Hz), elderly voices slower than 1, names unique ignoring case,
  // and no two voices alike (median_f0_hz and formant_scale both within 5%).
  // Returns InvalidArgument naming the offending entry and field (e.g.
  // "voices[3].profile.speaking_rate") on any violation.
  static Result<VoiceCatalog> parse(std::string_view json);

  // The catalogue compiled into the binary (data/system_voices.json), parsed
  // on first use; thread-safe. Should that file be invalid (voice_catalog_test
  // fails first) the error is logged once and the catalogue is empty.
  static const VoiceCatalog& system_voices();

  // The voice whose name equals `name` ignoring ASCII case ("li" finds "Li"),
  // or nullptr. The pointer lives as long as this catalogue.
  const SystemVoice* find(std::string_view name) const;

  // Every voice, in file order.
  const std::vector<SystemVoice>& all() const { return voices_; }

 private:
  VoiceCatalog() = default;

  std::vector<SystemVoice> voices_;
  std::unordered_map<std::string, std::size_t> index_by_lower_name_;
};

}  // namespace voxwire
