#include "inference/task_session.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <boost/json.hpp>

namespace voxwire::inference {
namespace {

namespace json = boost::json;

// Records what the session asks of its connection; jobs are driven by hand.
class FakeHost : public TaskHost {
 public:
  void send_event(json::object event) override {
    const json::object& out = event.at("payload").as_object();
    std::string name(event.at("header").at("event").as_string());
    if (const json::value* o = out.if_contains("output"); o && o->is_object() && o->as_object().contains("type")) {
      name = std::string(o->as_object().at("type").as_string());
    }
    log.push_back(name);
    events.push_back(std::move(event));
  }
  void send_audio(std::string bytes, uint64_t, std::size_t) override {
    log.push_back("binary");
    audio += bytes;
  }
  void discard_queued() override { log.push_back("discard"); }
  void start_job(uint64_t job_id, synthesis::SynthesisSpec spec) override {
    jobs.push_back(job_id);
    texts.push_back(spec.text);
  }
  void cancel_job(uint64_t job_id) override { cancelled.push_back(job_id); }
  void consumed(uint64_t, std::size_t) override {}
  void close(uint16_t code, std::string) override { close_code = code; }
  void served(std::string_view, long long characters, double, audio::AudioFormat) override {
    served_characters = characters;
  }
  void task_failed(std::string_view) override {}
  bool admit(std::string_view) override { return true; }

  std::vector<json::object> events;
  std::vector<std::string> log;
  std::string audio;
  std::vector<uint64_t> jobs, cancelled;
  std::vector<std::string> texts;
  int close_code = 0;
  long long served_characters = -1;
};

std::string run_task(const std::string& id, const std::string& voice = "longanyang") {
  return json::serialize(json::object{
      {"header", {{"action", "run-task"}, {"task_id", id}, {"streaming", "duplex"}}},
      {"payload",
       {{"model", "cosyvoice-v3-flash"},
        {"parameters", {{"text_type", "PlainText"}, {"voice", voice}, {"format", "pcm"}, {"sample_rate", 16000}}},
        {"input", json::object()}}}});
}

std::string instruction(const std::string& action, const std::string& id, json::object input) {
  return json::serialize(json::object{{"header", {{"action", action}, {"task_id", id}}},
                                      {"payload", {{"input", std::move(input)}}}});
}

std::string pcm_of(std::size_t samples) { return std::string(samples * 2, '\x01'); }

TEST(TaskSession, SentencesStreamInTheDocumentedOrder) {
  FakeHost host;
  TaskSession session(host);
  session.on_text_frame(run_task("t"));
  session.on_text_frame(instruction("continue-task", "t", {{"text", "Hello there. World"}}));
  ASSERT_EQ(host.jobs.size(), 1u);
  EXPECT_EQ(host.texts[0], "Hello there. ");
  EXPECT_TRUE(session.awaiting_client());
  session.on_job_chunk(host.jobs[0], pcm_of(1600));
  session.on_job_done(host.jobs[0], Status(), {});
  session.on_text_frame(instruction("finish-task", "t", {}));
  EXPECT_FALSE(session.awaiting_client());
  ASSERT_EQ(host.jobs.size(), 2u);
  EXPECT_EQ(host.texts[1], "World");
  session.on_job_chunk(host.jobs[1], pcm_of(800));
  session.on_job_done(host.jobs[1], Status(), {});
  const std::vector<std::string> expected = {"task-started",   "sentence-begin", "sentence-synthesis", "binary",
                                             "sentence-end",   "sentence-begin", "sentence-synthesis", "binary",
                                             "sentence-end",   "task-finished"};
  EXPECT_EQ(host.log, expected);
  EXPECT_EQ(host.audio.size(), 4800u);
  EXPECT_EQ(host.served_characters, 18);
  EXPECT_FALSE(session.busy());
  EXPECT_EQ(session.tasks_finished(), 1);
}

TEST(TaskSession, RunTaskPreemptsAndLateOutputIsDropped) {
  FakeHost host;
  TaskSession session(host);
  session.on_text_frame(run_task("a"));
  session.on_text_frame(instruction("continue-task", "a", {{"text", "First task sentence."}}));
  ASSERT_EQ(host.jobs.size(), 1u);
  session.on_text_frame(run_task("b", "longanhuan"));
  EXPECT_EQ(host.cancelled, std::vector<uint64_t>{host.jobs[0]});
  const std::size_t before = host.log.size();
  session.on_job_chunk(host.jobs[0], pcm_of(100));  // the first task's late output
  session.on_job_done(host.jobs[0], Status::cancelled(), {});
  EXPECT_EQ(host.log.size(), before);
  EXPECT_EQ(host.log.back(), "task-started");
  EXPECT_EQ(host.log[host.log.size() - 2], "discard");
  EXPECT_EQ(host.close_code, 0);
}

TEST(TaskSession, ClientTimeoutFailsOnlyWhileTextIsAwaited) {
  FakeHost host;
  TaskSession session(host);
  session.on_client_timeout();  // no task: nothing
  EXPECT_TRUE(host.events.empty());
  session.on_text_frame(run_task("t"));
  session.on_client_timeout();
  ASSERT_EQ(host.events.size(), 2u);
  EXPECT_EQ(host.events[1].at("header").at("error_code").as_string(), "CLIENT_ERROR");
  EXPECT_EQ(host.close_code, 1000);
  session.on_text_frame(run_task("u"));  // a failed session ignores everything
  EXPECT_EQ(host.events.size(), 2u);
}

}  // namespace
}  // namespace voxwire::inference
