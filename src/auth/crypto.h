// auth/crypto.h: the few cryptographic primitives voxwire uses, from
// OpenSSL, as lowercase hex: SHA-256 digests and secure random bytes (API key
// secrets and ids, audio file names, signing secrets). Thread-safe.
#pragma once
#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "base/result.h"

namespace voxwire::auth {

std::string to_hex(std::span<const unsigned char> bytes);
// SHA-256 of `text`, 64 hex digits.
std::string sha256_hex(std::string_view text);
// `bytes` bytes from OpenSSL's CSPRNG, 2 * bytes hex digits; Internal if it
// has no entropy.
Result<std::string> random_hex(std::size_t bytes);

}  // namespace voxwire::auth
