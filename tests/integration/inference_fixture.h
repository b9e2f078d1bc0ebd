// Shared set-up for /api-ws/v1/inference integration tests: one server per
// test suite, the task instructions as clients send them, and a reader that
// collects one task's events and audio.
#pragma once
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "integration/test_server.h"
#include "support/ws_client.h"

namespace voxwire::testing {

inline constexpr const char* kInferencePath = "/api-ws/v1/inference";

// What one task produced: its text events and its audio, in arrival order.
struct TaskOutput {
  std::vector<boost::json::object> events;
  std::vector<std::string> order;  // event names / sub-types, "binary" for audio frames
  std::string audio;
  bool binary_after_synthesis = true;  // every binary frame right after a sentence-synthesis (CosyVoice)
};

std::string event_name(const boost::json::object& e);
// The event name, or a CosyVoice result-generated's type.
std::string label(const boost::json::object& e);
// Reads until task-finished or task-failed (or a close / 20 s).
TaskOutput read_task(WsClient& c, bool cosyvoice = true);

boost::json::object run_task(const std::string& task_id, const std::string& model, boost::json::object parameters,
                             boost::json::object input = {}, const std::string& streaming = "duplex");
boost::json::object continue_task(const std::string& task_id, boost::json::object input);
boost::json::object finish_task(const std::string& task_id);
// CosyVoice parameters with everything at its default but these.
boost::json::object params(const std::string& voice, const std::string& format, int rate);

class InferenceTest : public SharedServerTest {
 protected:
  std::unique_ptr<WsClient> open(const std::string& path = kInferencePath);
  // The first event after a run-task: task-started, or fails the test.
  static void expect_started(WsClient& c, const std::string& task_id);
  // Sends `message` on a fresh connection and expects task-failed with
  // InvalidParameter and a message containing `wanted`, then a close.
  void expect_run_task_failure(const boost::json::object& message, const std::string& wanted);
};

}  // namespace voxwire::testing
