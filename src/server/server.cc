#include "server/server.h"

#include <chrono>
#include <csignal>
#include <filesystem>
#include <thread>
#include <vector>

#include <boost/asio/strand.hpp>

#include "base/log.h"
#include "server/http_session.h"
#include "voice/voice_catalog.h"

namespace voxwire::server {

namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

constexpr std::chrono::milliseconds kDrainPoll{50};
constexpr std::chrono::milliseconds kFinalWriteGrace{200};

int worker_count(const ServerConfig& config) {
  if (config.worker_threads > 0) return config.worker_threads;
  unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 2 : static_cast<int>(cores);
}

}  // namespace

Result<std::unique_ptr<Server>> Server::create(ServerConfig config, const Clock* clock) {
  static const SystemClock system_clock;
  if (Status s = config.validate(); !s.ok()) return s;
  const Clock& used_clock = clock ? *clock : system_clock;
  const std::string database = (std::filesystem::path(config.data_dir) / "voxwire.db").string();
  Parts parts;
  auto store = store::VoiceStore::open(database);
  if (!store.ok()) return store.status();
  parts.store = std::move(*store);
  auto ledger = store::UsageLedger::open(database);
  if (!ledger.ok()) return ledger.status();
  parts.ledger = std::move(*ledger);
  auto keys = store::KeyStore::open(database);
  if (!keys.ok()) return keys.status();
  auto managed_keys = (*keys)->count_active(used_clock.now_ms());
  if (!managed_keys.ok()) return managed_keys.status();
  parts.keys = std::move(*keys);
  parts.open = config.api_keys.empty() && *managed_keys == 0;
  if (parts.open && config.restrict_open_server_to_loopback()) {
    log::warn("open_server_restricted", {{"host", config.host}, {"why", "no API keys configured"}});
  }
  if (parts.open) {
    log::warn("open_server", {{"note", "no API keys configured or created: any key is accepted, loopback only"}});
  }
  auto audio_files = generation::AudioFiles::open(config.audio_directory(), used_clock);
  if (!audio_files.ok()) return audio_files.status();
  parts.audio_files = std::move(*audio_files);
  auto synthesizer = Synthesizer::create_builtin(config.text);
  if (!synthesizer.ok()) return synthesizer.status();
  parts.synthesizer = std::move(*synthesizer);
  return std::unique_ptr<Server>(new Server(std::move(config), used_clock, std::move(parts)));
}

namespace {

// Managed keys as the ApiKeys lookup wants them: an unreadable key store
// refuses the key (and says why in the log).
auth::StoredKeyLookup stored_key_lookup(store::KeyStore& keys, const Clock& clock) {
  return [&keys, &clock](std::string_view secret) -> std::optional<std::string> {
    Result<std::optional<std::string>> account = keys.account_of_secret(secret, clock.now_ms());
    if (account.ok()) return *account;
    log::error("key_lookup_failed", {{"error", account.status().to_string()}});
    return std::nullopt;
  };
}

}  // namespace

Server::Server(ServerConfig config, const Clock& clock, Parts parts)
    : session_limiter_(config.max_sessions_per_account),
      store_(std::move(parts.store)),
      ledger_(std::move(parts.ledger)),
      keys_(std::move(parts.keys)),
      meter_(*ledger_, clock, metrics_),
      directory_(*store_, clock),
      synthesis_(std::make_unique<synthesis::SynthesisService>(
          std::move(parts.synthesizer), worker_count(config), synthesis::FlowControl{},
          [&metrics = metrics_](const synthesis::JobStats& stats) {
            metrics.synthesis_completed(stats.worker_seconds, stats.audio_seconds);
          })),
      customization_(std::make_unique<customization::CustomizationService>(
          *store_, catalog::ModelCatalog::defaults(), *synthesis_, meter_, clock,
          customization::CustomizationConfig{.max_voices_per_account = config.max_voices_per_account,
                                             .allow_private_urls = config.allow_private_urls})),
      audio_files_(std::move(parts.audio_files)),
      generation_(std::make_unique<generation::GenerationService>(catalog::ModelCatalog::defaults(), directory_,
                                                                  *synthesis_, *audio_files_, meter_)),
      openai_speech_(std::make_unique<openai::SpeechService>(catalog::ModelCatalog::defaults(), directory_,
                                                             *synthesis_, meter_)),
      rate_limiter_(clock),
      context_{config,
               auth::ApiKeys(config.api_keys, stored_key_lookup(*keys_, clock), parts.open),
               clock,
               catalog::ModelCatalog::defaults(),
               *synthesis_,
               directory_,
               *customization_,
               *audio_files_,
               *generation_,
               *openai_speech_,
               rate_limiter_,
               session_limiter_,
               meter_,
               metrics_,
               readiness_},
      acceptor_(ioc_),
      signals_(ioc_),
      sweep_timer_(ioc_),
      drain_timer_(ioc_) {}

Server::~Server() {
  stop();
  if (warm_up_thread_.joinable()) warm_up_thread_.join();
  // Jobs post their last output to the io_context: finish them while it
  // exists. Preview jobs call back into customization, so synthesis drains
  // first; customization's own tasks do not use synthesis.
  synthesis_.reset();
  customization_.reset();
}

Status Server::start() {
  boost::system::error_code ec;
  net::ip::address address = net::ip::make_address(context_.config.host, ec);
  if (ec) return Status::invalid_argument("not an IP address: " + context_.config.host, "host");
  tcp::endpoint endpoint(address, context_.config.port);
  acceptor_.open(endpoint.protocol(), ec);
  if (!ec) acceptor_.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor_.bind(endpoint, ec);
  if (!ec) acceptor_.listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    return Status(StatusCode::kUnavailable, "cannot listen on " + context_.config.host + ":" +
                                                std::to_string(context_.config.port) + ": " + ec.message());
  }
  port_ = acceptor_.local_endpoint().port();
  accept_next();
  sweep();
  if (context_.config.warm_up) {
    readiness_.set_warming_up(true);
    warm_up_thread_ = std::thread([this] {
      std::vector<VoiceProfile> voices;
      for (const SystemVoice& v : VoiceCatalog::system_voices().all()) voices.push_back(v.profile);
      auto began = std::chrono::steady_clock::now();
      synthesis_->synthesizer().warm_up(voices, stop_warm_up_);
      log::info("engines_warm", {{"seconds", std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count()}});
      readiness_.set_warming_up(false);
    });
  }
  return Status();
}

void Server::accept_next() {
  acceptor_.async_accept(net::make_strand(ioc_), [this](boost::system::error_code ec, tcp::socket socket) {
    if (ec) {
      if (ec != net::error::operation_aborted) log::warn("accept_failed", {{"error", ec.message()}});
      if (!acceptor_.is_open()) return;
    } else {
      std::make_shared<HttpSession>(std::move(socket), context_)->run();
    }
    accept_next();
  });
}

void Server::sweep() {
  const ServerConfig& config = context_.config;
  auto removed = store_->remove_unused_before(context_.clock.now_ms() - config.voice_retention_ms);
  if (!removed.ok()) log::error("voice_sweep_failed", {{"error", removed.status().to_string()}});
  else if (*removed > 0) log::info("voices_swept", {{"removed", *removed}});
  if (int files = audio_files_->sweep(); files > 0) log::info("audio_files_swept", {{"removed", files}});
  rate_limiter_.sweep();
  sweep_timer_.expires_after(std::chrono::milliseconds(config.sweep_interval_ms));
  sweep_timer_.async_wait([this](boost::system::error_code ec) {
    if (!ec) sweep();
  });
}

void Server::stop_on_signals() {
  signals_.add(SIGINT);
  signals_.add(SIGTERM);
  signals_.async_wait([this](boost::system::error_code ec, int signal) {
    if (ec) return;
    log::info("shutting_down", {{"signal", signal}, {"drain_timeout_ms", context_.config.drain_timeout_ms}});
    drain();
  });
}

void Server::drain() {
  readiness_.set_draining();
  boost::system::error_code ignored;
  acceptor_.close(ignored);
  stop_warm_up_.cancel();
  finish_drain(std::chrono::steady_clock::now() + std::chrono::milliseconds(context_.config.drain_timeout_ms));
}

void Server::finish_drain(std::chrono::steady_clock::time_point deadline) {
  const std::size_t in_flight = synthesis_->active_jobs();
  if (in_flight == 0 || std::chrono::steady_clock::now() >= deadline) {
    if (in_flight > 0) log::warn("drain_timed_out", {{"responses_cut", in_flight}});
    // The last events of finished responses are queued on the io context:
    // a moment to write them, then stop.
    drain_timer_.expires_after(kFinalWriteGrace);
    drain_timer_.async_wait([this](boost::system::error_code) { stop(); });
    return;
  }
  drain_timer_.expires_after(kDrainPoll);
  drain_timer_.async_wait([this, deadline](boost::system::error_code ec) {
    if (!ec) finish_drain(deadline);
  });
}

void Server::run() {
  std::vector<std::thread> threads;
  for (int i = 1; i < context_.config.io_threads; ++i) threads.emplace_back([this] { ioc_.run(); });
  ioc_.run();
  for (auto& t : threads) t.join();
}

void Server::stop() {
  if (stopped_.exchange(true)) return;
  stop_warm_up_.cancel();
  synthesis_->shutdown();
  ioc_.stop();
}

}  // namespace voxwire::server
