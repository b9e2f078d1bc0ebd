// The OpenAI-compatible speech endpoint (issue #9, part 4), POST
// /v1/audio/speech over loopback: every response_format decoded by ffmpeg,
// speed, OpenAI and voxwire voice and model names, instructions, custom
// voices, streaming, and OpenAI-shaped errors (400 naming the field, 401, 429).
#include <gtest/gtest.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "audio/audio_test_util.h"
#include "audio/pitch_tracker.h"
#include "integration/audio_checks.h"
#include "integration/customization_fixture.h"
#include "integration/test_server.h"
#include "support/http_client.h"
#include "support/ws_client.h"

namespace voxwire::testing {
namespace {

namespace json = boost::json;
using audio::test_util::Decoded;
using audio::test_util::ffmpeg_decode;
using audio::test_util::TempFile;

constexpr const char* kSpeechPath = "/v1/audio/speech";
constexpr int kRateHz = 24000;
const std::string kSentence = "The quick brown fox jumps over the lazy dog, and then it runs home for dinner.";

json::object speech(std::string voice = "alloy", std::string format = "pcm", std::string model = "tts-1") {
  return {{"model", model}, {"input", kSentence}, {"voice", voice}, {"response_format", format}};
}

HttpResult post_speech(const TestServer& server, const std::string& body, const std::string& key = kTestKey) {
  std::vector<std::pair<std::string, std::string>> headers = {{"Content-Type", "application/json"}};
  if (!key.empty()) headers.emplace_back("Authorization", "Bearer " + key);
  return http_request(server.port(), "POST", kSpeechPath, headers, body);
}

HttpResult post_speech(const TestServer& server, const json::object& body, const std::string& key = kTestKey) {
  return post_speech(server, json::serialize(body), key);
}

// The "error" object of an OpenAI error body; {} if the body is not one.
json::object openai_error(const HttpResult& r) {
  boost::system::error_code ec;
  json::value v = json::parse(r.body, ec);
  if (ec || !v.is_object() || v.as_object().size() != 1 || !v.as_object().contains("error")) return {};
  return v.at("error").is_object() ? v.at("error").as_object() : json::object{};
}

Decoded decode(const HttpResult& r, const std::string& format) {
  TempFile file(r.body, "." + format);
  return ffmpeg_decode(file.path(), format == "pcm" ? "-f s16le -ar 24000 -ac 1" : "");
}

double seconds_of_pcm(const HttpResult& r) { return static_cast<double>(r.body.size()) / 2 / kRateHz; }

using OpenAiSpeech = SharedServerTest;

TEST_F(OpenAiSpeech, EveryResponseFormatStreamsAudioThatFfmpegDecodes) {
  struct Case {
    std::string format, content_type, codec;
    int declared_rate_hz;
  };
  const Case cases[] = {
      {"mp3", "audio/mpeg", "mp3", 24000},   {"opus", "audio/ogg", "opus", 48000},
      {"aac", "audio/aac", "aac", 24000},    {"flac", "audio/flac", "flac", 24000},
      {"wav", "audio/wav", "pcm_s16le", 24000}, {"pcm", "audio/pcm", "pcm_s16le", 24000},
  };
  const HttpResult reference = post_speech(*server_, speech("alloy", "pcm"));
  ASSERT_EQ(reference.status, 200) << reference.body;
  const double seconds = seconds_of_pcm(reference);
  EXPECT_GT(seconds, 2.0);
  for (const Case& c : cases) {
    SCOPED_TRACE(c.format);
    const HttpResult r = post_speech(*server_, speech("alloy", c.format));
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.content_type, c.content_type);
    const Decoded d = decode(r, c.format);
    EXPECT_EQ(d.errors, "");
    EXPECT_EQ(d.codec, c.codec);
    EXPECT_EQ(d.sample_rate_hz, c.declared_rate_hz);
    EXPECT_EQ(d.channels, 1);
    // The same speech in every format: lossy codecs add at most a few frames.
    const double decoded_seconds = static_cast<double>(d.samples.size()) / d.sample_rate_hz;
    EXPECT_NEAR(decoded_seconds, seconds, 0.15);
    EXPECT_GT(voiced_seconds(d.samples, d.sample_rate_hz), 0.5 * seconds);
  }
  // Served audio is counted under the voxwire model and the real format.
  const HttpResult metrics = http_request(server_->port(), "GET", "/metrics");
  EXPECT_NE(metrics.body.find(R"(voxwire_audio_seconds_total{format="aac",model="qwen3-tts-flash-realtime-2025-11-27"})"),
            std::string::npos);
  // Without response_format: mp3, as OpenAI's default.
  json::object no_format = speech();
  no_format.erase("response_format");
  EXPECT_EQ(post_speech(*server_, no_format).content_type, "audio/mpeg");
}

TEST_F(OpenAiSpeech, SpeedChangesTheTempo) {
  auto with_speed = [&](double speed) {
    json::object body = speech("nova");
    body["speed"] = speed;
    const HttpResult r = post_speech(*server_, body);
    EXPECT_EQ(r.status, 200) << r.body;
    return seconds_of_pcm(r);
  };
  const double normal = with_speed(1.0);
  EXPECT_LT(with_speed(2.0), 0.7 * normal);
  EXPECT_GT(with_speed(0.5), 1.5 * normal);
  EXPECT_LT(with_speed(4.0), 0.4 * normal);
  json::object integer_speed = speech("nova");
  integer_speed["speed"] = 1;  // JSON integers are numbers too
  EXPECT_EQ(post_speech(*server_, integer_speed).status, 200);
}

TEST_F(OpenAiSpeech, OpenAiVoicesAreDistinctVoxwireVoicesOfTheirGender) {
  auto median_f0 = [&](const std::string& voice) {
    const HttpResult r = post_speech(*server_, speech(voice));
    EXPECT_EQ(r.status, 200) << voice << ": " << r.body;
    const std::vector<int16_t> pcm = pcm_samples(r.body);
    auto pitch = audio::analyze_pitch(pcm, kRateHz);
    return pitch.ok() ? pitch->median_hz : 0.0;
  };
  const double alloy = median_f0("alloy");  // Jennifer
  const double onyx = median_f0("onyx");    // Marcus
  EXPECT_GT(alloy, 165.0);
  EXPECT_LT(onyx, 130.0);
  // The voxwire name gives the same voice as the OpenAI name mapped to it.
  EXPECT_EQ(post_speech(*server_, speech("alloy")).body, post_speech(*server_, speech("Jennifer")).body);
  EXPECT_NE(post_speech(*server_, speech("alloy")).body, post_speech(*server_, speech("shimmer")).body);
  EXPECT_EQ(post_speech(*server_, speech("ALLOY")).status, 200) << "names are matched ignoring case";
}

TEST_F(OpenAiSpeech, VoxwireModelsAndVoicesAreAcceptedDirectly) {
  EXPECT_EQ(post_speech(*server_, speech("Cherry", "pcm", "tts-1-hd")).status, 200);
  EXPECT_EQ(post_speech(*server_, speech("Eldric Sage", "pcm", "gpt-4o-mini-tts")).status, 200);
  EXPECT_EQ(post_speech(*server_, speech("Ethan", "mp3", "qwen3-tts-flash")).status, 200);
  EXPECT_EQ(post_speech(*server_, speech("ash", "mp3", "qwen3-tts-flash-realtime")).status, 200);  // Ethan
  // coral is Sonrisa, whom the 17-voice qwen3-tts-flash does not offer.
  const HttpResult refused = post_speech(*server_, speech("coral", "mp3", "qwen3-tts-flash"));
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(openai_error(refused)["param"], "voice");
}

TEST_F(OpenAiSpeech, InstructionsSteerInstructModelsAndAreIgnoredByOthers) {
  json::object plain = speech("fable", "pcm", "gpt-4o-mini-tts");
  json::object slow = plain;
  slow["instructions"] = "Speak slowly and calmly.";
  const double plain_seconds = seconds_of_pcm(post_speech(*server_, plain));
  EXPECT_GT(seconds_of_pcm(post_speech(*server_, slow)), 1.08 * plain_seconds);

  json::object tts1 = speech("fable", "pcm", "tts-1");
  json::object tts1_slow = tts1;
  tts1_slow["instructions"] = "Speak slowly and calmly.";
  EXPECT_EQ(post_speech(*server_, tts1).body, post_speech(*server_, tts1_slow).body);
}

TEST_F(OpenAiSpeech, BadRequestsAre400InOpenAiShapeNamingTheField) {
  struct Case {
    std::string name;
    json::object body;
    std::string param;
  };
  auto with = [](std::string_view key, json::value value) {
    json::object body = speech();
    body[key] = std::move(value);
    return body;
  };
  auto without = [](std::string_view key) {
    json::object body = speech();
    body.erase(key);
    return body;
  };
  const std::vector<Case> cases = {
      {"unknown voice", with("voice", "nobody"), "voice"},
      {"voice not a string", with("voice", 7), "voice"},
      {"no voice", without("voice"), "voice"},
      {"unknown format", with("response_format", "ogg"), "response_format"},
      {"speed too high", with("speed", 4.5), "speed"},
      {"speed too low", with("speed", 0.2), "speed"},
      {"speed not a number", with("speed", "fast"), "speed"},
      {"empty input", with("input", ""), "input"},
      {"input too long", with("input", json::string(std::string(4094, ' ') + "Hi.")), "input"},
      {"no input", without("input"), "input"},
      {"unknown model", with("model", "tts-2"), "model"},
      {"no model", without("model"), "model"},
      {"instructions not a string", with("instructions", json::array{}), "instructions"},
      {"server-sent events", with("stream_format", "sse"), "stream_format"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const HttpResult r = post_speech(*server_, c.body);
    EXPECT_EQ(r.status, 400) << r.body;
    EXPECT_EQ(r.content_type, "application/json");
    json::object error = openai_error(r);
    EXPECT_EQ(error["type"], "invalid_request_error") << r.body;
    EXPECT_EQ(error["param"], json::value(c.param)) << r.body;
    EXPECT_EQ(error["code"], "invalid_value") << r.body;
    EXPECT_TRUE(error["message"].is_string() && !error["message"].as_string().empty()) << r.body;
  }
  EXPECT_EQ(post_speech(*server_, with("input", json::string(std::string(4093, ' ') + "Hi."))).status, 200) << "4096 is the limit";

  for (const std::string& body : {std::string("{\"model\": \"tts-1\","), std::string("[1, 2]")}) {
    const HttpResult r = post_speech(*server_, body);
    EXPECT_EQ(r.status, 400) << body;
    json::object error = openai_error(r);
    EXPECT_EQ(error["type"], "invalid_request_error") << r.body;
    EXPECT_TRUE(error["param"].is_null()) << r.body;
  }
}

TEST_F(OpenAiSpeech, MissingOrWrongKeyIs401) {
  for (const std::string key : {"", "sk-wrong"}) {
    const HttpResult r = post_speech(*server_, speech(), key);
    EXPECT_EQ(r.status, 401) << key;
    json::object error = openai_error(r);
    EXPECT_EQ(error["code"], "invalid_api_key") << r.body;
    EXPECT_EQ(error["type"], "invalid_request_error") << r.body;
  }
  const HttpResult unknown_path = http_request(server_->port(), "POST", "/v1/audio/speeches",
                                               {{"Authorization", std::string("Bearer ") + kTestKey}});
  EXPECT_EQ(unknown_path.status, 404);
  EXPECT_EQ(openai_error(unknown_path)["code"], "unknown_url");
}

TEST_F(OpenAiSpeech, DashScopeSurfacesStillRefuseAacAndFlac) {
  for (const std::string format : {"aac", "flac"}) {
    SCOPED_TRACE(format);
    HandshakeResult hs;
    auto ws = WsClient::connect(server_->port(), server_->realtime_target(), kTestKey, &hs);
    ASSERT_TRUE(ws);
    ws->send(event("session.update", {{"session", json::object{{"response_format", format}}}}));
    auto events = ws->read_until("error");
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events.back().at("error").at("param"), "session.response_format");
    const JsonReply design = post_customization(*server_, design_request({}, {{"response_format", format}}));
    EXPECT_EQ(design.status, 400);
    EXPECT_EQ(design.body.at("code"), "InvalidParameter");
  }
}

TEST_F(OpenAiSpeech, CustomVoicesWorkWithOpenAiModelNames) {
  const JsonReply created = post_customization(*server_, design_request({{"preferred_name", "openai"}}));
  ASSERT_EQ(created.status, 200) << json::serialize(created.body);
  const std::string voice(created.body.at("output").at("voice").as_string());
  const HttpResult r = post_speech(*server_, speech(voice, "wav", "tts-1"));
  ASSERT_EQ(r.status, 200) << r.body;
  const Decoded d = decode(r, "wav");
  EXPECT_EQ(d.errors, "");
  EXPECT_GT(voiced_seconds(d.samples, d.sample_rate_hz), 1.0);
  // The voice is bound to the model it was designed for.
  EXPECT_EQ(post_speech(*server_, speech(voice, "wav", "qwen3-tts-flash")).status, 400);
}

// Reads a speech response as it arrives: when the first body bytes came,
// when the whole body had, and the headers.
struct Timed {
  int status = 0;
  bool chunked = false;
  std::size_t body_bytes = 0;
  std::chrono::duration<double> first_bytes{}, complete{};
};

Timed timed_speech(const TestServer& server, const json::object& request) {
  namespace net = boost::asio;
  namespace http = boost::beast::http;
  net::io_context ioc;
  net::ip::tcp::socket socket(ioc);
  socket.connect({net::ip::make_address("127.0.0.1"), server.port()});
  http::request<http::string_body> req{http::verb::post, kSpeechPath, 11};
  req.set(http::field::host, "127.0.0.1");
  req.set(http::field::authorization, std::string("Bearer ") + kTestKey);
  req.set(http::field::content_type, "application/json");
  req.body() = json::serialize(request);
  req.prepare_payload();
  const auto start = std::chrono::steady_clock::now();
  http::write(socket, req);
  boost::beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(256 * 1024 * 1024);
  http::read_header(socket, buffer, parser);
  Timed t;
  t.status = static_cast<int>(parser.get().result_int());
  t.chunked = parser.chunked();
  while (!parser.is_done()) {
    http::read_some(socket, buffer, parser);
    if (t.first_bytes.count() == 0 && !parser.get().body().empty()) {
      t.first_bytes = std::chrono::steady_clock::now() - start;
    }
  }
  t.complete = std::chrono::steady_clock::now() - start;
  t.body_bytes = parser.get().body().size();
  return t;
}

TEST_F(OpenAiSpeech, AudioStreamsWhileItIsSynthesized) {
  std::string long_text;
  while (long_text.size() < 4000) long_text += kSentence + " ";
  long_text.resize(4000);
  json::object body = speech("echo", "pcm");
  body["input"] = long_text;
  const Timed t = timed_speech(*server_, body);
  ASSERT_EQ(t.status, 200);
  EXPECT_TRUE(t.chunked);
  EXPECT_GT(t.body_bytes / 2.0 / kRateHz, 120.0) << "minutes of audio";
  EXPECT_LT(t.first_bytes.count(), 0.2 * t.complete.count())
      << "first bytes after " << t.first_bytes.count() << " s of " << t.complete.count() << " s";
}

TEST(OpenAiSpeechLimits, OverTheRateLimitIs429InOpenAiShape) {
  auto config = TestServer::default_config();
  config.rate_limits = true;
  config.rpm = 1;
  TestServer server(config);
  EXPECT_EQ(post_speech(server, speech("alloy", "pcm", "tts-1")).status, 200);
  // tts-1-hd is counted as the same voxwire model as tts-1.
  const HttpResult r = post_speech(server, speech("alloy", "pcm", "tts-1-hd"));
  EXPECT_EQ(r.status, 429);
  EXPECT_FALSE(r.retry_after.empty());
  json::object error = openai_error(r);
  EXPECT_EQ(error["code"], "rate_limit_exceeded") << r.body;
  EXPECT_EQ(error["type"], "requests") << r.body;
}

}  // namespace
}  // namespace voxwire::testing
