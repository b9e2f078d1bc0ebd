// client/recording_data_uri.h: a local recording as the RFC 2397 data URI
// that voice cloning takes in `input.audio.data`. Thread-safe.
#pragma once
#include <string>

#include "base/result.h"

namespace voxwire::client {

// "data:<type>;base64,<bytes>" with the type from the extension (.wav
// audio/wav, .mp3 audio/mpeg, .m4a audio/mp4, .flac audio/flac, .ogg/.opus
// audio/ogg). InvalidArgument for another extension, NotFound for a file
// that cannot be read, InvalidArgument for an empty one or over 10 MB.
Result<std::string> recording_data_uri(const std::string& path);

}  // namespace voxwire::client
