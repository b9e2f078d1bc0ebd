// server/server.h: the voxwire service on one port — the realtime WebSocket
// and the HTTP routes — with the engines, the synthesis workers and the
// network threads it owns. create(), start() (binds), then run() (blocks)
// until stop(). stop() is thread-safe; everything else is called from one
// thread.
#pragma once
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <thread>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>

#include "base/cancel_token.h"
#include "base/clock.h"
#include "base/result.h"
#include "metrics/metrics.h"
#include "server/readiness.h"
#include "store/key_store.h"
#include "store/usage_ledger.h"
#include "store/voice_store.h"
#include "server/server_config.h"
#include "server/server_context.h"

namespace voxwire::server {

class Server {
 public:
  // Opens the database in config.data_dir and starts the engines and
  // workers. `clock` (default: the system clock) must outlive the server.
  // InvalidArgument for a bad config, Unavailable if the database cannot be
  // opened, Internal if an engine cannot start.
  static Result<std::unique_ptr<Server>> create(ServerConfig config, const Clock* clock = nullptr);
  ~Server();

  // Binds and listens; afterwards port() is the bound port. Then warms the
  // engines up on a background thread (config.warm_up); /readyz answers 503
  // until that is done.
  Status start();
  uint16_t port() const { return port_; }
  // Makes SIGINT and SIGTERM call drain(). Call before run().
  void stop_on_signals();
  // Stops accepting connections and answering ready, lets the responses in
  // flight finish (for at most config.drain_timeout_ms), then stop()s. Call
  // on the io thread.
  void drain();
  // Serves on this thread and io_threads - 1 more until stop().
  void run();
  // Stops accepting, cancels synthesis and ends run(). Idempotent.
  void stop();

  const synthesis::SynthesisService& synthesis() const { return *synthesis_; }

 private:
  // What create() opened for the server to own.
  struct Parts {
    std::unique_ptr<store::VoiceStore> store;
    std::unique_ptr<store::UsageLedger> ledger;
    std::unique_ptr<store::KeyStore> keys;
    bool open = false;  // no API key of any kind at start-up: accept any key
    std::unique_ptr<generation::AudioFiles> audio_files;
    std::shared_ptr<const Synthesizer> synthesizer;
  };
  Server(ServerConfig config, const Clock& clock, Parts parts);
  void accept_next();
  // Deletes custom voices unused for config.voice_retention_ms and expired
  // audio files, then re-arms.
  void sweep();
  // Polls until no synthesis is in flight or `deadline`, then stop()s.
  void finish_drain(std::chrono::steady_clock::time_point deadline);

  // Destroyed after ioc_: the connections it still holds when the server is
  // destroyed give their gauge units and session places back to these.
  metrics::Metrics metrics_;
  limits::SessionLimiter session_limiter_;
  boost::asio::io_context ioc_;  // destroyed after everything posting to it
  std::unique_ptr<store::VoiceStore> store_;
  std::unique_ptr<store::UsageLedger> ledger_;
  std::unique_ptr<store::KeyStore> keys_;
  metering::Meter meter_;
  customization::VoiceDirectory directory_;
  std::unique_ptr<synthesis::SynthesisService> synthesis_;
  std::unique_ptr<customization::CustomizationService> customization_;
  std::unique_ptr<generation::AudioFiles> audio_files_;
  std::unique_ptr<generation::GenerationService> generation_;
  std::unique_ptr<openai::SpeechService> openai_speech_;
  limits::RateLimiter rate_limiter_;
  std::thread warm_up_thread_;
  CancelToken stop_warm_up_;
  Readiness readiness_;
  ServerContext context_;
  boost::asio::ip::tcp::acceptor acceptor_;
  boost::asio::signal_set signals_;
  boost::asio::steady_timer sweep_timer_;
  boost::asio::steady_timer drain_timer_;
  uint16_t port_ = 0;
  std::atomic<bool> stopped_{false};
};

}  // namespace voxwire::server
