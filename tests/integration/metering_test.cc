// Issue #6, point 4: the usage ledger agrees with the `usage` fields of the
// responses, on every surface. The ledger is read back from the server's
// SQLite file through a second connection, as `voxwire usage` reads it.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "integration/customization_fixture.h"
#include "integration/test_server.h"
#include "store/usage_ledger.h"
#include "support/http_client.h"
#include "support/ws_client.h"

namespace voxwire::testing {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

std::vector<store::UsageRow> ledger_rows(const TestServer& server) {
  auto ledger = store::UsageLedger::open((std::filesystem::path(server.data_dir()) / "voxwire.db").string());
  EXPECT_TRUE(ledger.ok()) << ledger.status().to_string();
  if (!ledger.ok()) return {};
  auto rows = (*ledger)->rows();
  EXPECT_TRUE(rows.ok());
  return rows.ok() ? *rows : std::vector<store::UsageRow>{};
}

const store::UsageRow* row_of(const std::vector<store::UsageRow>& rows, std::string_view model) {
  for (const store::UsageRow& row : rows) {
    if (row.model == model) return &row;
  }
  return nullptr;
}

// Runs one commit-mode response; returns its response.done usage.
json::object realtime_usage(const TestServer& server, const std::string& model, const std::string& voice,
                            const std::string& text) {
  HandshakeResult hs;
  auto c = WsClient::connect(server.port(), server.realtime_target(model), kTestKey, &hs);
  EXPECT_TRUE(c) << hs.status << " " << hs.body;
  if (!c) return {};
  c->read_event();
  c->send(event("session.update", {{"session", json::object{{"mode", "commit"}, {"voice", voice}}}}));
  c->read_until("session.updated");
  c->send(event("input_text_buffer.append", {{"text", text}}));
  c->send(event("input_text_buffer.commit"));
  std::vector<json::object> events = c->read_until("response.done", 30s);
  EXPECT_FALSE(events.empty());
  if (events.empty()) return {};
  return events.back().at("response").at("usage").as_object();
}

TEST(Metering, RealtimeResponsesAreRecordedAsTheyReportTheirUsage) {
  TestServer server;
  const json::object first = realtime_usage(server, "qwen3-tts-flash-realtime", "Cherry", "你好，欢迎使用语音合成。");
  const json::object second = realtime_usage(server, "qwen3-tts-flash-realtime", "Cherry", "Hello there.");
  ASSERT_TRUE(first.contains("characters") && second.contains("characters"));
  const std::vector<store::UsageRow> rows = ledger_rows(server);
  const store::UsageRow* row = row_of(rows, "qwen3-tts-flash-realtime");
  ASSERT_NE(row, nullptr);
  EXPECT_EQ(row->requests, 2);
  EXPECT_EQ(row->totals.characters, first.at("characters").as_int64() + second.at("characters").as_int64());
  EXPECT_EQ(row->totals.characters, 12 + 12);
  EXPECT_GT(row->totals.audio_ms, 1000) << "two sentences of speech";
  EXPECT_TRUE(row->account.starts_with("acct_"));
  EXPECT_EQ(row->day, store::utc_day(std::chrono::duration_cast<std::chrono::milliseconds>(
                                         std::chrono::system_clock::now().time_since_epoch())
                                         .count()));
}

TEST(Metering, TokenBilledModelsRecordTheTokensTheyReport) {
  TestServer server;
  const json::object usage = realtime_usage(server, "qwen-tts-realtime", "Cherry", "今天天气很好。");
  ASSERT_TRUE(usage.contains("input_tokens")) << json::serialize(usage);
  const std::vector<store::UsageRow> rows = ledger_rows(server);
  const store::UsageRow* row = row_of(rows, "qwen-tts-realtime");
  ASSERT_NE(row, nullptr);
  EXPECT_EQ(row->totals.input_tokens, usage.at("input_tokens").as_int64());
  EXPECT_EQ(row->totals.output_tokens, usage.at("output_tokens").as_int64());
  EXPECT_EQ(row->totals.characters, 0);
}

TEST(Metering, HttpGenerationAndVoiceCreationAreRecorded) {
  TestServer server;
  const json::object request{{"model", "qwen3-tts-flash"},
                             {"input", json::object{{"text", "一二三四五。"}, {"voice", "Ethan"}}}};
  HttpResult r = http_request(server.port(), "POST", "/api/v1/services/aigc/multimodal-generation/generation",
                              {{"Authorization", std::string("Bearer ") + kTestKey},
                               {"Content-Type", "application/json"}},
                              json::serialize(request));
  ASSERT_EQ(r.status, 200) << r.body;
  const int64_t reported = json::parse(r.body).at("usage").at("characters").as_int64();
  EXPECT_EQ(post_customization(server, design_request()).status, 200);
  EXPECT_EQ(post_customization(server, design_request({{"preferred_name", "second"}})).status, 200);
  EXPECT_EQ(post_customization(server, {{"model", "qwen-voice-design"}, {"input", json::object{{"action", "list"}}}})
                .status,
            200);

  const std::vector<store::UsageRow> rows = ledger_rows(server);
  const store::UsageRow* generation = row_of(rows, "qwen3-tts-flash");
  ASSERT_NE(generation, nullptr);
  EXPECT_EQ(generation->requests, 1);
  EXPECT_EQ(generation->totals.characters, reported);
  EXPECT_EQ(generation->totals.characters, 6);
  const store::UsageRow* design = row_of(rows, "qwen-voice-design");
  ASSERT_NE(design, nullptr);
  EXPECT_EQ(design->totals.voices_created, 2) << "list creates nothing";
}

}  // namespace
}  // namespace voxwire::testing
