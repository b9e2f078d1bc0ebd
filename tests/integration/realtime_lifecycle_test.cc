// The realtime session lifecycle over a real WebSocket (api-reference
// §2.3-§2.8): configuration, both modes, the response block, finish, reuse.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "base/utf8.h"
#include "integration/realtime_fixture.h"

namespace voxwire::testing {
namespace {

using namespace std::chrono_literals;
namespace json = boost::json;

// The events from response.created onwards.
std::vector<json::object> from_response(const std::vector<json::object>& events) {
  for (std::size_t i = 0; i < events.size(); ++i) {
    if (events[i].at("type").as_string() == "response.created") return {events.begin() + i, events.end()};
  }
  return {};
}

class RealtimeLifecycle : public RealtimeTest {};

TEST_F(RealtimeLifecycle, SessionUpdateRepliesWithTheWholeEffectiveConfig) {
  auto c = open();
  auto reply = update(*c, {{"voice", "Ethan"}, {"mode", "commit"}, {"language_type", "English"},
                           {"response_format", "pcm"}, {"sample_rate", 24000}, {"speech_rate", 1.2},
                           {"volume", 60}, {"extra_sdk_kwarg", "ignored"}});
  ASSERT_EQ(reply.at("type").as_string(), "session.updated") << json::serialize(reply);
  const auto& s = reply.at("session").as_object();
  EXPECT_EQ(s.at("voice").as_string(), "Ethan");
  EXPECT_EQ(s.at("mode").as_string(), "commit");
  EXPECT_EQ(s.at("language_type").as_string(), "English");
  EXPECT_EQ(s.at("sample_rate").as_int64(), 24000);
  EXPECT_DOUBLE_EQ(s.at("speech_rate").as_double(), 1.2);
  EXPECT_EQ(s.at("volume").as_int64(), 60);
  EXPECT_DOUBLE_EQ(s.at("pitch_rate").as_double(), 1.0);
  EXPECT_EQ(s.at("model").as_string(), "qwen3-tts-flash-realtime");
  EXPECT_FALSE(s.contains("extra_sdk_kwarg"));
  // Merge semantics: absent fields keep their values; voices match any case.
  auto second = update(*c, {{"voice", "li"}});
  ASSERT_EQ(second.at("type").as_string(), "session.updated");
  EXPECT_EQ(second.at("session").at("voice").as_string(), "Li");
  EXPECT_EQ(second.at("session").at("mode").as_string(), "commit");
  EXPECT_EQ(second.at("session").at("volume").as_int64(), 60);
}

TEST_F(RealtimeLifecycle, CommitModeSynthesizesOnlyOnCommitWithTheDocumentedEventOrder) {
  auto c = open();
  ASSERT_EQ(update(*c, {{"voice", "Cherry"}, {"mode", "commit"}, {"language_type", "Chinese"}}).at("type").as_string(),
            "session.updated");
  const std::string text = "这是第一句话。这是第二句话，稍微长一点。";
  c->send(event("input_text_buffer.append", {{"text", text}}));
  EXPECT_FALSE(c->read_event(700ms).has_value()) << "commit mode must not synthesize before commit";

  // read_event timing out leaves the client unusable: reconnect for the rest.
  c = open();
  update(*c, {{"voice", "Cherry"}, {"mode", "commit"}, {"language_type", "Chinese"}});
  c->send(event("input_text_buffer.append", {{"text", text}}));
  c->send(event("input_text_buffer.commit"));
  auto events = c->read_until("response.done");
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events[0].at("type").as_string(), "input_text_buffer.committed");
  auto block = from_response(events);
  expect_response_block(block);
  EXPECT_EQ(block.back().at("response").at("usage").at("characters").as_int64(),
            static_cast<int64_t>(utf8::length(text)));
  EXPECT_EQ(block.front().at("response").at("voice").as_string(), "Cherry");

  auto pcm = pcm_samples(audio_bytes(block));
  double seconds = pcm.size() / 24000.0;
  double chars_per_second = 18 / seconds;  // 18 Han characters
  EXPECT_GE(chars_per_second, 2.0) << seconds << " s";
  EXPECT_LE(chars_per_second, 6.0) << seconds << " s";
  EXPECT_GT(voiced_seconds(pcm, 24000), 0.5 * seconds * 0.5);
  EXPECT_GT(count_type(block, "response.audio.delta"), 1) << "two sentences should stream in several deltas";
}

TEST_F(RealtimeLifecycle, EnglishSpeechHasAPlausibleWordRate) {
  auto c = open();
  update(*c, {{"voice", "Ethan"}, {"mode", "commit"}, {"language_type", "English"}});
  c->send(event("input_text_buffer.append", {{"text", "The quick brown fox jumps over the lazy dog near the river bank."}}));
  c->send(event("input_text_buffer.commit"));
  auto block = from_response(c->read_until("response.done"));
  expect_response_block(block);
  auto pcm = pcm_samples(audio_bytes(block));
  double words_per_second = 13 / (pcm.size() / 24000.0);
  EXPECT_GE(words_per_second, 1.5);
  EXPECT_LE(words_per_second, 5.0);
  EXPECT_GT(rms(pcm), 300);
}

TEST_F(RealtimeLifecycle, ServerCommitSpeaksTheFirstSentenceBeforeTheRestArrives) {
  auto c = open();
  update(*c, {{"voice", "Cherry"}, {"mode", "server_commit"}});
  // Token-by-token, like an LLM: nothing is complete until the 。
  for (std::string token : {"阿里云的", "大模型", "服务平台", "。"}) {
    c->send(event("input_text_buffer.append", {{"text", token}}));
  }
  // The first audio must arrive while the second sentence has not been sent.
  auto events = c->read_until("response.audio.delta", 15s);
  ASSERT_FALSE(events.empty()) << "no audio for a complete first sentence";
  EXPECT_EQ(events[0].at("type").as_string(), "input_text_buffer.committed");
  c->send(event("input_text_buffer.append", {{"text", "不论是开发人员还是业务人员，都能参与。"}}));
  c->send(event("input_text_buffer.append", {{"text", "最后这句没有句号"}}));
  c->send(event("session.finish"));
  auto rest = c->read_until("session.finished", 30s);
  ASSERT_FALSE(rest.empty());
  events.insert(events.end(), rest.begin(), rest.end());
  EXPECT_EQ(count_type(events, "response.done"), 3) << "one response per sentence, the last flushed by finish";
  EXPECT_EQ(count_type(events, "input_text_buffer.committed"), 3);
  // Responses never interleave.
  int open_blocks = 0;
  for (const auto& e : events) {
    auto t = e.at("type").as_string();
    if (t == "response.created") {
      EXPECT_EQ(++open_blocks, 1);
    }
    if (t == "response.done") --open_blocks;
  }
  EXPECT_EQ(events.back().at("type").as_string(), "session.finished");
}

TEST_F(RealtimeLifecycle, CommitBeforeThePreviousResponseEndsQueuesResponsesInOrder) {
  auto c = open();
  update(*c, {{"mode", "commit"}, {"voice", "Serena"}});
  c->send(event("input_text_buffer.append", {{"text", "第一段。"}}));
  c->send(event("input_text_buffer.commit"));
  c->send(event("input_text_buffer.append", {{"text", "第二段，更长一些的文字。"}}));
  c->send(event("input_text_buffer.commit"));
  auto first = c->read_until("response.done");
  auto second = c->read_until("response.done");
  ASSERT_FALSE(first.empty());
  ASSERT_FALSE(second.empty());
  EXPECT_EQ(count_type(first, "input_text_buffer.committed") + count_type(second, "input_text_buffer.committed"), 2);
  EXPECT_EQ(from_response(first).back().at("response").at("usage").at("characters").as_int64(), 4);
  EXPECT_EQ(from_response(second).back().at("response").at("usage").at("characters").as_int64(), 12);
}

TEST_F(RealtimeLifecycle, FinishSynthesizesUncommittedTextThenTheConnectionCanBeReused) {
  auto c = open();
  update(*c, {{"mode", "commit"}});
  c->send(event("input_text_buffer.append", {{"text", "Goodbye for now."}}));
  c->send(event("session.finish"));
  auto events = c->read_until("session.finished");
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(count_type(events, "response.done"), 1);
  // Events other than session.update are refused once finished.
  c->send(event("input_text_buffer.append", {{"text", "too late"}}));
  EXPECT_EQ(error_of(*c->read_event()).at("code").as_string(), "invalid_value");

  // Reuse (§2.8): session.update starts a new session with a new id.
  c->send(event("session.update", {{"session", json::object{{"voice", "Ethan"}, {"mode", "commit"}}}}));
  auto created = c->read_event();
  ASSERT_TRUE(created.has_value());
  EXPECT_EQ(created->at("type").as_string(), "session.created");
  auto updated = c->read_event();
  EXPECT_EQ(updated->at("type").as_string(), "session.updated");
  EXPECT_EQ(updated->at("session").at("id"), created->at("session").at("id"));
  c->send(event("input_text_buffer.append", {{"text", "Hello again."}}));
  c->send(event("input_text_buffer.commit"));
  auto again = c->read_until("response.done");
  ASSERT_FALSE(again.empty());
  expect_response_block(from_response(again));
}

TEST_F(RealtimeLifecycle, FinishWithNothingPendingFinishesAtOnce) {
  auto c = open();
  c->send(event("session.finish"));
  auto e = c->read_event();
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->at("type").as_string(), "session.finished");
}

TEST_F(RealtimeLifecycle, EventsWhileFinishingAreRefused) {
  auto c = open();
  update(*c, {{"mode", "commit"}});
  c->send(event("input_text_buffer.append", {{"text", "A sentence that takes a moment to speak, with a few more words."}}));
  c->send(event("session.finish"));
  c->send(event("input_text_buffer.append", {{"text", "more"}}));
  auto events = c->read_until("session.finished");
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(count_type(events, "error"), 1);
  EXPECT_EQ(count_type(events, "response.done"), 1);
}

TEST_F(RealtimeLifecycle, CancelStopsTheResponseAndDropsQueuedOnes) {
  auto c = open();
  update(*c, {{"mode", "commit"}, {"voice", "Ethan"}});
  std::string long_text;
  for (int i = 0; i < 12; ++i) long_text += "This is sentence number " + std::to_string(i) + " of a long reading. ";
  c->send(event("input_text_buffer.append", {{"text", long_text}}));
  c->send(event("input_text_buffer.commit"));
  c->send(event("input_text_buffer.append", {{"text", "A second response that should never play."}}));
  c->send(event("input_text_buffer.commit"));
  auto first_audio = c->read_until("response.audio.delta");
  ASSERT_FALSE(first_audio.empty());
  c->send(event("response.cancel"));
  auto rest = c->read_until("response.done");
  ASSERT_FALSE(rest.empty());
  first_audio.insert(first_audio.end(), rest.begin(), rest.end());
  auto block = from_response(first_audio);
  expect_response_block(block, "cancelled");
  double delivered = pcm_samples(audio_bytes(block)).size() / 24000.0;
  EXPECT_LT(delivered, 20.0) << "12 sentences take far longer than what a cancelled response delivered";
  // The queued response is dropped: the session is idle and usable again.
  c->send(event("input_text_buffer.append", {{"text", "After the cancel."}}));
  c->send(event("input_text_buffer.commit"));
  auto after = c->read_until("response.done");
  ASSERT_FALSE(after.empty());
  EXPECT_EQ(count_type(after, "response.created"), 1);
  EXPECT_EQ(from_response(after).back().at("response").at("status").as_string(), "completed");
  EXPECT_EQ(from_response(after).back().at("response").at("usage").at("characters").as_int64(), 17);
}

TEST_F(RealtimeLifecycle, CancelWithNothingRunningSendsNothing) {
  auto c = open();
  c->send(event("response.cancel"));
  c->send(event("session.finish"));
  auto e = c->read_event();
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->at("type").as_string(), "session.finished");
}

TEST_F(RealtimeLifecycle, ClearDiscardsBufferedTextAndRunningSynthesis) {
  auto c = open();
  update(*c, {{"mode", "commit"}});
  c->send(event("input_text_buffer.append", {{"text", "discard me"}}));
  c->send(event("input_text_buffer.clear"));
  EXPECT_EQ(c->read_event()->at("type").as_string(), "input_text_buffer.cleared");
  c->send(event("input_text_buffer.commit"));
  auto err = error_of(*c->read_event());
  EXPECT_EQ(err.at("param").as_string(), "input_text_buffer");
  EXPECT_EQ(err.at("message").as_string(), "Error committing input text buffer: the buffer is empty.");

  std::string long_text;
  for (int i = 0; i < 10; ++i) long_text += "Another long sentence to keep the engine busy for a while. ";
  c->send(event("input_text_buffer.append", {{"text", long_text}}));
  c->send(event("input_text_buffer.commit"));
  ASSERT_FALSE(c->read_until("response.audio.delta").empty());
  c->send(event("input_text_buffer.clear"));
  auto rest = c->read_until("input_text_buffer.cleared");
  ASSERT_FALSE(rest.empty());
  EXPECT_EQ(count_type(rest, "response.done"), 1);
  for (const auto& e : rest) {
    if (e.at("type").as_string() == "response.done") {
      EXPECT_EQ(e.at("response").at("status").as_string(), "cancelled");
    }
  }
}

TEST_F(RealtimeLifecycle, TokenBilledModelReportsTokenUsage) {
  auto c = open("qwen-tts-realtime");
  update(*c, {{"mode", "commit"}, {"voice", "Chelsie"}});
  c->send(event("input_text_buffer.append", {{"text", "你好，世界。"}}));
  c->send(event("input_text_buffer.commit"));
  auto block = from_response(c->read_until("response.done"));
  expect_response_block(block);
  const auto& usage = block.back().at("response").at("usage").as_object();
  EXPECT_EQ(usage.at("input_tokens").as_int64(), 6);
  EXPECT_GE(usage.at("output_tokens_details").at("audio_tokens").as_int64(), 50);
  EXPECT_EQ(usage.at("total_tokens").as_int64(),
            usage.at("input_tokens").as_int64() + usage.at("output_tokens").as_int64());
}

TEST_F(RealtimeLifecycle, EscapedUnicodeAndEmojiAreDecodedAndSpoken) {
  auto c = open();
  update(*c, {{"mode", "commit"}});
  // As the Python SDK sends it: json.dumps escapes non-ASCII, emoji as surrogate pairs.
  c->send_text(R"({"event_id":"event_1","type":"input_text_buffer.append","text":"\u4f60\u597d \ud83d\ude00 hello"})");
  c->send(event("input_text_buffer.commit"));
  auto block = from_response(c->read_until("response.done"));
  expect_response_block(block);
  EXPECT_EQ(block.back().at("response").at("usage").at("characters").as_int64(), 10);
}

TEST_F(RealtimeLifecycle, CantoneseVoiceSpeaks) {
  auto c = open("qwen3-tts-flash-realtime-2025-09-18");
  update(*c, {{"mode", "commit"}, {"voice", "Rocky"}});
  c->send(event("input_text_buffer.append", {{"text", "今日天氣好好，我哋去飲茶啦。"}}));
  c->send(event("input_text_buffer.commit"));
  auto block = from_response(c->read_until("response.done"));
  expect_response_block(block);
  EXPECT_GT(voiced_seconds(pcm_samples(audio_bytes(block)), 24000), 1.0);
}

}  // namespace
}  // namespace voxwire::testing
