// tts/espeak_engine.h: synthesis in all ten languages with espeak-ng 1.51,
// 22.05 kHz, streamed in 10 ms chunks. libespeak-ng is process-global: one
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
//   Chinese   cmn-latn-pinyin (Dialect::kCantonese: yue). The plain `cmn` voice
//             speaks the tone digits of its pinyin as English numbers.
//   Japanese  ja, after JapaneseReading turns kanji into kana (the ja voice says
//             "Chinese letter" for every kanji); kanji MeCab cannot read are dropped.
//   English en-us (normally flite's), German de, Italian it, Portuguese pt-br,
//   Spanish es, Korean ko, French fr-fr, Russian ru.
// The variant (timbre) comes from the profile, first match:
//   female: breathiness >= 0.5 -> f5; child/teen -> f4; elderly -> f1;
//           brightness > 0.3 -> f3; else f2
//   male:   child/teen -> f4 (children's formants are high for both sexes);
//           elderly -> m1; brightness > 0.3 -> m4; brightness < -0.3 -> m2; else m3
//   and, whatever the gender, a profile whose median_f0_hz lies outside what the
//   variant family can reach takes the other family's default: median_f0_hz
//   < 115 Hz -> m3, >= 180 Hz -> f2 (the male variants top out near 170 Hz,
//   the female ones bottom out near 105-135 Hz).
//
// Prosody is calibrated by measurement, not by formula: the first time a
// (voice, variant, range) is used, the engine synthesizes a fixed sentence in
// that language at espeakPITCH 0, 50 and 100, measures each median F0 with
// audio::analyze_pitch and fits median = a * 2^((pitch-50)/50) + b (espeak
// scales its base pitch by 2^((pitch-50)/50); intonation adds b). It likewise
// times the sentence at nine speeds from 80 to 900 wpm per language. Requests
// then invert the fits: espeakPITCH for voice.median_f0_hz * req.pitch,
// espeakRATE for a duration 1/(voice.speaking_rate * req.rate) of the 175 wpm
// one, espeakRANGE = 50 * voice.f0_range (rounded to tens). Targets beyond
// espeakPITCH 0..100 are clamped: per variant and language the reachable
// median is about [0.5a + b, 2a + b] (f2: ~105-135 .. 300-325 Hz, m3: ~62-75 ..
// 160-177 Hz), and tempo is reachable from ~0.45x to ~4x.
// Calibrating costs ~30 ms (release) once per key, under the espeak lock.
class EspeakEngine : public Engine {
 public:
  // Engine::synthesize, plus: the text is never parsed as SSML or phoneme
  // input (a '<' is skipped or spoken, never interpreted), control characters
  // (espeak's embedded-command escape) are removed, and text without a letter
  // or digit returns ok with no audio.
  //
  // What synthesize() would say, as espeak's phoneme mnemonics (the notation
  // of `espeak-ng -x`, with "(en)"-style markers where espeak switches
  // language), clauses joined by spaces: the same voice, variant and text
  // preparation as synthesis. "" for text without a letter or digit.
  virtual Result<std::string> phonemes(std::string_view text, Language lang, const VoiceProfile& voice) = 0;
};

// Internal if espeak-ng fails to initialize (no espeak-ng-data); the
// JapaneseReading error (NotFound/Internal) if MeCab's dictionary does not load.
Result<std::unique_ptr<EspeakEngine>> make_espeak_engine();

}  // namespace voxwire
