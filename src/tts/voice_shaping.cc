#include "tts/voice_shaping.h"

#include <algorithm>
#include <cmath>

namespace voxwire {
namespace {

double clamped(double x, double lo, double hi, double fallback) {
  return std::isfinite(x) ? std::clamp(x, lo, hi) : fallback;
}

constexpr double kTiltPivotHz = 500.0;

}  // namespace

double formant_scale_of(const VoiceProfile& voice) {
  return clamped(voice.formant_scale, kMinFormantScale, kMaxFormantScale, 1.0);
}

double breathiness_of(const VoiceProfile& voice) { return clamped(voice.breathiness, 0.0, 1.0, 0.0); }

double brightness_of(const VoiceProfile& voice) { return clamped(voice.brightness, -1.0, 1.0, 0.0); }

double brightness_gain_db(double brightness, double hz) {
  if (!(hz > kTiltPivotHz)) return 0.0;
  return brightness * kBrightnessDbAt4kHz * std::log2(hz / kTiltPivotHz) / std::log2(4000.0 / kTiltPivotHz);
}

}  // namespace voxwire
