#include "client/say_command.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include "client/progress_line.h"
#include "client/realtime_speaker.h"

namespace voxwire::client {
namespace {

bool blank(const std::string& text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; }

int fail(int exit_code, const std::string& message) {
  std::cerr << "voxwire say: " << message << "\n";
  return exit_code;
}

AudioByteRate byte_rate_of(const boost::json::object& session) {
  AudioByteRate rate;
  if (auto* format = session.if_contains("response_format"); format && format->is_string()) {
    rate.format = std::string(format->as_string());
  }
  if (auto* hz = session.if_contains("sample_rate"); hz && hz->is_int64()) rate.sample_rate_hz = int(hz->as_int64());
  if (auto* kbps = session.if_contains("bit_rate"); kbps && kbps->is_int64()) rate.bit_rate_kbps = int(kbps->as_int64());
  return rate;
}

}  // namespace

int run_say(SayOptions options) {
  auto server = checked_server(options.server);
  if (!server.ok()) return fail(kExitBadInput, server.status().message());
  if (options.text.empty()) {
    options.text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  }
  if (blank(options.text)) return fail(kExitBadInput, "no text to speak (give it as an argument or on stdin)");

  const bool to_stdout = options.output == "-";
  if (to_stdout && isatty(STDOUT_FILENO)) {
    return fail(kExitBadInput, "not writing audio to a terminal; give -o FILE (or redirect stdout)");
  }
  std::ofstream file;
  if (!to_stdout) {
    file.open(options.output, std::ios::binary | std::ios::trunc);
    if (!file) return fail(kExitBadInput, "cannot write " + options.output);
  }
  std::ostream& out = to_stdout ? std::cout : file;

  ProgressLine progress(isatty(STDERR_FILENO) ? &std::cerr : nullptr);
  SpeechRequest request{options.model, options.text, options.session};
  SpeechCallbacks callbacks;
  callbacks.on_configured = [&](const boost::json::object& session) { progress.set_byte_rate(byte_rate_of(session)); };
  callbacks.on_audio = [&](std::string_view bytes) {
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) return Status::internal("writing the audio failed");
    progress.add_audio(bytes.size());
    return Status();
  };
  Status spoken = speak(*server, options.server.api_key, request, callbacks);
  progress.finish();
  if (!spoken.ok()) {
    if (!to_stdout) {
      file.close();
      std::error_code ignored;
      std::filesystem::remove(options.output, ignored);
    }
    return fail(kExitServerError, spoken.message());
  }
  return 0;
}

}  // namespace voxwire::client
