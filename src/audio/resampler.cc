#include "audio/resampler.h"

#include <soxr.h>

#include <cmath>
#include <string>

namespace voxwire::audio {

Result<std::unique_ptr<Resampler>> Resampler::create(int input_rate_hz, int output_rate_hz) {
  for (int rate : {input_rate_hz, output_rate_hz}) {
    if (rate < 1 || rate > kMaxRateHz) {
      return Status::invalid_argument("resampler rate " + std::to_string(rate) + " Hz is out of range");
    }
  }
  soxr_t soxr = nullptr;
  if (input_rate_hz != output_rate_hz) {
    const soxr_io_spec_t io = soxr_io_spec(SOXR_FLOAT32_I, SOXR_FLOAT32_I);
    const soxr_quality_spec_t quality = soxr_quality_spec(SOXR_HQ, 0);
    // One thread: parallelism comes from running many responses at once.
    // Small DFT blocks: soxr's default (2^10 and up) holds back 40-115 ms
    // of a stream, 2^8 holds 15-55 ms, for a negligible CPU cost: realtime
    // clients hear audio sooner.
    soxr_runtime_spec_t runtime = soxr_runtime_spec(1);
    runtime.log2_min_dft_size = 8;
    runtime.log2_large_dft_size = 8;
    soxr_error_t error = nullptr;
    soxr = soxr_create(input_rate_hz, output_rate_hz, 1, &error, &io, &quality, &runtime);
    if (error != nullptr) return Status::internal(std::string("soxr_create failed: ") + error);
  }
  return std::unique_ptr<Resampler>(new Resampler(soxr, input_rate_hz, output_rate_hz));
}

Resampler::Resampler(soxr* soxr, int input_rate_hz, int output_rate_hz)
    : soxr_(soxr), input_rate_hz_(input_rate_hz), output_rate_hz_(output_rate_hz) {}

Resampler::~Resampler() {
  if (soxr_ != nullptr) soxr_delete(soxr_);
}

Status Resampler::process(std::span<const float> in, std::vector<float>* out) {
  if (in.empty()) return Status();
  if (soxr_ == nullptr) {
    out->insert(out->end(), in.begin(), in.end());
    return Status();
  }
  return drain(in.data(), in.size(), out);
}

Status Resampler::flush(std::vector<float>* out) {
  if (soxr_ == nullptr) return Status();
  return drain(nullptr, 0, out);
}

Status Resampler::drain(const float* in, size_t in_samples, std::vector<float>* out) {
  const double ratio = static_cast<double>(output_rate_hz_) / input_rate_hz_;
  // soxr may also release output it held back, so size for the new input
  // plus slack and go round again whenever the buffer comes back full; at
  // the end of input, until it has nothing left.
  const size_t capacity = static_cast<size_t>(std::ceil(static_cast<double>(in_samples) * ratio)) + 1024;
  size_t consumed = 0;
  size_t produced = 0;
  do {
    const size_t start = out->size();
    out->resize(start + capacity);
    size_t used = 0;
    soxr_error_t error = soxr_process(soxr_, in == nullptr ? nullptr : in + consumed, in_samples - consumed, &used,
                                      out->data() + start, capacity, &produced);
    out->resize(start + produced);
    if (error != nullptr) return Status::internal(std::string("soxr_process failed: ") + error);
    consumed += used;
  } while (consumed < in_samples || produced == capacity || (in == nullptr && produced > 0));
  return Status();
}

}  // namespace voxwire::audio
