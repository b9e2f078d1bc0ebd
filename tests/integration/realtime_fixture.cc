#include "integration/realtime_fixture.h"

namespace voxwire::testing {

void expect_response_block(const std::vector<boost::json::object>& all_events, std::string_view status) {
  // Acknowledgements of later commits may arrive while a response streams;
  // the response's own events must form one ordered block.
  std::vector<boost::json::object> events;
  for (const auto& e : all_events) {
    if (e.at("type").as_string().starts_with("response.")) events.push_back(e);
  }
  std::vector<std::string> types = types_of(events);
  ASSERT_GE(types.size(), 7u);
  EXPECT_EQ(types[0], "response.created");
  EXPECT_EQ(types[1], "response.output_item.added");
  EXPECT_EQ(types[2], "response.content_part.added");
  std::size_t n = types.size();
  EXPECT_EQ(types[n - 4], "response.audio.done");
  EXPECT_EQ(types[n - 3], "response.content_part.done");
  EXPECT_EQ(types[n - 2], "response.output_item.done");
  EXPECT_EQ(types[n - 1], "response.done");
  for (std::size_t i = 3; i + 4 < n; ++i) EXPECT_EQ(types[i], "response.audio.delta") << "event " << i;
  if (status == "completed") {
    EXPECT_GE(count_type(events, "response.audio.delta"), 1);
  }

  std::string response_id(events[0].at("response").at("id").as_string());
  EXPECT_TRUE(response_id.starts_with("resp_"));
  std::string item_id(events[1].at("item").at("id").as_string());
  EXPECT_TRUE(item_id.starts_with("item_"));
  for (std::size_t i = 1; i < n - 1; ++i) {
    if (events[i].contains("response_id")) {
      EXPECT_EQ(events[i].at("response_id").as_string(), response_id);
    }
    if (events[i].contains("item_id")) {
      EXPECT_EQ(events[i].at("item_id").as_string(), item_id);
    }
  }
  const auto& done = events[n - 1].at("response").as_object();
  EXPECT_EQ(done.at("id").as_string(), response_id);
  EXPECT_EQ(done.at("status").as_string(), status);
  EXPECT_EQ(done.at("object").as_string(), "realtime.response");
  EXPECT_TRUE(done.at("usage").is_object());
  for (const auto& e : events) {
    EXPECT_TRUE(e.at("event_id").as_string().starts_with("event_"));
  }
}

boost::json::object error_of(const boost::json::object& e) {
  EXPECT_EQ(e.at("type").as_string(), "error") << boost::json::serialize(e);
  if (!e.contains("error")) return {};
  return e.at("error").as_object();
}

}  // namespace voxwire::testing
