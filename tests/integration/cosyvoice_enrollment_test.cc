// CosyVoice voice customization over HTTP (api-reference-cosyvoice §13):
// model voice-enrollment, create_voice (clone from a URL or data URI, design
// with a decodable preview), list_voice, query_voice, update_voice,
// delete_voice with the SDK's request bodies and headers, every documented
// error, the quota shared by clones and designs, isolation between accounts
// and workspaces, and the voices speaking on /api-ws/v1/inference with their
// target model only.
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>
#include <thread>

#include "audio/audio_test_util.h"
#include "audio/pitch_tracker.h"
#include "base/base64.h"
#include "integration/audio_checks.h"
#include "integration/customization_fixture.h"
#include "integration/inference_fixture.h"
#include "support/canned_http_server.h"

namespace voxwire::testing {
namespace {

namespace json = boost::json;
using audio::test_util::ffmpeg_decode;
using audio::test_util::TempFile;

constexpr const char* kOtherKey = "sk-voxwire-other";
const std::regex kGmt("[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}");

// The body the SDK's VoiceEnrollmentService sends: the action's input and "parameters": {}.
json::object sdk_body(json::object input, json::object parameters = {}) {
  return {{"model", "voice-enrollment"}, {"input", std::move(input)}, {"parameters", std::move(parameters)}};
}

json::object clone_input(const std::string& url, const std::string& prefix = "myvoice",
                         const std::string& target = "cosyvoice-v3-plus") {
  return {{"action", "create_voice"}, {"target_model", target}, {"prefix", prefix}, {"url", url}};
}

json::object design_input(const std::string& prefix = "announcer", const std::string& target = "cosyvoice-v3.5-plus") {
  return {{"action", "create_voice"},
          {"target_model", target},
          {"voice_prompt", "沉稳的中年男性，音色低沉浑厚"},
          {"preview_text", "各位听众朋友，大家好"},
          {"prefix", prefix},
          {"language_hints", json::array{"zh"}}};
}

json::object action(const std::string& name, json::object fields = {}) {
  fields["action"] = name;
  return fields;
}

// Checks the success envelope and returns the output.
json::object expect_ok(const JsonReply& r) {
  EXPECT_EQ(r.status, 200) << json::serialize(r.body);
  if (r.status != 200) return {};
  EXPECT_EQ(r.body.at("usage").at("count").as_int64(), 1);
  EXPECT_EQ(r.body.at("request_id").as_string().size(), 36u);
  return r.body.at("output").as_object();
}

void expect_error(const JsonReply& r, int status, std::string_view code, std::string_view message_part = {}) {
  EXPECT_EQ(r.status, status) << json::serialize(r.body);
  ASSERT_TRUE(r.body.contains("code")) << json::serialize(r.body);
  EXPECT_EQ(r.body.at("code").as_string(), code) << json::serialize(r.body);
  EXPECT_EQ(r.body.at("request_id").as_string().size(), 36u);
  EXPECT_NE(std::string(r.body.at("message").as_string()).find(message_part), std::string::npos)
      << json::serialize(r.body);
}

// A CosyVoice task on /api-ws/v1/inference speaking `text` with `voice`:
// the PCM (24 kHz) it produced, or why it failed ("<error_code>: <message>").
struct Spoken {
  std::string failure;
  std::vector<int16_t> pcm;
};
Spoken speak(const TestServer& server, const std::string& model, const std::string& voice, const std::string& text,
             const std::string& key = kTestKey) {
  HandshakeResult handshake;
  auto c = WsClient::connect(server.port(), kInferencePath, key, &handshake);
  if (!c) return {"handshake " + std::to_string(handshake.status), {}};
  const std::string task_id = "task-" + voice.substr(voice.size() - 8) + "-" + model;
  c->send(run_task(task_id, model, params(voice, "pcm", 24000)));
  c->send(continue_task(task_id, {{"text", text}}));
  c->send(finish_task(task_id));
  TaskOutput t = read_task(*c);
  if (t.events.empty()) return {"no events", {}};
  const json::object& header = t.events.back().at("header").as_object();
  if (header.at("event").as_string() == "task-failed") {
    return {std::string(header.at("error_code").as_string()) + ": " + std::string(header.at("error_message").as_string()),
            {}};
  }
  return {"", pcm_samples(t.audio)};
}

double median_f0(const std::vector<int16_t>& pcm, int rate_hz) {
  auto stats = audio::analyze_pitch(pcm, rate_hz);
  return stats.ok() ? stats->median_hz : 0;
}

constexpr const char* kEnglishText = "It was a bright cold day in April, and the clocks were striking thirteen.";
constexpr const char* kRefused = "InvalidParameter: [tts:]Engine return error code: 418";

server::ServerConfig config_with(int max_voices = 1000) {
  auto config = TestServer::default_config();
  config.api_keys.push_back(kOtherKey);
  config.allow_private_urls = true;  // recordings served from loopback
  config.max_voices_per_account = max_voices;
  return config;
}

class CosyVoiceEnrollment : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer(config_with());
    recording_ = new std::string(reference_recording_wav());
  }
  static void TearDownTestSuite() {
    delete server_;
    delete recording_;
  }
  static JsonReply post(const json::object& body, const std::string& key = kTestKey, const std::string& ws = "") {
    return post_customization(*server_, body, key, ws);
  }
  static std::string recording_uri() { return data_uri("audio/wav", *recording_); }
  static std::string create_clone(const std::string& prefix = "myvoice", const std::string& target = "cosyvoice-v3-plus",
                                  const std::string& key = kTestKey, const std::string& ws = "") {
    json::object out = expect_ok(post(sdk_body(clone_input(recording_uri(), prefix, target)), key, ws));
    return out.contains("voice_id") ? std::string(out.at("voice_id").as_string()) : "";
  }
  static std::string create_design(const std::string& prefix, const std::string& ws = "") {
    json::object out = expect_ok(post(sdk_body(design_input(prefix), {{"response_format", "pcm"}}), kTestKey, ws));
    return out.contains("voice_id") ? std::string(out.at("voice_id").as_string()) : "";
  }

  static TestServer* server_;
  static std::string* recording_;
};
TestServer* CosyVoiceEnrollment::server_ = nullptr;
std::string* CosyVoiceEnrollment::recording_ = nullptr;

TEST_F(CosyVoiceEnrollment, CloneFromADataUriWithTheSdksHeadersThenQueryListAndDelete) {
  json::object input = clone_input(recording_uri(), "my_voice_1");
  input["language_hints"] = json::array{"en"};
  input["max_prompt_audio_length"] = 10.0;
  input["enable_preprocess"] = false;
  input["some_future_option"] = "ignored";  // the SDK forwards unknown keyword arguments into input
  json::object body = sdk_body(input);
  body["resources"] = json::array{};  // unknown top-level keys are tolerated too
  JsonReply created = post_customization_text(*server_, json::serialize(body),
                                               {{"Accept", "application/json; charset=utf-8"},
                                                {"Content-Type", "application/json; charset=utf-8"},
                                                {"Authorization", std::string("Bearer ") + kTestKey},
                                                {"user-agent", "dashscope/1.26.2; python/3.11"}});
  json::object output = expect_ok(created);
  const std::string voice_id(output.at("voice_id").as_string());
  EXPECT_TRUE(std::regex_match(voice_id, std::regex("cosyvoice-v3-plus-my_voice_1-[0-9a-f]{32}"))) << voice_id;

  json::object queried = expect_ok(post(sdk_body(action("query_voice", {{"voice_id", voice_id}}))));
  EXPECT_EQ(queried.at("target_model").as_string(), "cosyvoice-v3-plus");
  EXPECT_EQ(queried.at("status").as_string(), "OK");
  EXPECT_TRUE(std::regex_match(std::string(queried.at("gmt_create").as_string()), kGmt));
  EXPECT_EQ(queried.at("gmt_modified"), queried.at("gmt_create"));
  EXPECT_FALSE(queried.contains("resource_link")) << "a data URI recording has no link";
  EXPECT_FALSE(queried.contains("voice_prompt"));

  json::object listed = expect_ok(
      post(sdk_body(action("list_voice", {{"prefix", "my_voice_1"}, {"page_index", 0}, {"page_size", 10}}))));
  EXPECT_FALSE(listed.contains("total_count")) << "no pagination totals for CosyVoice";
  const json::array& voices = listed.at("voice_list").as_array();
  ASSERT_EQ(voices.size(), 1u) << json::serialize(listed);
  EXPECT_EQ(voices[0].at("voice_id").as_string(), voice_id);
  EXPECT_EQ(voices[0].at("status").as_string(), "OK");
  EXPECT_EQ(voices[0].at("gmt_create"), queried.at("gmt_create"));
  EXPECT_FALSE(voices[0].as_object().contains("voice_prompt"));

  EXPECT_TRUE(expect_ok(post(sdk_body(action("delete_voice", {{"voice_id", voice_id}})))).empty());
  expect_error(post(sdk_body(action("query_voice", {{"voice_id", voice_id}}))), 400, "InvalidParameter", voice_id);
  expect_error(post(sdk_body(action("delete_voice", {{"voice_id", voice_id}}))), 400, "InvalidParameter", voice_id);
}

TEST_F(CosyVoiceEnrollment, CloneFromAUrlKeepsItsResourceLinkForEveryTargetModel) {
  for (const char* target :
       {"cosyvoice-v1", "cosyvoice-v2", "cosyvoice-v3-flash", "cosyvoice-v3-plus", "cosyvoice-v3.5-flash",
        "cosyvoice-v3.5-plus"}) {
    CannedHttpServer files({ok_response(*recording_, "audio/wav")});
    json::object output = expect_ok(post(sdk_body(clone_input(files.url(), "fromurl", target))));
    ASSERT_TRUE(output.contains("voice_id")) << target;
    const std::string voice_id(output.at("voice_id").as_string());
    EXPECT_EQ(voice_id.rfind(std::string(target) + "-fromurl-", 0), 0u) << voice_id;
    json::object queried = expect_ok(post(sdk_body(action("query_voice", {{"voice_id", voice_id}}))));
    EXPECT_EQ(queried.at("resource_link").as_string(), files.url());
    EXPECT_EQ(queried.at("target_model").as_string(), target);
  }
}

TEST_F(CosyVoiceEnrollment, DesignReturnsADecodablePreviewInEachFormat) {
  struct Case {
    const char* format;
    int rate;
    const char* codec;
    std::string input_args;
  };
  for (const Case& c : {Case{"wav", 24000, "pcm_s16le", ""}, Case{"mp3", 48000, "mp3", ""},
                        Case{"pcm", 16000, "pcm_s16le", "-f s16le -ar 16000 -ac 1"}}) {
    json::object input = design_input("vd_" + std::string(c.format));
    input["url"] = nullptr;  // what the SDK's create_voice sends for a design
    JsonReply r = post(sdk_body(input, {{"sample_rate", c.rate}, {"response_format", c.format}}));
    json::object output = expect_ok(r);
    ASSERT_TRUE(output.contains("preview_audio")) << json::serialize(r.body);
    const std::string voice_id(output.at("voice_id").as_string());
    EXPECT_TRUE(std::regex_match(voice_id, std::regex("cosyvoice-v3\\.5-plus-vd-vd_" + std::string(c.format) +
                                                      "-[0-9a-f]{32}")))
        << voice_id;
    EXPECT_EQ(output.at("target_model").as_string(), "cosyvoice-v3.5-plus");
    const json::object& preview = output.at("preview_audio").as_object();
    EXPECT_EQ(preview.at("sample_rate").as_int64(), c.rate);
    EXPECT_EQ(preview.at("response_format").as_string(), c.format);
    auto bytes = base64::decode(preview.at("data").as_string());
    ASSERT_TRUE(bytes.has_value());
    TempFile file(*bytes, std::string(".") + c.format);
    auto decoded = ffmpeg_decode(file.path(), c.input_args);
    EXPECT_EQ(decoded.codec, c.codec) << c.format;
    EXPECT_EQ(decoded.sample_rate_hz, c.rate) << c.format;
    EXPECT_TRUE(decoded.errors.empty()) << decoded.errors;
    EXPECT_GT(voiced_seconds(decoded.samples, c.rate), 0.8) << c.format;

    json::object queried = expect_ok(post(sdk_body(action("query_voice", {{"voice_id", voice_id}}))));
    EXPECT_EQ(queried.at("voice_id").as_string(), voice_id);
    EXPECT_EQ(queried.at("voice_prompt").as_string(), "沉稳的中年男性，音色低沉浑厚");
    EXPECT_EQ(queried.at("preview_text").as_string(), "各位听众朋友，大家好");
    EXPECT_EQ(queried.at("target_model").as_string(), "cosyvoice-v3.5-plus");
    EXPECT_EQ(queried.at("status").as_string(), "OK");
    EXPECT_TRUE(std::regex_match(std::string(queried.at("gmt_modified").as_string()), kGmt));
  }
  // Designs in English, and with the defaults (wav, 24 kHz).
  json::object english = design_input("english", "cosyvoice-v3-flash");
  english["voice_prompt"] = "A warm, young female voice, bright and lively";
  english["preview_text"] = "Hello everyone, welcome to the show.";
  english["language_hints"] = json::array{"en"};
  json::object output = expect_ok(post(sdk_body(english)));
  EXPECT_EQ(output.at("preview_audio").at("response_format").as_string(), "wav");
  EXPECT_EQ(output.at("preview_audio").at("sample_rate").as_int64(), 24000);
}

TEST_F(CosyVoiceEnrollment, ListPagesNewestFirstAndFiltersOnTheExactPrefix) {
  const std::string ws = "ws_paging";  // a scope of its own
  std::vector<std::string> made;
  for (const char* prefix : {"page", "page", "page2", "page"}) made.push_back(create_design(prefix, ws));
  made.push_back(create_clone("page", "cosyvoice-v2", kTestKey, ws));
  auto list = [&](json::object fields) {
    json::object out = expect_ok(post(sdk_body(action("list_voice", std::move(fields))), kTestKey, ws));
    std::vector<std::string> ids;
    for (const json::value& v : out.at("voice_list").as_array()) ids.push_back(std::string(v.at("voice_id").as_string()));
    return ids;
  };
  EXPECT_EQ(list({{"prefix", "page"}, {"page_index", 0}, {"page_size", 3}}),
            (std::vector<std::string>{made[4], made[3], made[1]}));
  EXPECT_EQ(list({{"prefix", "page"}, {"page_index", 1}, {"page_size", 3}}), (std::vector<std::string>{made[0]}));
  EXPECT_TRUE(list({{"prefix", "page"}, {"page_index", 2}, {"page_size", 3}}).empty());
  EXPECT_EQ(list({{"prefix", "page2"}}), (std::vector<std::string>{made[2]}));
  EXPECT_TRUE(list({{"prefix", "pag"}}).empty()) << "the prefix segment matches exactly";
  EXPECT_TRUE(list({{"prefix", "vd"}}).empty()) << "a design's -vd- is not its prefix";
  EXPECT_EQ(list({}).size(), 5u) << "defaults: page 0 of 10";
  EXPECT_EQ(list({{"page_size", 1000}}).size(), 5u);
  // Designs carry their description, clones do not.
  json::object out = expect_ok(post(sdk_body(action("list_voice", {{"prefix", "page2"}})), kTestKey, ws));
  const json::object& design = out.at("voice_list").at(0).as_object();
  EXPECT_EQ(design.at("voice_prompt").as_string(), "沉稳的中年男性，音色低沉浑厚");
  EXPECT_EQ(design.at("preview_text").as_string(), "各位听众朋友，大家好");
  out = expect_ok(post(sdk_body(action("list_voice", {{"page_size", 1}})), kTestKey, ws));
  EXPECT_FALSE(out.at("voice_list").at(0).as_object().contains("voice_prompt")) << "the newest is the clone";
  // The Qwen products do not see CosyVoice voices, nor CosyVoice theirs.
  JsonReply qwen = post({{"model", "qwen-voice-design"}, {"input", {{"action", "list"}}}}, kTestKey, ws);
  EXPECT_EQ(qwen.body.at("output").at("total_count").as_int64(), 0);
}

TEST_F(CosyVoiceEnrollment, UpdateVoiceReanalysesTheNewRecordingUnderTheSameId) {
  const std::string voice_id = create_clone("updated");
  json::object before = expect_ok(post(sdk_body(action("query_voice", {{"voice_id", voice_id}}))));
  Spoken before_update = speak(*server_, "cosyvoice-v3-plus", voice_id, kEnglishText);
  ASSERT_EQ(before_update.failure, "");
  const double f0_before = median_f0(before_update.pcm, 24000);
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // gmt_modified has whole seconds
  CannedHttpServer files({ok_response(reference_recording_wav("pitch 700"), "audio/wav")});
  EXPECT_TRUE(
      expect_ok(post(sdk_body(action("update_voice", {{"voice_id", voice_id}, {"url", files.url()}})))).empty());
  json::object after = expect_ok(post(sdk_body(action("query_voice", {{"voice_id", voice_id}}))));
  EXPECT_EQ(after.at("gmt_create"), before.at("gmt_create"));
  EXPECT_NE(after.at("gmt_modified"), before.at("gmt_modified"));
  EXPECT_EQ(after.at("resource_link").as_string(), files.url());
  Spoken after_update = speak(*server_, "cosyvoice-v3-plus", voice_id, kEnglishText);
  ASSERT_EQ(after_update.failure, "");
  EXPECT_GT(median_f0(after_update.pcm, 24000), f0_before * 1.3) << "the voice now follows the higher recording";

  // A design cannot be updated; an unknown voice neither.
  const std::string design = create_design("noupdate");
  expect_error(post(sdk_body(action("update_voice", {{"voice_id", design}, {"url", recording_uri()}}))), 400,
               "InvalidParameter", "designed");
  expect_error(post(sdk_body(action("update_voice", {{"voice_id", "cosyvoice-v2-nobody-0123"}, {"url", recording_uri()}}))),
               400, "InvalidParameter", "cosyvoice-v2-nobody-0123");
  expect_error(post(sdk_body(action("update_voice", {{"voice_id", voice_id}}))), 400, "InvalidParameter", "input.url");
}

TEST_F(CosyVoiceEnrollment, EveryInvalidRequestGetsItsDocumentedError) {
  auto create = [&](json::object overrides, json::object parameters = {}) {
    json::object input = clone_input(recording_uri(), "errs");
    for (auto& [k, v] : overrides) input[k] = v;
    return post(sdk_body(input, std::move(parameters)));
  };
  auto design = [&](json::object overrides, json::object parameters = {}) {
    json::object input = design_input("errs");
    for (auto& [k, v] : overrides) input[k] = v;
    return post(sdk_body(input, std::move(parameters)));
  };
  expect_error(post(sdk_body(json::object{{"target_model", "cosyvoice-v2"}})), 400, "InvalidParameter", "input.action");
  expect_error(post(sdk_body(action("clone_voice"))), 400, "InvalidParameter", "clone_voice");
  expect_error(post({{"model", "voice-enrollment"}}), 400, "BadRequest.EmptyInput");
  expect_error(post({{"model", "voice-enrollment"}, {"input", "create_voice"}}), 400, "InvalidParameter");
  // create_voice, clone.
  expect_error(create({{"target_model", "cosyvoice-v4"}}), 400, "InvalidParameter", "input.target_model");
  expect_error(create({{"target_model", nullptr}}), 400, "InvalidParameter", "input.target_model");
  expect_error(create({{"prefix", "elevenchars"}}), 400, "InvalidParameter", "input.prefix");
  expect_error(create({{"prefix", "my-voice"}}), 400, "InvalidParameter", "input.prefix");
  expect_error(create({{"prefix", nullptr}}), 400, "InvalidParameter", "input.prefix");
  expect_error(create({{"url", nullptr}}), 400, "InvalidParameter", "input.url");
  expect_error(create({{"url", "ftp://example.com/a.wav"}}), 400, "InvalidParameter", "input.url");
  expect_error(create({{"url", 42}}), 400, "InvalidParameter", "input.url");
  expect_error(create({{"url", "data:audio/wav;base64,!!!"}}), 400, "InvalidParameter", "input.url");
  expect_error(create({{"url", data_uri("text/plain", *recording_)}}), 400, "InvalidParameter", "text/plain");
  expect_error(create({{"url", data_uri("audio/wav", "not audio at all")}}), 400, "InvalidParameter");
  expect_error(create({{"url", data_uri("audio/wav", reference_recording_wav("vol 0"))}}), 400,
               "Audio.PreprocessError");
  expect_error(create({{"url", data_uri("audio/wav", std::string(8u << 20, 'x'))}}), 413, "BadRequest.TooLarge");
  expect_error(create({{"language_hints", "zh"}}), 400, "InvalidParameter", "input.language_hints");
  expect_error(create({{"language_hints", json::array{"xx"}}}), 400, "InvalidParameter", "input.language_hints");
  expect_error(create({{"language_hints", json::array{1}}}), 400, "InvalidParameter", "input.language_hints");
  expect_error(create({{"max_prompt_audio_length", 2.9}}), 400, "InvalidParameter", "input.max_prompt_audio_length");
  expect_error(create({{"max_prompt_audio_length", 31}}), 400, "InvalidParameter", "input.max_prompt_audio_length");
  expect_error(create({{"max_prompt_audio_length", "10"}}), 400, "InvalidParameter", "input.max_prompt_audio_length");
  expect_error(create({{"enable_preprocess", "yes"}}), 400, "InvalidParameter", "input.enable_preprocess");
  {
    CannedHttpServer missing({"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"});
    expect_error(create({{"url", missing.url()}}), 400, "InvalidFile.DownloadFailed", "404");
  }
  // create_voice, design.
  expect_error(design({{"url", recording_uri()}}), 400, "InvalidParameter", "not both");
  expect_error(design({{"target_model", "cosyvoice-v2"}}), 400, "InvalidParameter", "input.target_model");
  expect_error(design({{"target_model", "cosyvoice-v1"}}), 400, "InvalidParameter", "input.target_model");
  expect_error(design({{"preview_text", nullptr}}), 400, "InvalidParameter", "input.preview_text");
  expect_error(design({{"preview_text", std::string(201, 'a')}}), 400, "InvalidParameter", "input.preview_text");
  expect_error(design({{"voice_prompt", std::string(501, 'a')}}), 400, "InvalidParameter", "input.voice_prompt");
  expect_error(design({{"voice_prompt", "落ち着いた声の男性です"}}), 400, "InvalidParameter", "input.voice_prompt");
  expect_error(design({{"language_hints", json::array{"fr"}}}), 400, "InvalidParameter", "input.language_hints");
  expect_error(design({{"language_hints", json::array{"en"}}}), 400, "InvalidParameter", "input.language_hints");
  expect_error(design({}, {{"sample_rate", 22050}}), 400, "InvalidParameter", "parameters.sample_rate");
  expect_error(design({}, {{"response_format", "opus"}}), 400, "InvalidParameter", "parameters.response_format");
  // list_voice, query_voice, delete_voice.
  expect_error(post(sdk_body(action("list_voice", {{"page_size", 1001}}))), 400, "InvalidParameter", "input.page_size");
  expect_error(post(sdk_body(action("list_voice", {{"page_size", 0}}))), 400, "InvalidParameter", "input.page_size");
  expect_error(post(sdk_body(action("list_voice", {{"page_index", -1}}))), 400, "InvalidParameter", "input.page_index");
  expect_error(post(sdk_body(action("list_voice", {{"prefix", "a-b"}}))), 400, "InvalidParameter", "input.prefix");
  expect_error(post(sdk_body(action("query_voice"))), 400, "InvalidParameter", "input.voice_id");
  expect_error(post(sdk_body(action("delete_voice", {{"voice_id", "cosyvoice-v2-x-0"}}))), 400, "InvalidParameter");
  // Authentication.
  expect_error(post(sdk_body(action("list_voice")), "sk-wrong"), 401, "InvalidApiKey");
  // Nothing failed was stored.
  json::object listed = expect_ok(post(sdk_body(action("list_voice", {{"prefix", "errs"}}))));
  EXPECT_TRUE(listed.at("voice_list").as_array().empty()) << json::serialize(listed);
}

TEST_F(CosyVoiceEnrollment, AccountsAndWorkspacesCannotSeeUseOrChangeEachOthersVoices) {
  const std::string voice_id = create_clone("mine");
  json::object query = sdk_body(action("query_voice", {{"voice_id", voice_id}}));
  json::object update = sdk_body(action("update_voice", {{"voice_id", voice_id}, {"url", recording_uri()}}));
  json::object remove = sdk_body(action("delete_voice", {{"voice_id", voice_id}}));
  json::object list = sdk_body(action("list_voice", {{"prefix", "mine"}}));
  for (auto [key, ws] : {std::pair<std::string, std::string>{kOtherKey, ""}, {kTestKey, "ws_other"}}) {
    expect_error(post(query, key, ws), 400, "InvalidParameter", voice_id);
    expect_error(post(update, key, ws), 400, "InvalidParameter", voice_id);
    expect_error(post(remove, key, ws), 400, "InvalidParameter", voice_id);
    EXPECT_TRUE(expect_ok(post(list, key, ws)).at("voice_list").as_array().empty());
  }
  EXPECT_EQ(expect_ok(post(list)).at("voice_list").as_array().size(), 1u);
  expect_ok(post(query));
}

TEST_F(CosyVoiceEnrollment, AClonedVoiceSpeaksOnlyOnItsTargetModelForItsOwner) {
  const std::string voice_id = create_clone("speaker", "cosyvoice-v3-plus");
  Spoken spoken = speak(*server_, "cosyvoice-v3-plus", voice_id, kEnglishText);
  ASSERT_EQ(spoken.failure, "");
  EXPECT_GT(voiced_seconds(spoken.pcm, 24000), 1.5);
  auto recording = audio::analyze_pitch(pcm_samples(recording_->substr(44)), 16000);
  ASSERT_TRUE(recording.ok());
  EXPECT_NEAR(median_f0(spoken.pcm, 24000), recording->median_hz, recording->median_hz * 0.12)
      << "the clone speaks at the recorded speaker's pitch";

  EXPECT_EQ(speak(*server_, "cosyvoice-v3-flash", voice_id, kEnglishText).failure, kRefused) << "another model";
  EXPECT_EQ(speak(*server_, "cosyvoice-v3.5-plus", voice_id, kEnglishText).failure, kRefused) << "another model";
  EXPECT_EQ(speak(*server_, "cosyvoice-v3-plus", voice_id, kEnglishText, kOtherKey).failure, kRefused)
      << "another account";
  EXPECT_EQ(speak(*server_, "cosyvoice-v3-plus", "cosyvoice-v3-plus-speaker-0123456789abcdef0123456789abcdef",
                  kEnglishText)
                .failure,
            kRefused)
      << "unknown";

  // v1 and v3.5 have no system voices: they speak only voices made for them.
  const std::string v1_voice = create_clone("legacy", "cosyvoice-v1");
  EXPECT_EQ(speak(*server_, "cosyvoice-v1", v1_voice, "今天天气很好。").failure, "");
  EXPECT_EQ(speak(*server_, "cosyvoice-v2", v1_voice, "今天天气很好。").failure, kRefused);

  // A deleted voice is gone from synthesis too.
  expect_ok(post(sdk_body(action("delete_voice", {{"voice_id", voice_id}}))));
  EXPECT_EQ(speak(*server_, "cosyvoice-v3-plus", voice_id, kEnglishText).failure, kRefused);
}

TEST_F(CosyVoiceEnrollment, ADesignedVoiceSpeaksOnItsTargetModel) {
  const std::string voice_id = create_design("speaks");  // cosyvoice-v3.5-plus
  Spoken spoken = speak(*server_, "cosyvoice-v3.5-plus", voice_id, "各位听众朋友，大家好，欢迎收听今天的节目。");
  ASSERT_EQ(spoken.failure, "");
  EXPECT_GT(voiced_seconds(spoken.pcm, 24000), 1.0);
  EXPECT_EQ(speak(*server_, "cosyvoice-v3.5-flash", voice_id, "大家好。").failure, kRefused);
  EXPECT_EQ(speak(*server_, "cosyvoice-v3.5-plus", voice_id, "大家好。", kOtherKey).failure, kRefused);
}

TEST(CosyVoiceEnrollmentQuota, ClonesAndDesignsShareOneQuotaPerAccountBesideTheQwenProducts) {
  TestServer server(config_with(2));
  const std::string recording = data_uri("audio/wav", reference_recording_wav());
  auto post = [&](const json::object& body, const std::string& ws = "") {
    return post_customization(server, body, kTestKey, ws);
  };
  const std::string clone(expect_ok(post(sdk_body(clone_input(recording)))).at("voice_id").as_string());
  expect_ok(post(sdk_body(design_input()), "ws_team"));  // another workspace of the same account counts too
  expect_error(post(sdk_body(design_input())), 429, "Throttling.AllocationQuota");
  expect_error(post(sdk_body(clone_input(recording))), 429, "Throttling.AllocationQuota");
  // The Qwen products keep quotas of their own, on the same store.
  EXPECT_EQ(post(design_request()).status, 200);
  EXPECT_EQ(post(clone_request(recording)).status, 200);
  JsonReply qwen_third = post(design_request({{"preferred_name", "third"}}));
  EXPECT_EQ(post(design_request({{"preferred_name", "fourth"}})).status, 429);
  EXPECT_EQ(qwen_third.status, 200);
  // Deleting frees a place.
  expect_ok(post(sdk_body(action("delete_voice", {{"voice_id", clone}}))));
  expect_ok(post(sdk_body(design_input())));
  expect_error(post(sdk_body(design_input())), 429, "Throttling.AllocationQuota");
}

}  // namespace
}  // namespace voxwire::testing
