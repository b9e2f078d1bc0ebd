// Custom voices in use (issue #4 points 3, 4 and 6): cloning over HTTP, the
// pairing of voices and models in realtime sessions, isolation between
// accounts and workspaces, the 1000-voice quota, restarts and the sweep of
// unused voices.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "audio/pitch_tracker.h"
#include "integration/audio_checks.h"
#include "integration/customization_fixture.h"
#include "support/canned_http_server.h"
#include "support/ws_client.h"

namespace voxwire::testing {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

constexpr const char* kOtherKey = "sk-voxwire-other";

server::ServerConfig two_key_config() {
  auto config = TestServer::default_config();
  config.api_keys.push_back(kOtherKey);
  return config;
}

std::string created_voice(const JsonReply& r) {
  EXPECT_EQ(r.status, 200) << json::serialize(r.body);
  return r.status == 200 ? std::string(r.body.at("output").at("voice").as_string()) : "";
}

// Sets up a realtime session on `model` with `voice`; returns the reply type
// ("session.updated" or "error").
std::string try_voice(const TestServer& server, const std::string& model, const std::string& voice,
                      const std::string& key = kTestKey, std::unique_ptr<WsClient>* keep = nullptr) {
  HandshakeResult hs;
  auto c = WsClient::connect(server.port(), server.realtime_target(model), key, &hs);
  if (!c) return "handshake " + std::to_string(hs.status);
  c->read_event();
  c->send(event("session.update", {{"session", json::object{{"voice", voice}, {"mode", "commit"}}}}));
  auto reply = c->read_event();
  std::string type = reply ? std::string(reply->at("type").as_string()) : "none";
  if (keep) *keep = std::move(c);
  return type;
}

// Synthesizes `text` with an already configured client; returns PCM samples.
std::vector<int16_t> speak(WsClient& c, const std::string& text) {
  c.send(event("input_text_buffer.append", {{"text", text}}));
  c.send(event("input_text_buffer.commit"));
  return pcm_samples(audio_bytes(c.read_until("response.done", 30s)));
}

double median_f0(const std::vector<int16_t>& pcm, int rate) {
  auto stats = audio::analyze_pitch(pcm, rate);
  return stats.ok() ? stats->median_hz : 0;
}

TEST(CustomVoices, DesignedVoiceWorksOnlyWithItsTargetModel) {
  TestServer server;
  std::string voice = created_voice(post_customization(server, design_request()));
  std::unique_ptr<WsClient> c;
  ASSERT_EQ(try_voice(server, kDesignModel, voice, kTestKey, &c), "session.updated");
  auto pcm = speak(*c, "各位听众朋友们，大家好。");
  EXPECT_GT(voiced_seconds(pcm, 24000), 0.8);
  EXPECT_EQ(try_voice(server, "qwen3-tts-vd-realtime-2026-01-15", voice), "error");  // another snapshot
  EXPECT_EQ(try_voice(server, "qwen3-tts-flash-realtime", voice), "error");         // system-voice model
  EXPECT_EQ(try_voice(server, kCloneModel, voice), "error");                        // cloned-voice model
  EXPECT_EQ(try_voice(server, kDesignModel, "Cherry"), "error");                    // system voice on VD
}

TEST(CustomVoices, AccountsAndWorkspacesCannotSeeUseOrDeleteEachOthersVoices) {
  TestServer server(two_key_config());
  std::string voice = created_voice(post_customization(server, design_request()));
  json::object query{{"model", "qwen-voice-design"}, {"input", {{"action", "query"}, {"voice", voice}}}};
  json::object remove{{"model", "qwen-voice-design"}, {"input", {{"action", "delete"}, {"voice", voice}}}};
  json::object list{{"model", "qwen-voice-design"}, {"input", {{"action", "list"}}}};
  // Another account.
  EXPECT_EQ(post_customization(server, list, kOtherKey).body.at("output").at("total_count").as_int64(), 0);
  EXPECT_EQ(post_customization(server, query, kOtherKey).body.at("code").as_string(), "VoiceNotFound");
  EXPECT_EQ(post_customization(server, remove, kOtherKey).body.at("code").as_string(), "VoiceNotFound");
  EXPECT_EQ(try_voice(server, kDesignModel, voice, kOtherKey), "error");
  // Another workspace of the same account.
  EXPECT_EQ(post_customization(server, query, kTestKey, "ws_other").body.at("code").as_string(), "VoiceNotFound");
  // The owner still has it.
  EXPECT_EQ(post_customization(server, query).status, 200);
  EXPECT_EQ(try_voice(server, kDesignModel, voice), "session.updated");
}

TEST(CustomVoices, QuotaRefusesTheVoiceBeyondTheLimit) {
  auto config = TestServer::default_config();
  config.max_voices_per_account = 2;
  TestServer server(config);
  created_voice(post_customization(server, design_request({{"preferred_name", "one"}})));
  created_voice(post_customization(server, design_request({{"preferred_name", "two"}})));
  JsonReply third = post_customization(server, design_request({{"preferred_name", "three"}}));
  EXPECT_EQ(third.status, 429);
  EXPECT_EQ(third.body.at("code").as_string(), "Throttling.AllocationQuota");
  auto list = post_customization(server, {{"model", "qwen-voice-design"}, {"input", {{"action", "list"}}}});
  EXPECT_EQ(list.body.at("output").at("total_count").as_int64(), 2) << "a refused create leaves nothing behind";
}

TEST(CustomVoices, VoicesSurviveARestartAndSoundTheSame) {
  auto config = TestServer::default_config();
  std::string voice;
  double f0_before = 0;
  {
    TestServer server(config);
    voice = created_voice(post_customization(server, design_request()));
    std::unique_ptr<WsClient> c;
    ASSERT_EQ(try_voice(server, kDesignModel, voice, kTestKey, &c), "session.updated");
    f0_before = median_f0(speak(*c, "我们明天早上九点见面。"), 24000);
  }
  TestServer restarted(config);
  auto query = post_customization(restarted,
                                  {{"model", "qwen-voice-design"}, {"input", {{"action", "query"}, {"voice", voice}}}});
  EXPECT_EQ(query.status, 200);
  std::unique_ptr<WsClient> c;
  ASSERT_EQ(try_voice(restarted, kDesignModel, voice, kTestKey, &c), "session.updated");
  EXPECT_NEAR(median_f0(speak(*c, "我们明天早上九点见面。"), 24000), f0_before, f0_before * 0.03);
}

TEST(CustomVoices, VoicesUnusedForAYearAreSwept) {
  ManualClock clock(1'760'000'000'000);
  auto config = TestServer::default_config();
  config.sweep_interval_ms = 50;
  TestServer server(config, &clock);
  std::string idle = created_voice(post_customization(server, design_request({{"preferred_name", "idle"}})));
  std::string busy = created_voice(post_customization(server, design_request({{"preferred_name", "busy"}})));
  clock.advance_ms(200LL * 24 * 3600 * 1000);
  EXPECT_EQ(try_voice(server, kDesignModel, busy), "session.updated");  // records its use
  clock.advance_ms(200LL * 24 * 3600 * 1000);                           // 400 days after creation
  std::this_thread::sleep_for(300ms);                                    // a few sweeps
  auto exists = [&](const std::string& v) {
    return post_customization(server, {{"model", "qwen-voice-design"}, {"input", {{"action", "query"}, {"voice", v}}}})
               .status == 200;
  };
  EXPECT_FALSE(exists(idle));
  EXPECT_TRUE(exists(busy)) << "used 200 days ago: kept";
}

class CustomVoicesCloning : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto config = TestServer::default_config();
    config.allow_private_urls = true;  // the URL test serves the recording from loopback
    server_ = new TestServer(config);
    recording_ = new std::string(reference_recording_wav());
  }
  static void TearDownTestSuite() {
    delete server_;
    delete recording_;
  }
  static TestServer* server_;
  static std::string* recording_;
};
TestServer* CustomVoicesCloning::server_ = nullptr;
std::string* CustomVoicesCloning::recording_ = nullptr;

TEST_F(CustomVoicesCloning, ClonedVoiceFollowsTheRecordingAndOnlyItsModel) {
  JsonReply r = post_customization(*server_, clone_request(data_uri("audio/wav", *recording_)));
  std::string voice = created_voice(r);
  EXPECT_TRUE(std::regex_match(voice, std::regex("qwen-tts-vc-reader-voice-[0-9]{17}-[0-9a-f]{4}"))) << voice;
  EXPECT_EQ(r.body.at("output").at("target_model").as_string(), kCloneModel);
  EXPECT_EQ(r.body.at("usage").at("count").as_int64(), 1);

  std::unique_ptr<WsClient> c;
  ASSERT_EQ(try_voice(*server_, kCloneModel, voice, kTestKey, &c), "session.updated");
  auto pcm = speak(*c, "It was a bright cold day, and the clocks were striking thirteen.");
  auto recording = audio::analyze_pitch(pcm_samples(recording_->substr(44)), 16000);
  ASSERT_TRUE(recording.ok());
  EXPECT_NEAR(median_f0(pcm, 24000), recording->median_hz, recording->median_hz * 0.12);
  EXPECT_EQ(try_voice(*server_, "qwen3-tts-vc-realtime-2026-01-15", voice), "error");
  EXPECT_EQ(try_voice(*server_, kDesignModel, voice), "error");

  auto query = post_customization(
      *server_, {{"model", "qwen-voice-enrollment"}, {"input", {{"action", "query"}, {"voice", voice}}}});
  EXPECT_EQ(query.status, 200);
  EXPECT_EQ(query.body.at("usage").at("count").as_int64(), 0);
  auto list = post_customization(*server_, {{"model", "qwen-voice-enrollment"}, {"input", {{"action", "list"}}}});
  EXPECT_GE(list.body.at("output").at("total_count").as_int64(), 1);
  auto del = post_customization(*server_,
                                {{"model", "qwen-voice-enrollment"}, {"input", {{"action", "delete"}, {"voice", voice}}}});
  EXPECT_EQ(del.status, 200);
  EXPECT_EQ(del.body.at("output").at("voice").as_string(), voice);
  EXPECT_EQ(try_voice(*server_, kCloneModel, voice), "error");
}

TEST_F(CustomVoicesCloning, RecordingsCanComeFromAUrl) {
  CannedHttpServer files({ok_response(*recording_, "audio/wav")});
  std::string voice = created_voice(post_customization(*server_, clone_request(files.url())));
  EXPECT_FALSE(voice.empty());
}

TEST_F(CustomVoicesCloning, BadRecordingsGetClearErrors) {
  auto code_of = [](const JsonReply& r) { return std::string(r.body.at("code").as_string()); };
  EXPECT_EQ(code_of(post_customization(*server_, clone_request("data:audio/wav;base64,!!!notbase64"))),
            "InvalidParameter");
  EXPECT_EQ(code_of(post_customization(*server_, clone_request(data_uri("audio/wav", "not a wav file at all")))),
            "InvalidParameter");
  EXPECT_EQ(code_of(post_customization(*server_, clone_request(data_uri("text/plain", *recording_)))),
            "InvalidParameter");
  std::string silence = reference_recording_wav("vol 0");
  JsonReply silent = post_customization(*server_, clone_request(data_uri("audio/wav", silence)));
  EXPECT_EQ(silent.status, 400);
  EXPECT_EQ(code_of(silent), "Audio.PreprocessError");
  JsonReply huge = post_customization(*server_, clone_request(data_uri("audio/wav", std::string(8u << 20, 'x'))));
  EXPECT_EQ(huge.status, 413);
  EXPECT_EQ(code_of(huge), "BadRequest.TooLarge");
  EXPECT_EQ(code_of(post_customization(*server_, clone_request(""))), "InvalidParameter");
  EXPECT_EQ(code_of(post_customization(*server_, clone_request(data_uri("audio/wav", *recording_),
                                                               {{"target_model", kDesignModel}}))),
            "InvalidParameter");
  EXPECT_EQ(code_of(post_customization(*server_, clone_request("ftp://example.com/voice.wav"))), "InvalidParameter");
}

TEST(CustomVoicesCloningUrls, PrivateAddressesAreRefusedByDefault) {
  TestServer server;  // allow_private_urls = false
  CannedHttpServer files({ok_response("RIFF", "audio/wav")});
  JsonReply r = post_customization(server, clone_request(files.url()));
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(std::string(r.body.at("message").as_string()).find("non-public"), std::string::npos);
}

TEST(InstructionControl, InstructModelsFollowInstructionsOthersIgnoreThem) {
  TestServer server;
  auto median_with = [&](const std::string& model, const std::string& instructions) {
    HandshakeResult hs;
    auto c = WsClient::connect(server.port(), server.realtime_target(model), kTestKey, &hs);
    EXPECT_NE(c, nullptr);
    c->read_event();
    c->send(event("session.update", {{"session", json::object{{"voice", "Cherry"},
                                                              {"mode", "commit"},
                                                              {"instructions", instructions}}}}));
    EXPECT_EQ(c->read_event()->at("type").as_string(), "session.updated");
    auto pcm = speak(*c, "我们明天早上九点在公司门口见面，然后一起去机场。");
    return std::make_pair(median_f0(pcm, 24000), pcm.size() / 24000.0);
  };
  const std::string instruct = "qwen3-tts-instruct-flash-realtime";
  auto plain = median_with(instruct, "");
  auto raised = median_with(instruct, "语调上扬，声音高一些，语速快一点");
  EXPECT_GT(raised.first, plain.first * 1.08);
  EXPECT_LT(raised.second, plain.second * 0.95);
  auto slow = median_with(instruct, "speak slowly and calmly");
  EXPECT_GT(slow.second, plain.second * 1.05);
  // A model without instruction control ignores them.
  auto ignored = median_with("qwen3-tts-flash-realtime", "语调上扬，声音高一些，语速快一点");
  EXPECT_NEAR(ignored.first, plain.first, plain.first * 0.03);
  EXPECT_NEAR(ignored.second, plain.second, plain.second * 0.03);
}

}  // namespace
}  // namespace voxwire::testing
