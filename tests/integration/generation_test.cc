// One-shot synthesis over HTTP (issue #5, api-reference §3): the JSON answer
// and its audio URL, SSE streaming as the SDK parses it, the file endpoint
// (ranges, signatures, expiry, sweeping) and every documented error.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <boost/asio/write.hpp>
#include <optional>
#include <regex>
#include <thread>

#include "audio/audio_test_util.h"
#include "base/base64.h"
#include "base/utf8.h"
#include "integration/test_server.h"
#include "support/http_client.h"

namespace voxwire::testing {
namespace {

namespace json = boost::json;
constexpr const char* kPath = "/api/v1/services/aigc/multimodal-generation/generation";
const std::string kText = "那我来给大家推荐一款T恤，这款呢真的是超级好看，这个颜色呢很显气质。";

HttpResult post(const TestServer& server, const json::object& body,
                std::vector<std::pair<std::string, std::string>> extra = {}, const std::string& key = kTestKey) {
  std::vector<std::pair<std::string, std::string>> headers = {{"Content-Type", "application/json"}};
  if (!key.empty()) headers.emplace_back("Authorization", "Bearer " + key);
  for (auto& h : extra) headers.push_back(h);
  return http_request(server.port(), "POST", kPath, headers, json::serialize(body));
}

json::object request(std::string text = kText, std::string voice = "Cherry", std::string model = "qwen3-tts-flash") {
  return {{"model", model},
          {"input", json::object{{"text", text}, {"voice", voice}, {"language_type", "Chinese"}}}};
}

json::object parse(const std::string& body) {
  boost::system::error_code ec;
  auto v = json::parse(body, ec);
  return !ec && v.is_object() ? v.as_object() : json::object{};
}

// The events of an SSE body, parsed the way the DashScope SDK does: fields
// split at the first ':' with no space, the last data line kept per event.
struct SseEvent {
  std::string id, event, data;
};
std::vector<SseEvent> parse_sse(const std::string& body) {
  std::vector<SseEvent> events;
  SseEvent current;
  bool any = false;
  std::size_t pos = 0;
  while (pos < body.size()) {
    std::size_t end = body.find('\n', pos);
    std::string line = body.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
    pos = end == std::string::npos ? body.size() : end + 1;
    if (line.empty()) {
      if (any) events.push_back(current);
      current = {};
      any = false;
      continue;
    }
    any = true;
    if (line.starts_with("id:")) current.id = line.substr(3);
    else if (line.starts_with("event:")) current.event = line.substr(6);
    else if (line.starts_with("data:")) current.data = line.substr(5);
  }
  return events;
}

std::string path_of(const std::string& url, uint16_t port) {
  std::string prefix = "http://127.0.0.1:" + std::to_string(port);
  EXPECT_TRUE(url.starts_with(prefix)) << url;
  return url.substr(prefix.size());
}

using Generation = SharedServerTest;

TEST_F(Generation, NonStreamAnswersWithADownloadableWav) {
  HttpResult r = post(*server_, request());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.content_type, "application/json");
  json::object body = parse(r.body);
  std::string request_id(body.at("request_id").as_string());
  EXPECT_EQ(request_id.size(), 36u);
  const auto& audio = body.at("output").at("audio").as_object();
  EXPECT_EQ(body.at("output").at("finish_reason").as_string(), "stop");
  EXPECT_EQ(audio.at("id").as_string(), "audio_" + request_id);
  EXPECT_EQ(audio.at("data").as_string(), "");
  int64_t now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  EXPECT_NEAR(audio.at("expires_at").as_int64(), now + 86400, 60);
  EXPECT_EQ(body.at("usage").at("characters").as_int64(), static_cast<int64_t>(utf8::length(kText)));

  std::string path = path_of(std::string(audio.at("url").as_string()), server_->port());
  EXPECT_TRUE(std::regex_match(path, std::regex("/files/[0-9]+-[0-9a-f]{32}\\.wav\\?Expires=[0-9]+&Signature=[0-9a-f]{32}")))
      << path;
  HttpResult file = http_request(server_->port(), "GET", path);  // no key needed: the URL is signed
  ASSERT_EQ(file.status, 200);
  EXPECT_EQ(file.content_type, "audio/wav");
  audio::test_util::TempFile wav(file.body, ".wav");
  auto decoded = audio::test_util::ffmpeg_decode(wav.path());
  EXPECT_EQ(decoded.sample_rate_hz, 24000);
  EXPECT_EQ(decoded.channels, 1);
  double seconds = decoded.samples.size() / 24000.0;
  double cps = utf8::length(kText) / seconds;
  EXPECT_GE(cps, 2.0);
  EXPECT_LE(cps, 8.0);

  HttpResult range = http_request(server_->port(), "GET", path, {{"Range", "bytes=0-43"}});
  EXPECT_EQ(range.status, 206);
  EXPECT_EQ(range.body, file.body.substr(0, 44));
  HttpResult tail = http_request(server_->port(), "GET", path, {{"Range", "bytes=-100"}});
  EXPECT_EQ(tail.status, 206);
  EXPECT_EQ(tail.body, file.body.substr(file.body.size() - 100));
  EXPECT_EQ(http_request(server_->port(), "GET", path, {{"Range", "bytes=999999999-"}}).status, 416);

  std::string tampered = path;
  tampered[tampered.size() - 1] = tampered.back() == '0' ? '1' : '0';
  EXPECT_EQ(http_request(server_->port(), "GET", tampered).status, 404);
  EXPECT_EQ(http_request(server_->port(), "GET", "/files/../voxwire.db").status, 404);
  EXPECT_EQ(http_request(server_->port(), "GET", "/files/.secret").status, 404);
}

TEST_F(Generation, StreamSendsPcmChunksThenTheUrlAsTheSdkParsesThem) {
  for (auto extra : {std::vector<std::pair<std::string, std::string>>{{"X-DashScope-SSE", "enable"}},
                     std::vector<std::pair<std::string, std::string>>{{"Accept", "text/event-stream"}}}) {
    HttpResult r = post(*server_, request(), extra);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_NE(r.content_type.find("text/event-stream"), std::string::npos);
    auto events = parse_sse(r.body);
    ASSERT_GE(events.size(), 3u);
    EXPECT_NE(r.body.find(":HTTP_STATUS/200\n"), std::string::npos);
    std::string pcm;
    for (std::size_t i = 0; i < events.size(); ++i) {
      EXPECT_EQ(events[i].id, std::to_string(i + 1));
      EXPECT_EQ(events[i].event, "result");
      json::object data = parse(events[i].data);
      const auto& output = data.at("output").as_object();
      EXPECT_TRUE(data.contains("usage") && data.contains("request_id"));
      bool last = i + 1 == events.size();
      EXPECT_EQ(output.at("finish_reason").as_string(), last ? "stop" : "null");
      if (!last) pcm += *base64::decode(output.at("audio").at("data").as_string());
    }
    json::object final_event = parse(events.back().data);
    std::string path = path_of(std::string(final_event.at("output").at("audio").at("url").as_string()), server_->port());
    HttpResult file = http_request(server_->port(), "GET", path);
    ASSERT_EQ(file.status, 200);
    EXPECT_EQ(file.body.substr(44), pcm) << "the streamed PCM is exactly the file's audio";
  }
  // The SDK's way: parameters.stream plus the headers.
  json::object body = request();
  body["parameters"] = json::object{{"stream", true}};
  EXPECT_GE(parse_sse(post(*server_, body).body).size(), 2u);
}

TEST_F(Generation, DocumentedErrors) {
  auto code_of = [](const HttpResult& r) {
    json::object body = parse(r.body);
    return body.contains("code") ? std::string(body.at("code").as_string()) : std::string("<none>");
  };
  HttpResult empty = post(*server_, request(""));
  EXPECT_EQ(empty.status, 400);
  EXPECT_EQ(code_of(empty), "InvalidParameter");
  std::string long_text;
  for (int i = 0; i < 601; ++i) long_text += "字";
  HttpResult too_long = post(*server_, request(long_text));
  EXPECT_EQ(too_long.status, 400);
  EXPECT_EQ(std::string(parse(too_long.body).at("message").as_string()), "Range of input length should be [1, 600]");
  std::string exactly;
  for (int i = 0; i < 600; ++i) exactly += "字";
  EXPECT_EQ(post(*server_, request(exactly)).status, 200);
  EXPECT_EQ(code_of(post(*server_, {{"model", "qwen3-tts-flash"}})), "BadRequest.EmptyInput");
  EXPECT_EQ(code_of(post(*server_, {{"input", json::object{{"text", "hi"}}}})), "BadRequest.EmptyModel");
  HttpResult unknown = post(*server_, request(kText, "Cherry", "qwen3-tts-flash-realtime"));
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(code_of(unknown), "ModelNotFound");
  EXPECT_EQ(code_of(post(*server_, request(kText, "Serena"))), "InvalidParameter");  // not a qwen3-tts-flash voice
  EXPECT_EQ(code_of(post(*server_, request(kText, ""))), "InvalidParameter");
  json::object bad_language = request();
  bad_language["input"].as_object()["language_type"] = "Klingon";
  EXPECT_EQ(code_of(post(*server_, bad_language)), "InvalidParameter");
  EXPECT_EQ(post(*server_, request(), {}, "").status, 401);
  EXPECT_EQ(post(*server_, request(), {}, "sk-wrong").status, 401);
  HttpResult malformed = http_request(server_->port(), "POST", kPath,
                                      {{"Authorization", std::string("Bearer ") + kTestKey},
                                       {"Content-Type", "application/json"}},
                                      "{\"model\":");
  EXPECT_EQ(malformed.status, 400);
  HttpResult wrong_type = http_request(server_->port(), "POST", kPath,
                                       {{"Authorization", std::string("Bearer ") + kTestKey},
                                        {"Content-Type", "text/plain"}},
                                       json::serialize(request()));
  EXPECT_EQ(wrong_type.status, 400);
  HttpResult huge = http_request(server_->port(), "POST", kPath,
                                 {{"Authorization", std::string("Bearer ") + kTestKey},
                                  {"Content-Type", "application/json"}},
                                 std::string(17u << 20, ' '));
  EXPECT_EQ(huge.status, 413);
  EXPECT_EQ(code_of(huge), "BadRequest.TooLarge");
}

TEST_F(Generation, InstructionsAndOtherFieldsFollowThePlacementRules) {
  // The SDK puts keyword arguments under parameters; raw clients under input.
  json::object from_parameters = request(kText, "Cherry", "qwen3-tts-instruct-flash");
  from_parameters["parameters"] = json::object{{"instructions", "语速快一点"}, {"format", "mp3"}, {"sample_rate", 8000}};
  HttpResult r = post(*server_, from_parameters);
  ASSERT_EQ(r.status, 200) << r.body;
  // Requested formats are ignored: the file is still WAV at 24 kHz (§3.2).
  std::string path = path_of(std::string(parse(r.body).at("output").at("audio").at("url").as_string()), server_->port());
  EXPECT_EQ(http_request(server_->port(), "GET", path).body.substr(0, 4), "RIFF");
  json::object token_billed = request("你好，世界。", "Chelsie", "qwen-tts");
  json::object usage = parse(post(*server_, token_billed).body).at("usage").as_object();
  EXPECT_EQ(usage.at("input_tokens").as_int64(), 6);
  EXPECT_GE(usage.at("output_tokens_details").at("audio_tokens").as_int64(), 50);
}

TEST(GenerationStream, ClientThatDisconnectsMidStreamStopsTheSynthesis) {
  TestServer server;
  namespace net = boost::asio;
  net::io_context ioc;
  net::ip::tcp::socket socket(ioc);
  socket.open(net::ip::tcp::v4());
  socket.set_option(net::socket_base::receive_buffer_size(4096));  // keep the kernel from absorbing the stream
  socket.connect({net::ip::make_address("127.0.0.1"), server.port()});
  std::string long_text;
  for (int i = 0; i < 60; ++i) long_text += "这是一个很长的句子。";  // 600 characters, minutes of audio
  std::string body = json::serialize(request(long_text));
  std::string http = std::string("POST ") + kPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + kTestKey +
                     "\r\nContent-Type: application/json\r\nX-DashScope-SSE: enable\r\nContent-Length: " +
                     std::to_string(body.size()) + "\r\n\r\n" + body;
  net::write(socket, net::buffer(http));
  std::string first(1024, '\0');
  std::size_t n = socket.read_some(net::buffer(first));
  EXPECT_NE(std::string_view(first.data(), n).find("200 OK"), std::string_view::npos);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(server.server().synthesis().active_jobs(), 1u) << "the job waits for the slow client";
  socket.close();
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (server.server().synthesis().active_jobs() > 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(server.server().synthesis().active_jobs(), 0u);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  int published = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(server.data_dir())) {
    published += e.path().extension() == ".wav";
  }
  EXPECT_EQ(published, 0) << "a cancelled stream publishes no file";
}

TEST(GenerationFiles, ExpireAfterADayAndAreSweptFromDisk) {
  ManualClock clock(std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::system_clock::now().time_since_epoch())
                        .count());
  auto config = TestServer::default_config();
  config.sweep_interval_ms = 50;
  config.audio_dir = config.data_dir + "/elsewhere";  // a configured directory, not the default <data-dir>/audio
  TestServer server(config, &clock);
  auto wav_files = [&] {
    int n = 0;
    for (const auto& e : std::filesystem::directory_iterator(config.audio_dir)) n += e.path().extension() == ".wav";
    return n;
  };
  HttpResult r = post(server, request());
  ASSERT_EQ(r.status, 200);
  std::string path = path_of(std::string(parse(r.body).at("output").at("audio").at("url").as_string()), server.port());
  EXPECT_EQ(http_request(server.port(), "GET", path).status, 200);
  EXPECT_EQ(wav_files(), 1);
  EXPECT_FALSE(std::filesystem::exists(std::filesystem::path(config.data_dir) / "audio"));
  clock.advance_ms(23LL * 3600 * 1000);
  EXPECT_EQ(http_request(server.port(), "GET", path).status, 200);
  clock.advance_ms(2LL * 3600 * 1000);
  HttpResult expired = http_request(server.port(), "GET", path);
  EXPECT_EQ(expired.status, 403);
  EXPECT_EQ(std::string(parse(expired.body).at("code").as_string()), "AccessDenied");
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(wav_files(), 0) << "expired files are deleted";
}

// parameters.enable_tn (§9.3, default on): numbers are read as words, so the
// numeric text lasts as long as its written-out spoken form; off, the engine
// reads the digits its own way. usage.characters counts the text as sent.
TEST_F(Generation, EnableTnReadsNumbersAsWordsUnlessTurnedOff) {
  auto seconds_of = [&](const std::string& text, std::optional<bool> enable_tn) {
    json::object body = request(text);
    if (enable_tn) body["parameters"] = json::object{{"enable_tn", *enable_tn}};
    HttpResult r = post(*server_, body);
    EXPECT_EQ(r.status, 200) << r.body;
    json::object answer = parse(r.body);
    EXPECT_EQ(answer.at("usage").at("characters").as_int64(), static_cast<int64_t>(utf8::length(text)));
    const std::string url(answer.at("output").at("audio").at("url").as_string());
    HttpResult file = http_request(server_->port(), "GET", path_of(url, server_->port()));
    return static_cast<double>(file.body.size() - 44) / 2.0 / 24000.0;  // 16-bit mono wav
  };
  const std::string numeric = "电话13812345678，2025年3月5日，价格3.5元，增长50%。";
  const std::string spoken = "电话幺三八幺二三四五六七八，二零二五年三月五日，价格三点五元，增长百分之五十。";
  const double normalized = seconds_of(numeric, std::nullopt);
  const double written_out = seconds_of(spoken, false);
  const double raw = seconds_of(numeric, false);
  ASSERT_GT(written_out, 1.0);
  EXPECT_NEAR(normalized / written_out, 1.0, 0.03) << normalized << " s vs " << written_out << " s";
  EXPECT_GT(std::abs(raw / written_out - 1.0), 0.10) << raw << " s vs " << written_out << " s";
  HttpResult wrong = post(*server_, [&] {
    json::object body = request(numeric);
    body["parameters"] = json::object{{"enable_tn", "yes"}};
    return body;
  }());
  EXPECT_EQ(wrong.status, 400);
}

}  // namespace
}  // namespace voxwire::testing
