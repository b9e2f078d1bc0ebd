// Realtime first-audio latency over loopback: the time from the client's
// input_text_buffer.commit (commit mode) and from the append that completes
// the first sentence (server_commit mode) to the first response.audio.delta,
// plus the real-time factor of each response (wall time / audio time).
// Starts its own server on 127.0.0.1 (release build recommended).
//
//   realtime_latency_bench [--iterations N] [--workers N]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "base/base64.h"
#include "bench_server.h"
#include "support/ws_client.h"

namespace {

using namespace std::chrono_literals;
using voxwire::testing::event;
using voxwire::testing::WsClient;
using voxwire::bench::Clock;
using voxwire::bench::ms_since;
using voxwire::bench::percentile;

constexpr const char* kKey = "sk-bench";

struct Sample {
  double first_audio_ms;
  double rtf;
};


// Reads until response.done; returns first-delta time (ms since t0), audio bytes.
bool read_response(WsClient& c, Clock::time_point t0, double* first_ms, std::size_t* audio_bytes, double* total_ms) {
  *first_ms = -1;
  *audio_bytes = 0;
  for (;;) {
    auto e = c.read_event(30s);
    if (!e) return false;
    auto type = e->at("type").as_string();
    if (type == "error") {
      std::fprintf(stderr, "server error: %s\n", boost::json::serialize(*e).c_str());
      return false;
    }
    if (type == "response.audio.delta") {
      if (*first_ms < 0) *first_ms = ms_since(t0);
      *audio_bytes += voxwire::base64::decode(e->at("delta").as_string())->size();
    }
    if (type == "response.done") {
      *total_ms = ms_since(t0);
      return true;
    }
  }
}

std::vector<Sample> run_commit(uint16_t port, const std::string& voice, const std::string& text, int n) {
  std::vector<Sample> out;
  voxwire::testing::HandshakeResult hs;
  auto c = WsClient::connect(port, "/api-ws/v1/realtime?model=qwen3-tts-flash-realtime", kKey, &hs);
  if (!c) return out;
  c->read_event();
  c->send(event("session.update", {{"session", boost::json::object{{"mode", "commit"}, {"voice", voice}}}}));
  c->read_event();
  for (int i = 0; i < n; ++i) {
    c->send(event("input_text_buffer.append", {{"text", text}}));
    auto t0 = Clock::now();
    c->send(event("input_text_buffer.commit"));
    double first = 0, total = 0;
    std::size_t bytes = 0;
    if (!read_response(*c, t0, &first, &bytes, &total)) break;
    out.push_back({first, total / 1000.0 / (bytes / 2.0 / 24000.0)});
  }
  return out;
}

std::vector<Sample> run_server_commit(uint16_t port, const std::string& voice, const std::vector<std::string>& tokens,
                                      int n) {
  std::vector<Sample> out;
  voxwire::testing::HandshakeResult hs;
  auto c = WsClient::connect(port, "/api-ws/v1/realtime?model=qwen3-tts-flash-realtime", kKey, &hs);
  if (!c) return out;
  c->read_event();
  for (int i = 0; i < n; ++i) {
    c->send(event("session.update", {{"session", boost::json::object{{"mode", "server_commit"}, {"voice", voice}}}}));
    while (auto e = c->read_event()) {
      if (e->at("type").as_string() == "session.updated") break;
    }
    Clock::time_point t0;
    for (std::size_t k = 0; k < tokens.size(); ++k) {
      if (k + 1 == tokens.size()) t0 = Clock::now();  // the append that completes the sentence
      c->send(event("input_text_buffer.append", {{"text", tokens[k]}}));
    }
    double first = 0, total = 0;
    std::size_t bytes = 0;
    if (!read_response(*c, t0, &first, &bytes, &total)) break;
    out.push_back({first, total / 1000.0 / (bytes / 2.0 / 24000.0)});
    c->send(event("session.finish"));
    while (auto e = c->read_event()) {
      if (e->at("type").as_string() == "session.finished") break;
    }
  }
  return out;
}

// The first iterations prime the engines (espeak-ng calibrates a voice on
// first use; the server normally does this at start-up): not measured.
constexpr int kUnmeasured = 3;

void report(const char* scenario, const char* language, std::vector<Sample> samples) {
  if (samples.size() > kUnmeasured) samples.erase(samples.begin(), samples.begin() + kUnmeasured);
  if (samples.empty()) {
    std::printf("%-14s %-3s FAILED (no samples)\n", scenario, language);
    return;
  }
  std::vector<double> first, rtf;
  for (const auto& s : samples) {
    first.push_back(s.first_audio_ms);
    rtf.push_back(s.rtf);
  }
  std::printf("%-14s %-3s n=%-4zu first_audio_ms p50=%6.1f p95=%6.1f p99=%6.1f   rtf p50=%.3f p99=%.3f\n", scenario,
              language, samples.size(), percentile(first, 50), percentile(first, 95), percentile(first, 99),
              percentile(rtf, 50), percentile(rtf, 99));
}

}  // namespace

int main(int argc, char** argv) {
  int iterations = 100;
  int workers = 2;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--iterations")) iterations = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--workers")) workers = std::atoi(argv[i + 1]);
  }
  // Priming happens in the unmeasured first iterations.
  auto server = voxwire::bench::BenchServer::start(kKey, workers, /*warm_up=*/false);
  if (!server) return 1;
  const uint16_t port = server->port();

  std::printf("realtime first-audio latency, 1 session, pcm 24 kHz, %d iterations, %d workers, %u cores\n",
              iterations, workers, std::thread::hardware_concurrency());
  const std::string en = "Hello there, thanks for calling. How can I help you today?";
  const std::string zh = "您好，欢迎致电客服中心，请问有什么可以帮您？";
  int n = iterations + kUnmeasured;
  report("commit", "en", run_commit(port, "Ethan", en, n));
  report("commit", "zh", run_commit(port, "Cherry", zh, n));
  report("server_commit", "en",
         run_server_commit(port, "Ethan", {"Hello", " there,", " thanks", " for", " calling", "."}, n));
  report("server_commit", "zh", run_server_commit(port, "Cherry", {"您好，", "欢迎", "致电", "客服", "中心", "。"}, n));

  return 0;
}
