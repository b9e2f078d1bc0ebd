#include "store/voice_store.h"

#include <boost/json.hpp>

#include "store/sqlite.h"
#include "voice/voice_profile_json.h"

namespace voxwire::store {
namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS custom_voices (
  account       TEXT NOT NULL,
  workspace     TEXT NOT NULL,
  name          TEXT NOT NULL,
  kind          INTEGER NOT NULL,
  target_model  TEXT NOT NULL,
  language      TEXT NOT NULL,
  voice_prompt  TEXT NOT NULL,
  preview_text  TEXT NOT NULL,
  profile       TEXT NOT NULL,
  created_ms    INTEGER NOT NULL,
  modified_ms   INTEGER NOT NULL,
  last_used_ms  INTEGER NOT NULL,
  PRIMARY KEY (account, workspace, name)
);
CREATE INDEX IF NOT EXISTS custom_voices_by_kind ON custom_voices (account, workspace, kind, created_ms);
CREATE INDEX IF NOT EXISTS custom_voices_by_use ON custom_voices (last_used_ms);
)sql";

constexpr const char* kColumns =
    "name, kind, target_model, language, voice_prompt, preview_text, profile, created_ms, modified_ms, last_used_ms";

int64_t kind_code(CustomVoiceKind kind) { return kind == CustomVoiceKind::kDesigned ? 1 : 2; }

Result<StoredVoice> read_row(const Statement& row) {
  StoredVoice v;
  v.name = row.text(0);
  v.kind = row.integer(1) == 1 ? CustomVoiceKind::kDesigned : CustomVoiceKind::kCloned;
  v.target_model = row.text(2);
  v.language = row.text(3);
  v.voice_prompt = row.text(4);
  v.preview_text = row.text(5);
  boost::system::error_code ec;
  boost::json::value profile = boost::json::parse(row.text(6), ec);
  if (ec) return Status::internal("stored profile of " + v.name + " is not JSON");
  if (Status s = read_profile_json(profile, "profile", &v.profile); !s.ok()) {
    return Status::internal("stored profile of " + v.name + " is invalid: " + s.to_string());
  }
  v.profile.name = v.name;
  v.created_ms = row.integer(7);
  v.modified_ms = row.integer(8);
  v.last_used_ms = row.integer(9);
  return v;
}

// Runs `body` inside BEGIN IMMEDIATE ... COMMIT, rolling back on failure.
template <class Body>
Status transaction(Database& db, Body body) {
  if (Status s = db.exec("BEGIN IMMEDIATE"); !s.ok()) return s;
  Status s = body();
  if (!s.ok()) {
    (void)db.exec("ROLLBACK");
    return s;
  }
  return db.exec("COMMIT");
}

}  // namespace

VoiceStore::VoiceStore(std::unique_ptr<Database> db) : db_(std::move(db)) {}
VoiceStore::~VoiceStore() = default;

Result<std::unique_ptr<VoiceStore>> VoiceStore::open(const std::string& path) {
  auto db = Database::open(path);
  if (!db.ok()) return db.status();
  if (Status s = (*db)->exec(kSchema); !s.ok()) return s;
  return std::unique_ptr<VoiceStore>(new VoiceStore(std::move(*db)));
}

Status VoiceStore::add(const Scope& scope, const StoredVoice& voice, int max_per_account) {
  std::lock_guard<std::mutex> lock(mutex_);
  return transaction(*db_, [&]() -> Status {
    auto count = db_->prepare("SELECT COUNT(*) FROM custom_voices WHERE account = ?1 AND kind = ?2");
    if (!count.ok()) return count.status();
    count->bind(1, scope.account).bind(2, kind_code(voice.kind));
    Status s;
    if (!count->step(&s)) return s.ok() ? Status::internal("sqlite: no count") : s;
    if (count->integer(0) >= max_per_account) {
      return Status::resource_exhausted("The account already has " + std::to_string(max_per_account) +
                                        " voices of this kind; delete some first.");
    }
    auto exists = db_->prepare("SELECT 1 FROM custom_voices WHERE account = ?1 AND workspace = ?2 AND name = ?3");
    if (!exists.ok()) return exists.status();
    exists->bind(1, scope.account).bind(2, scope.workspace).bind(3, voice.name);
    if (exists->step(&s)) return Status(StatusCode::kAlreadyExists, "A voice named " + voice.name + " exists.");
    if (!s.ok()) return s;
    auto insert = db_->prepare(
        "INSERT INTO custom_voices (account, workspace, name, kind, target_model, language, voice_prompt, "
        "preview_text, profile, created_ms, modified_ms, last_used_ms) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
    if (!insert.ok()) return insert.status();
    insert->bind(1, scope.account)
        .bind(2, scope.workspace)
        .bind(3, voice.name)
        .bind(4, kind_code(voice.kind))
        .bind(5, voice.target_model)
        .bind(6, voice.language)
        .bind(7, voice.voice_prompt)
        .bind(8, voice.preview_text)
        .bind(9, boost::json::serialize(profile_to_json(voice.profile)))
        .bind(10, voice.created_ms)
        .bind(11, voice.modified_ms)
        .bind(12, voice.last_used_ms);
    return insert->run();
  });
}

Result<StoredVoice> VoiceStore::find(const Scope& scope, CustomVoiceKind kind, std::string_view name) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto q = db_->prepare(std::string("SELECT ") + kColumns +
                        " FROM custom_voices WHERE account = ?1 AND workspace = ?2 AND kind = ?3 AND name = ?4");
  if (!q.ok()) return q.status();
  q->bind(1, scope.account).bind(2, scope.workspace).bind(3, kind_code(kind)).bind(4, name);
  Status s;
  if (!q->step(&s)) return s.ok() ? Status::not_found("Voice not found: " + std::string(name)) : s;
  return read_row(*q);
}

Result<VoicePage> VoiceStore::list(const Scope& scope, CustomVoiceKind kind, int64_t page_index, int64_t page_size) {
  std::lock_guard<std::mutex> lock(mutex_);
  VoicePage page;
  auto count =
      db_->prepare("SELECT COUNT(*) FROM custom_voices WHERE account = ?1 AND workspace = ?2 AND kind = ?3");
  if (!count.ok()) return count.status();
  count->bind(1, scope.account).bind(2, scope.workspace).bind(3, kind_code(kind));
  Status s;
  if (!count->step(&s)) return s.ok() ? Status::internal("sqlite: no count") : s;
  page.total = count->integer(0);
  auto q = db_->prepare(std::string("SELECT ") + kColumns +
                        " FROM custom_voices WHERE account = ?1 AND workspace = ?2 AND kind = ?3"
                        " ORDER BY created_ms DESC, name DESC LIMIT ?4 OFFSET ?5");
  if (!q.ok()) return q.status();
  q->bind(1, scope.account).bind(2, scope.workspace).bind(3, kind_code(kind)).bind(4, page_size).bind(5,
                                                                                                     page_index * page_size);
  while (q->step(&s)) {
    auto v = read_row(*q);
    if (!v.ok()) return v.status();
    page.voices.push_back(std::move(*v));
  }
  if (!s.ok()) return s;
  return page;
}

Status VoiceStore::remove(const Scope& scope, CustomVoiceKind kind, std::string_view name) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto q = db_->prepare("DELETE FROM custom_voices WHERE account = ?1 AND workspace = ?2 AND kind = ?3 AND name = ?4");
  if (!q.ok()) return q.status();
  q->bind(1, scope.account).bind(2, scope.workspace).bind(3, kind_code(kind)).bind(4, name);
  if (Status s = q->run(); !s.ok()) return s;
  auto changes = db_->prepare("SELECT changes()");
  if (!changes.ok()) return changes.status();
  Status s;
  changes->step(&s);
  if (changes->integer(0) == 0) return Status::not_found("Voice not found: " + std::string(name));
  return s;
}

Status VoiceStore::mark_used(const Scope& scope, std::string_view name, int64_t now_ms) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto q = db_->prepare(
      "UPDATE custom_voices SET last_used_ms = ?1 WHERE account = ?2 AND workspace = ?3 AND name = ?4");
  if (!q.ok()) return q.status();
  q->bind(1, now_ms).bind(2, scope.account).bind(3, scope.workspace).bind(4, name);
  return q->run();
}

Result<int64_t> VoiceStore::remove_unused_before(int64_t cutoff_ms) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto q = db_->prepare("DELETE FROM custom_voices WHERE last_used_ms < ?1");
  if (!q.ok()) return q.status();
  q->bind(1, cutoff_ms);
  if (Status s = q->run(); !s.ok()) return s;
  auto changes = db_->prepare("SELECT changes()");
  if (!changes.ok()) return changes.status();
  Status s;
  changes->step(&s);
  return changes->integer(0);
}

}  // namespace voxwire::store
