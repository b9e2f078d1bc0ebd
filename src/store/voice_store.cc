#include "store/voice_store.h"

#include <boost/json.hpp>

#include "store/sqlite.h"
#include "voice/voice_profile_json.h"

namespace voxwire::store {
namespace {

// Schema 1 had neither collection, label nor source_url: open() adds them
// to an older table (migrate()), so the CREATE below and the migration must
// agree.
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
  collection    TEXT NOT NULL DEFAULT '',
  label         TEXT NOT NULL DEFAULT '',
  source_url    TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (account, workspace, name)
);
)sql";

// After the columns exist. Schema 1's index by kind is replaced by one by collection.
constexpr const char* kIndexes = R"sql(
DROP INDEX IF EXISTS custom_voices_by_kind;
CREATE INDEX IF NOT EXISTS custom_voices_by_collection ON custom_voices (account, workspace, collection, created_ms);
CREATE INDEX IF NOT EXISTS custom_voices_by_use ON custom_voices (last_used_ms);
)sql";

constexpr const char* kColumns =
    "name, collection, kind, label, target_model, language, voice_prompt, preview_text, source_url, profile, "
    "created_ms, modified_ms, last_used_ms";

int64_t kind_code(CustomVoiceKind kind) { return kind == CustomVoiceKind::kDesigned ? 1 : 2; }

Result<StoredVoice> read_row(const Statement& row) {
  StoredVoice v;
  v.name = row.text(0);
  v.collection = row.text(1);
  v.kind = row.integer(2) == 1 ? CustomVoiceKind::kDesigned : CustomVoiceKind::kCloned;
  v.label = row.text(3);
  v.target_model = row.text(4);
  v.language = row.text(5);
  v.voice_prompt = row.text(6);
  v.preview_text = row.text(7);
  v.source_url = row.text(8);
  boost::system::error_code ec;
  boost::json::value profile = boost::json::parse(row.text(9), ec);
  if (ec) return Status::internal("stored profile of " + v.name + " is not JSON");
  if (Status s = read_profile_json(profile, "profile", &v.profile); !s.ok()) {
    return Status::internal("stored profile of " + v.name + " is invalid: " + s.to_string());
  }
  v.profile.name = v.name;
  v.created_ms = row.integer(10);
  v.modified_ms = row.integer(11);
  v.last_used_ms = row.integer(12);
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

// Brings a schema-1 table up to date: adds the columns it lacks and files
// its voices, all made by the two Qwen products, under those products.
Status migrate(Database& db) {
  return transaction(db, [&]() -> Status {
    for (std::string_view column : {"collection", "label", "source_url"}) {
      auto has = db.prepare("SELECT 1 FROM pragma_table_info('custom_voices') WHERE name = ?1");
      if (!has.ok()) return has.status();
      has->bind(1, column);
      Status s;
      if (has->step(&s)) continue;
      if (!s.ok()) return s;
      const std::string add =
          "ALTER TABLE custom_voices ADD COLUMN " + std::string(column) + " TEXT NOT NULL DEFAULT ''";
      if (Status added = db.exec(add.c_str()); !added.ok()) return added;
    }
    return db.exec(
        "UPDATE custom_voices SET collection = CASE kind WHEN 1 THEN 'qwen-voice-design' "
        "ELSE 'qwen-voice-enrollment' END WHERE collection = ''");
  });
}

// The number of rows the last statement changed.
Result<int64_t> changes(Database& db) {
  auto q = db.prepare("SELECT changes()");
  if (!q.ok()) return q.status();
  Status s;
  if (!q->step(&s)) return s.ok() ? Status::internal("sqlite: no changes()") : s;
  return q->integer(0);
}

}  // namespace

VoiceStore::VoiceStore(std::unique_ptr<Database> db) : db_(std::move(db)) {}
VoiceStore::~VoiceStore() = default;

Result<std::unique_ptr<VoiceStore>> VoiceStore::open(const std::string& path) {
  auto db = Database::open(path);
  if (!db.ok()) return db.status();
  if (Status s = (*db)->exec(kSchema); !s.ok()) return s;
  if (Status s = migrate(**db); !s.ok()) return s;
  if (Status s = (*db)->exec(kIndexes); !s.ok()) return s;
  return std::unique_ptr<VoiceStore>(new VoiceStore(std::move(*db)));
}

Status VoiceStore::add(const Scope& scope, const StoredVoice& voice, int max_per_account) {
  std::lock_guard<std::mutex> lock(mutex_);
  return transaction(*db_, [&]() -> Status {
    auto count = db_->prepare("SELECT COUNT(*) FROM custom_voices WHERE account = ?1 AND collection = ?2");
    if (!count.ok()) return count.status();
    count->bind(1, scope.account).bind(2, voice.collection);
    Status s;
    if (!count->step(&s)) return s.ok() ? Status::internal("sqlite: no count") : s;
    if (count->integer(0) >= max_per_account) {
      return Status::resource_exhausted("The account already has " + std::to_string(max_per_account) +
                                        " voices of this product; delete some first.");
    }
    auto exists = db_->prepare("SELECT 1 FROM custom_voices WHERE account = ?1 AND workspace = ?2 AND name = ?3");
    if (!exists.ok()) return exists.status();
    exists->bind(1, scope.account).bind(2, scope.workspace).bind(3, voice.name);
    if (exists->step(&s)) return Status(StatusCode::kAlreadyExists, "A voice named " + voice.name + " exists.");
    if (!s.ok()) return s;
    auto insert = db_->prepare(
        "INSERT INTO custom_voices (account, workspace, name, kind, target_model, language, voice_prompt, "
        "preview_text, profile, created_ms, modified_ms, last_used_ms, collection, label, source_url) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
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
        .bind(12, voice.last_used_ms)
        .bind(13, voice.collection)
        .bind(14, voice.label)
        .bind(15, voice.source_url);
    return insert->run();
  });
}

Result<StoredVoice> VoiceStore::find(const Scope& scope, std::string_view collection, std::string_view name) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto q = db_->prepare(std::string("SELECT ") + kColumns +
                        " FROM custom_voices WHERE account = ?1 AND workspace = ?2 AND collection = ?3 AND name = ?4");
  if (!q.ok()) return q.status();
  q->bind(1, scope.account).bind(2, scope.workspace).bind(3, collection).bind(4, name);
  Status s;
  if (!q->step(&s)) return s.ok() ? Status::not_found("Voice not found: " + std::string(name)) : s;
  return read_row(*q);
}

Result<VoicePage> VoiceStore::list(const Scope& scope, std::string_view collection, int64_t page_index,
                                   int64_t page_size, std::string_view label) {
  std::lock_guard<std::mutex> lock(mutex_);
  // ?4 = '' selects every label.
  constexpr std::string_view kWhere =
      " FROM custom_voices WHERE account = ?1 AND workspace = ?2 AND collection = ?3 AND (?4 = '' OR label = ?4)";
  VoicePage page;
  auto count = db_->prepare(std::string("SELECT COUNT(*)") + std::string(kWhere));
  if (!count.ok()) return count.status();
  count->bind(1, scope.account).bind(2, scope.workspace).bind(3, collection).bind(4, label);
  Status s;
  if (!count->step(&s)) return s.ok() ? Status::internal("sqlite: no count") : s;
  page.total = count->integer(0);
  auto q = db_->prepare(std::string("SELECT ") + kColumns + std::string(kWhere) +
                        " ORDER BY created_ms DESC, name DESC LIMIT ?5 OFFSET ?6");
  if (!q.ok()) return q.status();
  q->bind(1, scope.account)
      .bind(2, scope.workspace)
      .bind(3, collection)
      .bind(4, label)
      .bind(5, page_size)
      .bind(6, page_index * page_size);
  while (q->step(&s)) {
    auto v = read_row(*q);
    if (!v.ok()) return v.status();
    page.voices.push_back(std::move(*v));
  }
  if (!s.ok()) return s;
  return page;
}

Status VoiceStore::update(const Scope& scope, const StoredVoice& voice) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto q = db_->prepare(
      "UPDATE custom_voices SET language = ?1, profile = ?2, source_url = ?3, modified_ms = ?4 "
      "WHERE account = ?5 AND workspace = ?6 AND collection = ?7 AND name = ?8");
  if (!q.ok()) return q.status();
  q->bind(1, voice.language)
      .bind(2, boost::json::serialize(profile_to_json(voice.profile)))
      .bind(3, voice.source_url)
      .bind(4, voice.modified_ms)
      .bind(5, scope.account)
      .bind(6, scope.workspace)
      .bind(7, voice.collection)
      .bind(8, voice.name);
  if (Status s = q->run(); !s.ok()) return s;
  auto changed = changes(*db_);
  if (!changed.ok()) return changed.status();
  return *changed == 0 ? Status::not_found("Voice not found: " + voice.name) : Status();
}

Status VoiceStore::remove(const Scope& scope, std::string_view collection, std::string_view name) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto q = db_->prepare(
      "DELETE FROM custom_voices WHERE account = ?1 AND workspace = ?2 AND collection = ?3 AND name = ?4");
  if (!q.ok()) return q.status();
  q->bind(1, scope.account).bind(2, scope.workspace).bind(3, collection).bind(4, name);
  if (Status s = q->run(); !s.ok()) return s;
  auto changed = changes(*db_);
  if (!changed.ok()) return changed.status();
  return *changed == 0 ? Status::not_found("Voice not found: " + std::string(name)) : Status();
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
  return changes(*db_);
}

}  // namespace voxwire::store
