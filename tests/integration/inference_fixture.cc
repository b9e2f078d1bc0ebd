#include "integration/inference_fixture.h"

#include <chrono>

namespace voxwire::testing {

namespace json = boost::json;
using namespace std::chrono_literals;

std::string event_name(const json::object& e) { return std::string(e.at("header").at("event").as_string()); }

std::string label(const json::object& e) {
  std::string name = event_name(e);
  if (name == "result-generated") {
    const json::object& out = e.at("payload").at("output").as_object();
    if (const json::value* type = out.if_contains("type")) return std::string(type->as_string());
  }
  return name;
}

// Reads until task-finished or task-failed (or a close / 20 s).
TaskOutput read_task(WsClient& c, bool cosyvoice) {
  TaskOutput t;
  const auto deadline = std::chrono::steady_clock::now() + 20s;
  while (std::chrono::steady_clock::now() < deadline) {
    auto m = c.read_message(10s);
    if (!m) break;
    if (m->binary) {
      if (cosyvoice && (t.order.empty() || t.order.back() != "sentence-synthesis")) t.binary_after_synthesis = false;
      t.order.push_back("binary");
      t.audio += m->data;
      continue;
    }
    json::object e = json::parse(m->data).as_object();
    t.order.push_back(label(e));
    t.events.push_back(e);
    const std::string name = event_name(e);
    if (name == "task-finished" || name == "task-failed") break;
  }
  return t;
}

json::object run_task(const std::string& task_id, const std::string& model, json::object parameters,
                      json::object input, const std::string& streaming) {
  return {{"header", {{"action", "run-task"}, {"task_id", task_id}, {"streaming", streaming}}},
          {"payload",
           {{"task_group", "audio"}, {"task", "tts"}, {"function", "SpeechSynthesizer"}, {"model", model},
            {"parameters", std::move(parameters)}, {"input", std::move(input)}}}};
}

json::object continue_task(const std::string& task_id, json::object input) {
  return {{"header", {{"action", "continue-task"}, {"task_id", task_id}, {"streaming", "duplex"}}},
          {"payload", {{"input", std::move(input)}}}};
}

json::object finish_task(const std::string& task_id) {
  return {{"header", {{"action", "finish-task"}, {"task_id", task_id}, {"streaming", "duplex"}}},
          {"payload", {{"input", json::object()}}}};
}

json::object params(const std::string& voice, const std::string& format, int rate) {
  return {{"text_type", "PlainText"}, {"voice", voice}, {"format", format}, {"sample_rate", rate},
          {"volume", 50}, {"rate", 1.0}, {"pitch", 1.0}};
}

std::unique_ptr<WsClient> InferenceTest::open(const std::string& path) {
  HandshakeResult r;
  auto c = WsClient::connect(server_->port(), path, kTestKey, &r);
  EXPECT_NE(c, nullptr) << r.status << " " << r.body;
  return c;
}

void InferenceTest::expect_started(WsClient& c, const std::string& task_id) {
  auto m = c.read_message();
  ASSERT_TRUE(m && !m->binary);
  json::object e = json::parse(m->data).as_object();
  EXPECT_EQ(event_name(e), "task-started") << m->data;
  EXPECT_EQ(e.at("header").at("task_id").as_string(), task_id);
  EXPECT_TRUE(e.at("header").as_object().contains("attributes"));
  EXPECT_TRUE(e.at("payload").as_object().empty());
}

void InferenceTest::expect_run_task_failure(const json::object& message, const std::string& wanted) {
  auto c = open();
  ASSERT_NE(c, nullptr);
  c->send(message);
  TaskOutput t = read_task(*c);
  ASSERT_FALSE(t.events.empty()) << wanted;
  const json::object& header = t.events.back().at("header").as_object();
  EXPECT_EQ(header.at("event").as_string(), "task-failed") << json::serialize(t.events.back());
  EXPECT_EQ(header.at("error_code").as_string(), "InvalidParameter");
  EXPECT_NE(std::string(header.at("error_message").as_string()).find(wanted), std::string::npos)
      << header.at("error_message").as_string() << " vs " << wanted;
  EXPECT_TRUE(t.events.back().at("payload").as_object().empty());
  EXPECT_FALSE(c->read_message(5s).has_value());
  EXPECT_TRUE(c->closed());
  EXPECT_EQ(c->close_code(), 1000);
}

}  // namespace voxwire::testing
