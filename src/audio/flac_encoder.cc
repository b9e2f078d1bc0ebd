#include "audio/flac_encoder.h"

#include <FLAC/stream_encoder.h>

#include <span>
#include <string>
#include <vector>

namespace voxwire::audio {
namespace {

constexpr unsigned kCompressionLevel = 5;  // libFLAC's default: 4096-sample blocks
constexpr unsigned kBitsPerSample = 16;

class FlacEncoder final : public Encoder {
 public:
  FlacEncoder(FLAC__StreamEncoder* flac, int sample_rate_hz) : flac_(flac), sample_rate_hz_(sample_rate_hz) {}
  ~FlacEncoder() override { FLAC__stream_encoder_delete(flac_); }  // finishes first if finish() never ran
  FlacEncoder(const FlacEncoder&) = delete;
  FlacEncoder& operator=(const FlacEncoder&) = delete;

  // Writes the stream header (to written_) through the callback.
  // REQUIRES: called once, before anything else; `this` does not move.
  Status start() {
    const FLAC__StreamEncoderInitStatus rc = FLAC__stream_encoder_init_stream(
        flac_, &FlacEncoder::write, /*seek=*/nullptr, /*tell=*/nullptr, /*metadata=*/nullptr, this);
    if (rc != FLAC__STREAM_ENCODER_INIT_STATUS_OK) {
      return Status::internal(std::string("FLAC__stream_encoder_init_stream failed: ") +
                              FLAC__StreamEncoderInitStatusString[rc]);
    }
    return Status();
  }

  int input_sample_rate_hz() const override { return sample_rate_hz_; }

  Status encode(std::span<const int16_t> pcm, std::string* out) override {
    samples_.assign(pcm.begin(), pcm.end());
    if (!samples_.empty() &&
        !FLAC__stream_encoder_process_interleaved(flac_, samples_.data(), static_cast<unsigned>(samples_.size()))) {
      return failure("FLAC__stream_encoder_process_interleaved");
    }
    move_written(out);
    return Status();
  }

  Status finish(std::string* out) override {
    if (!FLAC__stream_encoder_finish(flac_)) return failure("FLAC__stream_encoder_finish");
    move_written(out);
    return Status();
  }

 private:
  static FLAC__StreamEncoderWriteStatus write(const FLAC__StreamEncoder*, const FLAC__byte buffer[], size_t bytes,
                                              uint32_t /*samples*/, uint32_t /*current_frame*/, void* client_data) {
    static_cast<FlacEncoder*>(client_data)->written_.append(reinterpret_cast<const char*>(buffer), bytes);
    return FLAC__STREAM_ENCODER_WRITE_STATUS_OK;
  }

  void move_written(std::string* out) {
    out->append(written_);
    written_.clear();
  }

  Status failure(const std::string& call) const {
    return Status::internal(call + " failed: " +
                            FLAC__StreamEncoderStateString[FLAC__stream_encoder_get_state(flac_)]);
  }

  FLAC__StreamEncoder* const flac_;
  const int sample_rate_hz_;
  std::vector<FLAC__int32> samples_;  // the current call's input, widened as libFLAC wants it
  std::string written_;               // what the write callback produced since the last call
};

}  // namespace

Result<std::unique_ptr<Encoder>> make_flac_encoder(int sample_rate_hz) {
  FLAC__StreamEncoder* flac = FLAC__stream_encoder_new();
  if (flac == nullptr) return Status::internal("FLAC__stream_encoder_new failed");
  auto encoder = std::make_unique<FlacEncoder>(flac, sample_rate_hz);  // owns flac from here on
  const bool configured = FLAC__stream_encoder_set_channels(flac, 1) &&
                          FLAC__stream_encoder_set_bits_per_sample(flac, kBitsPerSample) &&
                          FLAC__stream_encoder_set_sample_rate(flac, static_cast<unsigned>(sample_rate_hz)) &&
                          FLAC__stream_encoder_set_compression_level(flac, kCompressionLevel) &&
                          FLAC__stream_encoder_set_streamable_subset(flac, true);
  if (!configured) return Status::internal("libFLAC rejected the encoder settings");
  if (Status s = encoder->start(); !s.ok()) return s;
  return std::unique_ptr<Encoder>(std::move(encoder));
}

}  // namespace voxwire::audio
