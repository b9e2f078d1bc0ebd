// voice/reference_audio.h: the recording a voice is cloned from (api-reference
// §6.1): decoded from memory (WAV, FLAC, Ogg Vorbis/Opus, MP3) to mono int16,
// and where its speech and pauses are. Errors here are the hard limits (400
// InvalidParameter); check_reference_speech's are Audio.PreprocessError.
// Pure functions, thread-safe.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace voxwire {

enum class AudioContainer { kUnknown, kWav, kFlac, kOgg, kMp3, kMp4 };

// "wav", "flac", "ogg", "mp3", "mp4"; "unknown" for kUnknown.
std::string_view container_name(AudioContainer container);

// The container a data URL's media type names, ignoring case and parameters
// (";codecs=..."): audio/wav, audio/x-wav, audio/wave, audio/vnd.wave -> kWav;
// audio/flac, audio/x-flac -> kFlac; audio/ogg, audio/opus, audio/vorbis,
// application/ogg -> kOgg; audio/mpeg, audio/mp3, audio/mpeg3, audio/x-mpeg-3
// -> kMp3; audio/mp4, audio/m4a, audio/x-m4a, audio/aac -> kMp4; else kUnknown.
AudioContainer container_for_media_type(std::string_view media_type);

// The container the first bytes announce: "RIFF"/"RF64" + "WAVE" -> kWav,
// "fLaC" -> kFlac, "OggS" -> kOgg, an ID3v2 tag or an MPEG audio frame header
// -> kMp3, an ISO-BMFF "ftyp" box -> kMp4; anything else -> kUnknown.
AudioContainer sniff_container(std::string_view bytes);

inline constexpr std::size_t kMaxReferenceBytes = 10u << 20;  // api-reference §6.1
inline constexpr double kMaxReferenceSeconds = 60.0;          // api-reference §6.1
inline constexpr int kMinReferenceRateHz = 16000;  // below it F3/F4 and the tilt band are cut off
inline constexpr int kMaxReferenceRateHz = 192000;
inline constexpr int kMaxReferenceChannels = 8;

struct DecodedAudio {
  std::vector<int16_t> samples;  // mono: the mean of the source channels
  int sample_rate_hz = 0;        // the source's own rate, kept
  int source_channels = 0;
  AudioContainer container = AudioContainer::kUnknown;

  double duration_s() const;
};

// Decodes a whole recording held in memory (no temp files). Returns
// InvalidArgument (field "input.audio.data") when the bytes are empty or
// larger than kMaxReferenceBytes, are not WAV/FLAC/Ogg/MP3 or fail to decode,
// hold no audio frames, more than kMaxReferenceChannels channels, a rate
// outside kMinReferenceRateHz..kMaxReferenceRateHz, or more than
// kMaxReferenceSeconds of audio (decoding stops there: work and memory are
// bounded whatever the headers claim). NotSupported (same field) for M4A/MP4,
// which the decoder cannot read. Otherwise the mono samples; samples beyond
// full scale (lossy codecs overshoot) are clamped.
Result<DecodedAudio> decode_reference_audio(std::string_view bytes);

struct TimeSpan {
  double start_s = 0.0;
  double end_s = 0.0;  // exclusive
};

// Where the speech is, from the level of 30 ms frames every 10 ms: a frame is
// loud if it is within 35 dB of the speech level and 6 dB above the noise
// floor; quiet gaps of at least kMinPauseS split speech into runs, shorter ones
// belong to the run.
struct SpeechActivity {
  static constexpr double kMinPauseS = 0.3;

  std::vector<TimeSpan> runs;      // speech runs in time order (blips < 0.1 s dropped)
  double speech_s = 0.0;           // total length of the runs: speech without its pauses
  double longest_run_s = 0.0;      // the longest stretch of continuous speech
  double longest_pause_s = 0.0;    // the longest gap between two runs (0 if < 2 runs)
  double speech_level_dbfs = -120.0;  // 99th percentile of frame RMS levels
  double noise_floor_dbfs = -120.0;   // 10th percentile of frame RMS levels
  double clipped_fraction = 0.0;   // share of samples in runs of >= 3 at full scale
};

// Measures audio's speech activity. Never fails; silence gives no runs.
SpeechActivity find_speech(const DecodedAudio& audio);

// The content rules a cloning recording must meet (api-reference §6.1):
// not silent (speech level -60 dBFS or more), loud enough (-45 dBFS or more),
// speech standing at least 12 dB above the background (a steady hum or noise
// fails this), at most 1% of the speech clipped, and at least 3 s of
// continuous speech. InvalidArgument (field "input.audio.data") naming the
// first rule broken, with the measured value; ok otherwise. The soft rule
// "pauses <= 2 s" is not enforced: pauses are excluded from every measure.
Status check_reference_speech(const SpeechActivity& activity);

}  // namespace voxwire
