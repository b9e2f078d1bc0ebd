#include "audio/pipeline.h"

#include <string>
#include <vector>

#include "audio/encoder.h"
#include "audio/gain.h"
#include "audio/resampler.h"

namespace voxwire::audio {
namespace {

class Pipeline final : public AudioPipeline {
 public:
  Pipeline(std::unique_ptr<Encoder> encoder, int volume)
      : encoder_(std::move(encoder)), gain_(volume, encoder_->input_sample_rate_hz()) {}

  Status push(std::span<const int16_t> pcm, int sample_rate_hz, std::string* out) override {
    if (finished_) return Status::internal("AudioPipeline::push after finish");
    if (resampler_ == nullptr || resampler_->input_rate_hz() != sample_rate_hz) {
      // A new engine rate: drain the old resampler first, so every sample
      // it holds comes out exactly once, ahead of the new rate's output.
      if (Status s = flush_resampler(); !s.ok()) return s;
      auto resampler = Resampler::create(sample_rate_hz, encoder_->input_sample_rate_hz());
      if (!resampler.ok()) return resampler.status();
      resampler_ = std::move(resampler).value();
    }
    input_.resize(pcm.size());
    for (size_t i = 0; i < pcm.size(); ++i) input_[i] = static_cast<float>(pcm[i]) * (1.0f / 32768.0f);
    if (Status s = resampler_->process(input_, &resampled_); !s.ok()) return s;
    limit_resampled();
    return encode_limited(out);
  }

  Status finish(std::string* out) override {
    if (finished_) return Status::internal("AudioPipeline::finish called twice");
    finished_ = true;
    if (Status s = flush_resampler(); !s.ok()) return s;
    limit_resampled();
    gain_.flush(&limited_);
    if (Status s = encode_limited(out); !s.ok()) return s;
    return encoder_->finish(out);
  }

  double seconds() const override {
    return static_cast<double>(samples_out_) / encoder_->input_sample_rate_hz();
  }

 private:
  // Leaves the resampler's tail in resampled_ and no resampler.
  Status flush_resampler() {
    if (resampler_ == nullptr) return Status();
    Status s = resampler_->flush(&resampled_);
    resampler_.reset();
    return s;
  }

  void limit_resampled() {
    gain_.process(resampled_, &limited_);
    resampled_.clear();
  }

  Status encode_limited(std::string* out) {
    Status s = encoder_->encode(limited_, out);
    samples_out_ += static_cast<int64_t>(limited_.size());
    limited_.clear();
    return s;
  }

  const std::unique_ptr<Encoder> encoder_;
  GainStage gain_;                         // runs at the encoder's input rate
  std::unique_ptr<Resampler> resampler_;   // for the current engine rate
  bool finished_ = false;
  int64_t samples_out_ = 0;                // handed to the encoder
  // Scratch buffers, kept to avoid reallocating on every push.
  std::vector<float> input_;
  std::vector<float> resampled_;
  std::vector<int16_t> limited_;
};

}  // namespace

Status validate_pipeline_config(const PipelineConfig& config) {
  if (Status s = validate_encoder_config(config.encoder); !s.ok()) return s;
  if (config.volume < 0 || config.volume > 100) {
    return Status::invalid_argument("volume " + std::to_string(config.volume) + " is outside [0, 100]", "volume");
  }
  return Status();
}

Result<std::unique_ptr<AudioPipeline>> make_pipeline(const PipelineConfig& config) {
  if (Status s = validate_pipeline_config(config); !s.ok()) return s;
  auto encoder = make_encoder(config.encoder);
  if (!encoder.ok()) return encoder.status();
  return std::unique_ptr<AudioPipeline>(std::make_unique<Pipeline>(std::move(encoder).value(), config.volume));
}

}  // namespace voxwire::audio
