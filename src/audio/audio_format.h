// audio/audio_format.h: the output formats and rates the service offers, and
// their wire names ("pcm", "wav", "mp3", "opus"). Pure, thread-safe.
#pragma once
#include <array>
#include <optional>
#include <string_view>

namespace voxwire::audio {

enum class AudioFormat { kPcm, kWav, kMp3, kOpus };

inline constexpr std::array<int, 6> kSampleRates = {8000, 16000, 22050, 24000, 44100, 48000};

std::string_view format_name(AudioFormat f);          // "pcm" ...
std::string_view content_type(AudioFormat f);         // "audio/pcm", "audio/wav", "audio/mpeg", "audio/ogg"
std::optional<AudioFormat> parse_format(std::string_view name);  // case-insensitive
bool is_supported_sample_rate(int hz);

// What the encoder produces: mono, 16-bit where applicable.
struct EncoderConfig {
  AudioFormat format = AudioFormat::kPcm;
  int sample_rate_hz = 24000;
  int bit_rate_kbps = 128;  // mp3 and opus only
};

}  // namespace voxwire::audio
