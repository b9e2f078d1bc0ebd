// Voice design over HTTP (api-reference §5): create with a preview, list,
// query, delete, and every documented error.
#include <gtest/gtest.h>

#include <regex>

#include "audio/audio_test_util.h"
#include "base/base64.h"
#include "integration/customization_fixture.h"
#include "support/http_client.h"

namespace voxwire::testing {
namespace {

namespace json = boost::json;

class CustomizationDesign : public SharedServerTest {
 protected:
  static std::string create(json::object overrides = {}, const std::string& key = kTestKey) {
    JsonReply r = post_customization(*server_, design_request(std::move(overrides)), key);
    EXPECT_EQ(r.status, 200) << json::serialize(r.body);
    return r.status == 200 ? std::string(r.body.at("output").at("voice").as_string()) : "";
  }
};

void expect_error(const JsonReply& r, int status, std::string_view code) {
  EXPECT_EQ(r.status, status) << json::serialize(r.body);
  ASSERT_TRUE(r.body.contains("code")) << json::serialize(r.body);
  EXPECT_EQ(r.body.at("code").as_string(), code);
  EXPECT_TRUE(r.body.at("message").is_string());
  EXPECT_EQ(r.body.at("request_id").as_string().size(), 36u);
}

TEST_F(CustomizationDesign, CreateReturnsTheVoiceNameAndAPlayablePreview) {
  JsonReply r = post_customization(*server_, design_request({}, {{"sample_rate", 16000}, {"response_format", "wav"}}));
  ASSERT_EQ(r.status, 200) << json::serialize(r.body);
  const auto& output = r.body.at("output").as_object();
  std::string voice(output.at("voice").as_string());
  EXPECT_TRUE(std::regex_match(voice, std::regex("qwen-tts-vd-announcer-voice-[0-9]{14}-[0-9a-f]{4}"))) << voice;
  EXPECT_EQ(output.at("target_model").as_string(), kDesignModel);
  EXPECT_EQ(r.body.at("usage").at("count").as_int64(), 1);
  EXPECT_EQ(r.body.at("request_id").as_string().size(), 36u);
  const auto& preview = output.at("preview_audio").as_object();
  EXPECT_EQ(preview.at("sample_rate").as_int64(), 16000);
  EXPECT_EQ(preview.at("response_format").as_string(), "wav");
  auto wav = base64::decode(preview.at("data").as_string());
  ASSERT_TRUE(wav.has_value());
  audio::test_util::TempFile file(*wav, ".wav");
  auto decoded = audio::test_util::ffmpeg_decode(file.path());
  EXPECT_EQ(decoded.sample_rate_hz, 16000);
  EXPECT_GT(decoded.samples.size(), 16000u * 2);
  EXPECT_GT(audio::test_util::rms<int16_t>(decoded.samples), 300);
  // What the description was understood to say comes back too.
  bool saw_gender = false;
  for (const auto& cue : output.at("understood").as_array()) {
    saw_gender |= cue.at("dimension").as_string() == "gender" && cue.at("value").as_string() == "male";
  }
  EXPECT_TRUE(saw_gender) << json::serialize(output.at("understood"));
}

TEST_F(CustomizationDesign, PreviewHonoursFormatAndRate) {
  JsonReply r = post_customization(*server_, design_request({{"preferred_name", "mp3voice"}},
                                                            {{"sample_rate", 48000}, {"response_format", "mp3"}}));
  ASSERT_EQ(r.status, 200);
  auto mp3 = base64::decode(r.body.at("output").at("preview_audio").at("data").as_string());
  audio::test_util::TempFile file(*mp3, ".mp3");
  auto decoded = audio::test_util::ffmpeg_decode(file.path());
  EXPECT_EQ(decoded.codec, "mp3");
  EXPECT_EQ(decoded.sample_rate_hz, 48000);
}

// The preview text goes through the text front end like any synthesis: a
// numeric preview lasts as long as its written-out spoken form (within 3 %);
// read digit-wise by the engine, the phone number alone would not.
TEST_F(CustomizationDesign, PreviewTextIsNormalized) {
  auto preview_seconds = [&](const char* name, const char* text) {
    JsonReply r = post_customization(*server_, design_request({{"preferred_name", name}, {"preview_text", text}},
                                                              {{"sample_rate", 16000}, {"response_format", "pcm"}}));
    EXPECT_EQ(r.status, 200) << json::serialize(r.body);
    if (r.status != 200) return 0.0;
    auto pcm = base64::decode(r.body.at("output").at("preview_audio").at("data").as_string());
    return pcm ? static_cast<double>(pcm->size()) / 2.0 / 16000.0 : 0.0;
  };
  const double numeric = preview_seconds("numeric", "电话13812345678，价格3.5元，增长50%。");
  const double spoken = preview_seconds("spoken", "电话幺三八幺二三四五六七八，价格三点五元，增长百分之五十。");
  ASSERT_GT(spoken, 1.0);
  EXPECT_NEAR(numeric / spoken, 1.0, 0.03) << numeric << " s vs " << spoken << " s";
}

TEST_F(CustomizationDesign, ListQueryDelete) {
  std::string key = "sk-design-list";  // a fresh account (the test server accepts configured keys only)
  auto config = TestServer::default_config();
  config.api_keys.push_back(key);
  TestServer server(config);
  auto create_on = [&](std::string name) {
    JsonReply r = post_customization(server, design_request({{"preferred_name", name}}), key);
    EXPECT_EQ(r.status, 200) << json::serialize(r.body);
    return std::string(r.body.at("output").at("voice").as_string());
  };
  std::string first = create_on("first");
  std::string second = create_on("second");
  std::string third = create_on("third");

  auto list = post_customization(
      server, {{"model", "qwen-voice-design"}, {"input", {{"action", "list"}, {"page_size", 2}, {"page_index", 0}}}},
      key);
  ASSERT_EQ(list.status, 200) << json::serialize(list.body);
  const auto& out = list.body.at("output").as_object();
  EXPECT_EQ(out.at("total_count").as_int64(), 3);
  EXPECT_EQ(out.at("page_size").as_int64(), 2);
  ASSERT_EQ(out.at("voice_list").as_array().size(), 2u);
  const auto& newest = out.at("voice_list").as_array()[0].as_object();
  EXPECT_EQ(newest.at("voice").as_string(), third);
  EXPECT_EQ(newest.at("target_model").as_string(), kDesignModel);
  EXPECT_EQ(newest.at("language").as_string(), "zh");
  EXPECT_TRUE(std::regex_match(std::string(newest.at("gmt_create").as_string()),
                               std::regex("[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}")));
  EXPECT_TRUE(newest.contains("voice_prompt") && newest.contains("preview_text") && newest.contains("gmt_modified"));
  auto page2 = post_customization(
      server, {{"model", "qwen-voice-design"}, {"input", {{"action", "list"}, {"page_size", 2}, {"page_index", 1}}}},
      key);
  ASSERT_EQ(page2.body.at("output").at("voice_list").as_array().size(), 1u);
  EXPECT_EQ(page2.body.at("output").at("voice_list").as_array()[0].at("voice").as_string(), first);
  auto beyond = post_customization(
      server, {{"model", "qwen-voice-design"}, {"input", {{"action", "list"}, {"page_index", 5}}}}, key);
  EXPECT_TRUE(beyond.body.at("output").at("voice_list").as_array().empty());
  EXPECT_EQ(beyond.body.at("output").at("total_count").as_int64(), 3);

  auto query = post_customization(
      server, {{"model", "qwen-voice-design"}, {"input", {{"action", "query"}, {"voice", second}}}}, key);
  ASSERT_EQ(query.status, 200);
  EXPECT_EQ(query.body.at("output").at("voice").as_string(), second);
  EXPECT_EQ(query.body.at("output").at("voice_prompt").as_string(),
            "沉稳的中年男性播音员，音色低沉浑厚，富有磁性，语速平稳。");
  EXPECT_TRUE(query.body.at("usage").as_object().empty());

  auto del = post_customization(
      server, {{"model", "qwen-voice-design"}, {"input", {{"action", "delete"}, {"voice", second}}}}, key);
  ASSERT_EQ(del.status, 200);
  EXPECT_EQ(del.body.at("output").at("voice").as_string(), second);
  expect_error(post_customization(server,
                                  {{"model", "qwen-voice-design"}, {"input", {{"action", "query"}, {"voice", second}}}},
                                  key),
               400, "VoiceNotFound");
  expect_error(post_customization(server,
                                  {{"model", "qwen-voice-design"}, {"input", {{"action", "delete"}, {"voice", second}}}},
                                  key),
               400, "VoiceNotFound");
}

TEST_F(CustomizationDesign, EveryDocumentedErrorIsReturned) {
  auto post = [](const json::object& body) { return post_customization(*server_, body); };
  expect_error(post({{"input", {{"action", "list"}}}}), 400, "BadRequest.EmptyModel");
  expect_error(post({{"model", "qwen-voice-nothing"}, {"input", {{"action", "list"}}}}), 404, "ModelNotFound");
  expect_error(post({{"model", "qwen-voice-design"}}), 400, "BadRequest.EmptyInput");
  expect_error(post({{"model", "qwen-voice-design"}, {"input", json::object{}}}), 400, "InvalidParameter");
  expect_error(post({{"model", "qwen-voice-design"}, {"input", {{"action", "rename"}}}}), 400, "InvalidParameter");
  expect_error(post(design_request({{"target_model", "qwen3-tts-flash-realtime"}})), 400, "InvalidParameter");
  expect_error(post(design_request({{"target_model", kCloneModel}})), 400, "InvalidParameter");
  expect_error(post(design_request({{"preferred_name", "has-hyphen"}})), 400, "InvalidParameter");
  expect_error(post(design_request({{"preferred_name", "seventeen_chars_x"}})), 400, "InvalidParameter");
  expect_error(post(design_request({{"voice_prompt", std::string(2049, 'a')}})), 400, "InvalidParameter");
  expect_error(post(design_request({{"voice_prompt", "落ち着いた中年の男性の声"}})), 400, "InvalidParameter");
  expect_error(post(design_request({{"voice_prompt", ""}})), 400, "InvalidParameter");
  expect_error(post(design_request({{"preview_text", std::string(1025, 'a')}})), 400, "InvalidParameter");
  expect_error(post(design_request({{"language", "xx"}})), 400, "InvalidParameter");
  expect_error(post(design_request({}, {{"sample_rate", 12345}})), 400, "InvalidParameter");
  expect_error(post(design_request({}, {{"response_format", "flac"}})), 400, "InvalidParameter");
  expect_error(post({{"model", "qwen-voice-design"}, {"input", {{"action", "list"}, {"page_index", 201}}}}), 400,
               "InvalidParameter");
  expect_error(post({{"model", "qwen-voice-design"}, {"input", {{"action", "list"}, {"page_size", 0}}}}), 400,
               "InvalidParameter");
  expect_error(post({{"model", "qwen-voice-design"}, {"input", {{"action", "query"}}}}), 400, "InvalidParameter");
  expect_error(post_customization(*server_, design_request(), "sk-wrong"), 401, "InvalidApiKey");
  expect_error(post_customization(*server_, design_request(), ""), 401, "InvalidApiKey");
}

TEST_F(CustomizationDesign, MalformedRequestsGetJsonErrors) {
  auto raw = [](const std::string& method, const std::string& content_type, const std::string& body) {
    HttpResult r = http_request(server_->port(), method, kCustomizationPath,
                                {{"Authorization", std::string("Bearer ") + kTestKey}, {"Content-Type", content_type}},
                                body);
    JsonReply reply{r.status, {}};
    boost::system::error_code ec;
    auto v = json::parse(r.body, ec);
    if (!ec && v.is_object()) reply.body = v.as_object();
    return reply;
  };
  expect_error(raw("POST", "application/json", "{\"model\": "), 400, "InvalidParameter");
  expect_error(raw("POST", "application/json", "[1,2]"), 400, "InvalidParameter");
  expect_error(raw("POST", "text/plain", "{}"), 400, "InvalidParameter");
  expect_error(raw("GET", "application/json", ""), 400, "InvalidParameter");
  // The SDK's content type and extra top-level keys are accepted.
  JsonReply ok = raw("POST", "application/json; charset=utf-8",
                     R"({"model":"qwen-voice-design","parameters":{},"input":{"action":"list"},"extra":1})");
  EXPECT_EQ(ok.status, 200) << json::serialize(ok.body);
}

}  // namespace
}  // namespace voxwire::testing
