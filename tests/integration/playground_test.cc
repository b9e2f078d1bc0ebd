// The playground's server side: its page and catalogue need no key, and a
// browser's key offered as a WebSocket subprotocol opens a realtime session
// whose handshake names that subprotocol (browsers drop it otherwise).
#include <gtest/gtest.h>

#include <boost/asio/connect.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/json.hpp>

#include "support/http_client.h"
#include "integration/test_server.h"

namespace voxwire::testing {
namespace {

namespace beast = boost::beast;
namespace websocket = beast::websocket;
using PlaygroundTest = SharedServerTest;

TEST_F(PlaygroundTest, ServesThePageAndItsFilesWithoutAKey) {
  HttpResult page = http_request(server_->port(), "GET", "/");
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(page.content_type, "text/html; charset=utf-8");
  EXPECT_NE(page.body.find("<script src=\"/playground.js\">"), std::string::npos);
  HttpResult script = http_request(server_->port(), "GET", "/playground.js");
  EXPECT_EQ(script.status, 200);
  EXPECT_NE(script.body.find("voxwire.key."), std::string::npos);
  EXPECT_EQ(http_request(server_->port(), "GET", "/playground.css").status, 200);
  EXPECT_EQ(http_request(server_->port(), "GET", "/playground/other").status, 404);
}

TEST_F(PlaygroundTest, TheCatalogueListsRealtimeModelsVoicesAndTargets) {
  HttpResult r = http_request(server_->port(), "GET", "/playground/catalog.json");
  ASSERT_EQ(r.status, 200);
  const boost::json::object catalog = boost::json::parse(r.body).as_object();
  bool found_flash = false;
  for (const auto& m : catalog.at("models").as_array()) {
    const auto& model = m.as_object();
    if (model.at("name").as_string() != "qwen3-tts-flash-realtime") continue;
    found_flash = true;
    EXPECT_EQ(model.at("voice_kind").as_string(), "system");
    EXPECT_GE(model.at("voices").as_array().size(), 40u);
    EXPECT_NE(std::find(model.at("formats").as_array().begin(), model.at("formats").as_array().end(),
                        boost::json::value("pcm")),
              model.at("formats").as_array().end());
  }
  EXPECT_TRUE(found_flash);
  EXPECT_TRUE(catalog.at("voices").as_object().contains("Cherry"));
  EXPECT_FALSE(catalog.at("design_targets").as_array().empty());
  EXPECT_FALSE(catalog.at("clone_targets").as_array().empty());
}

// Opens the realtime path offering `protocols`; the subprotocol the server
// answered with, or nullopt if the handshake failed.
std::optional<std::string> browser_handshake(uint16_t port, const std::string& protocols) {
  boost::asio::io_context ioc;
  websocket::stream<beast::tcp_stream> ws(ioc);
  beast::get_lowest_layer(ws).expires_after(std::chrono::seconds(10));
  beast::get_lowest_layer(ws).connect({boost::asio::ip::make_address("127.0.0.1"), port});
  ws.set_option(websocket::stream_base::decorator(
      [&](websocket::request_type& req) { req.set(beast::http::field::sec_websocket_protocol, protocols); }));
  websocket::response_type response;
  beast::error_code ec;
  ws.handshake(response, "127.0.0.1", "/api-ws/v1/realtime?model=qwen3-tts-flash-realtime", ec);
  if (ec) return std::nullopt;
  std::string answered(response[beast::http::field::sec_websocket_protocol]);
  ws.close(websocket::close_code::normal, ec);
  return answered;
}

TEST_F(PlaygroundTest, ABrowsersKeyComesAsASubprotocolAndIsNamedInTheAnswer) {
  const std::string offered = std::string("voxwire.key.") + kTestKey;
  EXPECT_EQ(browser_handshake(server_->port(), "other, " + offered), offered);
  EXPECT_EQ(browser_handshake(server_->port(), "voxwire.key.sk-wrong"), std::nullopt);
  EXPECT_EQ(browser_handshake(server_->port(), "other"), std::nullopt);
}

}  // namespace
}  // namespace voxwire::testing
