// inference/ssml_audio.h: the external audio of an SSML document
// (api-reference-cosyvoice §8.4): a <soundEvent src> or <speak bgm> WAV
// (16 kHz mono 16-bit PCM, at most 2 MB) read into samples at the task's
// rate, and a bgm looped and scaled under speech.
// Pure functions, thread-safe.
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace voxwire::inference {

inline constexpr std::size_t kMaxSsmlAudioBytes = 2u << 20;
inline constexpr int kSsmlAudioRateHz = 16000;

// The samples of `wav` resampled to output_rate_hz. InvalidArgument saying
// why for more than kMaxSsmlAudioBytes, anything but a RIFF/WAVE file of
// 16-bit PCM, one channel, 16 kHz, or no samples.
Result<std::vector<int16_t>> read_ssml_wav(std::string_view wav, int output_rate_hz);

// Adds bgm[*position...] (looped) times volume/100 to `speech`, saturating,
// and moves *position on by speech.size() (modulo the bgm's length).
// REQUIRES: volume in 0..100.
void mix_background(std::span<int16_t> speech, std::span<const int16_t> bgm, int volume, std::size_t* position);

}  // namespace voxwire::inference
