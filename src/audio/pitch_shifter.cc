#include "audio/pitch_shifter.h"

#include <rubberband/RubberBandStretcher.h>

#include <algorithm>
#include <cmath>

namespace voxwire::audio {

using RubberBand::RubberBandStretcher;

struct PitchShifter::Impl {
  Impl(int rate, double factor)
      : stretcher(static_cast<std::size_t>(rate), 1,
                  RubberBandStretcher::OptionProcessRealTime | RubberBandStretcher::OptionEngineFaster |
                      RubberBandStretcher::OptionFormantPreserved | RubberBandStretcher::OptionPitchHighQuality,
                  1.0, factor) {
    // Real-time mode leaves latency compensation to us: prime with the
    // preferred padding, then drop the start delay from the output.
    std::vector<float> pad(stretcher.getPreferredStartPad(), 0.0f);
    feed(pad, false);
    to_skip = stretcher.getStartDelay();
  }

  void feed(std::span<const float> in, bool final) {
    const float* channels[1] = {in.data()};
    stretcher.process(channels, in.size(), final);
  }

  // Moves what the stretcher has ready to out, as int16, up to `limit` samples.
  void drain(std::vector<int16_t>* out, std::size_t limit) {
    for (int ready = stretcher.available(); ready > 0 && emitted < limit; ready = stretcher.available()) {
      buffer.resize(static_cast<std::size_t>(ready));
      float* channels[1] = {buffer.data()};
      std::size_t got = stretcher.retrieve(channels, buffer.size());
      for (std::size_t i = 0; i < got; ++i) {
        if (to_skip > 0) {
          --to_skip;
          continue;
        }
        if (emitted == limit) break;
        float v = std::clamp(buffer[i], -1.0f, 1.0f) * 32767.0f;
        out->push_back(static_cast<int16_t>(std::lround(v)));
        ++emitted;
      }
    }
  }

  RubberBandStretcher stretcher;
  std::vector<float> buffer;
  std::vector<float> input;
  std::size_t to_skip = 0;
  std::size_t consumed = 0;  // input samples
  std::size_t emitted = 0;   // output samples
};

PitchShifter::PitchShifter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PitchShifter::~PitchShifter() = default;

Result<std::unique_ptr<PitchShifter>> PitchShifter::create(int sample_rate_hz, double factor) {
  if (!(factor >= 0.25 && factor <= 4.0)) return Status::invalid_argument("pitch factor must be 0.25..4", "pitch");
  if (sample_rate_hz < 8000 || sample_rate_hz > 192000) {
    return Status::invalid_argument("sample rate must be 8000..192000", "sample_rate");
  }
  return std::unique_ptr<PitchShifter>(new PitchShifter(std::make_unique<Impl>(sample_rate_hz, factor)));
}

void PitchShifter::process(std::span<const int16_t> in, std::vector<int16_t>* out) {
  impl_->input.resize(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) impl_->input[i] = in[i] / 32768.0f;
  // Rubber Band takes at most its maximum process size per call.
  std::size_t step = std::max<std::size_t>(1, impl_->stretcher.getSamplesRequired());
  step = std::max<std::size_t>(step, 1024);
  for (std::size_t at = 0; at < in.size(); at += step) {
    std::size_t n = std::min(step, in.size() - at);
    impl_->feed(std::span<const float>(impl_->input).subspan(at, n), false);
    impl_->consumed += n;
    impl_->drain(out, impl_->consumed);
  }
}

void PitchShifter::finish(std::vector<int16_t>* out) {
  impl_->feed({}, true);
  impl_->drain(out, impl_->consumed);
  // Whatever the stretcher kept back is replaced by silence so the lengths match.
  out->insert(out->end(), impl_->consumed - impl_->emitted, 0);
  impl_->emitted = impl_->consumed;
}

}  // namespace voxwire::audio
