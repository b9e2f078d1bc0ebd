#include "inference/ssml_audio.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "audio/resampler.h"

namespace voxwire::inference {
namespace {

uint32_t le32(std::string_view s, std::size_t at) {
  uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(s[at + i]);
  return v;
}

uint16_t le16(std::string_view s, std::size_t at) {
  return static_cast<uint16_t>(static_cast<unsigned char>(s[at]) | static_cast<unsigned char>(s[at + 1]) << 8);
}

}  // namespace

Result<std::vector<int16_t>> read_ssml_wav(std::string_view wav, int output_rate_hz) {
  if (wav.size() > kMaxSsmlAudioBytes) return Status::invalid_argument("it is larger than 2 MB");
  if (wav.size() < 12 || wav.substr(0, 4) != "RIFF" || wav.substr(8, 4) != "WAVE") {
    return Status::invalid_argument("it is not a WAV file");
  }
  bool format_ok = false;
  for (std::size_t at = 12; at + 8 <= wav.size();) {
    const std::string_view id = wav.substr(at, 4);
    const std::size_t size = std::min<std::size_t>(le32(wav, at + 4), wav.size() - at - 8);
    const std::size_t body = at + 8;
    if (id == "fmt ") {
      if (size < 16) return Status::invalid_argument("its WAV format chunk is truncated");
      format_ok = le16(wav, body) == 1 && le16(wav, body + 2) == 1 && le32(wav, body + 4) == kSsmlAudioRateHz &&
                  le16(wav, body + 14) == 16;
      if (!format_ok) return Status::invalid_argument("it must be 16 kHz mono 16-bit PCM WAV");
    } else if (id == "data") {
      if (!format_ok) return Status::invalid_argument("its WAV data comes before a valid format chunk");
      std::vector<float> in(size / 2);
      for (std::size_t i = 0; i < in.size(); ++i) in[i] = static_cast<int16_t>(le16(wav, body + 2 * i)) / 32768.0f;
      if (in.empty()) return Status::invalid_argument("it holds no samples");
      Result<std::unique_ptr<audio::Resampler>> resampler = audio::Resampler::create(kSsmlAudioRateHz, output_rate_hz);
      if (!resampler.ok()) return resampler.status();
      std::vector<float> out;
      if (Status s = (*resampler)->process(in, &out); !s.ok()) return s;
      if (Status s = (*resampler)->flush(&out); !s.ok()) return s;
      std::vector<int16_t> samples(out.size());
      std::transform(out.begin(), out.end(), samples.begin(), [](float x) {
        return static_cast<int16_t>(std::clamp(x * 32768.0f, -32768.0f, 32767.0f));
      });
      return samples;
    }
    at = body + size + (size & 1);
  }
  return Status::invalid_argument(format_ok ? "it holds no samples" : "it must be 16 kHz mono 16-bit PCM WAV");
}

void mix_background(std::span<int16_t> speech, std::span<const int16_t> bgm, int volume, std::size_t* position) {
  if (bgm.empty()) return;
  for (int16_t& s : speech) {
    const int mixed = s + bgm[*position] * volume / 100;
    s = static_cast<int16_t>(std::clamp(mixed, -32768, 32767));
    *position = (*position + 1) % bgm.size();
  }
}

}  // namespace voxwire::inference
