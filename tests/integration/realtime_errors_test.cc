// Client mistakes get the documented `error` event naming the parameter and
// leave the connection open and usable (api-reference §2.2, §2.4, §2.8).
#include <gtest/gtest.h>

#include "integration/realtime_fixture.h"

namespace voxwire::testing {
namespace {

namespace json = boost::json;

class RealtimeErrors : public RealtimeTest {
 protected:
  // The connection still works: a valid session.update is answered.
  void expect_still_usable(WsClient& c) {
    auto reply = update(c, {{"voice", "Cherry"}});
    EXPECT_EQ(reply.at("type").as_string(), "session.updated") << json::serialize(reply);
  }

  // Sends a session.update and expects an error naming `param`.
  void expect_update_refused(WsClient& c, json::object session, std::string_view param) {
    auto reply = update(c, std::move(session));
    auto err = error_of(reply);
    EXPECT_EQ(err.at("code").as_string(), "invalid_value");
    EXPECT_EQ(err.at("type").as_string(), "invalid_request_error");
    EXPECT_EQ(err.at("param").as_string(), param) << json::serialize(err);
    EXPECT_TRUE(err.at("event_id").as_string().starts_with("event_test"));
  }
};

TEST_F(RealtimeErrors, EverySessionFieldIsValidatedAndNamed) {
  auto c = open();
  expect_update_refused(*c, {{"voice", "NoSuchVoice"}}, "session.voice");
  expect_update_refused(*c, {{"voice", 42}}, "session.voice");
  expect_update_refused(*c, {{"mode", "push"}}, "session.mode");
  expect_update_refused(*c, {{"language_type", "Klingon"}}, "session.language_type");
  expect_update_refused(*c, {{"response_format", "flac"}}, "session.response_format");
  expect_update_refused(*c, {{"sample_rate", 12345}}, "session.sample_rate");
  expect_update_refused(*c, {{"sample_rate", "24000"}}, "session.sample_rate");
  expect_update_refused(*c, {{"speech_rate", 2.5}}, "session.speech_rate");
  expect_update_refused(*c, {{"speech_rate", 0.4}}, "session.speech_rate");
  expect_update_refused(*c, {{"pitch_rate", 3}}, "session.pitch_rate");
  expect_update_refused(*c, {{"volume", 101}}, "session.volume");
  expect_update_refused(*c, {{"volume", -1}}, "session.volume");
  expect_update_refused(*c, {{"volume", 50.5}}, "session.volume");
  expect_update_refused(*c, {{"bit_rate", 5}}, "session.bit_rate");
  expect_update_refused(*c, {{"enable_tn", "yes"}}, "session.enable_tn");
  expect_update_refused(*c, {{"instructions", std::string(7000, 'a')}}, "session.instructions");
  expect_still_usable(*c);
}

TEST_F(RealtimeErrors, RefusedUpdateKeepsThePreviousConfiguration) {
  auto c = open();
  update(*c, {{"voice", "Ethan"}, {"volume", 70}});
  // One bad field refuses the whole update.
  auto reply = update(*c, {{"voice", "Serena"}, {"volume", 1000}});
  EXPECT_EQ(error_of(reply).at("param").as_string(), "session.volume");
  auto ok = update(*c, {});
  EXPECT_EQ(ok.at("session").at("voice").as_string(), "Ethan");
  EXPECT_EQ(ok.at("session").at("volume").as_int64(), 70);
}

TEST_F(RealtimeErrors, VoicesAreCheckedAgainstTheModel) {
  auto old = open("qwen3-tts-flash-realtime-2025-09-18");
  auto err = error_of(update(*old, {{"voice", "Serena"}}));
  EXPECT_EQ(err.at("param").as_string(), "session.voice");
  EXPECT_EQ(err.at("message").as_string(),
            "Invalid value: 'Serena'. Voice is not supported by model 'qwen3-tts-flash-realtime-2025-09-18'.");
  auto vd = open("qwen3-tts-vd-realtime-2025-12-16");
  EXPECT_EQ(error_of(update(*vd, {{"voice", "Cherry"}})).at("param").as_string(), "session.voice");
  // Without a voice of its own kind, a designed-voice model cannot speak.
  vd->send(event("input_text_buffer.append", {{"text", "hello"}}));
  EXPECT_EQ(error_of(*vd->read_event()).at("param").as_string(), "session.voice");
}

TEST_F(RealtimeErrors, ModelsWithoutControlsRefuseOtherFormatsRatesAndControls) {
  auto c = open("qwen-tts-realtime");
  expect_update_refused(*c, {{"response_format", "wav"}}, "session.response_format");
  expect_update_refused(*c, {{"sample_rate", 16000}}, "session.sample_rate");
  expect_update_refused(*c, {{"speech_rate", 1.5}}, "session.speech_rate");
  expect_update_refused(*c, {{"volume", 80}}, "session.volume");
  expect_update_refused(*c, {{"voice", "Momo"}}, "session.voice");
  // The neutral values the SDK always sends are accepted.
  auto ok = update(*c, {{"voice", "Cherry"}, {"response_format", "pcm"}, {"sample_rate", 24000}, {"speech_rate", 1.0}});
  EXPECT_EQ(ok.at("type").as_string(), "session.updated");
}

TEST_F(RealtimeErrors, MalformedFramesGetErrorsAndTheConnectionStaysOpen) {
  auto c = open();
  c->send_text("{not json");
  EXPECT_EQ(error_of(*c->read_event()).at("code").as_string(), "invalid_json");
  c->send_text("[1,2,3]");
  EXPECT_EQ(error_of(*c->read_event()).at("code").as_string(), "invalid_value");
  c->send_text(R"({"event_id":"event_x","type":"response.create"})");
  auto unknown = error_of(*c->read_event());
  EXPECT_EQ(unknown.at("code").as_string(), "invalid_value");
  EXPECT_EQ(unknown.at("param").as_string(), "type");
  EXPECT_EQ(unknown.at("event_id").as_string(), "event_x");
  c->send_text(R"({"event_id":"event_y"})");
  EXPECT_EQ(error_of(*c->read_event()).at("param").as_string(), "type");
  c->send_text(R"({"type":7})");
  EXPECT_EQ(error_of(*c->read_event()).at("param").as_string(), "type");
  c->send_binary(std::string("\x00\x01\x02", 3));
  EXPECT_EQ(error_of(*c->read_event()).at("code").as_string(), "invalid_value");
  c->send(event("input_text_buffer.append", {{"text", 12}}));
  EXPECT_EQ(error_of(*c->read_event()).at("param").as_string(), "text");
  c->send(event("input_text_buffer.append"));
  EXPECT_EQ(error_of(*c->read_event()).at("param").as_string(), "text");
  c->send(event("session.update", {{"session", "not an object"}}));
  EXPECT_EQ(error_of(*c->read_event()).at("param").as_string(), "session");
  // A client event without event_id is accepted.
  c->send_text(R"({"type":"session.update","session":{"voice":"Cherry"}})");
  EXPECT_EQ(c->read_event()->at("type").as_string(), "session.updated");
  expect_still_usable(*c);
}

TEST_F(RealtimeErrors, SessionUpdateAfterTheSessionStartedIsRefused) {
  auto c = open();
  update(*c, {{"mode", "commit"}});
  c->send(event("input_text_buffer.append", {{"text", "hello"}}));
  auto err = error_of(update(*c, {{"voice", "Ethan"}}));
  EXPECT_EQ(err.at("message").as_string(), "Session update error: session already started or finished or failed.");
}

TEST_F(RealtimeErrors, TextBeyondTheBufferCapIsRefused) {
  auto c = open();
  update(*c, {{"mode", "commit"}});
  std::string chunk(4000, 'a');
  c->send(event("input_text_buffer.append", {{"text", chunk}}));
  c->send(event("input_text_buffer.append", {{"text", chunk}}));
  c->send(event("input_text_buffer.append", {{"text", chunk}}));
  auto err = error_of(*c->read_event());
  EXPECT_EQ(err.at("param").as_string(), "text");
  // The buffer keeps what fitted; clearing it makes room again.
  c->send(event("input_text_buffer.clear"));
  EXPECT_EQ(c->read_event()->at("type").as_string(), "input_text_buffer.cleared");
  c->send(event("input_text_buffer.append", {{"text", chunk}}));
  c->send(event("input_text_buffer.clear"));
  EXPECT_EQ(c->read_event()->at("type").as_string(), "input_text_buffer.cleared");
}

TEST_F(RealtimeErrors, OversizedFrameClosesCleanlyAndOthersAreServed) {
  auto c = open();
  c->send_text(std::string(2 << 20, 'x'));
  EXPECT_FALSE(c->read_event().has_value());
  EXPECT_TRUE(c->closed());
  EXPECT_EQ(c->close_code(), 1009);  // message too big
  auto other = open();
  expect_still_usable(*other);
}

}  // namespace
}  // namespace voxwire::testing
