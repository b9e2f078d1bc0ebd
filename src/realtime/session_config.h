// realtime/session_config.h: a realtime session's configuration (the
// `session` object of session.update, api-reference §2.4.1): defaults per
// model, validation of every field against the model's capabilities, and its
// wire description for session.created / session.updated. Pure, thread-safe.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include <boost/json.hpp>

#include "audio/audio_format.h"
#include "base/result.h"
#include "catalog/model_catalog.h"
#include "tts/language.h"
#include "voice/voice_profile.h"

namespace voxwire::realtime {

enum class Mode { kServerCommit, kCommit };

// Finds the voice a `voice` value names for the session's model: its
// profile, whose name is the canonical spelling. InvalidArgument with field
// "session.voice" when the model does not accept it.
using VoiceResolver = std::function<Result<VoiceProfile>(std::string_view voice)>;

struct SessionConfig {
  std::optional<VoiceProfile> voice;  // none until set, for designed/cloned-voice models
  Mode mode = Mode::kServerCommit;
  LanguageType language;              // nullopt = Auto
  audio::AudioFormat format = audio::AudioFormat::kPcm;
  int sample_rate_hz = 24000;
  double speech_rate = 1.0;           // 0.5..2
  int volume = 50;                    // 0..100
  double pitch_rate = 1.0;            // 0.5..2
  int bit_rate_kbps = 128;            // 6..510, mp3/opus
  std::string instructions;           // instruct models only
  bool optimize_instructions = false;
  std::optional<bool> enable_tn;      // unset = server default
};

// The configuration a new session starts with: voice Cherry (none for
// designed/cloned-voice models), server_commit, pcm, 24 kHz.
SessionConfig default_config(const catalog::ModelInfo& model, const VoiceResolver& voices);

// Applies the `session` object of a session.update on top of *config: keys
// present replace values, absent keys keep theirs, unknown keys are ignored.
// All or nothing: on error *config is unchanged and the Status names the
// field ("session.sample_rate"). A null `session` changes nothing.
Status apply_session_update(SessionConfig* config, const boost::json::value& session,
                            const catalog::ModelInfo& model, const VoiceResolver& voices);

// The `session` object of session.created (full = false) or session.updated
// (full = true: every effective setting).
boost::json::object describe_session(const SessionConfig& config, std::string_view session_id,
                                     const catalog::ModelInfo& model, bool full);

}  // namespace voxwire::realtime
