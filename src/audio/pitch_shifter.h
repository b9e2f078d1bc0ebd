// audio/pitch_shifter.h: moves pitch by a constant factor without changing
// duration, keeping the spectral envelope (formants) where it was: Rubber
// Band's R2 engine in real-time mode, streaming. Engines use it for the part
// of a requested F0 they cannot reach themselves. One per stream; not
// thread-safe.
#pragma once
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "base/result.h"

namespace voxwire::audio {

class PitchShifter {
 public:
  // InvalidArgument unless 0.25 <= factor <= 4 and 8000 <= rate <= 192000.
  static Result<std::unique_ptr<PitchShifter>> create(int sample_rate_hz, double factor);
  ~PitchShifter();

  // Appends the shifted audio that is ready (it lags the input by the
  // shifter's latency).
  void process(std::span<const int16_t> in, std::vector<int16_t>* out);
  // Appends the rest. Afterwards exactly as many samples came out as went in.
  // Call once, last.
  void finish(std::vector<int16_t>* out);

 private:
  struct Impl;
  explicit PitchShifter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace voxwire::audio
