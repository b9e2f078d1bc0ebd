#include "api/error_body.h"

#include <gtest/gtest.h>

namespace voxwire {
namespace {

namespace json = boost::json;

TEST(ErrorBody, DashScopeBodiesCarryRequestIdCodeAndMessage) {
  const json::object body = error_body(ApiError::invalid_api_key(), ErrorDialect::kDashScope, "req-1");
  EXPECT_EQ(body, (json::object{{"request_id", "req-1"}, {"code", "InvalidApiKey"}, {"message", "Invalid API-key provided."}}));
}

TEST(ErrorBody, OpenAiBodiesNameTypeParamAndCode) {
  auto error_of = [](const ApiError& e) {
    return error_body(e, ErrorDialect::kOpenAi, "req-1").at("error").as_object();
  };
  ApiError bad_voice = ApiError::invalid_parameter("no such voice");
  bad_voice.param = "voice";
  EXPECT_EQ(error_of(bad_voice), (json::object{{"message", "no such voice"},
                                               {"type", "invalid_request_error"},
                                               {"param", "voice"},
                                               {"code", "invalid_value"}}));
  const json::object malformed = error_of(ApiError::invalid_parameter("not JSON"));
  EXPECT_TRUE(malformed.at("param").is_null());
  EXPECT_TRUE(malformed.at("code").is_null());
  EXPECT_EQ(error_of(ApiError::invalid_api_key()).at("code"), "invalid_api_key");
  EXPECT_EQ(error_of(ApiError::rate_quota()).at("type"), "requests");
  EXPECT_EQ(error_of(ApiError::rate_quota()).at("code"), "rate_limit_exceeded");
  EXPECT_EQ(error_of(ApiError::path_not_found("/v1/x")).at("code"), "unknown_url");
  EXPECT_EQ(error_of(ApiError::too_large()).at("code"), "request_too_large");
  EXPECT_EQ(error_of(ApiError::internal()).at("type"), "server_error");
  EXPECT_FALSE(error_body(ApiError::internal(), ErrorDialect::kOpenAi, "req-1").contains("request_id"));
}

TEST(ErrorBody, PathsUnderV1SpeakOpenAi) {
  EXPECT_EQ(dialect_for_path("/v1/audio/speech"), ErrorDialect::kOpenAi);
  EXPECT_EQ(dialect_for_path("/v1/anything"), ErrorDialect::kOpenAi);
  EXPECT_EQ(dialect_for_path("/api/v1/services/aigc/multimodal-generation/generation"), ErrorDialect::kDashScope);
  EXPECT_EQ(dialect_for_path("/v1"), ErrorDialect::kDashScope);
}

}  // namespace
}  // namespace voxwire
