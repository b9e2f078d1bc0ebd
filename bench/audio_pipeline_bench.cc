// audio_pipeline_bench: what one second of audio costs in the audio pipeline,
// per output format at 24 kHz and 48 kHz. Prints one line per figure:
//   encode   format=<f> rate_hz=<r>                 rtf=<cpu s per audio s> speed=<x realtime>
//   pipeline format=<f> rate_hz=<r> engine_hz=<e>   rtf=... speed=...
// "encode" feeds PCM already at the encoder's rate; "pipeline" feeds engine
// PCM (16 kHz, 22.05 kHz) through resampling, gain + limiter (volume 70, so
// the limiter works) and the encoder. Times are this thread's CPU time, so
// other processes on the machine do not inflate them. Chunks are 100 ms, an
// engine's typical cadence.
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <span>
#include <string>
#include <vector>

#include "audio/encoder.h"
#include "audio/pipeline.h"
#include "audio/test_signals.h"

namespace {

using voxwire::audio::AudioFormat;
using voxwire::audio::EncoderConfig;
using voxwire::audio::PipelineConfig;

constexpr double kAudioSeconds = 60.0;
constexpr AudioFormat kFormats[] = {AudioFormat::kPcm, AudioFormat::kWav, AudioFormat::kMp3, AudioFormat::kOpus};

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

void print(const char* stage, AudioFormat format, int rate_hz, int engine_hz, double cpu_seconds) {
  const double rtf = cpu_seconds / kAudioSeconds;
  std::string engine = engine_hz > 0 ? " engine_hz=" + std::to_string(engine_hz) : "";
  std::printf("%-8s format=%-4s rate_hz=%d%s rtf=%.5f speed=%.0fx\n", stage,
              std::string(voxwire::audio::format_name(format)).c_str(), rate_hz, engine.c_str(), rtf, 1.0 / rtf);
  std::fflush(stdout);
}

// Feeds pcm in 100 ms chunks; returns CPU seconds, or -1 on failure.
template <class Push, class Finish>
double time_chunks(std::span<const int16_t> pcm, int rate_hz, Push push, Finish finish) {
  const size_t chunk = static_cast<size_t>(rate_hz / 10);
  std::string out;
  const double start = thread_cpu_seconds();
  for (size_t i = 0; i < pcm.size(); i += chunk) {
    if (!push(pcm.subspan(i, std::min(chunk, pcm.size() - i)), &out).ok()) return -1;
    out.clear();  // as a server would after sending
  }
  if (!finish(&out).ok()) return -1;
  return thread_cpu_seconds() - start;
}

bool bench_encoder(AudioFormat format, int rate_hz) {
  auto encoder = voxwire::audio::make_encoder(EncoderConfig{format, rate_hz, 128});
  if (!encoder.ok()) return false;
  const int input_hz = (*encoder)->input_sample_rate_hz();
  const auto pcm = voxwire::audio::test_signals::speech_like(input_hz, kAudioSeconds);
  const double cpu = time_chunks(
      pcm, input_hz, [&](auto chunk, std::string* out) { return (*encoder)->encode(chunk, out); },
      [&](std::string* out) { return (*encoder)->finish(out); });
  if (cpu < 0) return false;
  print("encode", format, rate_hz, 0, cpu);
  return true;
}

bool bench_pipeline(AudioFormat format, int rate_hz, int engine_hz) {
  PipelineConfig config;
  config.encoder = EncoderConfig{format, rate_hz, 128};
  config.volume = 70;
  auto pipeline = voxwire::audio::make_pipeline(config);
  if (!pipeline.ok()) return false;
  const auto pcm = voxwire::audio::test_signals::speech_like(engine_hz, kAudioSeconds, 0.9);
  const double cpu = time_chunks(
      pcm, engine_hz, [&](auto chunk, std::string* out) { return (*pipeline)->push(chunk, engine_hz, out); },
      [&](std::string* out) { return (*pipeline)->finish(out); });
  if (cpu < 0) return false;
  print("pipeline", format, rate_hz, engine_hz, cpu);
  return true;
}

}  // namespace

int main() {
  for (int rate_hz : {24000, 48000}) {
    for (AudioFormat format : kFormats) {
      if (!bench_encoder(format, rate_hz)) return 1;
      for (int engine_hz : {16000, 22050}) {
        if (!bench_pipeline(format, rate_hz, engine_hz)) return 1;
      }
    }
  }
  return 0;
}
