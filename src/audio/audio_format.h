// audio/audio_format.h: the output formats and rates the service offers, and
// their wire names ("pcm", "wav", "mp3", "opus", "aac", "flac"). The DashScope
// surfaces offer only kDashScopeFormats; aac and flac are the OpenAI
// endpoint's. Pure, thread-safe.
#pragma once
#include <array>
#include <optional>
#include <string_view>

namespace voxwire::audio {

enum class AudioFormat { kPcm, kWav, kMp3, kOpus, kAac, kFlac };

inline constexpr std::array<AudioFormat, 6> kAllFormats = {AudioFormat::kPcm, AudioFormat::kWav, AudioFormat::kMp3,
                                                           AudioFormat::kOpus, AudioFormat::kAac, AudioFormat::kFlac};
// What the vendor's APIs offer (no aac, no flac): the realtime response_format
// values and the voice-design preview formats.
inline constexpr std::array<AudioFormat, 4> kDashScopeFormats = {AudioFormat::kPcm, AudioFormat::kWav,
                                                                 AudioFormat::kMp3, AudioFormat::kOpus};

inline constexpr std::array<int, 6> kSampleRates = {8000, 16000, 22050, 24000, 44100, 48000};

std::string_view format_name(AudioFormat f);   // "pcm" ...
// "audio/pcm", "audio/wav", "audio/mpeg", "audio/ogg", "audio/aac" (ADTS), "audio/flac"
std::string_view content_type(AudioFormat f);
std::optional<AudioFormat> parse_format(std::string_view name);  // any of kAllFormats, case-insensitive
bool is_dashscope_format(AudioFormat f);
bool is_supported_sample_rate(int hz);

// What the encoder produces: mono, 16-bit where applicable.
struct EncoderConfig {
  AudioFormat format = AudioFormat::kPcm;
  int sample_rate_hz = 24000;
  int bit_rate_kbps = 128;  // mp3, opus and aac only
};

}  // namespace voxwire::audio
