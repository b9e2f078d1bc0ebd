// audio/encoder.h: turns mono int16 PCM into one output format (pcm, wav, mp3,
// opus, aac, flac), streaming: concatenating every byte appended by encode() and finish()
// yields one playable stream. One Encoder per response, from make_encoder();
// not thread-safe (distinct encoders may run on distinct threads).
#pragma once
#include <cstdint>
#include <memory>
#include <span>
#include <string>

#include "audio/audio_format.h"
#include "base/result.h"

namespace voxwire::audio {

class Encoder {
 public:
  virtual ~Encoder() = default;
  // The rate encode() expects its PCM at: config.sample_rate_hz, except Opus
  // at 22050 and 44100 Hz, which the codec cannot run at; it takes 48000 Hz
  // and records the requested rate in OpusHead.input_sample_rate.
  virtual int input_sample_rate_hz() const = 0;
  // Encodes pcm (mono, at input_sample_rate_hz()) and appends the bytes now
  // ready to *out: maybe none, since codecs work in frames. The first call
  // also emits the container header (wav header, Ogg Opus headers, FLAC
  // STREAMINFO).
  // Returns Internal if the codec library fails. REQUIRES: finish() not called.
  virtual Status encode(std::span<const int16_t> pcm, std::string* out) = 0;
  // Appends everything still buffered plus the stream's tail (last MP3
  // frames; last Opus packet, end-trimmed, on an EOS page). Also emits the
  // header if encode() never ran, so the output is a valid empty stream.
  // Returns Internal if the codec library fails. Call exactly once, last.
  virtual Status finish(std::string* out) = 0;
};

// Ok, or InvalidArgument naming the wire field at fault: "response_format"
// (not one of AudioFormat's values), "sample_rate" (not in kSampleRates) or
// "bit_rate" (outside 6..510 kbps; checked for every format, as the wire
// field has one range). Callers prefix the field with their surface's path
// (e.g. "session.").
Status validate_encoder_config(const EncoderConfig& config);

// The bit rate, in kbps, an mp3, opus or aac encoder for `config` really uses:
// mp3 maps to the nearest bit rate its MPEG version allows at that sample
// rate (ties go to the lower one); opus uses the request (libopus supports
// the whole 6..510 range); aac caps it at what an AAC frame can carry at that
// rate. 0 for pcm, wav and flac. REQUIRES: config validates.
int effective_bit_rate_kbps(const EncoderConfig& config);

// A new encoder, or the validation error above, or Internal if the codec
// library cannot be initialized.
Result<std::unique_ptr<Encoder>> make_encoder(const EncoderConfig& config);

}  // namespace voxwire::audio
