// Issue #7, observability, through a real server over loopback: what realtime
// sessions and HTTP generations served shows up in GET /metrics, errors and
// refusals are counted by code and by limit, every answer carries its request
// id, and GET /readyz follows warm-up and drain.
#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <map>
#include <memory>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "integration/test_server.h"
#include "support/http_client.h"
#include "support/ws_client.h"

namespace voxwire::testing {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
namespace json = boost::json;
using namespace std::chrono_literals;

constexpr const char* kGenerationPath = "/api/v1/services/aigc/multimodal-generation/generation";
constexpr const char* kRealtimeModel = "qwen3-tts-flash-realtime";

// One keep-alive HTTP/1.1 connection that shows the answer's headers (the
// shared http_request() opens a connection per request and keeps only some).
class HttpConnection {
 public:
  struct Answer {
    int status = 0;  // 0: no answer
    std::string content_type;
    std::string request_id;  // the X-Request-Id header
    std::string body;
  };

  explicit HttpConnection(uint16_t port) : stream_(ioc_) {
    beast::error_code ec;
    stream_.socket().connect({net::ip::make_address("127.0.0.1"), port}, ec);
    EXPECT_FALSE(ec) << ec.message();
  }

  Answer request(http::verb method, const std::string& target, const std::string& body = {},
                 const std::vector<std::pair<std::string, std::string>>& headers = {}) {
    http::request<http::string_body> req{method, target, 11};
    req.set(http::field::host, "127.0.0.1");
    for (const auto& [name, value] : headers) req.set(name, value);
    req.body() = body;
    req.prepare_payload();
    http::response<http::string_body> res;
    Answer answer;
    stream_.expires_after(30s);
    http::async_write(stream_, req, [&](beast::error_code ec, std::size_t) {
      if (ec) return;
      http::async_read(stream_, buffer_, res, [&](beast::error_code ec2, std::size_t) {
        if (ec2) return;
        answer = {static_cast<int>(res.result_int()), std::string(res[http::field::content_type]),
                  std::string(res["X-Request-Id"]), res.body()};
      });
    });
    ioc_.restart();
    ioc_.run();
    return answer;
  }
  Answer get(const std::string& target) { return request(http::verb::get, target); }
  Answer post_json(const std::string& target, const json::object& body,
                   std::vector<std::pair<std::string, std::string>> headers = {}) {
    headers.emplace_back("Authorization", std::string("Bearer ") + kTestKey);
    headers.emplace_back("Content-Type", "application/json");
    return request(http::verb::post, target, json::serialize(body), headers);
  }

 private:
  net::io_context ioc_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
};

// The exposition as series ("name{labels}") -> value; fails the test for any
// line that is neither a comment nor `name{labels} value`.
std::map<std::string, double> parse_exposition(const std::string& text) {
  static const std::regex kSample(R"(^(voxwire_[a-zA-Z0-9_]*(\{[^}]*\})?) (\S+)$)");
  std::map<std::string, double> series;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line.starts_with("# HELP ") || line.starts_with("# TYPE ")) continue;
    std::smatch m;
    if (!std::regex_match(line, m, kSample)) {
      ADD_FAILURE() << "not a sample line: " << line;
      continue;
    }
    series[m[1]] = std::stod(m[3]);  // also parses +Inf and NaN
  }
  return series;
}

std::map<std::string, double> scrape(uint16_t port) {
  HttpResult res = http_request(port, "GET", "/metrics");  // no API key needed
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(res.content_type, "text/plain; version=0.0.4; charset=utf-8");
  return parse_exposition(res.body);
}

// A series' value; 0 if absent (a labelled counter appears once it moves).
double value(const std::map<std::string, double>& series, const std::string& name) {
  auto it = series.find(name);
  return it == series.end() ? 0 : it->second;
}

// Scrapes until the active-sessions gauge is 0: a session ends on the
// server's side a moment after the client's close returns.
bool sessions_drop_to_zero(uint16_t port) {
  const auto deadline = std::chrono::steady_clock::now() + 20s;
  while (std::chrono::steady_clock::now() < deadline) {
    if (value(scrape(port), "voxwire_realtime_sessions_active") == 0) return true;
    std::this_thread::sleep_for(20ms);
  }
  return false;
}

std::unique_ptr<WsClient> open_session(const TestServer& server, const json::object& session,
                                       const std::string& model = kRealtimeModel) {
  HandshakeResult hs;
  auto client = WsClient::connect(server.port(), server.realtime_target(model), kTestKey, &hs);
  EXPECT_TRUE(client) << hs.status << " " << hs.body;
  if (!client) return nullptr;
  client->read_event();  // session.created
  client->send(event("session.update", {{"session", session}}));
  EXPECT_FALSE(client->read_until("session.updated").empty());
  return client;
}

json::object generation(std::string text) {
  return {{"model", "qwen3-tts-flash"}, {"input", json::object{{"text", std::move(text)}, {"voice", "Cherry"}}}};
}

TEST(Metrics, CountWhatRealtimeSessionsAndHttpGenerationsServedAndTheirErrors) {
  TestServer server;
  const std::string spoken = "Hello from the metrics test.";  // 28 characters
  {
    auto client = open_session(server, {{"mode", "commit"}, {"voice", "Cherry"}, {"response_format", "pcm"}});
    ASSERT_TRUE(client);
    client->send(event("input_text_buffer.append", {{"text", spoken}}));
    client->send(event("input_text_buffer.commit"));
    ASSERT_FALSE(client->read_until("response.done", 30s).empty());
    client->send(event("no.such.event"));
    ASSERT_FALSE(client->read_until("error").empty());
    EXPECT_EQ(value(scrape(server.port()), "voxwire_realtime_sessions_active"), 1);
    client->close();
  }
  HttpConnection http_client(server.port());
  ASSERT_EQ(http_client.post_json(kGenerationPath, generation("你好，欢迎。")).status, 200);  // 6 characters
  ASSERT_EQ(http_client.post_json(kGenerationPath, generation("")).status, 400);

  ASSERT_TRUE(sessions_drop_to_zero(server.port()));
  const std::map<std::string, double> m = scrape(server.port());
  const std::string realtime = R"({format="pcm",model="qwen3-tts-flash-realtime"})";
  const std::string http = R"({format="wav",model="qwen3-tts-flash"})";
  EXPECT_GT(value(m, "voxwire_audio_seconds_total" + realtime), 0.5);
  EXPECT_EQ(value(m, "voxwire_characters_total" + realtime), 28);
  EXPECT_GT(value(m, "voxwire_audio_seconds_total" + http), 0.5);
  EXPECT_EQ(value(m, "voxwire_characters_total" + http), 6);
  EXPECT_EQ(value(m, "voxwire_realtime_first_audio_seconds_count"), 1);
  EXPECT_EQ(value(m, R"(voxwire_realtime_first_audio_seconds_bucket{le="+Inf"})"), 1);
  EXPECT_GT(value(m, "voxwire_realtime_first_audio_seconds_sum"), 0);
  EXPECT_EQ(value(m, "voxwire_synthesis_real_time_factor_count"), 2);
  EXPECT_EQ(value(m, R"(voxwire_errors_total{code="InvalidParameter"})"), 1);
  EXPECT_EQ(value(m, R"(voxwire_errors_total{code="invalid_value"})"), 1);
  EXPECT_GE(value(m, "voxwire_open_connections"), 1);  // this scrape's own, at least
  EXPECT_TRUE(m.contains("voxwire_synthesis_queue_depth"));
}

TEST(Metrics, CountRateLimitRefusalsByLimit) {
  auto config = TestServer::default_config();
  config.rate_limits = true;
  config.rpm = 1;  // per key and model
  config.max_sessions_per_account = 1;
  TestServer server(config);
  HttpConnection http_client(server.port());
  ASSERT_EQ(http_client.post_json(kGenerationPath, generation("你好。")).status, 200);
  ASSERT_EQ(http_client.post_json(kGenerationPath, generation("你好。")).status, 429);
  HandshakeResult first, second;
  auto session = WsClient::connect(server.port(), server.realtime_target(kRealtimeModel), kTestKey, &first);
  ASSERT_TRUE(first.upgraded);
  // Another model has its own per-minute budget, but the key has no session place left.
  WsClient::connect(server.port(), server.realtime_target("qwen3-tts-flash-realtime-2025-11-27"), kTestKey, &second);
  ASSERT_EQ(second.status, 429);

  const std::map<std::string, double> m = scrape(server.port());
  EXPECT_EQ(value(m, R"(voxwire_rate_limited_total{reason="rpm"})"), 1);
  EXPECT_EQ(value(m, R"(voxwire_rate_limited_total{reason="sessions"})"), 1);
  EXPECT_EQ(value(m, R"(voxwire_errors_total{code="Throttling.RateQuota"})"), 2);
}

TEST(RequestIds, EveryAnswerCarriesOneAndJsonBodiesTheSame) {
  TestServer server;
  HttpConnection http_client(server.port());
  auto request_id_in = [](const HttpConnection::Answer& answer) {
    return std::string(json::parse(answer.body).at("request_id").as_string());
  };
  const HttpConnection::Answer health = http_client.get("/healthz");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.request_id.size(), 36u) << "a UUID";
  const HttpConnection::Answer refused = http_client.post_json(kGenerationPath, generation(""));
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(refused.request_id, request_id_in(refused));
  const HttpConnection::Answer served = http_client.post_json(kGenerationPath, generation("你好。"));
  EXPECT_EQ(served.status, 200);
  EXPECT_EQ(served.request_id, request_id_in(served));
  EXPECT_NE(served.request_id, refused.request_id);
  EXPECT_EQ(http_client.get("/no/such/path").request_id.size(), 36u);

  // A proxy's id is kept; one that does not look like an id is replaced.
  const HttpConnection::Answer traced =
      http_client.post_json(kGenerationPath, generation("你好。"), {{"X-Request-Id", "edge-7f3a.42_b"}});
  EXPECT_EQ(traced.request_id, "edge-7f3a.42_b");
  EXPECT_EQ(request_id_in(traced), "edge-7f3a.42_b");
  const HttpConnection::Answer odd =
      http_client.post_json(kGenerationPath, generation("你好。"), {{"X-Request-Id", "two words"}});
  EXPECT_EQ(odd.request_id.size(), 36u);
  EXPECT_EQ(request_id_in(odd), odd.request_id);
}

TEST(Readyz, ReadyOnceStartedAndNeedsNoKey) {
  TestServer server;  // default_config(): no warm-up
  HttpResult ready = http_request(server.port(), "GET", "/readyz");
  EXPECT_EQ(ready.status, 200);
  EXPECT_EQ(ready.body, R"({"status":"ready"})");
  EXPECT_EQ(http_request(server.port(), "GET", "/healthz").status, 200);
}

TEST(Readyz, NotReadyWhileTheEnginesWarmUp) {
  auto config = TestServer::default_config();
  config.warm_up = true;  // seconds of engine work, begun by start() before the test can ask
  TestServer server(config);
  HttpResult warming = http_request(server.port(), "GET", "/readyz");
  EXPECT_EQ(warming.status, 503);
  EXPECT_EQ(warming.body, R"({"status":"not_ready","reason":"warming_up"})");
}

// A server that drains on SIGTERM, as `voxwire serve` does (TestServer does
// not handle signals).
class SignalledServer {
 public:
  explicit SignalledServer(server::ServerConfig config) {
    std::filesystem::create_directories(config.data_dir);
    auto created = server::Server::create(config);
    if (!created.ok()) {
      ADD_FAILURE() << created.status().to_string();
      return;
    }
    server_ = std::move(*created);
    EXPECT_TRUE(server_->start().ok());
    server_->stop_on_signals();
    thread_ = std::thread([this] { server_->run(); });
  }
  ~SignalledServer() {
    if (!server_) return;
    server_->stop();
    thread_.join();
  }
  uint16_t port() const { return server_->port(); }

 private:
  std::unique_ptr<server::Server> server_;
  std::thread thread_;
};

TEST(Readyz, NotReadyOnceDraining) {
  auto config = TestServer::default_config();
  // The drain waits for the response in flight, and its client never reads:
  // the response cannot finish, so the server stays draining until stopped.
  config.drain_timeout_ms = 600'000;
  config.write_timeout_ms = 600'000;
  SignalledServer server(config);
  HttpConnection probe(server.port());  // opened before the drain stops accepting
  ASSERT_EQ(probe.get("/readyz").status, 200);

  HandshakeResult hs;
  auto client = WsClient::connect(server.port(), "/api-ws/v1/realtime?model=qwen3-tts-flash-realtime", kTestKey, &hs);
  ASSERT_TRUE(client);
  client->read_event();  // session.created
  client->send(event("session.update", {{"session", json::object{{"mode", "commit"},
                                                                 {"voice", "Cherry"},
                                                                 {"response_format", "pcm"},
                                                                 {"sample_rate", 48000}}}}));
  ASSERT_FALSE(client->read_until("session.updated").empty());
  std::string text;  // minutes of 48 kHz audio: far more than the socket buffers hold
  for (int i = 0; i < 60; ++i) text += "This sentence keeps the engine busy for a while, and then a little more. ";
  client->send(event("input_text_buffer.append", {{"text", text}}));
  client->send(event("input_text_buffer.commit"));
  ASSERT_FALSE(client->read_until("response.audio.delta", 30s).empty());

  std::raise(SIGTERM);
  HttpConnection::Answer answer;
  const auto deadline = std::chrono::steady_clock::now() + 20s;  // the signal is handled on the server's thread
  for (answer = probe.get("/readyz"); answer.status == 200 && std::chrono::steady_clock::now() < deadline;
       answer = probe.get("/readyz")) {
    std::this_thread::sleep_for(10ms);
  }
  EXPECT_EQ(answer.status, 503);
  EXPECT_EQ(answer.body, R"({"status":"not_ready","reason":"draining"})");
}

}  // namespace
}  // namespace voxwire::testing
