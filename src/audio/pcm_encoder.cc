#include "audio/pcm_encoder.h"

#include <bit>
#include <cstring>

#include "audio/wav_header.h"

namespace voxwire::audio {
namespace {

void append_s16le(std::span<const int16_t> pcm, std::string* out) {
  if (pcm.empty()) return;  // data() may be null, which memcpy must not see
  const size_t start = out->size();
  out->resize(start + pcm.size_bytes());
  char* dst = out->data() + start;
  if constexpr (std::endian::native == std::endian::little) {
    std::memcpy(dst, pcm.data(), pcm.size_bytes());
  } else {
    for (int16_t s : pcm) {
      const auto u = static_cast<uint16_t>(s);
      *dst++ = static_cast<char>(u & 0xFF);
      *dst++ = static_cast<char>(u >> 8);
    }
  }
}

class PcmEncoder final : public Encoder {
 public:
  PcmEncoder(int sample_rate_hz, bool with_wav_header)
      : sample_rate_hz_(sample_rate_hz), header_pending_(with_wav_header) {}

  int input_sample_rate_hz() const override { return sample_rate_hz_; }

  Status encode(std::span<const int16_t> pcm, std::string* out) override {
    emit_header(out);
    append_s16le(pcm, out);
    return Status();
  }

  Status finish(std::string* out) override {
    emit_header(out);
    return Status();
  }

 private:
  void emit_header(std::string* out) {
    if (!header_pending_) return;
    *out += wav_header(sample_rate_hz_);
    header_pending_ = false;
  }

  const int sample_rate_hz_;
  bool header_pending_;
};

}  // namespace

std::unique_ptr<Encoder> make_pcm_encoder(int sample_rate_hz, bool with_wav_header) {
  return std::make_unique<PcmEncoder>(sample_rate_hz, with_wav_header);
}

}  // namespace voxwire::audio
