// audio/mp3_encoder.h (internal; use encoder.h): MPEG audio layer III via
// LAME, mono CBR, no Xing/LAME tag and no ID3 tags (a stream cannot go back
// to fill them in), so decoders keep LAME's 1105-sample start delay and up
// to a frame of end padding, as with any streamed MP3. Not thread-safe.
#pragma once
#include <memory>

#include "audio/encoder.h"

namespace voxwire::audio {

// The CBR bit rate nearest requested_kbps among those the MPEG version for
// sample_rate_hz allows (ties go to the lower): MPEG-1 (32..48 kHz) 32..320,
// MPEG-2 (16..24 kHz) 8..160, MPEG-2.5 (8 kHz) 8..64 (LAME's limit).
// REQUIRES: sample_rate_hz is in kSampleRates.
int mp3_bit_rate_kbps(int sample_rate_hz, int requested_kbps);

// Internal if LAME rejects the parameters.
// REQUIRES: sample_rate_hz is in kSampleRates.
Result<std::unique_ptr<Encoder>> make_mp3_encoder(int sample_rate_hz, int requested_kbps);

}  // namespace voxwire::audio
