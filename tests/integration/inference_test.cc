// /api-ws/v1/inference over loopback (api-reference-cosyvoice §2-§12): the
// CosyVoice duplex task and the Sambert output-streaming task, binary audio
// in every format decoded by ffmpeg, connection reuse and preemption, every
// validation error, malformed instructions, the idle and 23 s timers.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include <boost/json.hpp>

#include "audio/audio_test_util.h"
#include "audio/pitch_tracker.h"
#include "integration/audio_checks.h"
#include "integration/inference_fixture.h"
#include "integration/test_server.h"
#include "support/ws_client.h"

namespace voxwire::testing {
namespace {

namespace json = boost::json;
using audio::test_util::ffmpeg_decode;
using audio::test_util::TempFile;

// The SDK's call(): format "Default", sample_rate 0 (mp3 22050), enable_ssml
// true with plain text, type and seed; continue-task with routing fields.
TEST_F(InferenceTest, SdkShapedTaskStreamsMp3WithTheDocumentedEvents) {
  auto c = open();
  ASSERT_NE(c, nullptr);
  json::object p{{"voice", "longanyang"}, {"volume", 50}, {"text_type", "PlainText"}, {"sample_rate", 0},
                 {"rate", 1.0}, {"format", "Default"}, {"pitch", 1.0}, {"seed", 0}, {"type", 0},
                 {"enable_ssml", true}};
  c->send(run_task("a23e262f8a4a446b835b0120e13d12bc", "cosyvoice-v3-flash", p));
  expect_started(*c, "a23e262f8a4a446b835b0120e13d12bc");
  json::object cont = continue_task("a23e262f8a4a446b835b0120e13d12bc",
                                    {{"text", "Hello there, this is the first sentence. 你好。"}});
  for (const char* key : {"task_group", "task", "function"}) cont["payload"].as_object()[key] = "x";
  cont["payload"].as_object()["model"] = "cosyvoice-v3-flash";
  c->send(cont);
  c->send(finish_task("a23e262f8a4a446b835b0120e13d12bc"));
  TaskOutput t = read_task(*c);
  ASSERT_FALSE(t.events.empty());
  EXPECT_EQ(event_name(t.events.back()), "task-finished") << json::serialize(t.events.back());
  EXPECT_TRUE(t.binary_after_synthesis);
  // sentence-begin, (sentence-synthesis binary)+, sentence-end per sentence, in index order.
  int begins = 0, ends = 0;
  for (const json::object& e : t.events) {
    std::string l = label(e);
    if (l == "sentence-begin" || l == "sentence-end" || l == "sentence-synthesis") {
      const json::object& out = e.at("payload").at("output").as_object();
      EXPECT_TRUE(out.at("sentence").at("words").as_array().empty());
      const int64_t index = out.at("sentence").at("index").as_int64();
      if (l == "sentence-begin") {
        EXPECT_EQ(index, begins++);
      }
      if (l == "sentence-synthesis") {
        EXPECT_EQ(index, begins - 1);
      }
      if (l == "sentence-end") {
        EXPECT_EQ(index, ends++);
        EXPECT_TRUE(out.contains("original_text"));
        EXPECT_GT(e.at("payload").at("usage").at("characters").as_int64(), 0);
      }
    }
  }
  EXPECT_EQ(begins, 2);
  EXPECT_EQ(ends, 2);
  const json::object& fin = t.events.back();
  // "Hello there, this is the first sentence. " = 41, "你好。" = 2 + 2 + 1.
  EXPECT_EQ(fin.at("payload").at("usage").at("characters").as_int64(), 41 + 5);
  EXPECT_EQ(fin.at("header").at("attributes").at("request_uuid").as_string().size(), 36u);
  TempFile file(t.audio, ".mp3");
  auto decoded = ffmpeg_decode(file.path());
  EXPECT_EQ(decoded.codec, "mp3");
  EXPECT_EQ(decoded.sample_rate_hz, 22050);
  EXPECT_GT(voiced_seconds(decoded.samples, 22050), 1.0);
}

struct FormatCase {
  std::string format;
  int rate;
  std::string codec;
  std::string input_args;
  int decoded_rate;
};

class InferenceFormatTest : public InferenceTest, public ::testing::WithParamInterface<FormatCase> {};

TEST_P(InferenceFormatTest, BinaryAudioDecodesInTheRequestedFormat) {
  const FormatCase& f = GetParam();
  auto c = open();
  ASSERT_NE(c, nullptr);
  json::object p = params("longxiaochun_v2", f.format, f.rate);
  if (f.format == "opus") p["bit_rate"] = 32;
  c->send(run_task("task-" + f.format, "cosyvoice-v2", p));
  expect_started(*c, "task-" + f.format);
  c->send(continue_task("task-" + f.format, {{"text", "The quick brown fox jumps over the lazy dog."}}));
  c->send(continue_task("task-" + f.format, {{"text", " A second sentence without an end"}}));
  c->send(finish_task("task-" + f.format));
  TaskOutput t = read_task(*c);
  ASSERT_FALSE(t.events.empty());
  EXPECT_EQ(event_name(t.events.back()), "task-finished");
  EXPECT_TRUE(t.binary_after_synthesis);
  TempFile file(t.audio, "." + (f.format == "pcm" ? std::string("raw") : f.format == "opus" ? "ogg" : f.format));
  auto decoded = ffmpeg_decode(file.path(), f.input_args);
  EXPECT_EQ(decoded.codec, f.codec);
  EXPECT_EQ(decoded.sample_rate_hz, f.decoded_rate);
  EXPECT_TRUE(decoded.errors.empty()) << decoded.errors;
  EXPECT_GT(voiced_seconds(decoded.samples, f.decoded_rate), 1.5);
  if (f.format == "wav") {
    EXPECT_EQ(t.audio.compare(0, 4, "RIFF"), 0);
    EXPECT_EQ(t.audio.find("RIFF", 4), std::string::npos);  // one header only
  }
}

INSTANTIATE_TEST_SUITE_P(Formats, InferenceFormatTest,
                         ::testing::Values(FormatCase{"pcm", 16000, "pcm_s16le", "-f s16le -ar 16000 -ac 1", 16000},
                                           FormatCase{"wav", 24000, "pcm_s16le", "", 24000},
                                           FormatCase{"mp3", 8000, "mp3", "", 8000},
                                           FormatCase{"opus", 48000, "opus", "", 48000}),
                         [](const auto& info) { return info.param.format; });

TEST_F(InferenceTest, ConnectionIsReusedForANewTaskWithANewId) {
  auto c = open();
  ASSERT_NE(c, nullptr);
  for (const auto& [id, model, voice] : {std::tuple{"t1", "cosyvoice-v3-plus", "longanhuan"},
                                         std::tuple{"t2", "cosyvoice-v2", "longcheng_v2"}}) {
    c->send(run_task(id, model, params(voice, "pcm", 24000)));
    expect_started(*c, id);
    c->send(continue_task(id, {{"text", "Reuse works."}}));
    c->send(finish_task(id));
    TaskOutput t = read_task(*c);
    ASSERT_FALSE(t.events.empty());
    EXPECT_EQ(event_name(t.events.back()), "task-finished") << id;
    EXPECT_EQ(t.events.back().at("header").at("task_id").as_string(), id);
    EXPECT_GT(t.audio.size(), 4800u);
    EXPECT_EQ(t.audio.size() % 2, 0u);
  }
  // An earlier task id is refused.
  c->send(run_task("t1", "cosyvoice-v2", params("longcheng_v2", "pcm", 24000)));
  TaskOutput dup = read_task(*c);
  ASSERT_FALSE(dup.events.empty());
  EXPECT_EQ(event_name(dup.events.back()), "task-failed");
  EXPECT_NE(std::string(dup.events.back().at("header").at("error_message").as_string()).find("task_id"),
            std::string::npos);
}

TEST_F(InferenceTest, RunTaskMidTaskPreemptsTheRunningTask) {
  auto c = open();
  ASSERT_NE(c, nullptr);
  c->send(run_task("first", "cosyvoice-v3-flash", params("longanyang", "pcm", 24000)));
  expect_started(*c, "first");
  std::string text;
  for (int i = 0; i < 10; ++i) text += "This sentence belongs to the first task and takes a while to speak. ";
  c->send(continue_task("first", {{"text", text}}));
  std::this_thread::sleep_for(100ms);
  c->send(run_task("second", "cosyvoice-v3-flash", params("longanhuan", "pcm", 24000)));
  // Whatever of the first task was already on its way, nothing of it follows
  // the second task's task-started, and the first never finishes.
  bool second_started = false;
  for (int i = 0; i < 2000 && !second_started; ++i) {
    auto m = c->read_message(10s);
    ASSERT_TRUE(m.has_value());
    if (m->binary) continue;
    json::object e = json::parse(m->data).as_object();
    EXPECT_NE(event_name(e), "task-finished");
    second_started = event_name(e) == "task-started" && e.at("header").at("task_id").as_string() == "second";
  }
  ASSERT_TRUE(second_started);
  c->send(continue_task("second", {{"text", "Second."}}));
  c->send(finish_task("second"));
  TaskOutput t = read_task(*c);
  ASSERT_FALSE(t.events.empty());
  for (const json::object& e : t.events) EXPECT_EQ(e.at("header").at("task_id").as_string(), "second");
  EXPECT_EQ(event_name(t.events.back()), "task-finished");
  EXPECT_EQ(t.events.back().at("payload").at("usage").at("characters").as_int64(), 7);
}

TEST_F(InferenceTest, FlushSynthesizesAnUnfinishedSentence) {
  auto c = open();
  ASSERT_NE(c, nullptr);
  c->send(run_task("flush", "cosyvoice-v3-flash", params("longanyang", "pcm", 16000)));
  expect_started(*c, "flush");
  c->send(continue_task("flush", {{"text", "no sentence end yet"}}));
  c->send(continue_task("flush", {{"flush", true}}));
  auto m = c->read_message(10s);
  ASSERT_TRUE(m && !m->binary);
  json::object e = json::parse(m->data).as_object();
  EXPECT_EQ(label(e), "sentence-begin");
  EXPECT_EQ(e.at("payload").at("output").at("original_text").as_string(), "no sentence end yet");
  c->send_binary("ignored");  // binary frames from a TTS client are ignored
  c->send(finish_task("flush"));
  TaskOutput t = read_task(*c);
  ASSERT_FALSE(t.events.empty());
  EXPECT_EQ(event_name(t.events.back()), "task-finished");
}

TEST_F(InferenceTest, SambertTaskFinishesByItself) {
  HandshakeResult r;
  auto c = WsClient::connect(server_->port(), std::string(kInferencePath) + "/", kTestKey, &r);  // trailing slash
  ASSERT_NE(c, nullptr) << r.status;
  c->send(run_task("sambert-1", "sambert-zhichu-v1", {{"stream", true}}, {{"text", "今天天气怎么样。Fine, thanks."}},
                   "out"));
  expect_started(*c, "sambert-1");
  TaskOutput t = read_task(*c, /*cosyvoice=*/false);
  ASSERT_FALSE(t.events.empty());
  const json::object& fin = t.events.back();
  EXPECT_EQ(event_name(fin), "task-finished");
  EXPECT_TRUE(fin.at("payload").at("output").is_null());
  // Every character counts 1: 7 + 1 + 13.
  EXPECT_EQ(fin.at("payload").at("usage").at("characters").as_int64(), 21);
  int64_t last_begin = -1;
  int results = 0;
  for (const json::object& e : t.events) {
    if (event_name(e) != "result-generated") continue;
    ++results;
    const json::object& s = e.at("payload").at("output").at("sentence").as_object();
    EXPECT_GT(s.at("begin_time").as_int64(), last_begin);
    EXPECT_GT(s.at("end_time").as_int64(), s.at("begin_time").as_int64());
    last_begin = s.at("begin_time").as_int64();
  }
  EXPECT_EQ(results, 2);
  TempFile file(t.audio, ".wav");
  auto decoded = ffmpeg_decode(file.path());
  EXPECT_EQ(decoded.codec, "pcm_s16le");
  EXPECT_EQ(decoded.sample_rate_hz, 16000);
  EXPECT_GT(voiced_seconds(decoded.samples, 16000), 1.0);
}

TEST_F(InferenceTest, RunTaskValidationErrors) {
  auto base = [] { return params("longanyang", "mp3", 22050); };
  json::object no_model = run_task("v1", "cosyvoice-v3-flash", base());
  no_model["payload"].as_object().erase("model");
  expect_run_task_failure(no_model, "Missing required parameter 'payload.model'! Please follow the protocol!");
  expect_run_task_failure(run_task("v2", "cosyvoice-v9", base()), "Model not exist.");
  json::object no_input = run_task("v3", "cosyvoice-v3-flash", base());
  no_input["payload"].as_object().erase("input");
  expect_run_task_failure(no_input, "task can not be null");
  expect_run_task_failure(run_task("v4", "cosyvoice-v3-flash", base(), {{"mode", "x"}}), "payload.input.mode");
  json::object p = base();
  p.erase("voice");
  expect_run_task_failure(run_task("v5", "cosyvoice-v3-flash", p), "Request voice is invalid!");
  expect_run_task_failure(run_task("v6", "cosyvoice-v3-flash", params("longxiaochun_v2", "mp3", 22050)),
                          "[tts:]Engine return error code: 418");
  expect_run_task_failure(run_task("v7", "cosyvoice-v3-plus", params("nobody", "mp3", 22050)),
                          "[tts:]Engine return error code: 418");
  const std::vector<std::pair<std::pair<std::string, json::value>, std::string>> bad = {
      {{"format", "flac"}, "'format'"},
      {{"sample_rate", 12345}, "'sample_rate'"},
      {{"volume", 101}, "'volume'"},
      {{"volume", "loud"}, "'volume'"},
      {{"rate", 3.0}, "'rate'"},
      {{"pitch", 0.1}, "'pitch'"},
      {{"bit_rate", 2}, "'bit_rate'"},
      {{"text_type", "Markdown"}, "'text_type'"},
      {{"word_timestamp_enabled", 1}, "'word_timestamp_enabled' must be a boolean"},
      {{"instruction", "请开心一点"}, "'instruction' matches none of this voice's templates"},
      {{"seed", 65536}, "'seed'"},
      {{"hot_fix", json::object{{"pronunciation", json::array()}}}, "'hot_fix' is not supported"},
      {{"language_hints", json::array{"xx"}}, "'language_hints'"},
  };
  int n = 0;
  for (const auto& [field, wanted] : bad) {
    json::object q = base();
    q[field.first] = field.second;
    expect_run_task_failure(run_task("bad" + std::to_string(n++), "cosyvoice-v3-flash", q), wanted);
  }
  p = base();
  p.erase("text_type");
  expect_run_task_failure(run_task("v8", "cosyvoice-v3-flash", p), "'text_type'");
  // A Sambert model on the duplex protocol, a CosyVoice model on "out".
  expect_run_task_failure(run_task("v9", "sambert-zhichu-v1", {}, {{"text", "你好"}}, "duplex"), "streaming");
  expect_run_task_failure(run_task("v10", "cosyvoice-v2", params("longcheng_v2", "mp3", 22050), {}, "out"),
                          "streaming");
  expect_run_task_failure(run_task("v11", "sambert-zhichu-v1", {{"format", "opus"}}, {{"text", "你好"}}, "out"),
                          "'format'");
  expect_run_task_failure(run_task("v12", "sambert-zhichu-v1", {}, {}, "out"), "Please ensure input text is valid.");
}

// One CosyVoice task on a fresh connection; its PCM (24 kHz) or, on failure, nothing.
std::vector<int16_t> synthesize_pcm(WsClient& c, const std::string& model, json::object parameters,
                                    const std::string& text, std::string* failure = nullptr) {
  c.send(run_task("t-" + model, model, std::move(parameters)));
  c.send(continue_task("t-" + model, {{"text", text}}));
  c.send(finish_task("t-" + model));
  TaskOutput t = read_task(c);
  if (t.events.empty() || event_name(t.events.back()) != "task-finished") {
    if (failure && !t.events.empty()) *failure = json::serialize(t.events.back());
    return {};
  }
  return pcm_samples(t.audio);
}

double median_f0(const std::vector<int16_t>& pcm) {
  auto pitch = audio::analyze_pitch(pcm, 24000);
  return pitch.ok() ? pitch->median_hz : 0.0;
}

// §14-§15: every generation speaks its own voices; v3.5 has none; voices
// without a free voxwire profile are reshaped ones (a Minnan woman from a
// Minnan man); a template instruction moves the voice.
TEST_F(InferenceTest, GenerationsVoicesAndInstructions) {
  const std::string text = "今天天气很好，我们去公园散步吧。";
  auto speak = [&](const std::string& model, const std::string& voice, json::object extra = {}) {
    auto c = open();
    json::object p = params(voice, "pcm", 24000);
    for (auto& [k, v] : extra) p[k] = v;
    std::string failure;
    std::vector<int16_t> pcm = synthesize_pcm(*c, model, p, text, &failure);
    EXPECT_FALSE(pcm.empty()) << model << " " << voice << ": " << failure;
    return pcm;
  };
  EXPECT_GT(voiced_seconds(speak("cosyvoice-v1", "longxiaochun"), 24000), 1.0);
  const double minnan_woman = median_f0(speak("cosyvoice-v2", "longanmin"));
  const double minnan_man = median_f0(speak("cosyvoice-v3-flash", "longanyue_v3"));  // Rocky
  EXPECT_GT(minnan_woman, 180.0);
  EXPECT_LT(minnan_man, 160.0);

  const double plain = median_f0(speak("cosyvoice-v3-flash", "longanyang"));
  const double angry = median_f0(speak("cosyvoice-v3-flash", "longanyang", {{"instruction", "你说话的情感是angry。"}}));
  EXPECT_GT(angry, plain * 1.03) << "angry " << angry << " Hz vs plain " << plain << " Hz";

  auto c = open();
  std::string failure;
  EXPECT_TRUE(synthesize_pcm(*c, "cosyvoice-v3.5-plus", params("longanyang", "pcm", 24000), text, &failure).empty());
  EXPECT_NE(failure.find("[tts:]Engine return error code: 418"), std::string::npos) << failure;
  c = open();
  json::object v2 = params("longxiaochun_v2", "pcm", 24000);
  v2["instruction"] = "你说话的情感是happy。";
  EXPECT_TRUE(synthesize_pcm(*c, "cosyvoice-v2", v2, text, &failure).empty());
  EXPECT_NE(failure.find("'instruction' is not supported by model 'cosyvoice-v2'"), std::string::npos) << failure;
}

TEST_F(InferenceTest, TextErrorsFailTheTask) {
  struct Case {
    bool ssml;
    std::vector<std::string> texts;
    std::string wanted;
  };
  for (const Case& k : {Case{false, {"<speak>你好</speak>"}, "SSML text is not supported at the moment!"},
                        Case{true, {"One.", "Two."}, "Text request limit violated, expected 1."},
                        Case{false, {std::string(20001, 'a')}, "at most 20000 characters"}}) {
    auto c = open();
    ASSERT_NE(c, nullptr);
    json::object p = params("longanyang", "pcm", 24000);
    p["enable_ssml"] = k.ssml;
    c->send(run_task("text", "cosyvoice-v3-flash", p));
    expect_started(*c, "text");
    for (const std::string& text : k.texts) c->send(continue_task("text", {{"text", text}}));
    TaskOutput t = read_task(*c);
    ASSERT_FALSE(t.events.empty());
    const json::object& header = t.events.back().at("header").as_object();
    EXPECT_EQ(header.at("event").as_string(), "task-failed");
    EXPECT_NE(std::string(header.at("error_message").as_string()).find(k.wanted), std::string::npos)
        << header.at("error_message").as_string();
    EXPECT_FALSE(c->read_message(5s).has_value());
    EXPECT_EQ(c->close_code(), 1000);
  }
}

TEST_F(InferenceTest, InstructionErrors) {
  // finish-task without any text.
  {
    auto c = open();
    ASSERT_NE(c, nullptr);
    c->send(run_task("empty", "cosyvoice-v3-flash", params("longanyang", "pcm", 24000)));
    expect_started(*c, "empty");
    c->send(continue_task("empty", {{"text", ""}}));
    c->send(finish_task("empty"));
    TaskOutput t = read_task(*c);
    ASSERT_FALSE(t.events.empty());
    EXPECT_EQ(t.events.back().at("header").at("error_message").as_string(), "Please ensure input text is valid.");
    EXPECT_EQ(t.events.back().at("header").at("task_id").as_string(), "empty");
  }
  // continue-task before any run-task; a task id that is not the running one.
  for (const std::string which : {"before", "other"}) {
    auto c = open();
    ASSERT_NE(c, nullptr);
    if (which == "other") {
      c->send(run_task("mine", "cosyvoice-v3-flash", params("longanyang", "pcm", 24000)));
      expect_started(*c, "mine");
    }
    c->send(continue_task("x", {{"text", "Hi."}}));
    TaskOutput t = read_task(*c);
    ASSERT_FALSE(t.events.empty()) << which;
    EXPECT_EQ(event_name(t.events.back()), "task-failed");
    EXPECT_EQ(t.events.back().at("header").at("error_code").as_string(), "InvalidParameter");
  }
  // Unknown action: task-failed, then close 1007.
  {
    auto c = open();
    ASSERT_NE(c, nullptr);
    c->send(json::object{{"header", {{"action", "pause-task"}, {"task_id", "u"}}}, {"payload", json::object()}});
    TaskOutput t = read_task(*c);
    ASSERT_FALSE(t.events.empty());
    EXPECT_EQ(event_name(t.events.back()), "task-failed");
    EXPECT_NE(std::string(t.events.back().at("header").at("error_message").as_string()).find("pause-task"),
              std::string::npos);
    EXPECT_FALSE(c->read_message(5s).has_value());
    EXPECT_EQ(c->close_code(), 1007);
  }
  // Malformed JSON, non-object JSON, no task id: close 1007 without an event.
  for (const std::string& frame : {std::string("{not json"), std::string("[1,2]"),
                                   std::string(R"({"header":{"action":"run-task"},"payload":{}})")}) {
    auto c = open();
    ASSERT_NE(c, nullptr);
    c->send_text(frame);
    EXPECT_FALSE(c->read_message(5s).has_value()) << frame;
    EXPECT_TRUE(c->closed());
    EXPECT_EQ(c->close_code(), 1007) << frame;
  }
}

TEST_F(InferenceTest, HandshakeNeedsAKey) {
  HandshakeResult r;
  EXPECT_EQ(WsClient::connect(server_->port(), kInferencePath, "", &r), nullptr);
  EXPECT_EQ(r.status, 401);
  EXPECT_NE(r.body.find("InvalidApiKey"), std::string::npos);
  EXPECT_EQ(WsClient::connect(server_->port(), kInferencePath, "sk-wrong", &r), nullptr);
  EXPECT_EQ(r.status, 401);
}

TEST(InferenceTimers, IdleConnectionIsClosedAfterTheIdleTimeout) {
  auto config = TestServer::default_config();
  config.idle_timeout_ms = 500;
  TestServer server(config);
  HandshakeResult r;
  auto c = WsClient::connect(server.port(), kInferencePath, kTestKey, &r);
  ASSERT_NE(c, nullptr);
  // Idle after a finished task too: the timer restarts at task-finished.
  c->send(run_task("idle", "cosyvoice-v3-flash", params("longanyang", "pcm", 24000)));
  c->send(continue_task("idle", {{"text", "Short."}}));
  c->send(finish_task("idle"));
  c->read_message();  // task-started
  TaskOutput t = read_task(*c);
  ASSERT_FALSE(t.events.empty());
  EXPECT_EQ(event_name(t.events.back()), "task-finished");
  const auto started = std::chrono::steady_clock::now();
  EXPECT_FALSE(c->read_message(5s).has_value());
  EXPECT_EQ(c->close_code(), 1000);
  EXPECT_EQ(c->close_reason(), "idle timeout");
  EXPECT_LT(std::chrono::steady_clock::now() - started, 3s);
}

TEST(InferenceTimers, SilentClientFailsTheTaskWithClientError) {
  auto config = TestServer::default_config();
  config.task_gap_timeout_ms = 400;
  TestServer server(config);
  HandshakeResult r;
  auto c = WsClient::connect(server.port(), kInferencePath, kTestKey, &r);
  ASSERT_NE(c, nullptr);
  c->send(run_task("gap", "cosyvoice-v3-flash", params("longanyang", "pcm", 24000)));
  TaskOutput t = read_task(*c);
  ASSERT_EQ(t.events.size(), 2u);
  const json::object& header = t.events.back().at("header").as_object();
  EXPECT_EQ(header.at("error_code").as_string(), "CLIENT_ERROR");
  EXPECT_EQ(header.at("error_message").as_string(), "request timeout after 23 seconds.");
  EXPECT_FALSE(c->read_message(5s).has_value());
  EXPECT_EQ(c->close_code(), 1000);
}

TEST(InferenceConnection, DisconnectMidTaskStopsTheSynthesis) {
  TestServer server;
  HandshakeResult r;
  auto c = WsClient::connect(server.port(), kInferencePath, kTestKey, &r);
  ASSERT_NE(c, nullptr);
  c->send(run_task("gone", "cosyvoice-v3-flash", params("longanyang", "pcm", 24000)));
  std::string text;
  for (int i = 0; i < 40; ++i) text += "A long paragraph that keeps the synthesis busy for a good while, sentence after sentence. ";
  c->send(continue_task("gone", {{"text", text}}));
  bool audio = false;
  for (int i = 0; i < 50 && !audio; ++i) {
    auto m = c->read_message(10s);
    ASSERT_TRUE(m.has_value());
    audio = m->binary;
  }
  ASSERT_TRUE(audio);
  c.reset();  // abrupt: no close frame, no finish-task
  const auto deadline = std::chrono::steady_clock::now() + 3s;
  while (server.server().synthesis().active_jobs() != 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(20ms);
  }
  EXPECT_EQ(server.server().synthesis().active_jobs(), 0u) << "the job of a vanished client kept running";
}

TEST(InferenceConnection, OversizedMessageClosesWith1009) {
  TestServer server;
  HandshakeResult r;
  auto c = WsClient::connect(server.port(), kInferencePath, kTestKey, &r);
  ASSERT_NE(c, nullptr);
  c->send_text(std::string(2u << 20, ' '));
  EXPECT_FALSE(c->read_message(5s).has_value());
  EXPECT_EQ(c->close_code(), 1009);
}

TEST(InferenceLimits, TasksCountAgainstTheModelsRequestsPerMinute) {
  auto config = TestServer::default_config();
  config.rate_limits = true;
  config.rpm = 2;
  TestServer server(config);
  HandshakeResult r;
  auto c = WsClient::connect(server.port(), kInferencePath, kTestKey, &r);
  ASSERT_NE(c, nullptr);
  for (const std::string id : {"rpm1", "rpm2"}) {
    c->send(run_task(id, "cosyvoice-v2", params("longcheng_v2", "pcm", 16000)));
    c->send(continue_task(id, {{"text", "Hi."}}));
    c->send(finish_task(id));
    TaskOutput t = read_task(*c);
    ASSERT_FALSE(t.events.empty());
    EXPECT_EQ(event_name(t.events.back()), "task-finished") << id;
  }
  c->send(run_task("rpm3", "cosyvoice-v2", params("longcheng_v2", "pcm", 16000)));
  TaskOutput t = read_task(*c);
  ASSERT_EQ(t.events.size(), 1u);
  EXPECT_EQ(t.events[0].at("header").at("error_code").as_string(), "Throttling.RateQuota");
  EXPECT_EQ(t.events[0].at("header").at("error_message").as_string(),
            "Requests rate limit exceeded, please try again later.");
  EXPECT_FALSE(c->read_message(5s).has_value());
  EXPECT_EQ(c->close_code(), 1008);
}

}  // namespace
}  // namespace voxwire::testing
