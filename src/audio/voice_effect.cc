#include "audio/voice_effect.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numbers>
#include <string>

namespace voxwire::audio {
namespace {

constexpr double kLowpassHz = 1000.0;
constexpr double kButterworthQ = std::numbers::sqrt2 / 2;
constexpr double kEqQ = 1.0;
constexpr double kEchoDelayS = 0.2;
constexpr double kEchoDecay = 0.4;
constexpr double kRobotCarrierHz = 70.0;

struct Effect {
  std::string_view name;
  VoiceEffectKind kind;
};
constexpr Effect kEffects[] = {
    {"robot", VoiceEffectKind::kRobot},   {"lolita", VoiceEffectKind::kLolita}, {"lowpass", VoiceEffectKind::kLowpass},
    {"echo", VoiceEffectKind::kEcho},     {"eq", VoiceEffectKind::kEq},         {"lpfilter", VoiceEffectKind::kLpFilter},
    {"hpfilter", VoiceEffectKind::kHpFilter},
};

template <typename T>
std::optional<T> parse_whole(std::string_view s) {
  T v{};
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

std::optional<std::array<int, 8>> parse_eq_gains(std::string_view value) {
  std::array<int, 8> gains{};
  std::size_t count = 0;
  while (true) {
    const std::size_t begin = value.find_first_not_of(' ');
    if (begin == std::string_view::npos) break;
    value.remove_prefix(begin);
    const std::string_view word = value.substr(0, value.find(' '));
    value.remove_prefix(word.size());
    const std::optional<int> gain = parse_whole<int>(word.starts_with('+') ? word.substr(1) : word);
    if (!gain || *gain < -20 || *gain > 20 || count == gains.size()) return std::nullopt;
    gains[count++] = *gain;
  }
  if (count != gains.size()) return std::nullopt;
  return gains;
}

}  // namespace

Result<VoiceEffect> parse_voice_effect(std::string_view effect, std::optional<std::string_view> effect_value,
                                       int sample_rate_hz) {
  const auto* known = std::ranges::find(kEffects, effect, &Effect::name);
  if (known == std::end(kEffects)) {
    return Status::invalid_argument("<speak effect> must be one of robot, lolita, lowpass, echo, eq, lpfilter, hpfilter");
  }
  VoiceEffect out;
  out.kind = known->kind;
  if (out.kind == VoiceEffectKind::kEq) {
    std::optional<std::array<int, 8>> gains = effect_value ? parse_eq_gains(*effect_value) : std::nullopt;
    if (!gains) {
      return Status::invalid_argument(
          "<speak effect=\"eq\"> needs effectValue: 8 integers in [-20, 20] separated by spaces (the gains in dB at "
          "40, 100, 200, 400, 800, 1600, 4000 and 12000 Hz)");
    }
    out.eq_gains_db = *gains;
  } else if (out.kind == VoiceEffectKind::kLpFilter || out.kind == VoiceEffectKind::kHpFilter) {
    std::optional<double> cutoff = effect_value ? parse_whole<double>(*effect_value) : std::nullopt;
    if (!cutoff || !std::isfinite(*cutoff) || *cutoff <= 0 || *cutoff > sample_rate_hz / 2.0) {
      return Status::invalid_argument("<speak effect=\"" + std::string(effect) +
                                      "\"> needs effectValue: a cut-off frequency in Hz in (0, " +
                                      std::to_string(sample_rate_hz / 2) + "] (half the sample rate)");
    }
    out.cutoff_hz = *cutoff;
  }
  return out;
}

double VoiceEffectFilter::Biquad::step(double x) {
  const double y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
  x2 = x1;
  x1 = x;
  y2 = y1;
  y1 = y;
  return y;
}

VoiceEffectFilter::VoiceEffectFilter(const VoiceEffect& effect, int sample_rate_hz)
    : effect_(effect), sample_rate_hz_(sample_rate_hz) {
  const double top_hz = 0.49 * sample_rate_hz;
  // RBJ Audio EQ Cookbook designs, normalised by a0.
  auto design = [&](double hz, double q, auto coefficients) {
    const double w0 = 2 * std::numbers::pi * std::min(hz, top_hz) / sample_rate_hz;
    const double cos_w0 = std::cos(w0);
    const double alpha = std::sin(w0) / (2 * q);
    auto [b0, b1, b2, a0, a1, a2] = coefficients(cos_w0, alpha);
    biquads_.push_back({b0 / a0, b1 / a0, b2 / a0, a1 / a0, a2 / a0});
  };
  auto lowpass = [](double c, double alpha) {
    return std::array{(1 - c) / 2, 1 - c, (1 - c) / 2, 1 + alpha, -2 * c, 1 - alpha};
  };
  auto highpass = [](double c, double alpha) {
    return std::array{(1 + c) / 2, -(1 + c), (1 + c) / 2, 1 + alpha, -2 * c, 1 - alpha};
  };
  switch (effect.kind) {
    case VoiceEffectKind::kLowpass:
      design(kLowpassHz, kButterworthQ, lowpass);
      break;
    case VoiceEffectKind::kLpFilter:
      design(effect.cutoff_hz, kButterworthQ, lowpass);
      break;
    case VoiceEffectKind::kHpFilter:
      design(effect.cutoff_hz, kButterworthQ, highpass);
      break;
    case VoiceEffectKind::kEq:
      for (std::size_t band = 0; band < kEqBandsHz.size(); ++band) {
        if (effect.eq_gains_db[band] == 0 || kEqBandsHz[band] > top_hz) continue;
        const double a = std::pow(10.0, effect.eq_gains_db[band] / 40.0);
        design(kEqBandsHz[band], kEqQ, [a](double c, double alpha) {
          return std::array{1 + alpha * a, -2 * c, 1 - alpha * a, 1 + alpha / a, -2 * c, 1 - alpha / a};
        });
      }
      break;
    case VoiceEffectKind::kEcho:
      echo_.assign(static_cast<std::size_t>(std::lround(kEchoDelayS * sample_rate_hz)), 0.0f);
      break;
    case VoiceEffectKind::kRobot:
    case VoiceEffectKind::kLolita:
      break;
  }
}

void VoiceEffectFilter::process(std::span<int16_t> pcm) {
  const double carrier_step = 2 * std::numbers::pi * kRobotCarrierHz / sample_rate_hz_;
  for (int16_t& sample : pcm) {
    double x = sample;
    for (Biquad& biquad : biquads_) x = biquad.step(x);
    if (!echo_.empty()) {
      x += kEchoDecay * echo_[echo_pos_];
      echo_[echo_pos_] = static_cast<float>(x);
      echo_pos_ = (echo_pos_ + 1) % echo_.size();
    }
    if (effect_.kind == VoiceEffectKind::kRobot) {
      x *= std::sin(carrier_phase_);
      carrier_phase_ = std::fmod(carrier_phase_ + carrier_step, 2 * std::numbers::pi);
    }
    sample = static_cast<int16_t>(std::clamp(std::lround(x), -32768L, 32767L));
  }
}

}  // namespace voxwire::audio
