#include "client/voices_command.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <boost/json.hpp>

#include "base/base64.h"
#include "client/customization_call.h"
#include "client/recording_data_uri.h"

namespace voxwire::client {
namespace {

namespace json = boost::json;

int fail(int exit_code, const std::string& message) {
  std::cerr << "voxwire voices: " << message << "\n";
  return exit_code;
}

std::string text_at(const json::object& object, std::string_view key) {
  const json::value* value = object.if_contains(key);
  return value && value->is_string() ? std::string(value->as_string()) : std::string();
}

const json::object& object_at(const json::object& object, std::string_view key) {
  static const json::object kEmpty;
  const json::value* value = object.if_contains(key);
  return value && value->is_object() ? value->as_object() : kEmpty;
}

std::string format_of_file(const std::string& path) {
  const std::string extension = std::filesystem::path(path).extension().string();
  for (const char* format : {"wav", "mp3", "opus", "pcm"}) {
    if (extension == std::string(".") + format) return format;
  }
  return extension == ".ogg" ? "opus" : "wav";
}

// Runs one call with the checked server; prints the raw answer when asked.
// On failure the message is printed and *exit_code set.
std::optional<json::object> call(const ServerOptions& options, std::string_view product, json::object input,
                                 json::object parameters, int* exit_code) {
  auto server = checked_server(options);
  if (!server.ok()) {
    *exit_code = fail(kExitBadInput, server.status().message());
    return std::nullopt;
  }
  auto answer = call_customization(*server, options.api_key, product, std::move(input), std::move(parameters));
  if (!answer.ok()) {
    *exit_code = fail(kExitServerError, answer.status().message());
    return std::nullopt;
  }
  return std::move(*answer);
}

void print_created(const json::object& answer) {
  const json::object& output = object_at(answer, "output");
  std::cout << "voice:        " << text_at(output, "voice") << "\ntarget model: " << text_at(output, "target_model")
            << "\nspeak with:   voxwire say --model " << text_at(output, "target_model") << " --voice "
            << text_at(output, "voice") << " \"…\"\n";
}

}  // namespace

int run_voices_list(const ServerOptions& server, bool raw_json) {
  json::object raw;
  std::vector<std::pair<std::string, json::object>> rows;  // kind, voice entry
  for (auto [product, kind] : {std::pair{kDesignProduct, "designed"}, std::pair{kCloningProduct, "cloned"}}) {
    int exit_code = 0;
    // 1000 is the per-product quota, so one page holds every voice.
    auto answer = call(server, product, {{"action", "list"}, {"page_index", 0}, {"page_size", 1000}}, {}, &exit_code);
    if (!answer) return exit_code;
    const json::value* list = object_at(*answer, "output").if_contains("voice_list");
    if (list && list->is_array()) {
      for (const json::value& voice : list->as_array()) {
        if (voice.is_object()) rows.emplace_back(kind, voice.as_object());
      }
    }
    raw[product] = std::move(*answer);
  }
  if (raw_json) {
    std::cout << json::serialize(raw) << "\n";
    return 0;
  }
  if (rows.empty()) {
    std::cout << "no designed or cloned voices\n";
    return 0;
  }
  std::printf("%-56s %-9s %-36s %s\n", "VOICE", "KIND", "TARGET MODEL", "CREATED");
  for (const auto& [kind, voice] : rows) {
    std::printf("%-56s %-9s %-36s %s\n", text_at(voice, "voice").c_str(), kind.c_str(),
                text_at(voice, "target_model").c_str(), text_at(voice, "gmt_create").c_str());
  }
  return 0;
}

int run_voices_design(const ServerOptions& server, const VoiceDesignOptions& options, bool raw_json) {
  json::object input{{"action", "create"},
                     {"voice_prompt", options.description},
                     {"preview_text", options.preview_text},
                     {"preferred_name", options.name},
                     {"target_model", options.target_model}};
  if (!options.language.empty()) input["language"] = options.language;
  json::object parameters{
      {"response_format", options.format.empty() ? format_of_file(options.preview_output) : options.format}};
  if (options.sample_rate_hz > 0) parameters["sample_rate"] = options.sample_rate_hz;
  int exit_code = 0;
  auto answer = call(server, kDesignProduct, std::move(input), std::move(parameters), &exit_code);
  if (!answer) return exit_code;
  if (!options.preview_output.empty()) {
    const std::string data = text_at(object_at(object_at(*answer, "output"), "preview_audio"), "data");
    std::optional<std::string> audio = base64::decode(data);
    if (!audio || audio->empty()) return fail(kExitServerError, "the answer holds no preview audio");
    std::ofstream file(options.preview_output, std::ios::binary | std::ios::trunc);
    file.write(audio->data(), static_cast<std::streamsize>(audio->size()));
    if (!file.flush()) return fail(kExitBadInput, "cannot write " + options.preview_output);
  }
  if (raw_json) {
    std::cout << json::serialize(*answer) << "\n";
    return 0;
  }
  print_created(*answer);
  if (!options.preview_output.empty()) std::cout << "preview:      " << options.preview_output << "\n";
  return 0;
}

int run_voices_clone(const ServerOptions& server, const VoiceCloneOptions& options, bool raw_json) {
  auto recording = recording_data_uri(options.audio_path);
  if (!recording.ok()) return fail(kExitBadInput, recording.status().message());
  json::object input{{"action", "create"},
                     {"preferred_name", options.name},
                     {"target_model", options.target_model},
                     {"audio", {{"data", std::move(*recording)}}}};
  if (!options.language.empty()) input["language"] = options.language;
  if (!options.transcript.empty()) input["text"] = options.transcript;
  int exit_code = 0;
  auto answer = call(server, kCloningProduct, std::move(input), {}, &exit_code);
  if (!answer) return exit_code;
  if (raw_json) {
    std::cout << json::serialize(*answer) << "\n";
  } else {
    print_created(*answer);
  }
  return 0;
}

int run_voices_delete(const ServerOptions& server, const std::string& voice, bool raw_json) {
  std::string_view product;
  if (voice.starts_with("qwen-tts-vd-")) product = kDesignProduct;
  else if (voice.starts_with("qwen-tts-vc-")) product = kCloningProduct;
  else return fail(kExitBadInput, "'" + voice + "' is not a designed (qwen-tts-vd-…) or cloned (qwen-tts-vc-…) voice");
  int exit_code = 0;
  auto answer = call(server, product, {{"action", "delete"}, {"voice", voice}}, {}, &exit_code);
  if (!answer) return exit_code;
  if (raw_json) {
    std::cout << json::serialize(*answer) << "\n";
  } else {
    std::cout << "deleted " << voice << "\n";
  }
  return 0;
}

}  // namespace voxwire::client
