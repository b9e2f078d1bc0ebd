// tts/espeak_engine.h: synthesis in all ten languages with espeak-ng 1.51,
// 22.05 kHz, streamed in chunks of at most 10 ms. libespeak-ng is process-global: one
// owner inside espeak_engine.cc initializes it once, and every engine from
// make_espeak_engine() shares it behind one mutex, so calls are thread-safe
// but serialized (espeak runs ~500x faster than real time).
#pragma once
#include <memory>
#include <string>
#include <string_view>

#include "base/result.h"
#include "tts/engine.h"

namespace voxwire {

// Which espeak-ng voice reads a language, and how its defects are routed around:
//   Chinese   cmn-latn-pinyin (Dialect::kCantonese: yue; other dialects: Mandarin).
//             The plain `cmn` voice speaks the tone digits of its pinyin as
//             English numbers.
//   Japanese  ja, after JapaneseReading turns kanji into kana (the ja voice says
//             "Chinese letter" for every kanji); kanji MeCab cannot read are dropped.
//   English en-us (normally flite's), German de, Italian it, Portuguese pt-br,
//   Spanish es, Korean ko, French fr, Russian ru.
// The variant (timbre) comes from the profile, first match:
//   median_f0_hz < 115 -> m3;  median_f0_hz >= 270 -> f5  (the only variants
//                                                          that reach those F0s)
//   female: breathiness >= 0.5 -> f5; child/teen -> f4; elderly -> f1; else f2
//   male:   child/teen -> f4 (children's formants are high for both sexes);
//           median_f0_hz >= 180 -> f2; elderly -> m1; else m3
// and is then reshaped to the profile's timbre (tts/voice_shaping.h) in a
// generated variant file (espeak_variants.h), which costs nothing per sample:
//   formant_scale s  every `formant` line's frequency (and offset) times s
//                    (measured: formants move by s within ~1.5%, F0 within 1%)
//   breathiness b    `breath` + b * (10 18 18 18 18 18 12 12), `voicing` * (1 - 0.35 b)
//   brightness t     a `tone` curve: espeak's default harmonic gains plus
//                    brightness_gain_db(t, f) at 600, 1200, 2000, 3000, 5000 Hz
// The generated files live in a private data directory
// ($TMPDIR/voxwire-espeak-<uid>, linking the system espeak-ng-data); if it
// cannot be made, voices keep their plain variants and a warning is logged.
// Calibration stays keyed on the plain variant: timbre moves neither F0
// (within 1%; breath noise lowers the measured median by up to 4%) nor tempo.
//
// Prosody is calibrated by measurement, not by formula. The first time a
// (voice, variant, espeakRANGE) is used, the engine synthesizes three fixed
// sentences of that language at espeakPITCH 0, 50 and 100, measures the
// median F0 with audio::analyze_pitch and fits median = a * 2^((pitch-50)/50) + b
// (espeak scales its base pitch by 2^((pitch-50)/50); intonation adds b). Per
// language it likewise times the sentences at seven speeds, 80..900 wpm.
// Requests invert the fits: espeakPITCH for voice.median_f0_hz * req.pitch,
// espeakRATE for 1/(voice.speaking_rate * req.rate) of the 175 wpm duration,
// espeakRANGE = 50 * voice.f0_range (in steps of 10). Measured on other
// sentences, all ten languages land within 8% of targets from 85 to 350 Hz.
// Beyond espeakPITCH 0..100 targets are clamped; f0_reach() reports the
// measured ends (about m3 63-176 Hz, f2 99-329 Hz, f5 104-355 Hz, Chinese
// 324 at most) so the Synthesizer can shift the rest. Tempo reaches about
// 0.45x (Russian 0.54x) to 4.7x. Calibration runs under the espeak lock
// and costs (release) ~80-140 ms on a language's first request and ~35 ms on
// the first request of each further variant/range; synthesizing any short
// text at startup warms a voice up.
//
// Engine::synthesize, plus: the text is never parsed as SSML or phoneme
// input (a '<' is skipped or spoken, never interpreted), control characters
// (U+0001 is espeak's embedded-command escape, active even without SSML)
// become spaces, and text without a letter or digit returns ok with no
// audio. espeak-ng 1.51's output differs by a few samples between identical
// calls (reseeding rand() does not change that): it is not bit-reproducible.
class EspeakEngine : public Engine {
 public:
  // What synthesize() would say, as espeak's phoneme mnemonics (the notation
  // of `espeak-ng -x`, with "(en)"-style markers where espeak switches
  // language), clauses joined by spaces: the same voice, variant and text
  // preparation as synthesis. "" for text without a letter or digit;
  // Internal if MeCab (Japanese) or espeak-ng fails.
  virtual Result<std::string> phonemes(std::string_view text, Language lang, const VoiceProfile& voice) = 0;
};

// Internal if espeak-ng fails to initialize (no espeak-ng-data); the
// JapaneseReading error (NotFound/Internal) if MeCab's dictionary does not load.
Result<std::unique_ptr<EspeakEngine>> make_espeak_engine();

}  // namespace voxwire
