// audio/byte_order.h (internal): little-endian field writers shared by the
// container headers (WAV, Ogg Opus). Pure, thread-safe.
#pragma once
#include <cstdint>
#include <string>

namespace voxwire::audio {

// Appends the low `bytes` bytes of value, least significant first.
// REQUIRES: 1 <= bytes <= 4.
inline void append_le(uint32_t value, int bytes, std::string* out) {
  for (int i = 0; i < bytes; ++i) out->push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}

}  // namespace voxwire::audio
