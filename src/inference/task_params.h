// inference/task_params.h: the synthesis settings of one task, read from a
// run-task's payload.parameters (api-reference-cosyvoice §7, §12.3) with the
// SDK's quirks (format "Default" = mp3, sample_rate 0 = the default, `type`,
// `seed`, `stream` and unknown keys ignored). Pure, thread-safe.
#pragma once
#include <string>

#include <boost/json.hpp>

#include "audio/audio_format.h"
#include "base/result.h"
#include "inference/inference_catalog.h"
#include "tts/language.h"
#include "voice/voice_profile.h"

namespace voxwire::inference {

struct TaskParams {
  VoiceProfile voice;                 // the voxwire voice speaking the task
  std::string voice_id;               // CosyVoice `voice` as sent; empty for Sambert
  audio::AudioFormat format = audio::AudioFormat::kMp3;
  int sample_rate_hz = 22050;
  int volume = 50;                    // 0..100
  double rate = 1.0;                  // 0.5..2
  double pitch = 1.0;                 // 0.5..2
  int bit_rate_kbps = 32;             // opus only: 6..510
  bool enable_ssml = false;           // only one continue-task allowed
  LanguageType language;              // from language_hints[0]; nullopt = detect
};

// The parameters of a run-task for `model`. On error the Status message is
// the task-failed error_message (error_code is always InvalidParameter):
// "Request voice is invalid!" (voice missing or not a string),
// "[tts:]Engine return error code: 418" (voice not of this model), or a
// message naming the parameter (out of range, wrong type, not offered by the
// model, or not supported by this server yet: word/phoneme timestamps,
// instruction, hot_fix, text_type other than PlainText).
Result<TaskParams> parse_task_params(const InferenceModel& model, const boost::json::value* parameters);

}  // namespace voxwire::inference
