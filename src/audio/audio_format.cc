#include "audio/audio_format.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace voxwire::audio {

std::string_view format_name(AudioFormat f) {
  switch (f) {
    case AudioFormat::kPcm: return "pcm";
    case AudioFormat::kWav: return "wav";
    case AudioFormat::kMp3: return "mp3";
    case AudioFormat::kOpus: return "opus";
    case AudioFormat::kAac: return "aac";
    case AudioFormat::kFlac: return "flac";
  }
  return "pcm";
}

std::string_view content_type(AudioFormat f) {
  switch (f) {
    case AudioFormat::kPcm: return "audio/pcm";
    case AudioFormat::kWav: return "audio/wav";
    case AudioFormat::kMp3: return "audio/mpeg";
    case AudioFormat::kOpus: return "audio/ogg";
    case AudioFormat::kAac: return "audio/aac";
    case AudioFormat::kFlac: return "audio/flac";
  }
  return "application/octet-stream";
}

std::optional<AudioFormat> parse_format(std::string_view name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  for (AudioFormat f : kAllFormats) {
    if (lower == format_name(f)) return f;
  }
  return std::nullopt;
}

bool is_dashscope_format(AudioFormat f) {
  return std::find(kDashScopeFormats.begin(), kDashScopeFormats.end(), f) != kDashScopeFormats.end();
}

bool is_supported_sample_rate(int hz) {
  return std::find(kSampleRates.begin(), kSampleRates.end(), hz) != kSampleRates.end();
}

}  // namespace voxwire::audio
