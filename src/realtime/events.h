// realtime/events.h: builders for the server events of the Qwen-TTS realtime
// protocol (api-reference §2.5), each with a fresh `event_id` and `type`.
// Pure functions, thread-safe.
#pragma once
#include <string>
#include <string_view>

#include <boost/json.hpp>

namespace voxwire::realtime {

// The ids of one response block (§2.6): response, its single output item.
struct ResponseIds {
  std::string response_id;  // resp_...
  std::string item_id;      // item_...
};

struct ErrorInfo {
  std::string code = "invalid_value";            // invalid_value, invalid_json, internal_error, ...
  std::string message;
  std::string param;                             // offending field, may be empty
  std::string type = "invalid_request_error";    // or "server_error"
  std::string client_event_id;                   // the client event at fault, may be empty
};

boost::json::object error_event(const ErrorInfo& error);
boost::json::object session_event(std::string_view type, boost::json::object session);  // created / updated
boost::json::object simple_event(std::string_view type);  // session.finished, input_text_buffer.cleared
boost::json::object committed_event(std::string_view item_id);

boost::json::object response_created(const ResponseIds& ids, std::string_view voice);
boost::json::object output_item_added(const ResponseIds& ids);
boost::json::object content_part_added(const ResponseIds& ids);
boost::json::object audio_delta(const ResponseIds& ids, std::string base64_audio);
boost::json::object audio_done(const ResponseIds& ids);
boost::json::object content_part_done(const ResponseIds& ids);
boost::json::object output_item_done(const ResponseIds& ids);
// status: completed | cancelled | failed; usage as the model reports it.
boost::json::object response_done(const ResponseIds& ids, std::string_view voice, std::string_view status,
                                  boost::json::object usage);

}  // namespace voxwire::realtime
