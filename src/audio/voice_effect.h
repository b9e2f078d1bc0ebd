// audio/voice_effect.h: the sound effects of a CosyVoice SSML <speak effect>
// (api-reference-cosyvoice §8.4) and a streaming filter applying one to
// int16 PCM in place. robot: ring modulation with a 70 Hz carrier; lowpass:
// a 1 kHz low-pass; echo: a 200 ms feedback delay decaying by 0.4 an echo;
// eq: eight RBJ peaking bands (40 .. 12000 Hz, Q 1) with the effectValue
// gains; lpfilter/hpfilter: RBJ low/high-pass (Q 0.707) at the effectValue
// cut-off. lolita is no filter: it makes the voice younger
// (inference/ssml_script.cc). One VoiceEffectFilter per stream; not
// thread-safe. parse_voice_effect is pure.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace voxwire::audio {

enum class VoiceEffectKind { kRobot, kLolita, kLowpass, kEcho, kEq, kLpFilter, kHpFilter };

inline constexpr std::array<double, 8> kEqBandsHz = {40, 100, 200, 400, 800, 1600, 4000, 12000};

struct VoiceEffect {
  VoiceEffectKind kind = VoiceEffectKind::kRobot;
  std::array<int, 8> eq_gains_db{};  // eq: the gain of each band of kEqBandsHz, -20..20
  double cutoff_hz = 0;              // lpfilter, hpfilter
};

// The effect named `effect` with `effect_value` (nullopt: none given; needed
// by eq, lpfilter and hpfilter, ignored by the others). InvalidArgument
// naming effect or effectValue and what it must be: an unknown effect, eq
// gains that are not 8 integers in [-20, 20] separated by spaces, a cut-off
// that is not a number in (0, sample_rate_hz / 2].
Result<VoiceEffect> parse_voice_effect(std::string_view effect, std::optional<std::string_view> effect_value,
                                       int sample_rate_hz);

class VoiceEffectFilter {
 public:
  // REQUIRES: sample_rate_hz >= 8000; effect from parse_voice_effect. A
  // cut-off above 0.49 * sample_rate_hz is moved there; eq bands above it
  // are left out (the stream has no such frequencies).
  VoiceEffectFilter(const VoiceEffect& effect, int sample_rate_hz);

  // Filters the next samples of the stream in place (saturating at int16).
  void process(std::span<int16_t> pcm);

 private:
  struct Biquad {  // direct form I
    double b0, b1, b2, a1, a2;  // normalised by a0
    double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
    double step(double x);
  };
  const VoiceEffect effect_;
  const int sample_rate_hz_;
  std::vector<Biquad> biquads_;  // applied in order
  std::vector<float> echo_;      // echo: the last delay of output, ring
  std::size_t echo_pos_ = 0;
  double carrier_phase_ = 0;     // robot: radians, in [0, 2 pi)
};

}  // namespace voxwire::audio
