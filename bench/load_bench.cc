// load_bench: the load generator of issue #7. Starts `voxwire serve` as a
// child process on 127.0.0.1 (so its CPU time and memory are read apart from
// this program's), drives one scenario against it and prints one line per
// figure: "figure <name> <value>", which bench/run.sh compares with targets.
//
// Scenarios (--scenario):
//   realtime  N virtual users (--sessions), each one realtime session in
//             server_commit mode for the whole run, talking in turns: the
//             session is fed like an LLM, appends of 1-4 words (or Chinese
//             characters) at --token-rate per second, a paragraph of several
//             sentences per turn; once the listener has heard the answer out
//             and --think-ms more have passed (the user speaking), the next
//             turn starts, until --seconds have passed. Users start spread
//             over --ramp-seconds. --playback 0: a turn ends as soon as its
//             audio has arrived (for latency alone).
//   commit    the same, in commit mode: the user commits after each sentence.
//   http      --clients one-shot HTTP SSE requests in a loop for --seconds,
//             each a --chars long English text.
//   idle      --connections realtime connections that stay idle: server
//             memory per connection.
// Figures: first-audio latency (from the append, or commit, that completed a
// turn's first sentence to its first audio delta) p50/p95/p99; real-time
// margin per turn (the least, over the audio deltas after the first, of audio
// received before the delta / wall time since the first audio: below 1 the
// listener would have heard a stall); errors; server CPU and RSS; the server's
// CPU per second of audio against the engine's own cost on the same text
// (measured here, in this process, before the run).
//
//   load_bench --scenario realtime --sessions 200 --seconds 60 [--language en|zh] [--voice Cherry]
//              [--token-rate 15] [--ramp-seconds 10] [--think-ms 0] [--playback 1] [--workers 0]
//              [--server PATH]
#include <sys/resource.h>
#include <time.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "base/cancel_token.h"
#include "bench_server.h"
#include "server_process.h"
#include "support/ws_client.h"
#include "synthesis/synthesizer.h"
#include "voice/voice_catalog.h"

namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = net::ip::tcp;
using voxwire::bench::Clock;
using voxwire::bench::ms_since;
using voxwire::bench::percentile;
using namespace std::chrono_literals;

constexpr const char* kKey = "sk-load";
constexpr const char* kModel = "qwen3-tts-flash-realtime";
constexpr int kSampleRate = 24000;
constexpr auto kTurnTimeout = 120s;

struct Options {
  std::string scenario = "realtime";
  int sessions = 1;
  int clients = 16;
  int connections = 1000;
  int chars = 50;
  double seconds = 30;
  double ramp_seconds = 0;
  double token_rate = 15;
  int think_ms = 0;
  bool playback = true;
  int workers = 0;
  std::string language = "en";
  std::string voice = "Cherry";
  std::string server = VOXWIRE_BINARY;
};

const std::vector<std::string>& paragraphs(const std::string& language) {
  static const std::vector<std::string> en = {
      "Thanks for calling the city library. We open at nine in the morning and close at six in the evening. "
      "Children under twelve need an adult with them. Is there anything else I can help you with today?",
      "Your order has shipped and should arrive on Thursday. You can follow the parcel from the link in your "
      "email. If nobody is home, the driver will leave a card. Let me know if you would like to change the address.",
      "The weather tomorrow looks mild with a light breeze. Expect clouds in the morning and sunshine after "
      "lunch. It may rain a little in the evening, so take an umbrella. Have a wonderful day!"};
  static const std::vector<std::string> zh = {
      "您好，欢迎致电客服中心。您的订单已经发货，预计周四送达。如果家里没有人，快递员会留下通知单。请问还有什么可以帮您？",
      "明天天气晴转多云，气温比较舒适。早上可能有点凉，出门记得加件外套。傍晚也许会下小雨，请带好雨伞。祝您度过愉快的一天！"};
  return language == "zh" ? zh : en;
}

bool ends_sentence(const std::string& token) {
  for (const char* mark : {".", "?", "!", "。", "？", "！"}) {
    if (token.find(mark) != std::string::npos) return true;
  }
  return false;
}

// An LLM's stream: tokens of 1-4 words (with their leading space) or, for
// Chinese, 1-4 characters.
std::vector<std::string> tokenize(const std::string& text, bool chinese, std::mt19937& rng) {
  std::vector<std::string> units;
  if (chinese) {
    for (std::size_t i = 0; i < text.size();) {
      std::size_t n = 1;
      while (i + n < text.size() && (static_cast<unsigned char>(text[i + n]) & 0xC0) == 0x80) ++n;
      units.push_back(text.substr(i, n));
      i += n;
    }
  } else {
    for (std::size_t i = 0; i < text.size();) {
      std::size_t next = text.find(' ', i + 1);
      if (next == std::string::npos) next = text.size();
      units.push_back(text.substr(i, next - i));
      i = next;
    }
  }
  std::vector<std::string> tokens;
  std::uniform_int_distribution<int> size(1, 4);
  for (std::size_t i = 0; i < units.size();) {
    std::string token;
    for (int n = size(rng); n > 0 && i < units.size(); --n) {
      token += units[i];
      if (ends_sentence(units[i++])) break;  // a sentence end closes its token
    }
    tokens.push_back(token);
  }
  return tokens;
}

// The decoded size of base64 text.
std::size_t base64_size(std::string_view b64) {
  std::size_t n = b64.size() / 4 * 3;
  if (b64.ends_with("==")) n -= 2;
  else if (b64.ends_with("=")) n -= 1;
  return n;
}

// The string value of "key" in compact JSON, without parsing the whole event
// (audio deltas are large; the generator must stay cheap beside the server).
std::string_view json_string(std::string_view json, std::string_view key) {
  const std::string needle = "\"" + std::string(key) + "\":\"";
  std::size_t at = json.find(needle);
  if (at == std::string_view::npos) return {};
  at += needle.size();
  std::size_t end = json.find('"', at);
  return end == std::string_view::npos ? std::string_view{} : json.substr(at, end - at);
}

std::string event_json(std::string_view type, boost::json::object extra = {}) {
  static std::atomic<uint64_t> next_id{0};
  extra["event_id"] = "event_" + std::to_string(next_id++);
  extra["type"] = type;
  return boost::json::serialize(extra);
}

// What the run measured, across users. Single-threaded (one io_context).
struct Results {
  std::vector<double> first_audio_ms;
  std::vector<double> margins;  // per turn
  int turns = 0;
  int errors = 0;
  std::map<std::string, int> error_messages;
  double audio_seconds = 0;
  int open_sessions = 0;
  int max_open_sessions = 0;

  void error(const std::string& what) {
    ++errors;
    if (error_messages[what]++ == 0) std::fprintf(stderr, "error: %s\n", what.c_str());
  }
};

// One virtual user talking to a voice assistant: a realtime session on one
// connection for the whole run, in turns. Each turn feeds a paragraph like an
// LLM, waits until everything committed has been answered and the listener
// has heard it (without --playback: only answered), then --think-ms (the
// user's own reply) before the next turn. Once the run is over it finishes
// the session.
class Conversation : public std::enable_shared_from_this<Conversation> {
 public:
  Conversation(net::io_context& ioc, const Options& options, uint16_t port, int id, Clock::time_point end,
               Results& results)
      : options_(options), port_(port), end_(end), results_(results), ws_(ioc), timer_(ioc), deadline_(ioc),
        rng_(static_cast<unsigned>(id)), paragraph_(static_cast<std::size_t>(id)) {}

  void start_at(Clock::time_point when) {
    after(when - Clock::now(), [](Conversation& c) { c.connect(); });
  }

 private:
  bool commit_mode() const { return options_.scenario == "commit"; }

  void connect() {
    beast::get_lowest_layer(ws_).async_connect(
        tcp::endpoint(net::ip::make_address("127.0.0.1"), port_), [self = shared_from_this()](beast::error_code ec) {
          if (ec) return self->end("connect: " + ec.message());
          beast::get_lowest_layer(self->ws_).socket().set_option(tcp::no_delay(true));
          self->ws_.set_option(websocket::stream_base::decorator([](websocket::request_type& req) {
            req.set(beast::http::field::authorization, std::string("Bearer ") + kKey);
          }));
          self->ws_.async_handshake("127.0.0.1:" + std::to_string(self->port_),
                                    std::string("/api-ws/v1/realtime?model=") + kModel,
                                    [self](beast::error_code ec) { self->on_open(ec); });
        });
  }

  void on_open(beast::error_code ec) {
    if (ec) return end("handshake: " + ec.message());
    open_ = true;
    results_.max_open_sessions = std::max(results_.max_open_sessions, ++results_.open_sessions);
    read();
  }

  void read() {
    ws_.async_read(buffer_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (self->ended_) return;
      if (ec) return self->end("read: " + ec.message());
      const std::string text = beast::buffers_to_string(self->buffer_.data());
      self->buffer_.consume(self->buffer_.size());
      self->on_event(text);
      if (!self->ended_) self->read();
    });
  }

  void on_event(const std::string& json) {
    const std::string_view type = json_string(json, "type");
    const Clock::time_point now = Clock::now();
    if (type == "response.audio.delta") {
      if (!first_audio_) {
        first_audio_ = now;
        if (first_sentence_sent_) {
          results_.first_audio_ms.push_back(std::chrono::duration<double, std::milli>(now - *first_sentence_sent_).count());
        }
      } else if (const double since_first = std::chrono::duration<double>(now - *first_audio_).count(); since_first > 0) {
        margin_ = std::min(margin_, audio_seconds_ / since_first);
      }
      audio_seconds_ += static_cast<double>(base64_size(json_string(json, "delta"))) / 2.0 / kSampleRate;
    } else if (type == "session.created") {
      boost::json::object session{{"mode", commit_mode() ? "commit" : "server_commit"},
                                  {"voice", options_.voice},
                                  {"response_format", "pcm"},
                                  {"sample_rate", kSampleRate}};
      send(event_json("session.update", {{"session", session}}));
    } else if (type == "session.updated") {
      start_turn();
    } else if (type == "input_text_buffer.committed") {
      ++commits_;
    } else if (type == "response.done") {
      ++dones_;
    } else if (type == "session.finished") {
      end({});
    } else if (type == "error") {
      end("server error: " + std::string(json_string(json, "message")));
    }
  }

  void start_turn() {
    if (Clock::now() >= end_) return send(event_json("session.finish"));
    const auto& texts = paragraphs(options_.language);
    tokens_ = tokenize(texts[paragraph_++ % texts.size()], options_.language == "zh", rng_);
    next_token_ = 0;
    audio_seconds_ = 0;
    margin_ = 1e9;
    first_sentence_sent_.reset();
    first_audio_.reset();
    turn_deadline(kTurnTimeout);
    feed();
  }

  // Sends the next token, then waits 1/token_rate for the one after.
  void feed() {
    if (next_token_ == tokens_.size()) return wait_for_playback();
    const std::string& token = tokens_[next_token_++];
    send(event_json("input_text_buffer.append", {{"text", token}}));
    if (ends_sentence(token)) {
      if (commit_mode()) send(event_json("input_text_buffer.commit"));
      if (!first_sentence_sent_) first_sentence_sent_ = Clock::now();
    }
    after(std::chrono::duration<double>(1.0 / options_.token_rate), [](Conversation& c) { c.feed(); });
  }

  // Waits until everything committed has been answered and the listener has
  // heard it, then ends the turn.
  void wait_for_playback() {
    if (!first_audio_ || commits_ == 0 || commits_ != dones_) {
      return after(10ms, [](Conversation& c) { c.wait_for_playback(); });
    }
    const Clock::time_point played = *first_audio_ + std::chrono::duration_cast<Clock::duration>(
                                                         std::chrono::duration<double>(audio_seconds_));
    if (options_.playback && played > Clock::now()) {
      return after(played - Clock::now(), [](Conversation& c) { c.wait_for_playback(); });
    }
    ++results_.turns;
    results_.audio_seconds += audio_seconds_;
    if (margin_ < 1e9) results_.margins.push_back(margin_);
    turn_deadline(kTurnTimeout + std::chrono::milliseconds(options_.think_ms));
    after(std::chrono::milliseconds(options_.think_ms), [](Conversation& c) { c.start_turn(); });
  }

  void turn_deadline(Clock::duration timeout) {
    deadline_.expires_after(timeout);
    deadline_.async_wait([self = shared_from_this()](beast::error_code ec) {
      if (!ec) self->end("turn timed out");
    });
  }

  template <class Duration, class F>
  void after(Duration delay, F f) {
    timer_.expires_after(std::chrono::duration_cast<Clock::duration>(delay));
    timer_.async_wait([self = shared_from_this(), f](beast::error_code ec) {
      if (!ec && !self->ended_) f(*self);
    });
  }

  void send(std::string message) {
    out_.push_back(std::move(message));
    if (out_.size() == 1) write_front();
  }

  void write_front() {
    ws_.text(true);
    ws_.async_write(net::buffer(out_.front()), [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (self->ended_) return;
      if (ec) return self->end("write: " + ec.message());
      self->out_.pop_front();
      if (!self->out_.empty()) self->write_front();
    });
  }

  // Records an error, if any, and closes the connection.
  void end(std::optional<std::string> error) {
    if (ended_) return;
    ended_ = true;
    if (error) results_.error(*error);
    if (open_) --results_.open_sessions;
    timer_.cancel();
    deadline_.cancel();
    beast::error_code ignored;
    beast::get_lowest_layer(ws_).socket().close(ignored);
  }

  const Options& options_;
  const uint16_t port_;
  const Clock::time_point end_;
  Results& results_;
  websocket::stream<beast::tcp_stream> ws_;
  beast::flat_buffer buffer_;
  net::steady_timer timer_;
  net::steady_timer deadline_;
  std::deque<std::string> out_;
  bool open_ = false;
  bool ended_ = false;
  std::mt19937 rng_;
  std::size_t paragraph_;
  int commits_ = 0, dones_ = 0;  // over the whole session
  // The current turn.
  std::vector<std::string> tokens_;
  std::size_t next_token_ = 0;
  double audio_seconds_ = 0;
  std::optional<Clock::time_point> first_sentence_sent_, first_audio_;
  double margin_ = 1e9;
};

// CPU time this process (the load generator) has used, in seconds.
double process_cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](timeval t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

void figure(const char* name, double value) { std::printf("figure %s %.3f\n", name, value); }

// CPU seconds the engine alone (flite or espeak-ng, with the voice's own
// engine settings, no DSP, no encoding, no network) spends per second of the
// audio it produces for the scenario's texts. 0 if it cannot run.
double engine_cpu_per_audio_second(const Options& options) {
  struct CountingSink : voxwire::AudioSink {
    double seconds = 0;
    void on_audio(std::span<const int16_t> pcm, int rate) override { seconds += static_cast<double>(pcm.size()) / rate; }
  };
  auto synthesizer = voxwire::Synthesizer::create_builtin();
  const voxwire::SystemVoice* voice = voxwire::VoiceCatalog::system_voices().find(options.voice);
  if (!synthesizer.ok() || !voice) return 0;
  const voxwire::Language language = options.language == "zh" ? voxwire::Language::kChinese : voxwire::Language::kEnglish;
  voxwire::Engine& engine = (*synthesizer)->engine_for(language);
  const voxwire::CancelToken never;
  auto speak_all = [&](CountingSink& sink) {
    for (const std::string& text : paragraphs(options.language)) {
      if (!engine.synthesize({text, language, voice->profile}, sink, never).ok()) return false;
    }
    return true;
  };
  CountingSink warm, measured;
  if (!speak_all(warm)) return 0;  // first use loads (flite) or calibrates (espeak-ng) the voice
  const double start = thread_cpu_seconds();
  for (int i = 0; i < 5; ++i) {
    if (!speak_all(measured)) return 0;
  }
  return measured.seconds > 0 ? (thread_cpu_seconds() - start) / measured.seconds : 0;
}

int run_realtime(const Options& options, voxwire::bench::ServerProcess& server) {
  const double engine_cost = engine_cpu_per_audio_second(options);
  net::io_context ioc;
  Results results;
  const Clock::time_point start = Clock::now();
  const Clock::time_point end = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(options.seconds));
  for (int i = 0; i < options.sessions; ++i) {
    const double offset = options.sessions > 1 ? options.ramp_seconds * i / (options.sessions - 1) : 0;
    std::make_shared<Conversation>(ioc, options, server.port(), i, end, results)
        ->start_at(start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(offset)));
  }
  const long rss_before = server.rss_kib();
  const double cpu_before = server.cpu_seconds();
  const double generator_cpu_before = process_cpu_seconds();
  long rss_peak = rss_before;
  // Every 250 ms until the last session closed: the server's RSS, and how
  // many sessions are open once every user has started.
  double open_sum = 0;
  int open_samples = 0;
  const Clock::time_point all_started = start + std::chrono::duration_cast<Clock::duration>(
                                                    std::chrono::duration<double>(options.ramp_seconds));
  net::steady_timer sampler(ioc);
  std::function<void()> sample = [&] {
    const Clock::time_point now = Clock::now();
    if (now >= end && results.open_sessions == 0) return;
    rss_peak = std::max(rss_peak, server.rss_kib());
    if (now >= all_started && now < end) {
      open_sum += results.open_sessions;
      ++open_samples;
    }
    sampler.expires_after(250ms);
    sampler.async_wait([&](beast::error_code ec) {
      if (!ec) sample();
    });
  };
  sample();
  ioc.run();
  const double wall = ms_since(start) / 1000.0;
  const double cpu = server.cpu_seconds() - cpu_before;

  std::printf("scenario %s: %d users, language %s, voice %s, token rate %.0f/s, %.0f s, pcm %d Hz, %u cores\n",
              options.scenario.c_str(), options.sessions, options.language.c_str(), options.voice.c_str(),
              options.token_rate, wall, kSampleRate, std::thread::hardware_concurrency());
  figure("sessions", options.sessions);
  figure("max_open_sessions", results.max_open_sessions);
  if (open_samples > 0) figure("mean_open_sessions", open_sum / open_samples);
  figure("turns", results.turns);
  figure("errors", results.errors);
  if (!results.first_audio_ms.empty()) {
    figure("first_audio_ms_p50", percentile(results.first_audio_ms, 50));
    figure("first_audio_ms_p95", percentile(results.first_audio_ms, 95));
    figure("first_audio_ms_p99", percentile(results.first_audio_ms, 99));
  }
  if (!results.margins.empty()) {
    figure("realtime_margin_min", *std::min_element(results.margins.begin(), results.margins.end()));
    figure("realtime_margin_p50", percentile(results.margins, 50));
    figure("stalled_turns", static_cast<double>(std::count_if(results.margins.begin(), results.margins.end(),
                                                              [](double m) { return m < 1.0; })));
  }
  figure("audio_seconds", results.audio_seconds);
  figure("server_cpu_seconds", cpu);
  figure("server_cpu_per_audio_second", results.audio_seconds > 0 ? cpu / results.audio_seconds : 0);
  figure("engine_cpu_per_audio_second", engine_cost);
  figure("audio_seconds_per_second", results.audio_seconds / wall);
  // What the engine alone could make with every core, nothing else running.
  if (engine_cost > 0) figure("engine_ceiling_audio_seconds_per_second", std::thread::hardware_concurrency() / engine_cost);
  if (engine_cost > 0 && results.audio_seconds > 0) figure("cpu_vs_engine", cpu / results.audio_seconds / engine_cost);
  figure("generator_cpu_seconds", process_cpu_seconds() - generator_cpu_before);
  figure("server_rss_baseline_mib", rss_before / 1024.0);
  figure("server_rss_peak_mib", rss_peak / 1024.0);
  if (results.max_open_sessions > 0) {
    figure("rss_per_active_session_kib", static_cast<double>(rss_peak - rss_before) / results.max_open_sessions);
  }
  return results.turns > 0 ? 0 : 1;
}

// English text of exactly `characters` characters, cut at a word boundary and
// closed with a full stop.
std::string text_of(std::size_t characters) {
  std::string source;
  for (const std::string& p : paragraphs("en")) source += p + " ";
  std::string text;
  while (text.size() < characters) text += source;
  text.resize(characters - 1);
  text += '.';
  return text;
}

struct HttpSample {
  double first_chunk_ms;
  double full_ms;
};

// One streaming one-shot request (the SDK's X-DashScope-SSE call) on its own
// connection (Connection: close: the end of the stream is the end of the
// response). False on any failure.
bool stream_once(uint16_t port, const std::string& text, const std::string& voice, HttpSample* sample) {
  boost::json::object body{{"model", "qwen3-tts-flash"},
                           {"input", boost::json::object{{"text", text}, {"voice", voice}}}};
  const std::string payload = boost::json::serialize(body);
  const std::string request =
      "POST /api/v1/services/aigc/multimodal-generation/generation HTTP/1.1\r\nHost: 127.0.0.1:" +
      std::to_string(port) + "\r\nAuthorization: Bearer " + kKey +
      "\r\nContent-Type: application/json\r\nX-DashScope-SSE: enable\r\nConnection: close\r\n"
      "Content-Length: " + std::to_string(payload.size()) + "\r\n\r\n" + payload;
  net::io_context ioc;
  tcp::socket socket(ioc);
  boost::system::error_code ec;
  const Clock::time_point t0 = Clock::now();
  socket.connect({net::ip::make_address("127.0.0.1"), port}, ec);
  if (ec) return false;
  socket.set_option(tcp::no_delay(true));
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

int run_http(const Options& options, voxwire::bench::ServerProcess& server) {
  const std::string text = text_of(static_cast<std::size_t>(options.chars));
  std::vector<HttpSample> samples;
  std::mutex mutex;
  int failures = 0;
  const double cpu_before = server.cpu_seconds();
  const Clock::time_point start = Clock::now();
  const Clock::time_point end = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(options.seconds));
  std::vector<std::thread> threads;
  for (int c = 0; c < options.clients; ++c) {
    threads.emplace_back([&] {
      while (Clock::now() < end) {
        HttpSample s{};
        const bool ok = stream_once(server.port(), text, options.voice, &s);
        std::lock_guard<std::mutex> lock(mutex);
        if (ok) samples.push_back(s);
        else ++failures;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  const double wall = ms_since(start) / 1000.0;
  std::printf("scenario http: %d clients, %d-character English texts, voice %s, SSE, pcm 24 kHz, %.0f s, %u cores\n",
              options.clients, options.chars, options.voice.c_str(), wall, std::thread::hardware_concurrency());
  figure("requests", static_cast<double>(samples.size()));
  figure("errors", failures);
  if (samples.empty()) return 1;
  std::vector<double> first, full;
  for (const HttpSample& s : samples) {
    first.push_back(s.first_chunk_ms);
    full.push_back(s.full_ms);
  }
  figure("requests_per_second", samples.size() / wall);
  figure("first_chunk_ms_p50", percentile(first, 50));
  figure("first_chunk_ms_p99", percentile(first, 99));
  figure("full_ms_p50", percentile(full, 50));
  figure("full_ms_p99", percentile(full, 99));
  figure("server_cpu_seconds", server.cpu_seconds() - cpu_before);
  return 0;
}

// Server memory per idle realtime connection: RSS growth over --connections
// connections that completed the handshake and received session.created.
int run_idle(const Options& options, voxwire::bench::ServerProcess& server) {
  const long rss_before = server.rss_kib();
  std::vector<std::unique_ptr<voxwire::testing::WsClient>> clients;
  for (int i = 0; i < options.connections; ++i) {
    voxwire::testing::HandshakeResult handshake;
    auto client = voxwire::testing::WsClient::connect(
        server.port(), std::string("/api-ws/v1/realtime?model=") + kModel, kKey, &handshake);
    if (!client || !client->read_event()) break;  // session.created
    clients.push_back(std::move(client));
  }
  std::this_thread::sleep_for(500ms);
  const long rss_after = server.rss_kib();
  std::printf("scenario idle: %zu idle realtime connections, %u cores\n", clients.size(),
              std::thread::hardware_concurrency());
  figure("idle_connections", static_cast<double>(clients.size()));
  figure("errors", options.connections - static_cast<double>(clients.size()));
  figure("server_rss_baseline_mib", rss_before / 1024.0);
  figure("server_rss_mib", rss_after / 1024.0);
  if (!clients.empty()) figure("rss_per_idle_connection_kib", static_cast<double>(rss_after - rss_before) / clients.size());
  return static_cast<int>(clients.size()) == options.connections ? 0 : 1;
}

// Enough file descriptors for the connections of both ends; the server
// process inherits the limit.
void raise_fd_limit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
  }
}

bool parse(int argc, char** argv, Options* o) {
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--scenario") o->scenario = value;
    else if (flag == "--sessions") o->sessions = std::stoi(value);
    else if (flag == "--clients") o->clients = std::stoi(value);
    else if (flag == "--connections") o->connections = std::stoi(value);
    else if (flag == "--chars") o->chars = std::stoi(value);
    else if (flag == "--seconds") o->seconds = std::stod(value);
    else if (flag == "--ramp-seconds") o->ramp_seconds = std::stod(value);
    else if (flag == "--token-rate") o->token_rate = std::stod(value);
    else if (flag == "--think-ms") o->think_ms = std::stoi(value);
    else if (flag == "--playback") o->playback = value != "0";
    else if (flag == "--workers") o->workers = std::stoi(value);
    else if (flag == "--language") o->language = value;
    else if (flag == "--voice") o->voice = value;
    else if (flag == "--server") o->server = value;
    else return false;
  }
  return (argc % 2 == 1) && o->sessions > 0 && o->clients > 0 && o->connections > 0 && o->chars > 1 &&
         o->seconds > 0 && o->token_rate > 0 && (o->language == "en" || o->language == "zh");
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (!parse(argc, argv, &options)) {
    std::fprintf(stderr, "usage: see the comment at the top of bench/load_bench.cc\n");
    return 2;
  }
  raise_fd_limit();
  auto server = voxwire::bench::ServerProcess::start(options.server, kKey, {"--workers", std::to_string(options.workers)});
  if (!server) return 1;
  if (options.scenario == "realtime" || options.scenario == "commit") return run_realtime(options, *server);
  if (options.scenario == "http") return run_http(options, *server);
  if (options.scenario == "idle") return run_idle(options, *server);
  std::fprintf(stderr, "unknown scenario '%s'\n", options.scenario.c_str());
  return 2;
}
