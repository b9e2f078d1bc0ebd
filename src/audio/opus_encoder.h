// audio/opus_encoder.h (internal; use encoder.h): Opus in Ogg per RFC 7845,
// mono, hard-CBR 20 ms packets. The first audio page leaves as soon as one
// packet is ready; later pages once they hold 100 ms. Not thread-safe.
#pragma once
#include <memory>

#include "audio/encoder.h"

namespace voxwire::audio {

// The rate the codec runs at for a requested output rate: the rate itself
// where Opus supports it (8, 12, 16, 24, 48 kHz), else 48000 (22050 and
// 44100 Hz; OpusHead.input_sample_rate still records the request).
int opus_codec_rate_hz(int sample_rate_hz);

// Internal if libopus or libogg fails to initialize.
// REQUIRES: sample_rate_hz is in kSampleRates; 6 <= bit_rate_kbps <= 510.
Result<std::unique_ptr<Encoder>> make_opus_encoder(int sample_rate_hz, int bit_rate_kbps);

}  // namespace voxwire::audio
