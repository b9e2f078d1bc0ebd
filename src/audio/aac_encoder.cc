#include "audio/aac_encoder.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavutil/channel_layout.h>
#include <libavutil/error.h>
#include <libavutil/frame.h>
}

#include <algorithm>
#include <array>
#include <span>
#include <string>

namespace voxwire::audio {
namespace {

constexpr int kAdtsHeaderBytes = 7;
constexpr int kMaxAdtsFrameBytes = (1 << 13) - 1;  // frame_length is 13 bits
constexpr int kMaxBitsPerFramePerChannel = 6144;    // ISO/IEC 14496-3 decoder buffer
constexpr int kSamplesPerFrame = 1024;
// ADTS profile field: audio object type - 1 (AAC-LC is object type 2).
constexpr int kAdtsProfileLc = 1;
constexpr int kMonoChannelConfig = 1;

// ISO/IEC 14496-3 sampling_frequency_index. REQUIRES: hz is in kSampleRates.
int sampling_frequency_index(int hz) {
  constexpr std::array<int, 12> kRates = {96000, 88200, 64000, 48000, 44100, 32000,
                                          24000, 22050, 16000, 12000, 11025, 8000};
  return static_cast<int>(std::find(kRates.begin(), kRates.end(), hz) - kRates.begin());
}

// The 7-byte ADTS header (MPEG-4, no CRC, VBR fullness) for a raw access unit
// of payload_bytes.
std::array<char, kAdtsHeaderBytes> adts_header(int frequency_index, int payload_bytes) {
  const int length = payload_bytes + kAdtsHeaderBytes;
  return {static_cast<char>(0xFF),
          static_cast<char>(0xF1),  // sync, MPEG-4, layer 0, protection absent
          static_cast<char>((kAdtsProfileLc << 6) | (frequency_index << 2) | (kMonoChannelConfig >> 2)),
          static_cast<char>(((kMonoChannelConfig & 3) << 6) | ((length >> 11) & 3)),
          static_cast<char>((length >> 3) & 0xFF),
          static_cast<char>(((length & 7) << 5) | 0x1F),  // buffer fullness 0x7FF: variable rate
          static_cast<char>(0xFC)};                       // one raw data block
}

std::string av_error(int code) {
  char text[AV_ERROR_MAX_STRING_SIZE] = {};
  av_strerror(code, text, sizeof text);
  return text;
}

class AacEncoder final : public Encoder {
 public:
  AacEncoder(AVCodecContext* codec, AVFrame* frame, AVPacket* packet, int sample_rate_hz)
      : codec_(codec), frame_(frame), packet_(packet), sample_rate_hz_(sample_rate_hz),
        frequency_index_(sampling_frequency_index(sample_rate_hz)) {}
  ~AacEncoder() override {
    av_packet_free(&packet_);
    av_frame_free(&frame_);
    avcodec_free_context(&codec_);
  }
  AacEncoder(const AacEncoder&) = delete;
  AacEncoder& operator=(const AacEncoder&) = delete;

  int input_sample_rate_hz() const override { return sample_rate_hz_; }

  Status encode(std::span<const int16_t> pcm, std::string* out) override {
    while (!pcm.empty()) {
      const auto take = std::min<size_t>(pcm.size(), static_cast<size_t>(kSamplesPerFrame - filled_));
      if (filled_ == 0) {
        if (const int rc = av_frame_make_writable(frame_); rc < 0) {
          return Status::internal("av_frame_make_writable failed: " + av_error(rc));
        }
      }
      auto* samples = reinterpret_cast<float*>(frame_->data[0]);
      for (size_t i = 0; i < take; ++i) samples[filled_ + static_cast<int>(i)] = pcm[i] / 32768.0f;
      filled_ += static_cast<int>(take);
      pcm = pcm.subspan(take);
      if (filled_ < kSamplesPerFrame) break;
      if (Status s = send(frame_, out); !s.ok()) return s;
    }
    return Status();
  }

  Status finish(std::string* out) override {
    if (filled_ > 0) {  // pad the last frame with silence: ADTS has no way to trim it
      auto* samples = reinterpret_cast<float*>(frame_->data[0]);
      std::fill(samples + filled_, samples + kSamplesPerFrame, 0.0f);
      if (Status s = send(frame_, out); !s.ok()) return s;
    }
    return send(nullptr, out);  // drains the encoder's delay
  }

 private:
  // Sends one full frame (or nullptr to flush) and appends every packet the
  // codec then has ready, each in an ADTS frame.
  Status send(AVFrame* frame, std::string* out) {
    if (frame != nullptr) {
      frame->pts = next_pts_;
      next_pts_ += kSamplesPerFrame;
      filled_ = 0;
    }
    if (const int rc = avcodec_send_frame(codec_, frame); rc < 0) {
      return Status::internal("avcodec_send_frame failed: " + av_error(rc));
    }
    for (;;) {
      const int rc = avcodec_receive_packet(codec_, packet_);
      if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF) return Status();
      if (rc < 0) return Status::internal("avcodec_receive_packet failed: " + av_error(rc));
      if (packet_->size + kAdtsHeaderBytes > kMaxAdtsFrameBytes) {
        av_packet_unref(packet_);
        return Status::internal("AAC packet too large for ADTS");
      }
      const auto header = adts_header(frequency_index_, packet_->size);
      out->append(header.data(), header.size());
      out->append(reinterpret_cast<const char*>(packet_->data), static_cast<size_t>(packet_->size));
      av_packet_unref(packet_);
    }
  }

  AVCodecContext* codec_;
  AVFrame* frame_;    // the frame being filled: filled_ of kSamplesPerFrame samples
  AVPacket* packet_;
  const int sample_rate_hz_;
  const int frequency_index_;
  int filled_ = 0;
  int64_t next_pts_ = 0;
};

}  // namespace

int aac_bit_rate_kbps(int sample_rate_hz, int requested_kbps) {
  const int max_kbps = kMaxBitsPerFramePerChannel * sample_rate_hz / kSamplesPerFrame / 1000;
  return std::min(requested_kbps, max_kbps);
}

Result<std::unique_ptr<Encoder>> make_aac_encoder(int sample_rate_hz, int requested_kbps) {
  const AVCodec* aac = avcodec_find_encoder_by_name("aac");
  if (aac == nullptr) return Status::internal("libavcodec has no aac encoder");
  AVCodecContext* codec = avcodec_alloc_context3(aac);
  AVFrame* frame = av_frame_alloc();
  AVPacket* packet = av_packet_alloc();
  auto fail = [&](const std::string& what, int rc) -> Status {
    av_packet_free(&packet);
    av_frame_free(&frame);
    avcodec_free_context(&codec);
    return Status::internal(what + " failed: " + av_error(rc));
  };
  if (codec == nullptr || frame == nullptr || packet == nullptr) return fail("allocation", AVERROR(ENOMEM));
  codec->sample_fmt = AV_SAMPLE_FMT_FLTP;
  codec->sample_rate = sample_rate_hz;
  codec->time_base = AVRational{1, sample_rate_hz};
  codec->bit_rate = int64_t{aac_bit_rate_kbps(sample_rate_hz, requested_kbps)} * 1000;
  codec->profile = FF_PROFILE_AAC_LOW;
  av_channel_layout_default(&codec->ch_layout, 1);
  if (const int rc = avcodec_open2(codec, aac, nullptr); rc < 0) return fail("avcodec_open2", rc);
  if (codec->frame_size != kSamplesPerFrame) return fail("aac frame size", AVERROR(EINVAL));
  frame->format = AV_SAMPLE_FMT_FLTP;
  frame->sample_rate = sample_rate_hz;
  frame->nb_samples = kSamplesPerFrame;
  if (const int rc = av_channel_layout_copy(&frame->ch_layout, &codec->ch_layout); rc < 0) {
    return fail("av_channel_layout_copy", rc);
  }
  if (const int rc = av_frame_get_buffer(frame, 0); rc < 0) return fail("av_frame_get_buffer", rc);
  return std::unique_ptr<Encoder>(std::make_unique<AacEncoder>(codec, frame, packet, sample_rate_hz));
}

}  // namespace voxwire::audio
