// audio/flac_encoder.h (internal; use encoder.h): FLAC through libFLAC's
// stream encoder, mono 16-bit, compression level 5, written through a write
// callback as each 4096-sample block completes. A stream cannot seek back,
// so STREAMINFO leaves the total sample count and MD5 unset ("unknown"), as
// any streamed FLAC does. Not thread-safe.
#pragma once
#include <memory>

#include "audio/encoder.h"

namespace voxwire::audio {

// Internal if libFLAC cannot set up the encoder.
// REQUIRES: sample_rate_hz is in kSampleRates.
Result<std::unique_ptr<Encoder>> make_flac_encoder(int sample_rate_hz);

}  // namespace voxwire::audio
