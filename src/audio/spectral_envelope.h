// audio/spectral_envelope.h: the spectral envelopes of the voiced frames of
// speech, and what they tell about a voice: its formant scale against a
// reference rendering (vocal-tract length), its spectral tilt (brightness)
// and its harmonics-to-noise ratio (breathiness). Pure functions, thread-safe.
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "audio/pitch_tracker.h"
#include "base/result.h"

namespace voxwire::audio {

struct EnvelopeOptions {
  double low_hz = 150.0;     // first frequency of the envelopes
  double high_hz = 5500.0;   // last (at most 0.45 of the sample rate)
  int bins_per_octave = 48;  // resolution of the log-frequency grid
  PitchOptions pitch;        // which frames are voiced, and their F0

  // InvalidArgument naming the bad field for values that make no sense at
  // sample_rate_hz (pitch options included); ok otherwise.
  Status validate(int sample_rate_hz) const;
};

// Envelopes of one recording on a log-frequency grid: bin b is at
// low_hz * 2^(b / bins_per_octave).
struct SpectralEnvelopes {
  double low_hz = 0.0;
  int bins_per_octave = 0;
  double hop_s = 0.0;                      // time between frames
  std::vector<std::vector<float>> frames;  // per pitch frame: dB per bin; empty when unvoiced
  std::vector<double> mean_db;             // mean over the voiced frames; empty if none

  double frequency_hz(std::size_t bin) const;
};

// For every voiced frame (analyze_pitch's frames), the envelope traced
// through the peaks of its harmonics (a window of four periods), so that it
// does not depend on where the harmonics fall. InvalidArgument if
// options.validate(sample_rate_hz) fails.
Result<SpectralEnvelopes> analyze_envelopes(std::span<const int16_t> pcm, int sample_rate_hz,
                                            const EnvelopeOptions& options = {});

// How much higher voice's formants sit than reference's: the frequency ratio
// s for which voice's envelopes at s*f best match reference's at f over
// 300-3500 Hz (the first three formants), frame by frame. Frames are paired
// by their relative position in time, so the two must be renderings of the
// same text; exact when their timing is equal (e.g. one voice with its
// timbre changed). Each envelope is stripped of its level, tilt and curvature
// first, so loudness, brightness and breath noise do not pull the estimate.
// 1.1 means formants 10% higher (a ~10% shorter vocal tract). Searched over
// 0.7..1.45; a result at either end means "that far or further".
// InvalidArgument if the grids differ, do not cover 210-5075 Hz, or no frame
// pair is voiced in both.
Result<double> formant_scale(const SpectralEnvelopes& voice, const SpectralEnvelopes& reference);

// Least-squares slope of the mean envelope between low_hz and high_hz in dB
// per octave; brighter voices have a less negative slope. 0 if fewer than
// two bins fall in the band or nothing was voiced.
double spectral_tilt_db_per_octave(const SpectralEnvelopes& envelopes, double low_hz = 300.0,
                                   double high_hz = 4000.0);

// Harmonics-to-noise ratio in dB: the median over voiced frames of
// 10*log10(r / (1 - r)), r being the normalized autocorrelation at the frame's
// pitch period (Boersma 1993, simplified). Breathier voices score lower;
// capped at 40 dB. InvalidArgument if options.validate(sample_rate_hz) fails;
// 0 when no frame is voiced.
Result<double> harmonics_to_noise_db(std::span<const int16_t> pcm, int sample_rate_hz,
                                     const PitchOptions& options = {});

}  // namespace voxwire::audio
