// synthesis/synthesizer.h: speaks text in any mix of languages with one voice. It
// splits the text into language runs (text_runs.h) and sends each run to the
// engine routed for that language, all streaming into one AudioSink; with the
// text front end on, each run is normalized and cut into phrases joined by
// pauses of the configured lengths (synthesis/phrase_joiner.h). On request
// it also tells when each word of the text is heard (synthesis/word_timing.h).
// Built-in routing: flite for English, espeak-ng for the other nine.
// Thread-safe: synthesize() may run on many threads (engines are thread-safe).
#pragma once
#include <array>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "synthesis/word_timing.h"
#include "text/front_end_config.h"
#include "tts/engine.h"
#include "tts/language.h"

namespace voxwire {

class Synthesizer {
 public:
  // Routes every language to engines[language]; the engines are owned.
  // REQUIRES: every language has an engine that lists it in info().languages.
  Synthesizer(std::vector<std::unique_ptr<Engine>> engines, std::array<Engine*, kAllLanguages.size()> routes,
              text::FrontEndConfig front_end = {});

  // flite (English) + espeak-ng (everything else). Internal error if an
  // engine cannot start (missing voice data).
  static Result<std::unique_ptr<Synthesizer>> create_builtin(text::FrontEndConfig front_end = {});

  // Speaks text; `language` nullopt = Auto (detect per run). rate and pitch
  // multiply the voice's own tempo and F0; an F0 beyond an engine's reach is
  // completed by a formant-preserving pitch shift. Returns the first engine
  // failure, or Cancelled once cancel is tripped.
  // With Normalization::kOn the text is first cleaned of markup and emoji
  // (text/cleaner.h), every run normalized for its language
  // (text/normalizer.h: numbers, units, dates, currencies read as words) and
  // cut into phrases with pauses (text/prosody.h; pauses scale with 1/rate),
  // and Mandarin given its readings and tone sandhi (text/mandarin.h).
  // With `words`, it is set to the units of `text` (word_timing.h) with
  // when each is heard in the audio given to sink, phones included where
  // the engine names them (flite, and espeak-ng for all but Japanese).
  enum class Normalization { kOff, kOn };
  Status synthesize(std::string_view text, LanguageType language, const VoiceProfile& voice, double rate,
                    double pitch, AudioSink& sink, const CancelToken& cancel,
                    Normalization normalization = Normalization::kOff,
                    std::vector<TimedWord>* words = nullptr) const;

  Engine& engine_for(Language language) const { return *routes_[static_cast<int>(language)]; }

  // Speaks a greeting in every language with every voice and discards the
  // audio, so one-time engine costs (espeak-ng calibrates each voice variant
  // on first use; the text front end indexes its Chinese dictionaries) are
  // not paid by the first real requests. Stops early once `stop` is tripped.
  void warm_up(std::span<const VoiceProfile> voices, const CancelToken& stop) const;

 private:
  struct Utterance;
  // The engine calls that speak text.
  std::vector<Utterance> plan(std::string_view text, LanguageType language, const VoiceProfile& voice,
                              Normalization normalization) const;

  std::vector<std::unique_ptr<Engine>> engines_;
  std::array<Engine*, kAllLanguages.size()> routes_;
  text::FrontEndConfig front_end_;
};

}  // namespace voxwire
