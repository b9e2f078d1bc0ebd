// audio/pipeline.h: the one path from engine PCM to the bytes a client
// receives, used by every surface: gain (volume, with a limiter) -> resampling
// to the requested rate (libsoxr) -> encoding (pcm, wav, mp3, opus).
// One AudioPipeline per response; not thread-safe.
#pragma once
#include <cstdint>
#include <memory>
#include <span>
#include <string>

#include "audio/audio_format.h"
#include "base/result.h"

namespace voxwire::audio {

struct PipelineConfig {
  EncoderConfig encoder;  // output format, rate, bit rate
  int volume = 50;        // 0..100; 50 is unity gain
};

class AudioPipeline {
 public:
  virtual ~AudioPipeline() = default;
  // Accepts mono int16 PCM at sample_rate_hz; the rate may differ from one
  // call to the next (engines differ). Appends encoded bytes to *out (maybe
  // none: resamplers and codecs buffer). REQUIRES: finish() not yet called.
  virtual Status push(std::span<const int16_t> pcm, int sample_rate_hz, std::string* out) = 0;
  // Flushes everything buffered and appends the tail. Call exactly once, last.
  virtual Status finish(std::string* out) = 0;
  // Seconds of audio produced so far at the output rate.
  virtual double seconds() const = 0;
};

// InvalidArgument (naming the field) for an unsupported rate, bit rate or volume.
Result<std::unique_ptr<AudioPipeline>> make_pipeline(const PipelineConfig& config);

}  // namespace voxwire::audio
