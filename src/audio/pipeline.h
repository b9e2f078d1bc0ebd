// audio/pipeline.h: the one path from engine PCM to the bytes a client
// receives, used by every surface: resampling to the requested rate (libsoxr)
// -> gain (volume, with a limiter, last so nothing clips) -> encoding.
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
  // none: resamplers and codecs buffer). InvalidArgument if sample_rate_hz is
  // outside 1..384000, Internal if a library fails. REQUIRES: finish() not
  // yet called.
  virtual Status push(std::span<const int16_t> pcm, int sample_rate_hz, std::string* out) = 0;
  // Flushes everything buffered and appends the tail. Call exactly once, last.
  virtual Status finish(std::string* out) = 0;
  // Seconds of audio produced so far at the output rate: what reached the
  // encoder. Up to ~60 ms pushed but still in the resampler and limiter is
  // not counted until later pushes or finish() release it.
  virtual double seconds() const = 0;
};

// Ok, or InvalidArgument naming the wire field at fault: "response_format",
// "sample_rate", "bit_rate" (6..510) or "volume" (0..100). Lets a surface
// reject a configuration before any audio exists.
Status validate_pipeline_config(const PipelineConfig& config);

// InvalidArgument (naming the field) as above; Internal if a codec library
// cannot be initialized.
Result<std::unique_ptr<AudioPipeline>> make_pipeline(const PipelineConfig& config);

}  // namespace voxwire::audio
