// client/realtime_speaker.h: speaks one text through the realtime WebSocket
// API (/api-ws/v1/realtime), as the official SDKs do: session.update in
// server_commit mode, input_text_buffer.append, session.finish, then the
// audio of every response until session.finished. Blocking; one call per
// text; no shared state.
#pragma once
#include <chrono>
#include <functional>
#include <string>
#include <string_view>

#include <boost/json/object.hpp>

#include "base/status.h"
#include "client/server_url.h"

namespace voxwire::client {

struct SpeechRequest {
  std::string model;             // the realtime model (query parameter)
  std::string text;              // REQUIRES: not empty
  boost::json::object session;   // session.update fields: voice, response_format, sample_rate, …
  std::chrono::seconds silence_timeout{30};  // give up when the server sends nothing for this long
};

struct SpeechCallbacks {
  // Once, with the effective configuration of session.updated (before any audio).
  std::function<void(const boost::json::object& session)> on_configured;
  // The audio in order, as it arrives, ready to append to one file: for wav,
  // the header of every response after the first is left out, so the
  // session's responses make one stream. A non-OK status stops the speech
  // and is returned by speak().
  std::function<Status(std::string_view bytes)> on_audio;
};

// OK when session.finished arrived. Otherwise the reason in plain words:
// Unavailable (cannot connect, connection lost), Unauthenticated /
// InvalidArgument / NotFound from a refused handshake (its JSON body
// described), InvalidArgument from an `error` event (a bad voice, format, …),
// DeadlineExceeded after silence_timeout without a server event.
Status speak(const ServerUrl& server, const std::string& api_key, const SpeechRequest& request,
             const SpeechCallbacks& callbacks);

}  // namespace voxwire::client
