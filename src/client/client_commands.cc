#include "client/client_commands.h"

#include <CLI/CLI.hpp>
#include <filesystem>

#include "client/say_command.h"
#include "client/voices_command.h"

namespace voxwire::client {
namespace {

// The realtime model a client gets when it names none (the alias the
// reference's examples use; the server maps it to its newest snapshot).
constexpr const char* kDefaultRealtimeModel = "qwen3-tts-flash-realtime";

void add_server_options(CLI::App* command, ServerOptions& server) {
  command->add_option("--url", server.url, "Server URL, http://host:port or ws://host:port (no TLS)")
      ->envname("VOXWIRE_URL")
      ->capture_default_str();
  command->add_option("--api-key", server.api_key, "API key (sent as Authorization: Bearer)")
      ->envname("DASHSCOPE_API_KEY");
}

// The audio format a file name asks for, or "" when its extension says none.
std::string format_of_path(const std::string& path) {
  const std::string extension = std::filesystem::path(path).extension().string();
  if (extension == ".mp3" || extension == ".wav" || extension == ".opus" || extension == ".pcm") {
    return extension.substr(1);
  }
  return extension == ".ogg" ? "opus" : "";
}

}  // namespace

struct ClientCommands::State {
  SayOptions say;
  CLI::App* say_command = nullptr;
  std::string voice = "Cherry", format, language, instructions;
  int sample_rate_hz = 0, volume = 0, bit_rate_kbps = 0;
  double speech_rate = 1.0, pitch_rate = 1.0;
  CLI::Option* sample_rate_option = nullptr;
  CLI::Option* language_option = nullptr;
  CLI::Option* speech_rate_option = nullptr;
  CLI::Option* pitch_option = nullptr;
  CLI::Option* volume_option = nullptr;
  CLI::Option* bit_rate_option = nullptr;
  CLI::Option* instructions_option = nullptr;

  ServerOptions voices_server;
  bool raw_json = false;
  CLI::App* voices_list = nullptr;
  CLI::App* voices_design = nullptr;
  CLI::App* voices_clone = nullptr;
  CLI::App* voices_delete = nullptr;
  VoiceDesignOptions design;
  VoiceCloneOptions clone;
  std::string voice_to_delete;

  // The session.update fields the command line set (the server's defaults otherwise).
  boost::json::object session_fields() const {
    boost::json::object session{{"voice", voice}};
    const std::string chosen_format = format.empty() ? format_of_path(say.output) : format;
    if (!chosen_format.empty()) session["response_format"] = chosen_format;
    if (*sample_rate_option) session["sample_rate"] = sample_rate_hz;
    if (*language_option) session["language_type"] = language;
    if (*speech_rate_option) session["speech_rate"] = speech_rate;
    if (*pitch_option) session["pitch_rate"] = pitch_rate;
    if (*volume_option) session["volume"] = volume;
    if (*bit_rate_option) session["bit_rate"] = bit_rate_kbps;
    if (*instructions_option) session["instructions"] = instructions;
    return session;
  }
};

ClientCommands::ClientCommands(CLI::App& app) : state_(std::make_unique<State>()) {
  State& s = *state_;
  s.say.model = kDefaultRealtimeModel;
  s.say_command = app.add_subcommand(
      "say", "Speak a text through a server's realtime API; the audio streams to a file or stdout as it arrives");
  CLI::App* say = s.say_command;
  say->add_option("text", s.say.text, "The text (default: read stdin to its end)");
  add_server_options(say, s.say.server);
  say->add_option("-o,--output", s.say.output, "Audio file, or - for stdout")->capture_default_str();
  say->add_option("--model", s.say.model, "Realtime model")->capture_default_str();
  say->add_option("--voice", s.voice, "Voice: a system voice or a designed/cloned voice of its model")
      ->capture_default_str();
  say->add_option("--format", s.format, "pcm | wav | mp3 | opus (default: from the file name, else the server's pcm)");
  s.sample_rate_option = say->add_option("--sample-rate", s.sample_rate_hz, "8000 … 48000 Hz (server default 24000)");
  s.language_option = say->add_option("--language", s.language, "language_type: Auto, Chinese, English, German, …");
  s.speech_rate_option = say->add_option("--speech-rate", s.speech_rate, "Speech rate, 0.5 … 2.0");
  s.pitch_option = say->add_option("--pitch", s.pitch_rate, "Pitch rate, 0.5 … 2.0");
  s.volume_option = say->add_option("--volume", s.volume, "Volume, 0 … 100");
  s.bit_rate_option = say->add_option("--bit-rate", s.bit_rate_kbps, "kbit/s for mp3 and opus");
  s.instructions_option = say->add_option("--instructions", s.instructions,
                                          "How to speak (instruct models, e.g. qwen3-tts-instruct-flash-realtime)");

  CLI::App* voices = app.add_subcommand("voices", "List, design, clone and delete the account's custom voices");
  voices->require_subcommand(1);
  voices->fallthrough();  // --url, --api-key and --json also after list/design/clone/delete
  add_server_options(voices, s.voices_server);
  voices->add_flag("--json", s.raw_json, "Print the server's raw JSON answer");
  s.voices_list = voices->add_subcommand("list", "Every designed and cloned voice of the account");
  s.voices_design = voices->add_subcommand("design", "Design a voice from a description");
  s.voices_design->add_option("--description", s.design.description, "How the voice sounds")->required();
  s.voices_design->add_option("--preview-text", s.design.preview_text, "What the preview clip says")->required();
  s.voices_design->add_option("--name", s.design.name, "Name keyword ([A-Za-z0-9_], ≤ 16)")->capture_default_str();
  s.voices_design->add_option("--language", s.design.language, "zh, en, de, it, pt, es, ja, ko, fr, ru");
  s.voices_design->add_option("--target-model", s.design.target_model, "The model that will speak it")
      ->capture_default_str();
  s.voices_design->add_option("-o,--output", s.design.preview_output, "Save the preview clip here");
  s.voices_design->add_option("--format", s.design.format, "Preview format (default: from the file name, else wav)");
  s.voices_design->add_option("--sample-rate", s.design.sample_rate_hz, "Preview sample rate");
  s.voices_clone = voices->add_subcommand("clone", "Clone a voice from a recording (3–60 s of speech)");
  s.voices_clone->add_option("--audio", s.clone.audio_path, "The recording: wav, mp3, m4a, flac or ogg")->required();
  s.voices_clone->add_option("--name", s.clone.name, "Name keyword ([A-Za-z0-9_], ≤ 16)")->capture_default_str();
  s.voices_clone->add_option("--language", s.clone.language, "Language of the recording");
  s.voices_clone->add_option("--text", s.clone.transcript, "What the recording says");
  s.voices_clone->add_option("--target-model", s.clone.target_model, "The model that will speak it")
      ->capture_default_str();
  s.voices_delete = voices->add_subcommand("delete", "Delete a designed or cloned voice");
  s.voices_delete->add_option("voice", s.voice_to_delete, "The voice's name")->required();
}

ClientCommands::~ClientCommands() = default;

std::optional<int> ClientCommands::run_parsed() {
  State& s = *state_;
  if (s.say_command->parsed()) {
    s.say.session = s.session_fields();
    return run_say(s.say);
  }
  if (s.voices_list->parsed()) return run_voices_list(s.voices_server, s.raw_json);
  if (s.voices_design->parsed()) return run_voices_design(s.voices_server, s.design, s.raw_json);
  if (s.voices_clone->parsed()) return run_voices_clone(s.voices_server, s.clone, s.raw_json);
  if (s.voices_delete->parsed()) return run_voices_delete(s.voices_server, s.voice_to_delete, s.raw_json);
  return std::nullopt;
}

}  // namespace voxwire::client
