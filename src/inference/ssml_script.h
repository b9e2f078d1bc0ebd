// inference/ssml_script.h: what a CosyVoice task synthesizes for an SSML
// document (api-reference-cosyvoice §8.4): its speech segments as sentences
// with their <speak> settings (a <speak voice> must be an SSML-capable
// system voice of the task's model; a <speak effect> is checked against the
// task's sample rate, lolita made a young girl's voice), its <soundEvent>s
// as sound steps, and the <break> silences before them.
// Pure, thread-safe.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "inference/inference_catalog.h"
#include "inference/task_params.h"
#include "inference/task_sentence.h"

namespace voxwire::inference {

// Bounds on a document's external audio (memory, and audio written at once).
inline constexpr std::size_t kMaxSsmlAudioUrls = 8;  // distinct soundEvent/bgm URLs
inline constexpr std::size_t kMaxSsmlSounds = 64;    // <soundEvent>s

struct SsmlScript {
  std::vector<TaskSentence> sentences;
  int trailing_pause_ms = 0;  // breaks after the last segment
  std::vector<std::string> audio_urls;  // sounds and bgm to fetch before it plays
};

// On error the Status message is the task-failed error_message (code
// InvalidParameter): "SSML text is not supported at the moment!" for a
// <speak voice> without SSML, otherwise "SSML: " and what is wrong and where
// (also for more than kMaxSsmlAudioUrls or kMaxSsmlSounds).
// REQUIRES: params.ssml_capable.
Result<SsmlScript> script_ssml(const InferenceModel& model, const TaskParams& params, std::string_view document);

}  // namespace voxwire::inference
