// inference/instruction.h: a CosyVoice run-task's `instruction`
// (api-reference-cosyvoice §8.6, §15.3) applied to the voice that speaks the
// task. System voices accept only their fixed Chinese templates (emotion,
// scene, role, identity, dialect); cloned and designed voices take free-form
// text (voice/voice_description.h reads it) and, clones only, the dialect
// form "请用<方言>表达。". Pure, thread-safe.
#pragma once
#include <string_view>

#include "base/result.h"
#include "inference/inference_catalog.h"
#include "voice/voice_profile.h"

namespace voxwire::inference {

enum class VoiceKind { kSystem, kCloned, kDesigned };

// The longest instruction, in characters with each Han ideograph counting 2
// (the SDK's limit; the documentation's 100 is a recommendation).
inline constexpr long long kMaxInstructionCharacters = 128;

// `voice` changed as `instruction` asks. Empty instructions change nothing;
// so does one for a v3 system voice without templates (tolerated, §8.6).
// InvalidArgument (the task-failed message) when the model takes no
// instructions for this kind of voice, the text is too long, it matches none
// of a system voice's templates, or it asks a designed voice for a dialect.
Result<VoiceProfile> apply_instruction(const InferenceModel& model, VoiceKind kind, InstructionTemplates templates,
                                       const VoiceProfile& voice, std::string_view instruction);

}  // namespace voxwire::inference
