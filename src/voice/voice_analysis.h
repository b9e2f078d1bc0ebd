// voice/voice_analysis.h: measures a speaker in a reference recording (pitch,
// vocal-tract length from formants, syllable rate, spectral tilt, breathiness)
// and turns the measures into the VoiceProfile of a cloned voice.
// Pure functions, thread-safe. Cost: ~5 ms per second of audio (release).
#pragma once
#include <array>
#include <span>
#include <string>
#include <string_view>

#include "base/result.h"
#include "voice/reference_audio.h"
#include "voice/voice_profile.h"

namespace voxwire {

struct VoiceAnalysis {
  SpeechActivity activity;           // where the speech is (find_speech)
  double median_f0_hz = 0.0;         // YIN over the voiced frames
  double p10_f0_hz = 0.0;
  double p90_f0_hz = 0.0;
  double f0_spread_semitones = 0.0;  // 12 * log2(p90 / p10): how much the voice moves
  double voiced_s = 0.0;             // voiced time inside the speech runs
  int syllables = 0;                 // syllable nuclei: voiced peaks of 300-2500 Hz energy
  double syllable_rate_hz = 0.0;     // syllables per second of speech, pauses excluded
  std::array<double, 4> formants_hz{};  // median F1..F4 of the voiced frames (LPC); 0 if unknown
  double formant_spacing_hz = 0.0;   // median per-frame spacing dF (F_n ~ (n - 1/2) dF); 0 if unknown
  double alpha_ratio_db = 0.0;       // voiced energy 1-5 kHz over 50 Hz-1 kHz, dB (spectral tilt)
  double hnr_db = 0.0;               // harmonics-to-noise ratio of the voiced frames, dB
};

// Validates the recording's content (check_reference_speech), then measures
// it. Returns check_reference_speech's error, or InvalidArgument (field
// "input.audio.data") when under 1 s of it is voiced or it has no syllable
// rhythm of speech (0.5..12 per second): all are Audio.PreprocessError on
// the wire. Internal if resampling fails. Otherwise every field is set
// (formants 0 if no frame resolved four of them).
// REQUIRES: audio.sample_rate_hz within kMinReferenceRateHz..kMaxReferenceRateHz
// (as decode_reference_audio guarantees).
Result<VoiceAnalysis> analyze_voice(const DecodedAudio& audio);

// What the built-in engines do with a profile at speaking_rate 1 and
// f0_range 1 in one language, as analyze_voice measures it.
struct NominalProsody {
  std::string_view language_code;   // "zh", "en", ... (customization API codes)
  double syllable_rate_hz;          // VoiceAnalysis::syllable_rate_hz
  double f0_spread_semitones;       // VoiceAnalysis::f0_spread_semitones
};

// The measured table, one row per language (see voice_analysis.cc for how).
std::span<const NominalProsody> nominal_prosody_table();
// The row for language_code; for an empty or unknown code, the geometric mean
// of all rows under the code "".
NominalProsody nominal_prosody(std::string_view language_code);

// The profile of a voice cloned from `analysis`, spoken in `language_code`
// (the recording's language; empty if unknown). median_f0_hz is the measured
// median (within 85..450 Hz); speaking_rate and f0_range are the measured
// rate and spread over nominal_prosody(language_code)'s; formant_scale is the
// formant spacing over the adult mean (1086 Hz); brightness and breathiness
// map alpha ratio and HNR. Gender and age follow F0 and formant scale so that
// the profile meets the system catalogue's plausibility rules; every value is
// clamped to the catalogue's ranges. Dialect is Mandarin.
VoiceProfile profile_from_analysis(const VoiceAnalysis& analysis, std::string_view language_code, std::string name);

}  // namespace voxwire
