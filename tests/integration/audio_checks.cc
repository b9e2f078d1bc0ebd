#include "integration/audio_checks.h"

#include <cmath>

#include "base/base64.h"

namespace voxwire::testing {

std::string audio_bytes(const std::vector<boost::json::object>& events) {
  std::string out;
  for (const auto& e : events) {
    if (e.at("type").as_string() != "response.audio.delta") continue;
    auto decoded = base64::decode(e.at("delta").as_string());
    if (decoded) out += *decoded;
  }
  return out;
}

std::vector<int16_t> pcm_samples(const std::string& bytes) {
  std::vector<int16_t> pcm(bytes.size() / 2);
  for (std::size_t i = 0; i < pcm.size(); ++i) {
    pcm[i] = static_cast<int16_t>(static_cast<uint8_t>(bytes[2 * i]) | (static_cast<uint8_t>(bytes[2 * i + 1]) << 8));
  }
  return pcm;
}

double rms(const std::vector<int16_t>& pcm) {
  if (pcm.empty()) return 0;
  double sum = 0;
  for (int16_t s : pcm) sum += static_cast<double>(s) * s;
  return std::sqrt(sum / pcm.size());
}

double voiced_seconds(const std::vector<int16_t>& pcm, int sample_rate_hz) {
  std::size_t frame = sample_rate_hz / 50;
  std::size_t active = 0;
  for (std::size_t i = 0; i + frame <= pcm.size(); i += frame) {
    double sum = 0;
    for (std::size_t k = i; k < i + frame; ++k) sum += static_cast<double>(pcm[k]) * pcm[k];
    if (std::sqrt(sum / frame) > 300) ++active;
  }
  return static_cast<double>(active * frame) / sample_rate_hz;
}

std::vector<std::string> types_of(const std::vector<boost::json::object>& events) {
  std::vector<std::string> out;
  for (const auto& e : events) out.emplace_back(e.at("type").as_string());
  return out;
}

int count_type(const std::vector<boost::json::object>& events, std::string_view type) {
  int n = 0;
  for (const auto& e : events) n += e.at("type").as_string() == type;
  return n;
}

}  // namespace voxwire::testing
