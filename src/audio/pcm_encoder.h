// audio/pcm_encoder.h (internal; use encoder.h): raw s16le and WAV, which is
// the same samples behind a streaming header. Not thread-safe.
#pragma once
#include <memory>

#include "audio/encoder.h"

namespace voxwire::audio {

// REQUIRES: sample_rate_hz is in kSampleRates.
std::unique_ptr<Encoder> make_pcm_encoder(int sample_rate_hz, bool with_wav_header);

}  // namespace voxwire::audio
