#include "voice/reference_audio.h"

#include <sndfile.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>

namespace voxwire {
namespace {

constexpr std::string_view kAudioField = "input.audio.data";

Status bad_audio(std::string message) { return Status::invalid_argument(std::move(message), std::string(kAudioField)); }

std::string format_number(double v, const char* format = "%.1f") {
  char buf[32];
  std::snprintf(buf, sizeof buf, format, v);
  return buf;
}

char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return lower_ascii(x) == lower_ascii(y);
         });
}

// An MPEG-1/2/2.5 audio frame header (layer I-III): sync, no reserved version,
// layer, bitrate or rate index. ADTS (AAC) has layer 0 and is not one.
bool is_mpeg_audio_frame(std::string_view b) {
  if (b.size() < 4) return false;
  const auto b1 = static_cast<unsigned char>(b[1]);
  const auto b2 = static_cast<unsigned char>(b[2]);
  return static_cast<unsigned char>(b[0]) == 0xFF && (b1 & 0xE0) == 0xE0 && ((b1 >> 3) & 3) != 1 &&
         ((b1 >> 1) & 3) != 0 && (b2 >> 4) != 0xF && ((b2 >> 2) & 3) != 3;
}

// libsndfile reads the recording through these callbacks, straight from memory.
struct MemoryFile {
  std::string_view bytes;
  sf_count_t position = 0;
};

sf_count_t memory_length(void* user) { return static_cast<sf_count_t>(static_cast<MemoryFile*>(user)->bytes.size()); }

sf_count_t memory_seek(sf_count_t offset, int whence, void* user) {
  auto* file = static_cast<MemoryFile*>(user);
  const auto size = static_cast<sf_count_t>(file->bytes.size());
  sf_count_t base = 0;
  if (whence == SEEK_CUR) {
    base = file->position;
  } else if (whence == SEEK_END) {
    base = size;
  } else if (whence != SEEK_SET) {
    return -1;
  }
  // Offsets come from the file's own headers: no overflow, no position
  // before the start, and none past the end (where reads find nothing).
  if (offset < -base) return -1;
  file->position = offset > size - base ? size : base + offset;
  return file->position;
}

sf_count_t memory_read(void* destination, sf_count_t count, void* user) {
  auto* file = static_cast<MemoryFile*>(user);
  const sf_count_t available = static_cast<sf_count_t>(file->bytes.size()) - file->position;  // >= 0
  const sf_count_t n = std::clamp<sf_count_t>(count, 0, available);
  std::memcpy(destination, file->bytes.data() + file->position, static_cast<std::size_t>(n));
  file->position += n;
  return n;
}

sf_count_t memory_write(const void*, sf_count_t, void*) { return 0; }

sf_count_t memory_tell(void* user) { return static_cast<MemoryFile*>(user)->position; }

bool major_format_matches(int format, AudioContainer container) {
  const int major = format & SF_FORMAT_TYPEMASK;
  switch (container) {
    case AudioContainer::kWav:
      return major == SF_FORMAT_WAV || major == SF_FORMAT_WAVEX || major == SF_FORMAT_RF64;
    case AudioContainer::kFlac:
      return major == SF_FORMAT_FLAC;
    case AudioContainer::kOgg:
      return major == SF_FORMAT_OGG;
    case AudioContainer::kMp3:
      return major == SF_FORMAT_MPEG;
    default:
      return false;
  }
}

using SndfilePtr = std::unique_ptr<SNDFILE, decltype(&sf_close)>;

// Percentile p (0..1) of values, nearest rank. REQUIRES: !values.empty().
double percentile(std::vector<double> values, double p) {
  const auto k = static_cast<std::ptrdiff_t>(std::lround(p * static_cast<double>(values.size() - 1)));
  std::nth_element(values.begin(), values.begin() + k, values.end());
  return values[static_cast<std::size_t>(k)];
}

// Speech-activity framing: 30 ms windows every 10 ms.
constexpr double kHopS = 0.010;
constexpr double kWindowS = 0.030;
constexpr double kBelowSpeechLevelDb = 35.0;  // loud frames are within this of the speech level...
constexpr double kAboveNoiseFloorDb = 6.0;    // ...and this far above the noise floor
constexpr double kMinRunS = 0.1;
// check_reference_speech's rules.
constexpr double kSilentDbfs = -60.0;
constexpr double kQuietDbfs = -45.0;
constexpr double kMinSignalToNoiseDb = 12.0;
constexpr double kMaxClippedFraction = 0.01;
constexpr double kMinContinuousSpeechS = 3.0;

// Samples in runs of at least 3 at (or within one step of) int16 full scale.
std::size_t clipped_samples(const std::vector<int16_t>& x) {
  std::size_t clipped = 0, run = 0;
  for (int16_t s : x) {
    run = (s >= 32766 || s <= -32767) ? run + 1 : 0;
    if (run == 3) clipped += 3;
    if (run > 3) ++clipped;
  }
  return clipped;
}

}  // namespace

std::string_view container_name(AudioContainer container) {
  switch (container) {
    case AudioContainer::kWav: return "wav";
    case AudioContainer::kFlac: return "flac";
    case AudioContainer::kOgg: return "ogg";
    case AudioContainer::kMp3: return "mp3";
    case AudioContainer::kMp4: return "mp4";
    case AudioContainer::kUnknown: break;
  }
  return "unknown";
}

AudioContainer container_for_media_type(std::string_view media_type) {
  media_type = media_type.substr(0, media_type.find(';'));
  while (!media_type.empty() && media_type.back() == ' ') media_type.remove_suffix(1);
  static constexpr std::pair<std::string_view, AudioContainer> kTypes[] = {
      {"audio/wav", AudioContainer::kWav},       {"audio/x-wav", AudioContainer::kWav},
      {"audio/wave", AudioContainer::kWav},      {"audio/vnd.wave", AudioContainer::kWav},
      {"audio/flac", AudioContainer::kFlac},     {"audio/x-flac", AudioContainer::kFlac},
      {"audio/ogg", AudioContainer::kOgg},       {"audio/opus", AudioContainer::kOgg},
      {"audio/vorbis", AudioContainer::kOgg},    {"application/ogg", AudioContainer::kOgg},
      {"audio/mpeg", AudioContainer::kMp3},      {"audio/mp3", AudioContainer::kMp3},
      {"audio/mpeg3", AudioContainer::kMp3},     {"audio/x-mpeg-3", AudioContainer::kMp3},
      {"audio/mp4", AudioContainer::kMp4},       {"audio/m4a", AudioContainer::kMp4},
      {"audio/x-m4a", AudioContainer::kMp4},     {"audio/aac", AudioContainer::kMp4},
  };
  for (const auto& [name, container] : kTypes) {
    if (equals_ignoring_case(media_type, name)) return container;
  }
  return AudioContainer::kUnknown;
}

AudioContainer sniff_container(std::string_view b) {
  if (b.size() >= 12 && (b.substr(0, 4) == "RIFF" || b.substr(0, 4) == "RF64") && b.substr(8, 4) == "WAVE") {
    return AudioContainer::kWav;
  }
  if (b.substr(0, 4) == "fLaC") return AudioContainer::kFlac;
  if (b.substr(0, 4) == "OggS") return AudioContainer::kOgg;
  if (b.size() >= 10 && b.substr(0, 3) == "ID3") return AudioContainer::kMp3;
  if (is_mpeg_audio_frame(b)) return AudioContainer::kMp3;
  if (b.size() >= 8 && b.substr(4, 4) == "ftyp") return AudioContainer::kMp4;
  return AudioContainer::kUnknown;
}

double DecodedAudio::duration_s() const {
  return sample_rate_hz > 0 ? static_cast<double>(samples.size()) / sample_rate_hz : 0.0;
}

Result<DecodedAudio> decode_reference_audio(std::string_view bytes) {
  if (bytes.empty()) return bad_audio("the audio is empty");
  if (bytes.size() > kMaxReferenceBytes) {
    return bad_audio("the audio is " + std::to_string(bytes.size()) + " bytes; at most " +
                     std::to_string(kMaxReferenceBytes) + " are accepted");
  }
  const AudioContainer container = sniff_container(bytes);
  if (container == AudioContainer::kMp4) {
    return Status::not_supported("M4A/MP4 audio is not supported; send WAV, MP3, FLAC or Ogg", std::string(kAudioField));
  }
  if (container == AudioContainer::kUnknown) {
    return bad_audio("unsupported audio format: not WAV, MP3, FLAC or Ogg");
  }
  const std::string what(container_name(container));

  // The handle is ours alone. (When opening fails, libsndfile records the
  // reason in a process-wide variable, which is why we never read it.)
  MemoryFile file{bytes};
  SF_VIRTUAL_IO io{&memory_length, &memory_seek, &memory_read, &memory_write, &memory_tell};
  SF_INFO info{};
  SndfilePtr sndfile(sf_open_virtual(&io, SFM_READ, &info, &file), &sf_close);
  if (!sndfile || !major_format_matches(info.format, container)) {
    return bad_audio("the audio could not be decoded: not a readable " + what + " file");
  }
  if (info.channels < 1 || info.channels > kMaxReferenceChannels) {
    return bad_audio("the audio has " + std::to_string(info.channels) + " channels; at most " +
                     std::to_string(kMaxReferenceChannels) + " are accepted (mono is best)");
  }
  if (info.samplerate < kMinReferenceRateHz || info.samplerate > kMaxReferenceRateHz) {
    return bad_audio("the audio's sample rate is " + std::to_string(info.samplerate) + " Hz; it must be " +
                     std::to_string(kMinReferenceRateHz) + ".." + std::to_string(kMaxReferenceRateHz) +
                     " Hz (24000 Hz or more recommended)");
  }

  DecodedAudio audio;
  audio.sample_rate_hz = info.samplerate;
  audio.source_channels = info.channels;
  audio.container = container;
  const auto max_frames = static_cast<std::size_t>(kMaxReferenceSeconds * info.samplerate);
  // The header's frame count is only a hint (it may lie): clamp it.
  audio.samples.reserve(static_cast<std::size_t>(std::clamp<sf_count_t>(info.frames, 0, max_frames)));
  constexpr sf_count_t kBlockFrames = 4096;
  std::vector<float> block(static_cast<std::size_t>(kBlockFrames * info.channels));
  for (;;) {
    const sf_count_t n = sf_readf_float(sndfile.get(), block.data(), kBlockFrames);
    if (n <= 0) break;
    if (audio.samples.size() + static_cast<std::size_t>(n) > max_frames) {
      return bad_audio("the audio is longer than " + format_number(kMaxReferenceSeconds, "%.0f") +
                       " s; send 10-20 s of speech");
    }
    for (sf_count_t f = 0; f < n; ++f) {
      double sum = 0.0;
      for (int c = 0; c < info.channels; ++c) sum += block[static_cast<std::size_t>(f * info.channels + c)];
      if (!std::isfinite(sum)) sum = 0.0;  // a float file may hold NaN or infinity
      const double mono = std::clamp(sum / info.channels * 32768.0, -32768.0, 32767.0);
      audio.samples.push_back(static_cast<int16_t>(std::lround(mono)));
    }
  }
  if (sf_error(sndfile.get()) != SF_ERR_NO_ERROR && audio.samples.empty()) {
    return bad_audio("the audio could not be decoded: " + std::string(sf_strerror(sndfile.get())));
  }
  if (audio.samples.empty()) return bad_audio("the audio holds no samples");
  return audio;
}

SpeechActivity find_speech(const DecodedAudio& audio) {
  SpeechActivity activity;
  const int rate = audio.sample_rate_hz;
  const auto hop = static_cast<std::size_t>(std::lround(kHopS * rate));
  const auto window = static_cast<std::size_t>(std::lround(kWindowS * rate));
  const std::vector<int16_t>& x = audio.samples;
  if (rate <= 0 || x.size() < window) return activity;

  // Frame levels in dBFS, each frame's mean (DC, hum-free offset) removed.
  std::vector<double> level_db;
  for (std::size_t start = 0; start + window <= x.size(); start += hop) {
    double sum = 0.0, sum_squares = 0.0;
    for (std::size_t i = start; i < start + window; ++i) {
      const double v = x[i] / 32768.0;
      sum += v, sum_squares += v * v;
    }
    const double mean = sum / static_cast<double>(window);
    const double power = std::max(0.0, sum_squares / static_cast<double>(window) - mean * mean);
    level_db.push_back(10.0 * std::log10(power + 1e-12));
  }
  activity.speech_level_dbfs = percentile(level_db, 0.99);
  activity.noise_floor_dbfs = percentile(level_db, 0.10);
  const double threshold = std::max(activity.speech_level_dbfs - kBelowSpeechLevelDb,
                                    activity.noise_floor_dbfs + kAboveNoiseFloorDb);

  // Frame i speaks for the hop at its centre.
  const double offset_s = (kWindowS - kHopS) / 2.0;
  const auto min_pause_frames = static_cast<std::size_t>(std::lround(SpeechActivity::kMinPauseS / kHopS));
  const std::size_t n = level_db.size();
  for (std::size_t i = 0; i < n;) {
    if (level_db[i] <= threshold) {
      ++i;
      continue;
    }
    std::size_t last = i;  // the run's last loud frame
    for (std::size_t j = i + 1; j < n && j - last < min_pause_frames; ++j) {
      if (level_db[j] > threshold) last = j;
    }
    const TimeSpan run{offset_s + static_cast<double>(i) * kHopS, offset_s + static_cast<double>(last + 1) * kHopS};
    if (run.end_s - run.start_s >= kMinRunS) activity.runs.push_back(run);
    i = last + 1;
  }
  for (std::size_t k = 0; k < activity.runs.size(); ++k) {
    const TimeSpan& run = activity.runs[k];
    activity.speech_s += run.end_s - run.start_s;
    activity.longest_run_s = std::max(activity.longest_run_s, run.end_s - run.start_s);
    if (k > 0) activity.longest_pause_s = std::max(activity.longest_pause_s, run.start_s - activity.runs[k - 1].end_s);
  }
  const double speech_samples = std::max(1.0, activity.speech_s * rate);
  activity.clipped_fraction = std::min(1.0, static_cast<double>(clipped_samples(x)) / speech_samples);
  return activity;
}

Status check_reference_speech(const SpeechActivity& a) {
  if (a.speech_level_dbfs < kSilentDbfs) return bad_audio("the audio is silent: no speech found");
  if (a.speech_level_dbfs < kQuietDbfs) {
    return bad_audio("the speech is too quiet: it peaks at " + format_number(a.speech_level_dbfs) + " dBFS (needs " +
                     format_number(kQuietDbfs, "%.0f") + " dBFS or louder)");
  }
  // A steady sound (hum, noise, music without pauses) has no quiet parts to
  // stand out from, and fails here too.
  const double contrast_db = a.speech_level_dbfs - a.noise_floor_dbfs;
  if (contrast_db < kMinSignalToNoiseDb) {
    return bad_audio("no speech stands out from the background: the loud parts are only " +
                     format_number(contrast_db) + " dB above the quiet ones (needs " +
                     format_number(kMinSignalToNoiseDb, "%.0f") + " dB)");
  }
  if (a.clipped_fraction > kMaxClippedFraction) {
    return bad_audio("the audio is clipped: " + format_number(100.0 * a.clipped_fraction) +
                     "% of the speech is at full scale (at most " + format_number(100.0 * kMaxClippedFraction, "%.0f") +
                     "%)");
  }
  if (a.longest_run_s < kMinContinuousSpeechS) {
    return bad_audio("the audio needs at least " + format_number(kMinContinuousSpeechS, "%.0f") +
                     " s of continuous speech; the longest stretch is " + format_number(a.longest_run_s) + " s");
  }
  return Status::ok_status();
}

}  // namespace voxwire
