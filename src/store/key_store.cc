#include "store/key_store.h"

#include <cstdio>

#include "auth/crypto.h"
#include "store/sqlite.h"
#include "store/usage_ledger.h"

namespace voxwire::store {
namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS api_keys (
  id TEXT PRIMARY KEY,
  secret_sha256 TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL,
  label TEXT NOT NULL DEFAULT '',
  created_ms INTEGER NOT NULL,
  expires_ms INTEGER NOT NULL DEFAULT 0,
  revoked_ms INTEGER NOT NULL DEFAULT 0
);
)sql";

StoredKey key_of(const Statement& row) {
  return {row.text(0), row.text(1), row.text(2), row.integer(3), row.integer(4), row.integer(5)};
}

}  // namespace

KeyStore::KeyStore(std::unique_ptr<Database> db) : db_(std::move(db)) {}
KeyStore::~KeyStore() = default;

Result<std::unique_ptr<KeyStore>> KeyStore::open(const std::string& path) {
  auto db = Database::open(path);
  if (!db.ok()) return db.status();
  if (Status s = (*db)->exec(kSchema); !s.ok()) return s;
  return std::unique_ptr<KeyStore>(new KeyStore(std::move(*db)));
}

Result<CreatedKey> KeyStore::create(std::string_view account, std::string_view label, int64_t now_ms,
                                    int64_t expires_ms) {
  Result<std::string> id = auth::random_hex(6);
  Result<std::string> secret = auth::random_hex(24);
  Result<std::string> new_account = auth::random_hex(8);
  if (!id.ok() || !secret.ok() || !new_account.ok()) return Status::internal("no secure random bytes");
  CreatedKey created{{"key_" + *id, account.empty() ? "acct_" + *new_account : std::string(account),
                      std::string(label), now_ms, expires_ms, 0},
                     "sk-" + *secret};
  std::lock_guard<std::mutex> lock(mutex_);
  auto insert = db_->prepare(
      "INSERT INTO api_keys (id, secret_sha256, account, label, created_ms, expires_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  if (!insert.ok()) return insert.status();
  insert->bind(1, created.key.id)
      .bind(2, auth::sha256_hex(created.secret))
      .bind(3, created.key.account)
      .bind(4, created.key.label)
      .bind(5, now_ms)
      .bind(6, expires_ms);
  if (Status s = insert->run(); !s.ok()) return s;
  return created;
}

Result<std::optional<std::string>> KeyStore::account_of_secret(std::string_view secret, int64_t now_ms) {
  const std::string hash = auth::sha256_hex(secret);
  std::lock_guard<std::mutex> lock(mutex_);
  auto select = db_->prepare(
      "SELECT account FROM api_keys WHERE secret_sha256 = ?1 AND revoked_ms = 0 AND (expires_ms = 0 OR expires_ms > ?2)");
  if (!select.ok()) return select.status();
  select->bind(1, hash).bind(2, now_ms);
  Status s;
  if (select->step(&s)) return std::optional<std::string>(select->text(0));
  if (!s.ok()) return s;
  return std::optional<std::string>();
}

Status KeyStore::revoke(std::string_view id, int64_t now_ms) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto exists = db_->prepare("SELECT 1 FROM api_keys WHERE id = ?1");
  if (!exists.ok()) return exists.status();
  exists->bind(1, id);
  Status s;
  if (!exists->step(&s)) return s.ok() ? Status::not_found("no key " + std::string(id)) : s;
  auto update = db_->prepare("UPDATE api_keys SET revoked_ms = ?2 WHERE id = ?1 AND revoked_ms = 0");
  if (!update.ok()) return update.status();
  update->bind(1, id).bind(2, now_ms);
  return update->run();
}

Result<std::vector<StoredKey>> KeyStore::list() {
  std::lock_guard<std::mutex> lock(mutex_);
  auto select = db_->prepare(
      "SELECT id, account, label, created_ms, expires_ms, revoked_ms FROM api_keys ORDER BY created_ms, rowid");
  if (!select.ok()) return select.status();
  std::vector<StoredKey> keys;
  Status s;
  while (select->step(&s)) keys.push_back(key_of(*select));
  if (!s.ok()) return s;
  return keys;
}

Result<int64_t> KeyStore::count_active(int64_t now_ms) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto select = db_->prepare("SELECT COUNT(*) FROM api_keys WHERE revoked_ms = 0 AND (expires_ms = 0 OR expires_ms > ?1)");
  if (!select.ok()) return select.status();
  select->bind(1, now_ms);
  Status s;
  if (!select->step(&s)) return s.ok() ? Status::internal("sqlite: no count") : s;
  return select->integer(0);
}

std::string keys_report(const std::vector<StoredKey>& keys, int64_t now_ms) {
  auto line = [](const std::string& id, const std::string& account, const std::string& created,
                 const std::string& expires, const std::string& state, const std::string& label) {
    char buffer[512];
    std::snprintf(buffer, sizeof buffer, "%-16s  %-21s  %-10s  %-10s  %-7s  %s\n", id.c_str(), account.c_str(),
                  created.c_str(), expires.c_str(), state.c_str(), label.c_str());
    return std::string(buffer);
  };
  std::string out = line("id", "account", "created", "expires", "state", "label");
  for (const StoredKey& k : keys) {
    const std::string state = k.revoked_ms != 0                                ? "revoked"
                              : k.expires_ms != 0 && k.expires_ms <= now_ms ? "expired"
                                                                              : "active";
    out += line(k.id, k.account, utc_day(k.created_ms), k.expires_ms != 0 ? utc_day(k.expires_ms) : "never", state,
                k.label);
  }
  return out;
}

}  // namespace voxwire::store
