// audio/pitch_tracker.h: fundamental-frequency (F0) analysis of mono PCM with
// YIN (de Cheveigné & Kawahara 2002), for calibrating engines and describing
// voices (median F0, spread, voicing). Pure function, thread-safe.
// Cost: about 1 ms per second of audio in release builds.
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "base/result.h"

namespace voxwire::audio {

struct PitchOptions {
  double min_f0_hz = 60.0;         // lowest F0 reported (longest period searched)
  double max_f0_hz = 500.0;        // highest F0 reported (shortest period searched)
  double hop_ms = 10.0;            // distance between analysis frames
  double threshold = 0.15;         // YIN step 4: first dip of d' below this is the period
  double max_aperiodicity = 0.35;  // a frame is voiced only if d' at its period is below this
  double silence_dbfs = -45.0;     // frames whose RMS is below this are unvoiced (energy gate)

  // InvalidArgument naming the bad field (e.g. "max_f0_hz") for values that
  // make no sense at sample_rate_hz; ok otherwise.
  Status validate(int sample_rate_hz) const;
};

struct PitchStats {
  double median_hz = 0.0;        // median F0 over voiced frames; 0 if none are voiced
  double p10_hz = 0.0;           // 10th percentile of voiced F0; 0 if none
  double p90_hz = 0.0;           // 90th percentile of voiced F0; 0 if none
  double voiced_fraction = 0.0;  // voiced frames / all frames (0 for empty input)
  double hop_s = 0.0;            // time between consecutive entries of track_hz
  std::vector<float> track_hz;   // F0 of the frame starting at i * hop_s; 0 = unvoiced
};

// Analyses pcm (mono, sample_rate_hz). Input above ~12 kHz is low-passed and
// decimated first (speech F0 and its low harmonics survive; it is ~4x faster).
// Returns InvalidArgument if options.validate(sample_rate_hz) fails; otherwise
// the stats (all zero, with an empty track, for input shorter than a frame).
Result<PitchStats> analyze_pitch(std::span<const int16_t> pcm, int sample_rate_hz, const PitchOptions& options = {});

}  // namespace voxwire::audio
