// One-shot HTTP synthesis over loopback (issue #5): requests per second and
// p50/p99 latency to the first SSE chunk and to the full response, for 50-
// and 500-character texts at 1 and 16 concurrent clients. Each request is the
// SDK's streaming call (X-DashScope-SSE: enable); "full" is the arrival of the
// last chunk, which carries the URL of the complete file. Starts its own
// server on 127.0.0.1 (release build recommended).
//
//   http_generation_bench [--requests N] [--workers N]
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/json.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>
#include <thread>
#include <vector>


#include "bench_server.h"

namespace {

namespace net = boost::asio;
using voxwire::bench::Clock;
using voxwire::bench::ms_since;
using voxwire::bench::percentile;

constexpr const char* kKey = "sk-bench";
constexpr const char* kPath = "/api/v1/services/aigc/multimodal-generation/generation";

struct Sample {
  double first_chunk_ms;
  double full_ms;
};


// One streaming request on its own connection (Connection: close, so the end
// of the response is the end of the stream). False on any failure.
bool stream_once(uint16_t port, const std::string& text, Sample* sample) {
  boost::json::object body{{"model", "qwen3-tts-flash"},
                           {"input", boost::json::object{{"text", text}, {"voice", "Ethan"}}}};
  const std::string payload = boost::json::serialize(body);
  const std::string request = std::string("POST ") + kPath + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                              "\r\nAuthorization: Bearer " + kKey +
                              "\r\nContent-Type: application/json\r\nX-DashScope-SSE: enable\r\nConnection: close\r\n"
                              "Content-Length: " + std::to_string(payload.size()) + "\r\n\r\n" + payload;
  net::io_context ioc;
  net::ip::tcp::socket socket(ioc);
  boost::system::error_code ec;
  const Clock::time_point t0 = Clock::now();
  socket.connect({net::ip::make_address("127.0.0.1"), port}, ec);
  if (ec) return false;
  socket.set_option(net::ip::tcp::no_delay(true));
  net::write(socket, net::buffer(request), ec);
  if (ec) return false;
  std::string received;
  char buffer[64 * 1024];
  sample->first_chunk_ms = -1;
  for (;;) {
    std::size_t n = socket.read_some(net::buffer(buffer), ec);
    received.append(buffer, n);
    if (sample->first_chunk_ms < 0 && received.find("\"data\":\"") != std::string::npos) {
      sample->first_chunk_ms = ms_since(t0);
    }
    if (ec) break;
  }
  sample->full_ms = ms_since(t0);
  if (ec != net::error::eof || received.rfind("HTTP/1.1 200", 0) != 0) {
    std::fprintf(stderr, "request failed: %s\n", received.substr(0, 300).c_str());
    return false;
  }
  return sample->first_chunk_ms >= 0 && received.find("\"finish_reason\":\"stop\"") != std::string::npos;
}

void run(uint16_t port, const char* label, const std::string& text, int clients, int requests_per_client) {
  std::vector<Sample> samples;
  std::mutex mutex;
  int failures = 0;
  const Clock::time_point start = Clock::now();
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&] {
      for (int i = 0; i < requests_per_client; ++i) {
        Sample s{};
        const bool ok = stream_once(port, text, &s);
        std::lock_guard<std::mutex> lock(mutex);
        if (ok) samples.push_back(s);
        else ++failures;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  const double seconds = ms_since(start) / 1000.0;
  if (samples.empty()) {
    std::printf("%-9s clients=%-3d FAILED (%d failures)\n", label, clients, failures);
    return;
  }
  std::vector<double> first, full;
  for (const Sample& s : samples) {
    first.push_back(s.first_chunk_ms);
    full.push_back(s.full_ms);
  }
  std::printf("%-9s clients=%-3d n=%-4zu req/s=%6.2f  first_chunk_ms p50=%7.1f p99=%7.1f  full_ms p50=%8.1f p99=%8.1f"
              "  failures=%d\n",
              label, clients, samples.size(), samples.size() / seconds, percentile(first, 50), percentile(first, 99),
              percentile(full, 50), percentile(full, 99), failures);
}

// English text of exactly `characters` characters, cut at a word boundary and
// closed with a full stop.
std::string text_of(std::size_t characters) {
  const std::string source =
      "The library opens at nine in the morning and closes at six in the evening. Children under twelve must be "
      "accompanied by an adult. Books may be borrowed for three weeks and renewed twice, online or at the front desk. "
      "Late returns cost ten cents a day. The reading room on the second floor is quiet, so please keep phones on "
      "silent. Free wireless internet is available throughout the building, and printing costs five cents a page. "
      "Ask any librarian for help finding a book, using the catalogue, or booking a study room for your group. ";
  std::string text;
  while (text.size() < characters) text += source;
  text.resize(characters - 1);
  text += '.';
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  int requests = 8;
  int workers = 2;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--requests")) requests = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--workers")) workers = std::atoi(argv[i + 1]);
  }
  auto server = voxwire::bench::BenchServer::start(kKey, workers, /*warm_up=*/false);  // English: flite needs none
  if (!server) return 1;
  const uint16_t port = server->port();

  const std::string short_text = text_of(50), long_text = text_of(500);
  Sample warm{};
  stream_once(port, short_text, &warm);  // flite loads its voices on first use
  std::printf("HTTP SSE synthesis (qwen3-tts-flash, Ethan, pcm 24 kHz), %d requests per client, %d workers, %u cores\n",
              requests, workers, std::thread::hardware_concurrency());
  for (int clients : {1, 16}) {
    run(port, "50 chars", short_text, clients, clients == 1 ? requests * 4 : requests);
    run(port, "500 chars", long_text, clients, requests);
  }
  return 0;
}
