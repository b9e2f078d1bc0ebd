// client/voices_command.h: `voxwire voices list|design|clone|delete` — the
// account's designed and cloned voices through the customization API.
// Prints a readable summary (or the server's raw JSON with --json) on
// stdout, problems in plain words on stderr; returns the process exit code:
// 0, kExitBadInput (nothing sent) or kExitServerError.
#pragma once
#include <string>

#include "client/client_options.h"

namespace voxwire::client {

struct VoiceDesignOptions {
  std::string description;   // voice_prompt: how the voice sounds
  std::string preview_text;  // what the preview clip says
  std::string name = "voice";  // preferred_name: [A-Za-z0-9_]{1,16}
  std::string language;      // zh, en, … (empty: the server's default)
  std::string target_model = "qwen3-tts-vd-realtime-2026-01-15";
  std::string preview_output;  // where to save the preview clip (empty: not saved)
  std::string format;          // preview format; empty: from preview_output's extension, else wav
  int sample_rate_hz = 0;      // 0: the server's default
};

struct VoiceCloneOptions {
  std::string audio_path;  // the recording (wav, mp3, m4a, flac, ogg)
  std::string name = "voice";
  std::string language;
  std::string transcript;  // what the recording says (optional)
  std::string target_model = "qwen3-tts-vc-realtime-2026-01-15";
};

// Both products' voices, newest first within each.
int run_voices_list(const ServerOptions& server, bool raw_json);
int run_voices_design(const ServerOptions& server, const VoiceDesignOptions& options, bool raw_json);
int run_voices_clone(const ServerOptions& server, const VoiceCloneOptions& options, bool raw_json);
// The product is told by the name (qwen-tts-vd-… designed, qwen-tts-vc-… cloned).
int run_voices_delete(const ServerOptions& server, const std::string& voice, bool raw_json);

}  // namespace voxwire::client
