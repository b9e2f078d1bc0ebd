#include "audio/wav_header.h"

#include <cassert>

#include "audio/byte_order.h"

namespace voxwire::audio {

std::string wav_header(int sample_rate_hz, uint32_t data_bytes) {
  assert(sample_rate_hz > 0);
  constexpr uint32_t kChannels = 1;
  constexpr uint32_t kBytesPerSample = 2;
  const auto rate = static_cast<uint32_t>(sample_rate_hz);
  std::string h;
  h.reserve(kWavHeaderBytes);
  h += "RIFF";
  append_le(data_bytes + (kWavHeaderBytes - 8), 4, &h);
  h += "WAVEfmt ";
  append_le(16, 4, &h);                                 // fmt chunk size
  append_le(1, 2, &h);                                  // WAVE_FORMAT_PCM
  append_le(kChannels, 2, &h);
  append_le(rate, 4, &h);
  append_le(rate * kChannels * kBytesPerSample, 4, &h);  // byte rate
  append_le(kChannels * kBytesPerSample, 2, &h);         // block align
  append_le(8 * kBytesPerSample, 2, &h);                 // bits per sample
  h += "data";
  append_le(data_bytes, 4, &h);
  return h;
}

}  // namespace voxwire::audio
