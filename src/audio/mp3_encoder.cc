#include "audio/mp3_encoder.h"

#include <lame/lame.h>

#include <algorithm>
#include <array>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <span>
#include <string>

#include "base/log.h"

namespace voxwire::audio {
namespace {

constexpr std::array<int, 14> kMpeg1Kbps = {32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320};
constexpr std::array<int, 14> kMpeg2Kbps = {8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160};
constexpr std::array<int, 8> kMpeg25Kbps = {8, 16, 24, 32, 40, 48, 56, 64};

// LAME accepts any input length per call; bounding it bounds the output
// buffer, whose worst case LAME documents as 1.25 * samples + 7200 bytes.
constexpr int kMaxSamplesPerCall = 4096;
constexpr int kMp3BufferBytes = kMaxSamplesPerCall * 5 / 4 + 7200;

std::span<const int> allowed_kbps(int sample_rate_hz) {
  if (sample_rate_hz >= 32000) return kMpeg1Kbps;
  if (sample_rate_hz >= 16000) return kMpeg2Kbps;
  return kMpeg25Kbps;
}

// LAME reports through printf-style callbacks; its errors go to our log and
// its chatter is dropped.
void lame_error(const char* format, va_list args) {
  char message[256];
  std::vsnprintf(message, sizeof message, format, args);
  log::warn("lame_error", {{"message", message}});
}
void lame_quiet(const char*, va_list) {}

class Mp3Encoder final : public Encoder {
 public:
  Mp3Encoder(lame_t lame, int sample_rate_hz) : lame_(lame), sample_rate_hz_(sample_rate_hz) {}
  ~Mp3Encoder() override { lame_close(lame_); }
  Mp3Encoder(const Mp3Encoder&) = delete;
  Mp3Encoder& operator=(const Mp3Encoder&) = delete;

  int input_sample_rate_hz() const override { return sample_rate_hz_; }

  Status encode(std::span<const int16_t> pcm, std::string* out) override {
    while (!pcm.empty()) {
      const auto n = std::min<size_t>(pcm.size(), kMaxSamplesPerCall);
      // LAME wants non-const pointers but does not write through them; in
      // mono it reads only the left channel.
      auto* samples = const_cast<short*>(pcm.data());
      const int bytes = lame_encode_buffer(lame_, samples, samples, static_cast<int>(n), buffer_.data(),
                                           static_cast<int>(buffer_.size()));
      if (bytes < 0) return Status::internal("lame_encode_buffer failed: " + std::to_string(bytes));
      out->append(reinterpret_cast<const char*>(buffer_.data()), static_cast<size_t>(bytes));
      pcm = pcm.subspan(n);
    }
    return Status();
  }

  Status finish(std::string* out) override {
    const int bytes = lame_encode_flush(lame_, buffer_.data(), static_cast<int>(buffer_.size()));
    if (bytes < 0) return Status::internal("lame_encode_flush failed: " + std::to_string(bytes));
    out->append(reinterpret_cast<const char*>(buffer_.data()), static_cast<size_t>(bytes));
    return Status();
  }

 private:
  const lame_t lame_;
  const int sample_rate_hz_;
  std::array<unsigned char, kMp3BufferBytes> buffer_{};
};

}  // namespace

int mp3_bit_rate_kbps(int sample_rate_hz, int requested_kbps) {
  int best = 0;
  for (int kbps : allowed_kbps(sample_rate_hz)) {
    if (best == 0 || std::abs(kbps - requested_kbps) < std::abs(best - requested_kbps)) best = kbps;
  }
  return best;
}

Result<std::unique_ptr<Encoder>> make_mp3_encoder(int sample_rate_hz, int requested_kbps) {
  // lame_init() fills a process-wide table (init_log_table) behind an
  // unlocked flag; encoders set up on worker threads must take turns.
  static std::mutex setup_mutex;
  std::lock_guard<std::mutex> lock(setup_mutex);
  lame_t lame = lame_init();
  if (lame == nullptr) return Status::internal("lame_init failed");
  lame_set_errorf(lame, lame_error);
  lame_set_debugf(lame, lame_quiet);
  lame_set_msgf(lame, lame_quiet);
  lame_set_in_samplerate(lame, sample_rate_hz);
  lame_set_out_samplerate(lame, sample_rate_hz);  // else LAME may downsample at low bit rates
  lame_set_num_channels(lame, 1);
  lame_set_mode(lame, MONO);
  lame_set_VBR(lame, vbr_off);
  lame_set_brate(lame, mp3_bit_rate_kbps(sample_rate_hz, requested_kbps));
  lame_set_bWriteVbrTag(lame, 0);  // its placeholder frame would decode as silence
  lame_set_write_id3tag_automatic(lame, 0);
  lame_set_findReplayGain(lame, 0);
  if (const int rc = lame_init_params(lame); rc < 0) {
    lame_close(lame);
    return Status::internal("lame_init_params failed: " + std::to_string(rc));
  }
  return std::unique_ptr<Encoder>(std::make_unique<Mp3Encoder>(lame, sample_rate_hz));
}

}  // namespace voxwire::audio
