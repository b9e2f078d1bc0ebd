// Soak test (issue #6): many realtime sessions for a long time against one
// in-process server over loopback, each committing a sentence, reading the
// whole response and starting again (a new connection every 20 responses).
// Every 10 s it prints the process RSS and the responses and errors so far;
// at the end, the RSS growth from the first to the last quarter of the run —
// a leak shows as steady growth, a healthy server levels off.
//
//   soak_bench [--sessions 100] [--seconds 600] [--workers 2]
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <thread>
#include <vector>


#include "bench_server.h"
#include "support/ws_client.h"

namespace {

using namespace std::chrono_literals;
using voxwire::testing::event;
using voxwire::testing::WsClient;
using voxwire::bench::Clock;

constexpr const char* kKey = "sk-soak";
constexpr int kResponsesPerConnection = 20;

double rss_mb() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("VmRSS:", 0) == 0) return std::atof(line.c_str() + 6) / 1024.0;
  }
  return 0;
}

struct Counters {
  std::atomic<long> responses{0};
  std::atomic<long> errors{0};
};

void session_loop(uint16_t port, int index, Clock::time_point end, Counters& counters) {
  const char* texts[] = {"Hello there, thanks for calling. How can I help you today?", "您好，欢迎致电客服中心。"};
  const char* voices[] = {"Ethan", "Cherry"};
  while (Clock::now() < end) {
    voxwire::testing::HandshakeResult hs;
    auto c = WsClient::connect(port, "/api-ws/v1/realtime?model=qwen3-tts-flash-realtime", kKey, &hs);
    if (!c || !c->read_event()) {
      ++counters.errors;
      std::this_thread::sleep_for(100ms);
      continue;
    }
    c->send(event("session.update",
                  {{"session", boost::json::object{{"mode", "commit"}, {"voice", voices[index % 2]}}}}));
    for (int i = 0; i < kResponsesPerConnection && Clock::now() < end; ++i) {
      c->send(event("input_text_buffer.append", {{"text", texts[(index + i) % 2]}}));
      c->send(event("input_text_buffer.commit"));
      auto events = c->read_until("response.done", 60s);
      if (events.empty() || events.back().at("response").at("status").as_string() != "completed") {
        ++counters.errors;
        break;
      }
      ++counters.responses;
    }
    c->close();
  }
}

}  // namespace

int main(int argc, char** argv) {
  int sessions = 100, seconds = 600, workers = 2;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--sessions")) sessions = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--seconds")) seconds = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--workers")) workers = std::atoi(argv[i + 1]);
  }
  auto server = voxwire::bench::BenchServer::start(kKey, workers, /*warm_up=*/true);
  if (!server) return 1;

  std::printf("soak: %d realtime sessions for %d s, %d workers, %u cores\n", sessions, seconds, workers,
              std::thread::hardware_concurrency());
  std::printf("%6s %8s %10s %7s\n", "t_s", "rss_mb", "responses", "errors");
  Counters counters;
  const Clock::time_point start = Clock::now(), end = start + std::chrono::seconds(seconds);
  std::vector<std::thread> clients;
  for (int i = 0; i < sessions; ++i) {
    clients.emplace_back(session_loop, server->port(), i, end, std::ref(counters));
  }
  std::vector<double> samples;
  while (Clock::now() < end) {
    std::this_thread::sleep_for(std::min<Clock::duration>(10s, end - Clock::now()));
    samples.push_back(rss_mb());
    std::printf("%6.0f %8.1f %10ld %7ld\n", std::chrono::duration<double>(Clock::now() - start).count(),
                samples.back(), counters.responses.load(), counters.errors.load());
    std::fflush(stdout);
  }
  for (std::thread& t : clients) t.join();
  server.reset();

  const std::size_t quarter = std::max<std::size_t>(1, samples.size() / 4);
  double first = 0, last = 0;
  for (std::size_t i = 0; i < quarter; ++i) {
    first += samples[i];
    last += samples[samples.size() - 1 - i];
  }
  first /= quarter;
  last /= quarter;
  std::printf("responses %ld (%.1f/s), errors %ld, rss first quarter %.1f MB, last quarter %.1f MB (%+.1f%%)\n",
              counters.responses.load(), counters.responses.load() / static_cast<double>(seconds),
              counters.errors.load(), first, last, 100.0 * (last - first) / first);
  return counters.errors.load() == 0 ? 0 : 1;
}
