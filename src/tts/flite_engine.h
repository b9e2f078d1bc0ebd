// tts/flite_engine.h: English synthesis with flite 2.2: the clustergen voices
// slt, rms and awb, 16 kHz, streamed in 10 ms chunks
// as the vocoder produces them. Thread-safe: synthesize() runs concurrently
// (flite keeps per-utterance state; flite_engine.cc records the audit, and the
// one change it needed: a per-thread rand(), see there).
#pragma once
#include <memory>
#include <string_view>

#include "base/result.h"
#include "tts/engine.h"

namespace voxwire {

enum class FliteVoice {
  kSlt,    // US female, clustergen; speaks at ~168 Hz untouched
  kRms,    // US male, clustergen, darker; ~95 Hz
  kAwb,    // Scottish male, clustergen; ~128 Hz
};

// Which flite voice speaks a profile (first match):
//   female                                      -> slt
//   male, child or teen, or median_f0_hz >= 115 -> awb (needs the least pitch shift up)
//   other male                                  -> rms
// Every voice is then moved to the profile's F0, intonation spread and tempo,
// and to its timbre (voice_shaping.h), in the model the vocoder reads, at no
// cost per sample. (flite's diphone voice kal16 is not used: its LPC units
// take none of these.)
//   formant_scale s  the MLSA filter's all-pass constant (0.42) is replaced
//                    by the one whose frequency warping scales 1-3.5 kHz by s
//                    (bilinear vocal-tract length normalization; measured:
//                    formants move by s within ~1.5%, F0 within 1%)
//   breathiness b    mixed-excitation voicing strengths of the 0-1, 1-2, 2-4,
//                    4-6 and 6-8 kHz bands scaled by 1 - b * (.2 .45 .7 .85 .95)
//   brightness t     the first mel-cepstral coefficient tilts the spectrum by
//                    brightness_gain_db(t, 4 kHz) between 500 Hz and 4 kHz (c0
//                    keeps 500 Hz in place)
FliteVoice flite_voice_for(const VoiceProfile& voice);
std::string_view flite_voice_name(FliteVoice voice);  // "slt", "rms", "awb"

// Per request, on the utterance (the shared flite voice is never modified):
//   int_f0_target_mean   = voice.median_f0_hz * req.pitch / (the voice's measured
//                          median-to-mean ratio, 0.97..1.00), so the output's
//                          median F0 lands on the target;
//   int_f0_target_stddev = the voice's own spread * voice.f0_range, scaled with
//                          the mean so intonation keeps its size in semitones;
//   duration_stretch     = the voice's default / (voice.speaking_rate * req.rate).
// synthesize() follows Engine: InvalidArgument for a language other than
// English or a rate/pitch that is not a positive finite number; Cancelled if
// cancel trips before or while vocoding (flite's text analysis and parameter
// generation for the utterance run first and are not interruptible); ok with
// no audio for text without a Latin letter or digit.
//
// Internal if a flite voice fails to register. The voices are registered once
// per process and shared by every engine this returns.
Result<std::unique_ptr<Engine>> make_flite_engine();

}  // namespace voxwire
