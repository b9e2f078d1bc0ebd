// inference/task_params.h: the synthesis settings of one task, read from a
// run-task's payload.parameters (api-reference-cosyvoice §7, §12.3) with the
// SDK's quirks (format "Default" = mp3, sample_rate 0 = the default, `type`,
// `seed`, `stream` and unknown keys ignored). Pure, thread-safe.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include <boost/json.hpp>

#include "audio/audio_format.h"
#include "base/result.h"
#include "inference/inference_catalog.h"
#include "inference/instruction.h"
#include "tts/language.h"
#include "voice/voice_profile.h"

namespace voxwire::inference {

// A cloned or designed voice of the caller (§13).
struct CustomVoice {
  VoiceProfile profile;
  bool designed = false;
};
// The caller's custom voice `voice_id` whose target_model is `model`, or
// nullopt (unknown, another model, another account, not usable yet).
using CustomVoiceLookup = std::function<std::optional<CustomVoice>(std::string_view model, std::string_view voice_id)>;

struct TaskParams {
  VoiceProfile voice;                 // the voxwire voice speaking the task, instruction applied
  std::string voice_id;               // CosyVoice `voice` as sent; empty for Sambert
  VoiceKind voice_kind = VoiceKind::kSystem;
  audio::AudioFormat format = audio::AudioFormat::kMp3;
  int sample_rate_hz = 22050;
  int volume = 50;                    // 0..100
  double rate = 1.0;                  // 0.5..2
  double pitch = 1.0;                 // 0.5..2
  int bit_rate_kbps = 32;             // opus only: 6..510
  bool enable_ssml = false;           // enable_ssml (or text_type SSML): only one continue-task allowed
  bool ssml_capable = false;          // the model and voice read <speak> documents (§8.4)
  bool word_timestamps = false;       // asked for, and offered by the model and voice (§9)
  bool phoneme_timestamps = false;    // Sambert: asked for with word timestamps, and offered
  LanguageType language;              // from language_hints[0]; nullopt = detect
};

// The parameters of a run-task for `model`; `custom_voices` finds the
// caller's cloned/designed voices (none when empty). On error the Status
// message is the task-failed error_message (error_code is always
// InvalidParameter): "Request voice is invalid!" (voice missing or not a
// string), "[tts:]Engine return error code: 418" (voice not of this model),
// or a message naming the parameter (out of range, wrong type, not offered by
// the model, an instruction the voice does not take — see instruction.h —,
// or not supported by this server yet: hot_fix). Parameters a model does not
// have are ignored (§16 item 4: seed on v1, stream, type; timestamps where
// not offered, §9.2).
Result<TaskParams> parse_task_params(const InferenceModel& model, const boost::json::value* parameters,
                                     const CustomVoiceLookup& custom_voices = {});

}  // namespace voxwire::inference
