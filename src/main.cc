// voxwire entry point: command-line parsing and wiring only.
#include <CLI/CLI.hpp>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "auth/api_keys.h"
#include "base/log.h"
#include "client/client_commands.h"
#include "metering/usage_report.h"
#include "server/server.h"
#include "base/clock.h"
#include "store/key_store.h"
#include "store/usage_ledger.h"

namespace {

using voxwire::Status;
using voxwire::server::ServerConfig;

std::vector<std::string> split_keys(const std::string& text, char separator) {
  std::vector<std::string> keys;
  std::string key;
  auto flush = [&] {
    auto begin = key.find_first_not_of(" \t\r");
    auto end = key.find_last_not_of(" \t\r");
    if (begin != std::string::npos) keys.push_back(key.substr(begin, end - begin + 1));
    key.clear();
  };
  for (char c : text) {
    if (c == separator || c == '\n') flush();
    else key += c;
  }
  flush();
  return keys;
}

Status read_keys_file(const std::string& path, std::vector<std::string>* keys) {
  std::ifstream in(path);
  if (!in) return Status::invalid_argument("cannot read API keys file " + path, "api_keys_file");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  for (auto& key : split_keys(text, '\n')) {
    if (key[0] != '#') keys->push_back(key);
  }
  return Status();
}

int serve(ServerConfig config, const std::string& keys_env, const std::string& keys_file) {
  for (auto& key : split_keys(keys_env, ',')) config.api_keys.push_back(key);
  if (!keys_file.empty()) {
    if (Status s = read_keys_file(keys_file, &config.api_keys); !s.ok()) {
      voxwire::log::error("config_invalid", {{"error", s.to_string()}});
      return 2;
    }
  }
  std::error_code fs_error;
  std::filesystem::create_directories(config.data_dir, fs_error);
  if (fs_error) {
    voxwire::log::error("data_dir_unusable", {{"path", config.data_dir}, {"error", fs_error.message()}});
    return 2;
  }

  std::signal(SIGPIPE, SIG_IGN);
  auto server = voxwire::server::Server::create(config);
  if (!server.ok()) {
    voxwire::log::error("startup_failed", {{"error", server.status().to_string()}});
    return 1;
  }
  if (Status s = (*server)->start(); !s.ok()) {
    voxwire::log::error("startup_failed", {{"error", s.to_string()}});
    return 1;
  }
  voxwire::log::info("listening", {{"host", config.host}, {"port", (*server)->port()}, {"config", config.to_string()}});
  (*server)->stop_on_signals();
  (*server)->run();
  voxwire::log::info("stopped");
  return 0;
}

// `voxwire usage`: the ledger of a data directory, optionally from a day on
// and for one key's account.
int usage(const std::string& data_dir, const std::string& since, const std::string& key) {
  const std::filesystem::path database = std::filesystem::path(data_dir) / "voxwire.db";
  if (!std::filesystem::exists(database)) {
    std::cerr << "no usage recorded: " << database.string() << " does not exist\n";
    return 1;
  }
  auto ledger = voxwire::store::UsageLedger::open(database.string());
  if (!ledger.ok()) {
    std::cerr << ledger.status().to_string() << "\n";
    return 1;
  }
  auto rows = (*ledger)->rows(since, key.empty() ? std::string() : voxwire::auth::account_of(key));
  if (!rows.ok()) {
    std::cerr << rows.status().to_string() << "\n";
    return 1;
  }
  std::cout << voxwire::metering::usage_report(*rows);
  return 0;
}

// `voxwire keys ...`: API keys kept (hashed) in the data directory's database.
int keys_command(const std::string& action, const std::string& data_dir, const std::string& account,
                 const std::string& label, int expires_days, const std::string& key_id) {
  std::error_code fs_error;
  std::filesystem::create_directories(data_dir, fs_error);
  auto keys = voxwire::store::KeyStore::open((std::filesystem::path(data_dir) / "voxwire.db").string());
  if (!keys.ok()) {
    std::cerr << keys.status().to_string() << "\n";
    return 1;
  }
  const int64_t now_ms = voxwire::SystemClock().now_ms();
  if (action == "create") {
    const int64_t expires_ms = expires_days > 0 ? now_ms + int64_t{expires_days} * 86'400'000 : 0;
    auto created = (*keys)->create(account, label, now_ms, expires_ms);
    if (!created.ok()) {
      std::cerr << created.status().to_string() << "\n";
      return 1;
    }
    std::cout << "id:      " << created->key.id << "\naccount: " << created->key.account << "\nexpires: "
              << (expires_ms ? voxwire::store::utc_day(expires_ms) : "never") << "\nsecret:  " << created->secret
              << "\n(the secret is shown only now; voxwire keeps a hash of it)\n";
    return 0;
  }
  if (action == "revoke") {
    if (voxwire::Status s = (*keys)->revoke(key_id, now_ms); !s.ok()) {
      std::cerr << s.message() << "\n";
      return 1;
    }
    std::cout << "revoked " << key_id << "\n";
    return 0;
  }
  auto listed = (*keys)->list();
  if (!listed.ok()) {
    std::cerr << listed.status().to_string() << "\n";
    return 1;
  }
  std::cout << voxwire::store::keys_report(*listed, now_ms);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"voxwire: a self-hosted, DashScope-compatible realtime text-to-speech server, and its client"};
  app.require_subcommand(1);

  ServerConfig config;
  std::string keys_env, keys_file, log_level = "info";
  CLI::App* serve_cmd = app.add_subcommand("serve", "Run the server");
  serve_cmd->add_option("--host", config.host, "Listen address")->envname("VOXWIRE_HOST")->capture_default_str();
  serve_cmd->add_option("--port", config.port, "Listen port (0 picks a free one)")
      ->envname("VOXWIRE_PORT")
      ->capture_default_str();
  serve_cmd->add_option("--data-dir", config.data_dir, "Directory for the database and audio files")
      ->envname("VOXWIRE_DATA_DIR")
      ->capture_default_str();
  serve_cmd->add_option("--audio-dir", config.audio_dir, "Directory for generated audio files (default <data-dir>/audio)")
      ->envname("VOXWIRE_AUDIO_DIR");
  serve_cmd->add_option("--public-base-url", config.public_base_url,
                        "Base of audio file URLs, e.g. https://tts.example.com (default: http://<Host header>)")
      ->envname("VOXWIRE_PUBLIC_BASE_URL");
  serve_cmd->add_flag("--allow-private-urls", config.allow_private_urls,
                      "Let voice cloning download recordings from loopback and private addresses")
      ->envname("VOXWIRE_ALLOW_PRIVATE_URLS");
  serve_cmd->add_flag("--rate-limits,!--no-rate-limits", config.rate_limits,
                      "Enforce requests per minute per key and model (default on)")
      ->envname("VOXWIRE_RATE_LIMITS");
  serve_cmd->add_option("--rpm", config.rpm, "Requests per minute per key for every model (0 = the documented limits)")
      ->envname("VOXWIRE_RPM")
      ->capture_default_str();
  serve_cmd->add_option("--default-rpm", config.default_rpm, "Requests per minute for models without a documented limit")
      ->envname("VOXWIRE_DEFAULT_RPM")
      ->capture_default_str();
  serve_cmd->add_option("--max-sessions-per-key", config.max_sessions_per_account,
                        "Concurrent realtime sessions per key (0 = unlimited)")
      ->envname("VOXWIRE_MAX_SESSIONS_PER_KEY")
      ->capture_default_str();
  serve_cmd->add_option("--api-key", config.api_keys, "Accepted API key (repeatable); none = any key, loopback only");
  serve_cmd->add_option("--api-keys", keys_env, "Comma-separated accepted API keys")->envname("VOXWIRE_API_KEYS");
  serve_cmd->add_option("--api-keys-file", keys_file, "File with one accepted API key per line")
      ->envname("VOXWIRE_API_KEYS_FILE");
  serve_cmd->add_option("--io-threads", config.io_threads, "Network threads")->capture_default_str();
  serve_cmd->add_option("--workers", config.worker_threads, "Synthesis threads (0 = one per core)")
      ->envname("VOXWIRE_WORKERS")
      ->capture_default_str();
  serve_cmd->add_option("--idle-timeout-ms", config.idle_timeout_ms, "Close idle WebSocket connections after this")
      ->envname("VOXWIRE_IDLE_TIMEOUT_MS")
      ->capture_default_str();
  serve_cmd->add_option("--drain-timeout-ms", config.drain_timeout_ms,
                        "On SIGTERM/SIGINT, let in-flight responses finish for up to this long")
      ->envname("VOXWIRE_DRAIN_TIMEOUT_MS")
      ->capture_default_str();
  voxwire::text::PauseLengths& pauses = config.text.pauses;
  struct PauseOption {
    const char* flag;
    const char* env;
    int* ms;
    const char* what;
  };
  const PauseOption pause_options[] = {
      {"--pause-sentence-ms", "VOXWIRE_PAUSE_SENTENCE_MS", &pauses.sentence_ms, "Pause between sentences (ms)"},
      {"--pause-clause-ms", "VOXWIRE_PAUSE_CLAUSE_MS", &pauses.clause_ms, "Pause after ; : and dashes (ms)"},
      {"--pause-comma-ms", "VOXWIRE_PAUSE_COMMA_MS", &pauses.comma_ms, "Pause after a comma (ms)"},
      {"--pause-enumeration-ms", "VOXWIRE_PAUSE_ENUMERATION_MS", &pauses.enumeration_ms, "Pause after 、 (ms)"},
      {"--pause-bracket-ms", "VOXWIRE_PAUSE_BRACKET_MS", &pauses.bracket_ms, "Pause around brackets and quotes (ms)"},
      {"--pause-long-clause-ms", "VOXWIRE_PAUSE_LONG_CLAUSE_MS", &pauses.long_clause_ms,
       "Pause where an over-long clause is cut (ms)"}};
  for (const PauseOption& o : pause_options) {
    serve_cmd->add_option(o.flag, *o.ms, o.what)->envname(o.env)->capture_default_str();
  }
  serve_cmd->add_option("--max-clause-units", pauses.max_clause_units,
                        "Cut longer unpunctuated clauses at word boundaries (Han characters or words)")
      ->envname("VOXWIRE_MAX_CLAUSE_UNITS")
      ->capture_default_str();
  serve_cmd->add_flag_callback("--skip-web-addresses", [&] { config.text.web_addresses = voxwire::text::WebAddresses::kSkip; },
                               "Leave URLs and e-mail addresses out of speech instead of reading them")
      ->envname("VOXWIRE_SKIP_WEB_ADDRESSES");
  serve_cmd->add_option("--log-level", log_level, "debug | info | warn | error")
      ->envname("VOXWIRE_LOG_LEVEL")
      ->capture_default_str();

  std::string usage_dir = "voxwire-data", usage_since, usage_key;
  CLI::App* usage_cmd = app.add_subcommand("usage", "Print what each key was served, per day and model");
  usage_cmd->add_option("--data-dir", usage_dir, "The server's data directory")
      ->envname("VOXWIRE_DATA_DIR")
      ->capture_default_str();
  usage_cmd->add_option("--since", usage_since, "First day to include (YYYY-MM-DD, UTC)");
  usage_cmd->add_option("--key", usage_key, "Only this API key's account");

  std::string keys_dir = "voxwire-data", key_account, key_label, key_id;
  int key_expires_days = 0;
  CLI::App* keys_cmd = app.add_subcommand("keys", "Create, list and revoke API keys (kept hashed in the data directory)");
  keys_cmd->require_subcommand(1);
  keys_cmd->add_option("--data-dir", keys_dir, "The server's data directory")
      ->envname("VOXWIRE_DATA_DIR")
      ->capture_default_str();
  CLI::App* keys_create = keys_cmd->add_subcommand("create", "A new key; its secret is printed once");
  keys_create->add_option("--account", key_account, "Add the key to this account (default: a new account)");
  keys_create->add_option("--label", key_label, "A note to recognize the key by");
  keys_create->add_option("--expires-days", key_expires_days, "Days until the key stops working (default: never)")
      ->check(CLI::NonNegativeNumber);
  keys_cmd->add_subcommand("list", "Every key: id, account, label, dates, state");
  CLI::App* keys_revoke = keys_cmd->add_subcommand("revoke", "Stop accepting a key at once");
  keys_revoke->add_option("id", key_id, "The key's id (key_...)")->required();

  voxwire::client::ClientCommands client_commands(app);

  CLI11_PARSE(app, argc, argv);
  if (auto exit_code = client_commands.run_parsed()) return *exit_code;
  if (usage_cmd->parsed()) return usage(usage_dir, usage_since, usage_key);
  if (keys_cmd->parsed()) {
    const std::string action = keys_create->parsed() ? "create" : keys_revoke->parsed() ? "revoke" : "list";
    return keys_command(action, keys_dir, key_account, key_label, key_expires_days, key_id);
  }

  voxwire::log::Level level;
  if (!voxwire::log::parse_level(log_level, &level)) {
    std::cerr << "unknown log level: " << log_level << "\n";
    return 2;
  }
  voxwire::log::set_level(level);
  if (serve_cmd->parsed()) return serve(config, keys_env, keys_file);
  return 0;
}
