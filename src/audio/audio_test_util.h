// audio/audio_test_util.h (tests only): synthetic signals, measurements,
// and decoding through independent tools (ffmpeg, ffprobe, sox, opusinfo,
// opusdec) run with popen. Not thread-safe.
#pragma once
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <numbers>
#include <span>
#include <string>
#include <vector>

#include "audio/pipeline.h"
#include "audio/test_signals.h"

namespace voxwire::audio::test_util {

using test_signals::speech_like;

// A sine of amplitude `amp` (full scale 1.0) starting at phase `phase0`.
inline std::vector<float> sine(int sample_rate_hz, double hz, double seconds, double amp = 0.5, double phase0 = 0) {
  std::vector<float> out(static_cast<size_t>(seconds * sample_rate_hz));
  for (size_t i = 0; i < out.size(); ++i) {
    const double t = static_cast<double>(i) / sample_rate_hz;
    out[i] = static_cast<float>(amp * std::sin(phase0 + 2 * std::numbers::pi * hz * t));
  }
  return out;
}

inline std::vector<int16_t> to_int16(std::span<const float> x) {
  std::vector<int16_t> out(x.size());
  for (size_t i = 0; i < x.size(); ++i) out[i] = static_cast<int16_t>(std::lround(x[i] * 32767.0f));
  return out;
}

template <class T>
double rms(std::span<const T> x) {
  if (x.empty()) return 0.0;
  double sum = 0.0;
  for (T v : x) sum += static_cast<double>(v) * static_cast<double>(v);
  return std::sqrt(sum / static_cast<double>(x.size()));
}

// The power of `x` at `hz` (Goertzel), normalised so that a sine of
// amplitude A gives A^2 / 4 whatever the length.
inline double tone_power(std::span<const int16_t> x, int sample_rate_hz, double hz) {
  const double coeff = 2 * std::cos(2 * std::numbers::pi * hz / sample_rate_hz);
  double s1 = 0, s2 = 0;
  for (int16_t v : x) {
    const double s0 = v + coeff * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  const double n = static_cast<double>(std::max<size_t>(x.size(), 1));
  return (s1 * s1 + s2 * s2 - coeff * s1 * s2) / (n * n);
}

// The mean power of `x` between lo_hz and hi_hz: the DFT bins of each whole
// 1024-sample frame in that band summed (tone_power), averaged over frames.
inline double band_power(std::span<const int16_t> x, int sample_rate_hz, double lo_hz, double hi_hz) {
  constexpr size_t kFrame = 1024;
  const double bin_hz = static_cast<double>(sample_rate_hz) / kFrame;
  double sum = 0;
  size_t frames = 0;
  for (; (frames + 1) * kFrame <= x.size(); ++frames) {
    const std::span<const int16_t> frame = x.subspan(frames * kFrame, kFrame);
    for (double hz = std::ceil(lo_hz / bin_hz) * bin_hz; hz <= hi_hz; hz += bin_hz) {
      sum += tone_power(frame, sample_rate_hz, hz);
    }
  }
  return frames == 0 ? 0.0 : sum / static_cast<double>(frames);
}

inline double db(double power_ratio) { return 10 * std::log10(power_ratio); }

// Number of runs of at least `min_run` consecutive samples at (or within
// one step of) int16 full scale: the signature of clipping.
inline int full_scale_runs(std::span<const int16_t> x, int min_run = 2) {
  int runs = 0;
  int length = 0;
  for (int16_t v : x) {
    length = (v >= 32766 || v <= -32767) ? length + 1 : 0;
    if (length == min_run) ++runs;
  }
  return runs;
}

// Pushes `pcm` through `pipeline` in small chunks of uneven sizes and
// returns everything it produced, finish() included.
inline std::string push_uneven(AudioPipeline& pipeline, std::span<const int16_t> pcm, int sample_rate_hz) {
  static constexpr size_t kChunks[] = {1, 37, 160, 503, 1021, 2, 2400, 77, 999};
  std::string out;
  size_t i = 0;
  for (size_t c = 0; i < pcm.size(); ++c) {
    const size_t n = std::min(kChunks[c % std::size(kChunks)], pcm.size() - i);
    EXPECT_TRUE(pipeline.push(pcm.subspan(i, n), sample_rate_hz, &out).ok());
    i += n;
  }
  EXPECT_TRUE(pipeline.finish(&out).ok());
  return out;
}

// Runs pipeline `config` over pcm (pushed unevenly) and returns the bytes.
inline std::string render(const PipelineConfig& config, std::span<const int16_t> pcm, int sample_rate_hz) {
  auto pipeline = make_pipeline(config);
  EXPECT_TRUE(pipeline.ok()) << pipeline.status().to_string();
  if (!pipeline.ok()) return {};
  return push_uneven(**pipeline, pcm, sample_rate_hz);
}

// A file in the temp directory holding `bytes`, removed on destruction.
class TempFile {
 public:
  TempFile(const std::string& bytes, const std::string& suffix) {
    std::string pattern = ::testing::TempDir() + "voxwire_audio_XXXXXX" + suffix;
    const int fd = mkstemps(pattern.data(), static_cast<int>(suffix.size()));
    EXPECT_GE(fd, 0);
    if (fd >= 0) close(fd);
    path_ = pattern;
    std::ofstream(path_, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  ~TempFile() { std::remove(path_.c_str()); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Runs a shell command; returns its stdout, and its exit status in *status.
inline std::string run(const std::string& command, int* status) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) {
    *status = -1;
    return out;
  }
  char buffer[65536];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  *status = pclose(pipe);
  return out;
}

struct Decoded {
  std::string codec;        // ffprobe's codec_name
  int sample_rate_hz = 0;   // as the stream declares it
  int channels = 0;
  std::vector<int16_t> samples;
  int64_t packet_bytes = 0;  // sum of the demuxed packets' sizes
  std::string errors;       // what ffmpeg/ffprobe reported at level error
};

// Probes and decodes `path` with ffprobe/ffmpeg at the stream's own rate.
// `input_args` describes a headerless input (e.g. "-f s16le -ar 8000 -ac 1").
inline Decoded ffmpeg_decode(const std::string& path, const std::string& input_args = "") {
  Decoded d;
  int status = 0;
  const std::string quoted = "'" + path + "'";
  const std::string errors_file = path + ".err";
  const std::string probe = run("ffprobe -v error " + input_args + " -select_streams a:0 -show_entries " +
                                    "stream=codec_name,sample_rate,channels:packet=size -of default=nw=1 " + quoted +
                                    " 2>" + errors_file,
                                &status);
  EXPECT_EQ(status, 0) << probe;
  for (size_t pos = 0; pos < probe.size();) {
    const size_t end = probe.find('\n', pos);
    const std::string line = probe.substr(pos, end - pos);
    pos = end == std::string::npos ? probe.size() : end + 1;
    const size_t eq = line.find('=');
    if (eq == std::string::npos) continue;
    const std::string key = line.substr(0, eq);
    const std::string value = line.substr(eq + 1);
    if (key == "codec_name") d.codec = value;
    if (key == "sample_rate") d.sample_rate_hz = std::atoi(value.c_str());
    if (key == "channels") d.channels = std::atoi(value.c_str());
    if (key == "size") d.packet_bytes += std::atoll(value.c_str());
  }
  const std::string raw =
      run("ffmpeg -v error " + input_args + " -i " + quoted + " -f s16le -acodec pcm_s16le - 2>>" + errors_file,
          &status);
  EXPECT_EQ(status, 0);
  d.samples.resize(raw.size() / 2);
  std::copy_n(raw.data(), d.samples.size() * 2, reinterpret_cast<char*>(d.samples.data()));
  std::ifstream errors(errors_file);
  d.errors.assign(std::istreambuf_iterator<char>(errors), std::istreambuf_iterator<char>());
  std::remove(errors_file.c_str());
  return d;
}

}  // namespace voxwire::audio::test_util
