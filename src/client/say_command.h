// client/say_command.h: `voxwire say` — speaks a text through a server's
// realtime API and streams the audio to a file or stdout as it arrives.
// Reports problems in plain words on stderr; returns the process exit code.
#pragma once
#include <string>

#include <boost/json/object.hpp>

#include "client/client_options.h"

namespace voxwire::client {

struct SayOptions {
  ServerOptions server;
  std::string text;                     // empty: read stdin to its end
  std::string model;                    // a realtime model
  std::string output = "-";             // a file path, or "-" for stdout
  boost::json::object session;          // session.update fields chosen on the command line
};

// 0 once every byte is written; kExitBadInput for no key, no text, a bad URL
// or an unwritable output (nothing is sent then); kExitServerError when the
// server refuses or fails (a partly written output file is removed).
// A progress line goes to stderr when stderr is a terminal.
int run_say(SayOptions options);

}  // namespace voxwire::client
