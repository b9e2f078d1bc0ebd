// audio/resampler.h: streaming sample-rate conversion of mono float PCM with
// libsoxr at its "high quality" recipe (20-bit, linear phase, flat to 91.3%
// of the lower Nyquist, stopband from that Nyquist on: nothing aliases).
// Equal rates pass samples through untouched. One per stream; not thread-safe.
#pragma once
#include <memory>
#include <span>
#include <vector>

#include "base/result.h"

struct soxr;  // libsoxr's handle, kept out of this header

namespace voxwire::audio {

class Resampler {
 public:
  // Highest rate accepted on either side, far above any engine or output.
  static constexpr int kMaxRateHz = 384000;

  // InvalidArgument if a rate is outside 1..kMaxRateHz; Internal if libsoxr
  // cannot set up the conversion.
  static Result<std::unique_ptr<Resampler>> create(int input_rate_hz, int output_rate_hz);
  ~Resampler();
  Resampler(const Resampler&) = delete;
  Resampler& operator=(const Resampler&) = delete;

  int input_rate_hz() const { return input_rate_hz_; }
  int output_rate_hz() const { return output_rate_hz_; }

  // Appends the output now available to *out; libsoxr holds back up to
  // ~60 ms (its filter and DFT block), which later input or flush()
  // releases. Internal if libsoxr fails.
  // REQUIRES: flush() not called.
  Status process(std::span<const float> in, std::vector<float>* out);
  // Appends the held-back output. Afterwards the total output is the total
  // input times output/input rate, rounded. Internal if libsoxr fails.
  // Call once, last.
  Status flush(std::vector<float>* out);

 private:
  Resampler(soxr* soxr, int input_rate_hz, int output_rate_hz);
  // One soxr_process loop; a null `in` marks the end of the input.
  Status drain(const float* in, size_t in_samples, std::vector<float>* out);

  soxr* const soxr_;  // null when the rates are equal
  const int input_rate_hz_;
  const int output_rate_hz_;
};

}  // namespace voxwire::audio
