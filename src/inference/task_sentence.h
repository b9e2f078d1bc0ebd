// inference/task_sentence.h: one synthesis job of a task — a sentence of
// plain text (with hot_fix applied) or a speech segment of an SSML document
// (inference/ssml_script.h) — and how it is billed. Plain data.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "audio/voice_effect.h"
#include "text/reading.h"
#include "voice/voice_profile.h"

namespace voxwire::inference {

struct TaskSentence {
  std::string original_text;                  // as the client wrote it (result-generated original_text)
  std::string text;                           // what is synthesized
  std::vector<text::ForcedReading> readings;  // spans of text said a given way
  long long characters = 0;                   // billed for it
  int pause_before_ms = 0;                    // exact silence before it (SSML <break>)
  // An SSML <speak>'s settings; unset: the task's parameters.
  std::optional<VoiceProfile> voice;
  std::optional<double> rate;
  std::optional<double> pitch;
  std::optional<int> volume;
  std::optional<audio::VoiceEffect> effect;  // applied to its audio (not lolita: that is in `voice`)
  // SSML <speak bgm>: mixed under its audio at bgm_volume/100, looped on
  // across the sentences of the same speak_index.
  std::string bgm_url;
  int bgm_volume = 50;
  int speak_index = 0;
  // SSML <soundEvent>: this step plays the WAV at sound_url instead of
  // synthesizing (no text, no sentence events).
  std::string sound_url;
};

}  // namespace voxwire::inference
