#include "audio/opus_encoder.h"

#include <ogg/ogg.h>
#include <opus/opus.h>

#include <algorithm>
#include <array>
#include <random>
#include <span>
#include <string>
#include <vector>

#include "audio/byte_order.h"

namespace voxwire::audio {
namespace {

// RFC 7845 counts granule positions and pre-skip at 48 kHz whatever the
// codec rate.
constexpr int kGranuleRateHz = 48000;
constexpr int kFrameMs = 20;
// Once audio has started, pages wait for this much audio: Ogg adds 28 bytes
// or so per page, 35% of a 20 ms packet at 32 kbps but 7% of 100 ms. The
// first audio page goes out at once, so time to first audio is not affected.
constexpr int kMinPageMs = 100;
// The largest packet one Opus frame can produce (RFC 6716 §3.2.1).
constexpr int kMaxPacketBytes = 1275;

// RFC 7845 §5.1: identification header, channel mapping family 0 (mono).
std::string opus_head(int pre_skip_48k, int input_sample_rate_hz) {
  std::string head = "OpusHead";
  head.push_back(1);  // version
  head.push_back(1);  // channel count
  append_le(static_cast<uint32_t>(pre_skip_48k), 2, &head);
  append_le(static_cast<uint32_t>(input_sample_rate_hz), 4, &head);
  append_le(0, 2, &head);  // output gain
  head.push_back(0);       // mapping family
  return head;
}

// RFC 7845 §5.2: comment header with the vendor string and no comments.
std::string opus_tags() {
  const std::string vendor = opus_get_version_string();
  std::string tags = "OpusTags";
  append_le(static_cast<uint32_t>(vendor.size()), 4, &tags);
  tags += vendor;
  append_le(0, 4, &tags);  // user comment count
  return tags;
}

class OggOpusEncoder final : public Encoder {
 public:
  OggOpusEncoder(OpusEncoder* opus, int sample_rate_hz, int codec_rate_hz, int lookahead_samples)
      : opus_(opus),
        sample_rate_hz_(sample_rate_hz),
        codec_rate_hz_(codec_rate_hz),
        granule_per_sample_(kGranuleRateHz / codec_rate_hz),
        frame_samples_(codec_rate_hz * kFrameMs / 1000),
        lookahead_samples_(lookahead_samples) {
    ogg_stream_init(&stream_, static_cast<int>(std::random_device{}() & 0x7FFFFFFF));
    pending_.reserve(static_cast<size_t>(frame_samples_));
  }
  ~OggOpusEncoder() override {
    ogg_stream_clear(&stream_);
    opus_encoder_destroy(opus_);
  }
  OggOpusEncoder(const OggOpusEncoder&) = delete;
  OggOpusEncoder& operator=(const OggOpusEncoder&) = delete;

  int input_sample_rate_hz() const override { return codec_rate_hz_; }

  Status encode(std::span<const int16_t> pcm, std::string* out) override {
    if (Status s = emit_headers(out); !s.ok()) return s;
    input_samples_ += static_cast<int64_t>(pcm.size());
    if (!pending_.empty()) {
      const size_t take = std::min(pcm.size(), static_cast<size_t>(frame_samples_) - pending_.size());
      pending_.insert(pending_.end(), pcm.begin(), pcm.begin() + static_cast<std::ptrdiff_t>(take));
      pcm = pcm.subspan(take);
      if (pending_.size() < static_cast<size_t>(frame_samples_)) return Status();
      if (Status s = encode_frame(pending_.data(), /*last=*/false); !s.ok()) return s;
      pending_.clear();
    }
    for (; pcm.size() >= static_cast<size_t>(frame_samples_); pcm = pcm.subspan(static_cast<size_t>(frame_samples_))) {
      if (Status s = encode_frame(pcm.data(), /*last=*/false); !s.ok()) return s;
    }
    pending_.assign(pcm.begin(), pcm.end());
    if (unpaged_packets_ == 0 || (audio_started_ && unpaged_packets_ * kFrameMs < kMinPageMs)) return Status();
    audio_started_ = true;
    return flush_pages(out);
  }

  Status finish(std::string* out) override {
    if (Status s = emit_headers(out); !s.ok()) return s;
    // The decoder drops pre-skip (the codec's lookahead) from the front, so
    // the packets must cover lookahead + input; zeros pad the last frames
    // and the final granule position trims them off again.
    const int64_t needed = input_samples_ + lookahead_samples_;
    do {
      pending_.resize(static_cast<size_t>(frame_samples_), 0);
      const bool last = encoded_samples_ + frame_samples_ >= needed;
      if (Status s = encode_frame(pending_.data(), last); !s.ok()) return s;
      pending_.clear();
    } while (encoded_samples_ < needed);
    return flush_pages(out);
  }

 private:
  int pre_skip_48k() const { return lookahead_samples_ * granule_per_sample_; }

  Status emit_headers(std::string* out) {
    if (headers_sent_) return Status();
    headers_sent_ = true;
    // Each header sits alone on its page, and audio starts on a fresh page.
    if (Status s = add_packet(opus_head(pre_skip_48k(), sample_rate_hz_), /*granule=*/0, /*eos=*/false); !s.ok()) {
      return s;
    }
    if (Status s = flush_pages(out); !s.ok()) return s;
    if (Status s = add_packet(opus_tags(), /*granule=*/0, /*eos=*/false); !s.ok()) return s;
    return flush_pages(out);
  }

  // REQUIRES: frame holds frame_samples_ samples.
  Status encode_frame(const int16_t* frame, bool last) {
    const opus_int32 bytes = opus_encode(opus_, frame, frame_samples_, packet_.data(), kMaxPacketBytes);
    if (bytes < 0) return Status::internal(std::string("opus_encode failed: ") + opus_strerror(bytes));
    encoded_samples_ += frame_samples_;
    // The last page's granule position marks where the input ended (end
    // trimming, RFC 7845 §4.4); earlier ones count every encoded sample.
    const int64_t granule = last ? pre_skip_48k() + input_samples_ * granule_per_sample_
                                 : encoded_samples_ * granule_per_sample_;
    ++unpaged_packets_;
    return add_packet(std::string_view(reinterpret_cast<const char*>(packet_.data()), static_cast<size_t>(bytes)),
                      granule, last);
  }

  Status add_packet(std::string_view data, int64_t granule, bool eos) {
    ogg_packet packet{};
    packet.packet = reinterpret_cast<unsigned char*>(const_cast<char*>(data.data()));
    packet.bytes = static_cast<long>(data.size());
    packet.b_o_s = packet_number_ == 0 ? 1 : 0;
    packet.e_o_s = eos ? 1 : 0;
    packet.granulepos = granule;
    packet.packetno = packet_number_++;
    if (ogg_stream_packetin(&stream_, &packet) != 0) return Status::internal("ogg_stream_packetin failed");
    return Status();
  }

  // Emits every queued packet now, on as few pages as libogg allows.
  Status flush_pages(std::string* out) {
    unpaged_packets_ = 0;
    ogg_page page;
    while (ogg_stream_flush(&stream_, &page) != 0) {
      out->append(reinterpret_cast<const char*>(page.header), static_cast<size_t>(page.header_len));
      out->append(reinterpret_cast<const char*>(page.body), static_cast<size_t>(page.body_len));
    }
    if (ogg_stream_check(&stream_) != 0) return Status::internal("ogg stream in error state");
    return Status();
  }

  OpusEncoder* const opus_;
  const int sample_rate_hz_;       // requested; recorded in OpusHead
  const int codec_rate_hz_;        // what opus_ runs at
  const int granule_per_sample_;   // 48 kHz units per codec sample
  const int frame_samples_;        // at codec_rate_hz_
  const int lookahead_samples_;    // at codec_rate_hz_
  ogg_stream_state stream_{};
  bool headers_sent_ = false;
  int64_t packet_number_ = 0;
  int64_t input_samples_ = 0;      // accepted so far, at codec_rate_hz_
  int64_t encoded_samples_ = 0;    // in packets so far, at codec_rate_hz_
  int unpaged_packets_ = 0;        // encoded but not yet on an emitted page
  bool audio_started_ = false;     // an audio page has been emitted
  std::vector<int16_t> pending_;   // less than one frame
  std::array<unsigned char, kMaxPacketBytes> packet_{};
};

}  // namespace

int opus_codec_rate_hz(int sample_rate_hz) {
  switch (sample_rate_hz) {
    case 8000:
    case 12000:
    case 16000:
    case 24000:
    case 48000:
      return sample_rate_hz;
    default:
      return kGranuleRateHz;
  }
}

Result<std::unique_ptr<Encoder>> make_opus_encoder(int sample_rate_hz, int bit_rate_kbps) {
  const int codec_rate_hz = opus_codec_rate_hz(sample_rate_hz);
  int error = OPUS_OK;
  OpusEncoder* opus = opus_encoder_create(codec_rate_hz, 1, OPUS_APPLICATION_AUDIO, &error);
  if (opus == nullptr || error != OPUS_OK) {
    return Status::internal(std::string("opus_encoder_create failed: ") + opus_strerror(error));
  }
  opus_int32 lookahead = 0;
  const int rc[] = {
      opus_encoder_ctl(opus, OPUS_SET_BITRATE(bit_rate_kbps * 1000)),
      opus_encoder_ctl(opus, OPUS_SET_VBR(0)),
      opus_encoder_ctl(opus, OPUS_SET_SIGNAL(OPUS_SIGNAL_VOICE)),
      opus_encoder_ctl(opus, OPUS_GET_LOOKAHEAD(&lookahead)),
  };
  for (int r : rc) {
    if (r != OPUS_OK) {
      opus_encoder_destroy(opus);
      return Status::internal(std::string("opus_encoder_ctl failed: ") + opus_strerror(r));
    }
  }
  return std::unique_ptr<Encoder>(
      std::make_unique<OggOpusEncoder>(opus, sample_rate_hz, codec_rate_hz, static_cast<int>(lookahead)));
}

}  // namespace voxwire::audio
