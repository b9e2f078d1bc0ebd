#include "client/api_error_text.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace voxwire::client {
namespace {

TEST(ApiErrorText, SaysTheServersMessageAndCode) {
  EXPECT_EQ(describe_http_error(401, R"({"request_id":"r","code":"InvalidApiKey","message":"Invalid API-key provided."})"),
            "Invalid API-key provided. (InvalidApiKey, HTTP 401)");
  const std::string quoted = describe_http_error(502, "<html>bad gateway</html>");
  EXPECT_NE(quoted.find("bad gateway"), std::string::npos);
  EXPECT_NE(quoted.find("502"), std::string::npos);
}

TEST(ApiErrorText, MapsStatusesToCodes) {
  EXPECT_EQ(status_code_for_http(401), StatusCode::kUnauthenticated);
  EXPECT_EQ(status_code_for_http(404), StatusCode::kNotFound);
  EXPECT_EQ(status_code_for_http(429), StatusCode::kResourceExhausted);
  EXPECT_EQ(status_code_for_http(400), StatusCode::kInvalidArgument);
  EXPECT_EQ(status_code_for_http(503), StatusCode::kUnavailable);
}

TEST(ApiErrorText, DescribesRealtimeErrorEvents) {
  const auto event = boost::json::parse(
      R"({"type":"error","error":{"type":"invalid_request_error","code":"invalid_value","message":"Unknown voice.","param":"session.voice"}})");
  const std::string text = describe_error_event(event.as_object());
  EXPECT_NE(text.find("Unknown voice."), std::string::npos);
  EXPECT_NE(text.find("session.voice"), std::string::npos);
}

}  // namespace
}  // namespace voxwire::client
