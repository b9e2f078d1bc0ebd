// store/key_store.h: API keys managed with `voxwire keys` (api-reference §1.3),
// kept in SQLite as SHA-256 hashes: the secret is shown once, at creation, and
// never stored. A key belongs to an account (several keys may share one, and
// so its voices and usage), may expire, and may be revoked. Thread-safe (one
// connection behind a mutex); the server looks keys up on every request, so a
// key created or revoked by the command line takes effect at once.
#pragma once
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace voxwire::store {

class Database;

struct StoredKey {
  std::string id;           // "key_" + 12 hex digits: how the key is named after creation
  std::string account;      // "acct_" + 16 hex digits
  std::string label;
  int64_t created_ms = 0;
  int64_t expires_ms = 0;   // 0: never
  int64_t revoked_ms = 0;   // 0: not revoked
};

struct CreatedKey {
  StoredKey key;
  std::string secret;       // "sk-" + 48 hex digits; only returned here
};

class KeyStore {
 public:
  // Opens or creates the key table in the database at `path` (its directory must exist).
  static Result<std::unique_ptr<KeyStore>> open(const std::string& path);
  ~KeyStore();

  // A new key of `account` (a new account if empty). expires_ms 0: never.
  Result<CreatedKey> create(std::string_view account, std::string_view label, int64_t now_ms, int64_t expires_ms);
  // The account of `secret` if it is a known key, not revoked and not
  // expired at now_ms; nullopt otherwise.
  Result<std::optional<std::string>> account_of_secret(std::string_view secret, int64_t now_ms);
  // NotFound unless a key `id` exists; revoking twice keeps the first time.
  Status revoke(std::string_view id, int64_t now_ms);
  // Every key, oldest first (in order of creation).
  Result<std::vector<StoredKey>> list();
  // Keys that are neither revoked nor expired at now_ms.
  Result<int64_t> count_active(int64_t now_ms);

 private:
  explicit KeyStore(std::unique_ptr<Database> db);

  std::mutex mutex_;
  std::unique_ptr<Database> db_;  // GUARDED_BY(mutex_)
};

// The table `voxwire keys list` prints: id, account, created and expiry days
// (UTC), state (active, expired, revoked) and label. Never a secret.
std::string keys_report(const std::vector<StoredKey>& keys, int64_t now_ms);

}  // namespace voxwire::store
