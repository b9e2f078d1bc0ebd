// audio/wav_header.h: the 44-byte canonical RIFF/WAVE header for mono s16le
// PCM, for streams (length unknown) and files (length known). Pure,
// thread-safe.
#pragma once
#include <cstdint>
#include <string>

namespace voxwire::audio {

// Data size written when the length is not known yet: sox's convention for
// unseekable output (0x7FFFF000). ffmpeg, sox, libsndfile and Python's wave
// read such a stream to its end without complaint, whereas 0xFFFFFFFF makes
// ffmpeg warn that the file may be invalid and 0 makes sox and libsndfile
// read nothing.
inline constexpr uint32_t kWavUnknownDataBytes = 0x7FFFF000;
inline constexpr int kWavHeaderBytes = 44;

// The header for data_bytes of 16-bit mono PCM at sample_rate_hz; the RIFF
// size field is data_bytes + 36. REQUIRES: sample_rate_hz > 0,
// data_bytes <= 0xFFFFFFFF - 36.
std::string wav_header(int sample_rate_hz, uint32_t data_bytes = kWavUnknownDataBytes);

}  // namespace voxwire::audio
