// audio/aac_encoder.h (internal; use encoder.h): AAC-LC through libavcodec's
// native "aac" encoder, mono, each 1024-sample access unit in its own ADTS
// frame, so the stream plays while it arrives. Decoders keep the codec's
// 1024-sample priming and up to a frame of end padding (ADTS cannot say to
// trim them). Not thread-safe.
#pragma once
#include <memory>

#include "audio/encoder.h"

namespace voxwire::audio {

// The bit rate the encoder uses for a request: the request, capped at what one
// AAC frame may carry at sample_rate_hz (6144 bits per 1024 samples per channel).
// REQUIRES: sample_rate_hz is in kSampleRates.
int aac_bit_rate_kbps(int sample_rate_hz, int requested_kbps);

// Internal if libavcodec has no "aac" encoder or rejects the parameters.
// REQUIRES: sample_rate_hz is in kSampleRates; requested_kbps > 0.
Result<std::unique_ptr<Encoder>> make_aac_encoder(int sample_rate_hz, int requested_kbps);

}  // namespace voxwire::audio
