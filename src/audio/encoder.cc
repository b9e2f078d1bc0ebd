#include "audio/encoder.h"

#include <algorithm>
#include <string>

#include "audio/aac_encoder.h"
#include "audio/flac_encoder.h"
#include "audio/mp3_encoder.h"
#include "audio/opus_encoder.h"
#include "audio/pcm_encoder.h"

namespace voxwire::audio {
namespace {

// The wire's bit_rate range (kbps), which is also libopus's mono range.
constexpr int kMinBitRateKbps = 6;
constexpr int kMaxBitRateKbps = 510;

bool is_known_format(AudioFormat format) {
  return std::find(kAllFormats.begin(), kAllFormats.end(), format) != kAllFormats.end();
}

}  // namespace

Status validate_encoder_config(const EncoderConfig& config) {
  if (!is_known_format(config.format)) {
    return Status::invalid_argument("response_format must be one of pcm, wav, mp3, opus, aac, flac", "response_format");
  }
  if (!is_supported_sample_rate(config.sample_rate_hz)) {
    return Status::invalid_argument("sample_rate " + std::to_string(config.sample_rate_hz) +
                                        " is not one of 8000, 16000, 22050, 24000, 44100, 48000",
                                    "sample_rate");
  }
  if (config.bit_rate_kbps < kMinBitRateKbps || config.bit_rate_kbps > kMaxBitRateKbps) {
    return Status::invalid_argument("bit_rate " + std::to_string(config.bit_rate_kbps) + " is outside [" +
                                        std::to_string(kMinBitRateKbps) + ", " + std::to_string(kMaxBitRateKbps) +
                                        "] kbps",
                                    "bit_rate");
  }
  return Status();
}

int effective_bit_rate_kbps(const EncoderConfig& config) {
  switch (config.format) {
    case AudioFormat::kMp3: return mp3_bit_rate_kbps(config.sample_rate_hz, config.bit_rate_kbps);
    case AudioFormat::kOpus: return config.bit_rate_kbps;
    case AudioFormat::kAac: return aac_bit_rate_kbps(config.sample_rate_hz, config.bit_rate_kbps);
    case AudioFormat::kPcm:
    case AudioFormat::kWav:
    case AudioFormat::kFlac:
      break;
  }
  return 0;
}

Result<std::unique_ptr<Encoder>> make_encoder(const EncoderConfig& config) {
  if (Status s = validate_encoder_config(config); !s.ok()) return s;
  switch (config.format) {
    case AudioFormat::kPcm: return make_pcm_encoder(config.sample_rate_hz, /*with_wav_header=*/false);
    case AudioFormat::kWav: return make_pcm_encoder(config.sample_rate_hz, /*with_wav_header=*/true);
    case AudioFormat::kMp3: return make_mp3_encoder(config.sample_rate_hz, config.bit_rate_kbps);
    case AudioFormat::kOpus: return make_opus_encoder(config.sample_rate_hz, config.bit_rate_kbps);
    case AudioFormat::kAac: return make_aac_encoder(config.sample_rate_hz, config.bit_rate_kbps);
    case AudioFormat::kFlac: return make_flac_encoder(config.sample_rate_hz);
  }
  return Status::invalid_argument("unknown response_format", "response_format");
}

}  // namespace voxwire::audio
