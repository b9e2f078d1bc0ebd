// libFuzzer target: the decoder entry point of voice cloning (a recording
// uploaded as bytes: WAV, MP3, FLAC or Ogg through libsndfile), then the
// speech check that follows it. Nothing may crash or read out of bounds.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "voice/reference_audio.h"

// libsndfile 1.2.0 leaks ~5.8 KB per malformed Ogg stream (vorbis_info_init);
// the server bounds it by limiting uploads (README, issue notes).
extern "C" const char* __lsan_default_suppressions() { return "leak:vorbis_info_init\n"; }

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace voxwire;
  Result<DecodedAudio> decoded = decode_reference_audio(std::string_view(reinterpret_cast<const char*>(data), size));
  if (decoded.ok()) (void)check_reference_speech(find_speech(*decoded));
  return 0;
}
