// tts/voice_shaping.h: the timbre a VoiceProfile asks for, stated once for
// every engine: vocal-tract length as a formant scale, breathiness, and
// brightness as a spectral tilt in dB. Engines realize it with their own
// controls (see flite_engine.h, espeak_engine.h). Pure functions, thread-safe.
#pragma once
#include "voice/voice_profile.h"

namespace voxwire {

// Formant scales engines honour; profiles beyond are clamped.
constexpr double kMinFormantScale = 0.8;
constexpr double kMaxFormantScale = 1.3;

// The tilt brightness +-1 asks for: this many dB more (less) at 4 kHz than at
// 500 Hz and below.
constexpr double kBrightnessDbAt4kHz = 8.0;

// voice.formant_scale clamped to [kMinFormantScale, kMaxFormantScale]; 1 if
// not finite.
double formant_scale_of(const VoiceProfile& voice);

// voice.breathiness clamped to [0, 1]; 0 if not finite.
double breathiness_of(const VoiceProfile& voice);

// voice.brightness clamped to [-1, 1]; 0 if not finite.
double brightness_of(const VoiceProfile& voice);

// The gain brightness adds at hz, in dB: 0 up to 500 Hz, then linear in
// octaves to brightness * kBrightnessDbAt4kHz at 4 kHz, and on at that slope
// (brightness +1: 2.7 dB per octave above 500 Hz).
double brightness_gain_db(double brightness, double hz);

}  // namespace voxwire
