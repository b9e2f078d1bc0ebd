// voice/voice_profile.h: what makes a voice, independent of any engine.
// Every voice (system, designed or cloned) is one VoiceProfile; engines turn
// it into their own parameters. Plain value type.
#pragma once
#include <string>
#include <string_view>

namespace voxwire {

enum class Gender { kFemale, kMale };
enum class AgeBand { kChild, kTeen, kYoungAdult, kMiddleAged, kElderly };

// How a voice speaks Chinese text. espeak-ng has a voice only for Mandarin and
// Cantonese; the other dialects are spoken as Mandarin (see README).
enum class Dialect {
  kMandarin,
  kCantonese,
  kShanghainese,
  kSichuanese,
  kBeijing,
  kNanjing,
  kShaanxi,
  kMinnan,
  kTianjin,
};

struct VoiceProfile {
  std::string name;                      // wire name, e.g. "Cherry"
  Gender gender = Gender::kFemale;
  AgeBand age = AgeBand::kYoungAdult;
  double median_f0_hz = 210.0;           // target median fundamental frequency
  double f0_range = 1.0;                 // intonation spread; 1 = engine default, <1 flatter
  double speaking_rate = 1.0;            // tempo; 1 = engine default, >1 faster
  double formant_scale = 1.0;            // vocal-tract length; >1 shorter tract (smaller speaker)
  double breathiness = 0.0;              // 0 (modal) .. 1 (very breathy)
  double brightness = 0.0;               // spectral tilt, -1 (dark) .. +1 (bright)
  Dialect dialect = Dialect::kMandarin;  // how Chinese text is spoken
};

std::string_view gender_name(Gender g);      // "female" | "male"
std::string_view age_band_name(AgeBand a);   // "child" | "teen" | "young_adult" | "middle_aged" | "elderly"
std::string_view dialect_name(Dialect d);    // "mandarin" | "cantonese" | ...
bool parse_gender(std::string_view s, Gender* out);
bool parse_age_band(std::string_view s, AgeBand* out);
bool parse_dialect(std::string_view s, Dialect* out);

}  // namespace voxwire
