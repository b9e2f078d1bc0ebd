#include "realtime/events.h"

#include "base/ids.h"

namespace voxwire::realtime {
namespace {

namespace json = boost::json;

json::object base(std::string_view type) {
  json::object e;
  e["event_id"] = ids::prefixed("event");
  e["type"] = type;
  return e;
}

json::object with_part_fields(std::string_view type, const ResponseIds& ids) {
  json::object e = base(type);
  e["response_id"] = ids.response_id;
  e["item_id"] = ids.item_id;
  e["output_index"] = 0;
  e["content_index"] = 0;
  return e;
}

json::object item(const ResponseIds& ids, bool done) {
  json::object it;
  it["id"] = ids.item_id;
  it["object"] = "realtime.item";
  it["type"] = "message";
  it["status"] = done ? "completed" : "in_progress";
  it["role"] = "assistant";
  json::array content;
  if (done) content.push_back(json::object{{"type", "audio"}, {"text", ""}});
  it["content"] = std::move(content);
  return it;
}

json::object output_item_event(std::string_view type, const ResponseIds& ids, bool done) {
  json::object e = base(type);
  e["response_id"] = ids.response_id;
  e["output_index"] = 0;
  e["item"] = item(ids, done);
  return e;
}

}  // namespace

json::object error_event(const ErrorInfo& error) {
  json::object e = base("error");
  json::object body;
  body["type"] = error.type;
  body["code"] = error.code;
  body["message"] = error.message;
  if (!error.param.empty()) body["param"] = error.param;
  if (!error.client_event_id.empty()) body["event_id"] = error.client_event_id;
  e["error"] = std::move(body);
  return e;
}

json::object session_event(std::string_view type, json::object session) {
  json::object e = base(type);
  e["session"] = std::move(session);
  return e;
}

json::object simple_event(std::string_view type) { return base(type); }

json::object committed_event(std::string_view item_id) {
  json::object e = base("input_text_buffer.committed");
  e["item_id"] = item_id;
  return e;
}

json::object response_created(const ResponseIds& ids, std::string_view voice) {
  json::object e = base("response.created");
  e["response"] = json::object{{"id", ids.response_id}, {"object", "realtime.response"}, {"conversation_id", ""},
                               {"status", "in_progress"}, {"voice", voice}, {"output", json::array()}};
  return e;
}

json::object output_item_added(const ResponseIds& ids) {
  return output_item_event("response.output_item.added", ids, false);
}

json::object content_part_added(const ResponseIds& ids) {
  json::object e = with_part_fields("response.content_part.added", ids);
  e["part"] = json::object{{"type", "audio"}, {"text", ""}};
  return e;
}

json::object audio_delta(const ResponseIds& ids, std::string base64_audio) {
  json::object e = with_part_fields("response.audio.delta", ids);
  e["delta"] = std::move(base64_audio);
  return e;
}

json::object audio_done(const ResponseIds& ids) { return with_part_fields("response.audio.done", ids); }

json::object content_part_done(const ResponseIds& ids) {
  json::object e = with_part_fields("response.content_part.done", ids);
  e["part"] = json::object{{"type", "audio"}, {"text", ""}};
  return e;
}

json::object output_item_done(const ResponseIds& ids) {
  return output_item_event("response.output_item.done", ids, true);
}

json::object response_done(const ResponseIds& ids, std::string_view voice, std::string_view status,
                           json::object usage) {
  json::object e = base("response.done");
  json::object output_item = item(ids, true);
  output_item["content"] = json::array{json::object{{"type", "audio"}, {"transcript", ""}}};
  e["response"] = json::object{{"id", ids.response_id},
                               {"object", "realtime.response"},
                               {"conversation_id", ""},
                               {"status", status},
                               {"modalities", json::array{"text", "audio"}},
                               {"voice", voice},
                               {"output", json::array{std::move(output_item)}},
                               {"usage", std::move(usage)}};
  return e;
}

}  // namespace voxwire::realtime
