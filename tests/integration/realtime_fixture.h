// Shared set-up for realtime integration tests: one server per test suite,
// connections that have already read session.created, and checks of the
// response block of §2.6.
#pragma once
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "integration/audio_checks.h"
#include "integration/test_server.h"
#include "support/ws_client.h"

namespace voxwire::testing {

class RealtimeTest : public SharedServerTest {
 protected:
  // A connection whose session.created has been read; fails the test if not.
  std::unique_ptr<WsClient> open(const std::string& model = "qwen3-tts-flash-realtime") {
    HandshakeResult r;
    auto client = WsClient::connect(server_->port(), server_->realtime_target(model), kTestKey, &r);
    EXPECT_NE(client, nullptr) << "handshake refused: " << r.status << " " << r.body;
    if (!client) return nullptr;
    auto created = client->read_event();
    EXPECT_TRUE(created && created->at("type").as_string() == "session.created");
    return client;
  }

  // Sends session.update and returns the reply (session.updated or error).
  boost::json::object update(WsClient& client, boost::json::object session) {
    client.send(event("session.update", {{"session", std::move(session)}}));
    auto reply = client.read_event();
    EXPECT_TRUE(reply.has_value());
    return reply ? *reply : boost::json::object{};
  }

};

// Checks that the response.* events among `events` (response.created to
// response.done) form one block in the documented order with consistent ids;
// other events (acknowledgements of later commits) may be interleaved.
void expect_response_block(const std::vector<boost::json::object>& events, std::string_view status = "completed");

// The `error` object of an error event; fails if `e` is not an error event.
boost::json::object error_of(const boost::json::object& e);

}  // namespace voxwire::testing
