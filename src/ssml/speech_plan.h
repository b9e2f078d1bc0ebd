// ssml/speech_plan.h: a CosyVoice SSML document (api-reference-cosyvoice
// §8.4) rendered into what to synthesize: speech segments, each with the
// settings of its <speak> and the forced readings of its <phoneme>s, and
// silences for <break>s. <sub> speaks its alias, <say-as> its reading
// (ssml/say_as.h), <vhml/> is ignored; a <speak effect> is passed on as
// written (audio/voice_effect.h reads it); a <soundEvent> is a Sound step
// and a <speak bgm> a setting of its segments, both by URL (the caller
// fetches them).
// Pure, thread-safe.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "base/result.h"
#include "text/reading.h"
#include "tts/language.h"

namespace voxwire::ssml {

// A <speak>'s attributes; unset ones leave the request's parameters.
struct SpeakSettings {
  std::optional<double> rate;   // 0.5..2
  std::optional<double> pitch;  // 0.5..2
  std::optional<int> volume;    // 0..100
  std::string voice;            // a voice id of the model; empty = the request's
  std::string effect;           // <speak effect>, unchecked; empty = none
  std::optional<std::string> effect_value;  // <speak effectValue>, unchecked
  std::string bgm;                // <speak bgm>: URL of the background WAV; empty = none
  int bgm_volume = 50;            // <speak backgroundMusicVolume>: 0..100
  int speak_index = 0;            // which <speak> of the document (bgm runs on across its segments)
};

struct SpeechSegment {
  std::string text;                           // what the engine reads
  std::string written;                        // the document's text for it (markup, alias and
                                              // formatting whitespace left out): what is billed
  std::vector<text::ForcedReading> readings;  // spans of `text`, sorted, not overlapping
  SpeakSettings settings;
};

struct Silence {
  int ms = 0;  // consecutive breaks add up, to at most 10 s
};

struct Sound {
  std::string url;  // <soundEvent src>: a WAV inserted here
};

using PlanStep = std::variant<SpeechSegment, Silence, Sound>;

struct SpeechPlan {
  std::vector<PlanStep> steps;
};

// True if the text holds a <speak> element (then it is read as SSML).
bool contains_speak_element(std::string_view text);

// The plan of `document`. `language` (nullopt: Chinese if the text holds a
// Han character, else English) is how <say-as> reads. InvalidArgument with a
// message that says what is wrong and where for malformed XML, text or
// elements outside <speak>, nested <speak>, unknown elements or attributes,
// missing or bad attribute values (break time, rate, pitch, volume, pinyin
// or ARPAbet), an effectValue without effect, a backgroundMusicVolume
// without bgm or outside 0..100, and a soundEvent without src.
Result<SpeechPlan> render_ssml(std::string_view document, LanguageType language);

// The URLs of the audio the plan uses (sounds and bgm), each once, in order.
std::vector<std::string> audio_urls(const SpeechPlan& plan);

// The legacy NLS scale [-500, 500] of rate and pitch (§8.4) mapped onto
// [0.5, 2]: 0 -> 1, 500 -> 2, -500 -> 0.5. Only whole numbers <= 0 or >= 10
// are read that way, so a plain mistake like 3.0 is still out of range.
double from_legacy_scale(double value);

}  // namespace voxwire::ssml
