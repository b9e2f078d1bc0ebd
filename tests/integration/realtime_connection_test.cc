// Connection-level behaviour of the realtime endpoint: idle timeout,
// disconnects and clients that stop reading (api-reference §2.8).
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "integration/realtime_fixture.h"

namespace voxwire::testing {
namespace {

using namespace std::chrono_literals;
namespace json = boost::json;

// Polls until the server has no synthesis job left, up to `timeout`.
bool synthesis_drains(const TestServer& server, std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (server.server().synthesis().active_jobs() == 0) return true;
    std::this_thread::sleep_for(20ms);
  }
  return false;
}

std::string long_text() {
  std::string text;
  for (int i = 0; i < 150; ++i) text += "Sentence " + std::to_string(i) + " keeps the synthesizer busy for a while. ";
  return text;
}

std::unique_ptr<WsClient> open_on(const TestServer& server, HandshakeResult* r) {
  auto c = WsClient::connect(server.port(), server.realtime_target(), kTestKey, r);
  if (c) c->read_event();  // session.created
  return c;
}

TEST(RealtimeConnection, IdleConnectionIsClosedWithIdleTimeout) {
  auto config = TestServer::default_config();
  config.idle_timeout_ms = 500;
  TestServer server(config);
  HandshakeResult r;
  auto c = open_on(server, &r);
  ASSERT_NE(c, nullptr);
  auto started = std::chrono::steady_clock::now();
  EXPECT_FALSE(c->read_event(5s).has_value());
  EXPECT_TRUE(c->closed());
  EXPECT_EQ(c->close_code(), 1000);
  EXPECT_EQ(c->close_reason(), "idle timeout");
  EXPECT_LT(std::chrono::steady_clock::now() - started, 3s);
}

TEST(RealtimeConnection, ActivityKeepsTheConnectionOpen) {
  auto config = TestServer::default_config();
  config.idle_timeout_ms = 800;
  TestServer server(config);
  HandshakeResult r;
  auto c = open_on(server, &r);
  ASSERT_NE(c, nullptr);
  for (int i = 0; i < 5; ++i) {  // 5 x 400 ms of activity spans several idle periods
    std::this_thread::sleep_for(400ms);
    c->send(event("session.update", {{"session", json::object{{"voice", "Cherry"}}}}));
    auto reply = c->read_event(2s);
    ASSERT_TRUE(reply.has_value()) << "closed after " << i << " updates";
    EXPECT_EQ(reply->at("type").as_string(), "session.updated");
  }
}

TEST(RealtimeConnection, DisconnectMidResponseStopsTheSynthesis) {
  TestServer server;
  HandshakeResult r;
  auto c = open_on(server, &r);
  ASSERT_NE(c, nullptr);
  c->send(event("session.update", {{"session", json::object{{"mode", "commit"}}}}));
  c->read_event();
  c->send(event("input_text_buffer.append", {{"text", long_text()}}));
  c->send(event("input_text_buffer.commit"));
  ASSERT_FALSE(c->read_until("response.audio.delta").empty());
  EXPECT_EQ(server.server().synthesis().active_jobs(), 1u);
  c.reset();  // abrupt: the socket closes without a close frame
  EXPECT_TRUE(synthesis_drains(server, 3s)) << "the job of a vanished client kept running";
  // Others are served as before.
  auto other = open_on(server, &r);
  ASSERT_NE(other, nullptr);
  other->send(event("session.update", {{"session", json::object{{"mode", "commit"}}}}));
  other->read_event();
  other->send(event("input_text_buffer.append", {{"text", "Still here."}}));
  other->send(event("input_text_buffer.commit"));
  EXPECT_FALSE(other->read_until("response.done").empty());
}

TEST(RealtimeConnection, ClientThatStopsReadingIsDroppedAndItsJobEnds) {
  auto config = TestServer::default_config();
  config.write_timeout_ms = 1000;
  TestServer server(config);
  HandshakeResult r;
  auto c = open_on(server, &r);
  ASSERT_NE(c, nullptr);
  c->send(event("session.update", {{"session", json::object{{"mode", "commit"}, {"sample_rate", 48000}}}}));
  c->send(event("input_text_buffer.append", {{"text", long_text()}}));
  c->send(event("input_text_buffer.commit"));
  // Never read: the socket buffers fill, the job pauses (backpressure), the
  // write stalls and the server gives up on the client.
  EXPECT_TRUE(synthesis_drains(server, 30s)) << "a client that never reads kept a job alive";
  bool saw_end = false;
  for (int i = 0; i < 100000 && !saw_end; ++i) saw_end = !c->read_event(2s).has_value();
  EXPECT_TRUE(saw_end) << "the connection of a non-reading client stayed open";
}

}  // namespace
}  // namespace voxwire::testing
