// Issue #6, point 5: every hostile or broken input a client can send gets
// its documented answer (or a clean close) while a well-behaved realtime
// session on the same server keeps being served, and the server serves new
// clients afterwards. One case per test, each with its own server.
#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/json.hpp>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "integration/customization_fixture.h"
#include "integration/realtime_fixture.h"
#include "support/canned_http_server.h"
#include "support/http_client.h"

namespace voxwire::testing {
namespace {

using namespace std::chrono_literals;
namespace json = boost::json;
namespace net = boost::asio;

constexpr const char* kGenerationPath = "/api/v1/services/aigc/multimodal-generation/generation";

// A client that does everything right, in a loop, on its own thread.
class Bystander {
 public:
  explicit Bystander(const TestServer& server) : server_(server), thread_([this] { run(); }) {}
  ~Bystander() { stop(); }
  void stop() {
    stopping_ = true;
    if (thread_.joinable()) thread_.join();
  }
  int served() const { return served_; }
  int failed() const { return failed_; }

 private:
  void run() {
    while (!stopping_) {
      HandshakeResult r;
      auto c = WsClient::connect(server_.port(), server_.realtime_target(), kTestKey, &r);
      if (!c || !c->read_event()) {
        ++failed_;
        continue;
      }
      c->send(event("session.update", {{"session", json::object{{"mode", "commit"}, {"voice", "Ethan"}}}}));
      c->send(event("input_text_buffer.append", {{"text", "Hello there, how are you today?"}}));
      c->send(event("input_text_buffer.commit"));
      std::vector<json::object> events = c->read_until("response.done", 20s);
      const bool ok = !events.empty() &&
                      events.back().at("response").at("status").as_string() == "completed" &&
                      !audio_bytes(events).empty();
      ++(ok ? served_ : failed_);
      c->close();
    }
  }

  const TestServer& server_;
  std::atomic<bool> stopping_{false};
  std::atomic<int> served_{0}, failed_{0};
  std::thread thread_;
};

server::ServerConfig hardening_config() {
  auto config = TestServer::default_config();
  config.write_timeout_ms = 1000;   // a client that stops reading is dropped after 1 s
  // A request must arrive within 5 s: 15 MB bodies included, under ASan on a
  // loaded 2-core machine (2 s was too little there).
  config.header_timeout_ms = 5000;
  config.allow_private_urls = true;  // the recordings below come from a server on 127.0.0.1
  return config;
}

class Hardening;

struct Attack {
  const char* name;
  void (*run)(Hardening& t);
};

class Hardening : public ::testing::TestWithParam<Attack> {
 public:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(hardening_config());
    bystander_ = std::make_unique<Bystander>(*server_);
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    while (bystander_->served() == 0 && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(10ms);
    ASSERT_GT(bystander_->served(), 0) << "the bystander never got going";
  }
  void TearDown() override {
    const int before = bystander_->served();
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    while (bystander_->served() < before + 2 && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(10ms);
    }
    bystander_->stop();
    EXPECT_GE(bystander_->served(), before + 2) << "the well-behaved session stopped being served";
    EXPECT_EQ(bystander_->failed(), 0) << "the well-behaved session saw failures";
    auto fresh = ws();
    ASSERT_NE(fresh, nullptr);
    fresh->send(event("session.update", {{"session", json::object{{"voice", "Cherry"}}}}));
    auto reply = fresh->read_event();
    EXPECT_TRUE(reply && reply->at("type").as_string() == "session.updated") << "a new client is served";
  }

  // A realtime connection whose session.created has been read.
  std::unique_ptr<WsClient> ws() {
    HandshakeResult r;
    auto c = WsClient::connect(server_->port(), server_->realtime_target(), kTestKey, &r);
    EXPECT_NE(c, nullptr) << r.status << " " << r.body;
    if (c) c->read_event();
    return c;
  }
  // The next event of `c`, which must be an error; its `error` object.
  static json::object next_error(WsClient& c) {
    auto e = c.read_event();
    EXPECT_TRUE(e.has_value()) << "no event";
    return e ? error_of(*e) : json::object{};
  }
  static void expect_still_usable(WsClient& c) {
    c.send(event("session.update", {{"session", json::object{{"voice", "Cherry"}}}}));
    auto reply = c.read_event();
    EXPECT_TRUE(reply && reply->at("type").as_string() == "session.updated") << "the connection stays usable";
  }
  HttpResult post(const std::string& path, const std::string& body, const std::string& content_type = "application/json") {
    return http_request(server_->port(), "POST", path,
                        {{"Authorization", std::string("Bearer ") + kTestKey}, {"Content-Type", content_type}}, body);
  }
  // Sends raw bytes on a new TCP connection, waits `pause`, and returns all
  // the server sent back until it closed (at most 10 s).
  std::string raw_exchange(const std::string& bytes, std::chrono::milliseconds pause) {
    net::io_context ioc;
    net::ip::tcp::socket socket(ioc);
    socket.connect({net::ip::make_address("127.0.0.1"), server_->port()});
    net::write(socket, net::buffer(bytes));
    std::this_thread::sleep_for(pause);
    std::string received;
    boost::system::error_code ec;
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    char buffer[4096];
    while (!ec && std::chrono::steady_clock::now() < deadline) {
      std::size_t n = socket.read_some(net::buffer(buffer), ec);
      received.append(buffer, n);
    }
    return received;
  }
  static std::string code_of(const std::string& body) {
    boost::system::error_code ec;
    json::value v = json::parse(body, ec);
    return !ec && v.is_object() && v.as_object().contains("code") ? std::string(v.at("code").as_string()) : "<none>";
  }
  static std::string long_text(int sentences) {
    std::string text;
    for (int i = 0; i < sentences; ++i) text += "Sentence " + std::to_string(i) + " keeps the synthesizer busy. ";
    return text;
  }

  std::unique_ptr<TestServer> server_;
  std::unique_ptr<Bystander> bystander_;
};

TEST_P(Hardening, GetsItsDocumentedAnswerAndOthersAreUnaffected) { GetParam().run(*this); }

const Attack kAttacks[] = {
    // Realtime WebSocket.
    {"malformed_json",
     [](Hardening& t) {
       auto c = t.ws();
       c->send_text("{\"type\": \"session.update\", ");
       EXPECT_EQ(Hardening::next_error(*c).at("code").as_string(), "invalid_json");
       Hardening::expect_still_usable(*c);
     }},
    {"non_object_json",
     [](Hardening& t) {
       auto c = t.ws();
       for (const char* frame : {"[1,2,3]", "42", "null", "\"text\""}) {
         c->send_text(frame);
         EXPECT_EQ(Hardening::next_error(*c).at("code").as_string(), "invalid_value") << frame;
       }
       Hardening::expect_still_usable(*c);
     }},
    {"unknown_event_type",
     [](Hardening& t) {
       auto c = t.ws();
       c->send(event("response.create"));
       EXPECT_EQ(Hardening::next_error(*c).at("param").as_string(), "type");
       c->send(event("conversation.item.create", {{"item", json::object{}}}));
       EXPECT_EQ(Hardening::next_error(*c).at("param").as_string(), "type");
       Hardening::expect_still_usable(*c);
     }},
    {"wrong_field_types",
     [](Hardening& t) {
       auto c = t.ws();
       c->send(event("input_text_buffer.append", {{"text", json::array{1, 2}}}));
       EXPECT_EQ(Hardening::next_error(*c).at("param").as_string(), "text");
       c->send(event("session.update", {{"session", json::object{{"voice", 5}}}}));
       EXPECT_EQ(Hardening::next_error(*c).at("code").as_string(), "invalid_value");
       c->send(event("session.update", {{"session", json::object{{"sample_rate", "fast"}}}}));
       EXPECT_EQ(Hardening::next_error(*c).at("code").as_string(), "invalid_value");
       Hardening::expect_still_usable(*c);
     }},
    {"out_of_range_values",
     [](Hardening& t) {
       auto c = t.ws();
       for (json::object session : {json::object{{"speech_rate", 9.0}}, json::object{{"volume", -1}},
                                    json::object{{"sample_rate", 12345}}, json::object{{"pitch_rate", 1e300}}}) {
         c->send(event("session.update", {{"session", session}}));
         json::object error = Hardening::next_error(*c);
         EXPECT_EQ(error.at("code").as_string(), "invalid_value") << json::serialize(session);
         EXPECT_TRUE(error.at("param").as_string().starts_with("session.")) << json::serialize(error);
       }
       Hardening::expect_still_usable(*c);
     }},
    {"invalid_utf8_text_frame",
     [](Hardening& t) {
       auto c = t.ws();
       c->send_text("{\"type\":\"input_text_buffer.append\",\"text\":\"\xff\xfe\xc3\"}");
       EXPECT_FALSE(c->read_event().has_value());
       EXPECT_EQ(c->close_code(), 1007) << "invalid frame payload data";
     }},
    {"sixteen_mib_frame",
     [](Hardening& t) {
       auto c = t.ws();
       c->send_text(std::string(16u << 20, 'x'));
       EXPECT_FALSE(c->read_event().has_value());
       EXPECT_EQ(c->close_code(), 1009) << "message too big";
     }},
    {"binary_frames",
     [](Hardening& t) {
       auto c = t.ws();
       c->send_binary(std::string(1000, '\0'));
       EXPECT_EQ(Hardening::next_error(*c).at("code").as_string(), "invalid_value");
       Hardening::expect_still_usable(*c);
     }},
    {"text_over_the_limit",
     [](Hardening& t) {
       auto c = t.ws();
       c->send(event("session.update", {{"session", json::object{{"mode", "commit"}}}}));
       c->read_event();
       c->send(event("input_text_buffer.append", {{"text", std::string(20000, 'a')}}));
       EXPECT_EQ(Hardening::next_error(*c).at("param").as_string(), "text");
     }},
    {"a_thousand_appends_without_commit",
     [](Hardening& t) {
       auto c = t.ws();
       c->send(event("session.update", {{"session", json::object{{"mode", "commit"}}}}));
       c->read_event();
       for (int i = 0; i < 1000; ++i) c->send(event("input_text_buffer.append", {{"text", "好"}}));
       c->send(event("input_text_buffer.clear"));
       auto reply = c->read_event(20s);
       EXPECT_TRUE(reply && reply->at("type").as_string() == "input_text_buffer.cleared")
           << "no error for 1,000 characters in 1,000 appends";
     }},
    {"session_update_during_a_response",
     [](Hardening& t) {
       auto c = t.ws();
       c->send(event("session.update", {{"session", json::object{{"mode", "commit"}}}}));
       c->read_event();
       c->send(event("input_text_buffer.append", {{"text", Hardening::long_text(5)}}));
       c->send(event("input_text_buffer.commit"));
       c->send(event("session.update", {{"session", json::object{{"voice", "Ethan"}}}}));
       std::vector<json::object> events = c->read_until("response.done", 30s);
       ASSERT_FALSE(events.empty());
       bool refused = false;
       for (const json::object& e : events) refused |= e.at("type").as_string() == "error";
       EXPECT_TRUE(refused) << "the update is refused";
       EXPECT_EQ(events.back().at("response").at("status").as_string(), "completed") << "the response goes on";
     }},
    {"client_that_never_reads",
     [](Hardening& t) {
       auto c = t.ws();
       c->send(event("session.update", {{"session", json::object{{"mode", "commit"}, {"sample_rate", 48000}}}}));
       c->send(event("input_text_buffer.append", {{"text", Hardening::long_text(150)}}));
       c->send(event("input_text_buffer.commit"));
       std::this_thread::sleep_for(3s);  // never reading: backpressure, then the write times out
       bool closed = false;
       for (int i = 0; i < 100000 && !closed; ++i) closed = !c->read_event(2s).has_value();
       EXPECT_TRUE(closed) << "the connection of a client that never reads is closed";
     }},
    {"disconnect_mid_response",
     [](Hardening& t) {
       auto c = t.ws();
       c->send(event("session.update", {{"session", json::object{{"mode", "commit"}}}}));
       c->send(event("input_text_buffer.append", {{"text", Hardening::long_text(100)}}));
       c->send(event("input_text_buffer.commit"));
       for (int i = 0; i < 10; ++i) {
         auto e = c->read_event();
         if (!e || e->at("type").as_string() == "response.audio.delta") break;
       }
       c.reset();  // gone without a close frame
       const auto deadline = std::chrono::steady_clock::now() + 10s;
       while (t.server_->server().synthesis().active_jobs() > 1 && std::chrono::steady_clock::now() < deadline) {
         std::this_thread::sleep_for(10ms);
       }
       EXPECT_LE(t.server_->server().synthesis().active_jobs(), 1u) << "only the bystander's job may remain";
     }},
    // HTTP.
    {"slow_headers",
     [](Hardening& t) {
       std::string reply = t.raw_exchange(std::string("POST ") + kGenerationPath + " HTTP/1.1\r\nHost: x\r\n", 3000ms);
       EXPECT_TRUE(reply.starts_with("HTTP/1.1 408")) << reply.substr(0, 200);
       EXPECT_NE(reply.find("RequestTimeOut"), std::string::npos);
     }},
    {"slow_body",
     [](Hardening& t) {
       std::string reply = t.raw_exchange(std::string("POST ") + kGenerationPath +
                                              " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                              "Content-Length: 100\r\n\r\n{\"model\":",
                                          3000ms);
       EXPECT_TRUE(reply.starts_with("HTTP/1.1 408")) << reply.substr(0, 200);
     }},
    {"garbage_instead_of_http",
     [](Hardening& t) {
       std::string reply = t.raw_exchange(std::string("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11) + "\r\n\r\n",
                                          100ms);
       EXPECT_TRUE(reply.starts_with("HTTP/1.1 400")) << reply.substr(0, 200);
     }},
    {"malformed_and_non_object_json_bodies",
     [](Hardening& t) {
       for (const char* body : {"{\"model\":", "[1,2]", "\"x\"", "", "{\"model\":\"qwen3-tts-flash\",\"input\":7}"}) {
         HttpResult r = t.post(kGenerationPath, body);
         EXPECT_EQ(r.status, 400) << body;
         EXPECT_NE(Hardening::code_of(r.body), "<none>") << body;
       }
     }},
    {"invalid_utf8_in_a_json_body",
     [](Hardening& t) {
       HttpResult r = t.post(kGenerationPath,
                             "{\"model\":\"qwen3-tts-flash\",\"input\":{\"text\":\"\xff\xfe\",\"voice\":\"Cherry\"}}");
       EXPECT_EQ(r.status, 400);
       EXPECT_EQ(Hardening::code_of(r.body), "InvalidParameter");
     }},
    {"wrong_content_type",
     [](Hardening& t) {
       HttpResult r = t.post(kGenerationPath, "model=qwen3-tts-flash", "application/x-www-form-urlencoded");
       EXPECT_EQ(r.status, 400);
       EXPECT_EQ(Hardening::code_of(r.body), "InvalidParameter");
     }},
    // Voice cloning uploads and downloads.
    {"invalid_base64_audio",
     [](Hardening& t) {
       JsonReply r = post_customization(*t.server_, clone_request("data:audio/wav;base64,@@@@not base64@@@@"));
       EXPECT_EQ(r.status, 400);
       EXPECT_EQ(std::string(r.body.at("code").as_string()), "InvalidParameter");
     }},
    {"corrupt_audio",
     [](Hardening& t) {
       std::string fake_wav = "RIFF\x24\x00\x00\x00WAVEfmt " + std::string(200, '\x7f');
       for (const std::string& bytes : {fake_wav, std::string("fLaC") + std::string(500, '\1'),
                                        std::string("OggS") + std::string(500, '\2'), std::string(1000, '\0')}) {
         JsonReply r = post_customization(*t.server_, clone_request(data_uri("audio/wav", bytes)));
         EXPECT_EQ(r.status, 400) << bytes.substr(0, 4);
       }
     }},
    {"huge_audio_upload",
     [](Hardening& t) {
       JsonReply r = post_customization(*t.server_, clone_request(data_uri("audio/wav", std::string(11u << 20, 'x'))));
       EXPECT_EQ(r.status, 413);
       EXPECT_EQ(std::string(r.body.at("code").as_string()), "BadRequest.TooLarge");
     }},
    {"recording_url_that_is_not_audio",
     [](Hardening& t) {
       CannedHttpServer files({ok_response("<html><body>Not audio</body></html>", "text/html")});
       JsonReply r = post_customization(*t.server_, clone_request(files.url()));
       EXPECT_EQ(r.status, 400);
     }},
    {"recording_url_that_never_answers",
     [](Hardening& t) {
       CannedHttpServer files({""});  // accepts, then says nothing
       JsonReply r = post_customization(*t.server_, clone_request(files.url()));
       EXPECT_EQ(r.status, 400);
       EXPECT_EQ(std::string(r.body.at("code").as_string()), "InvalidParameter");
     }},
    {"recording_url_on_a_link_local_address",
     [](Hardening&) {
       auto config = TestServer::default_config();  // allow_private_urls = false, the default
       TestServer strict(config);
       for (const char* url : {"http://169.254.169.254/latest/meta-data", "http://127.0.0.1:9/voice.wav",
                               "http://10.0.0.1/voice.wav", "http://[::1]/voice.wav"}) {
         JsonReply r = post_customization(strict, clone_request(url));
         EXPECT_EQ(r.status, 400) << url;
       }
     }},
};

INSTANTIATE_TEST_SUITE_P(Inputs, Hardening, ::testing::ValuesIn(kAttacks),
                         [](const ::testing::TestParamInfo<Attack>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace voxwire::testing
