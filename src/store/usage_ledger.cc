#include "store/usage_ledger.h"

#include <ctime>

#include "store/sqlite.h"

namespace voxwire::store {
namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS usage_daily (
  day TEXT NOT NULL,
  account TEXT NOT NULL,
  model TEXT NOT NULL,
  requests INTEGER NOT NULL DEFAULT 0,
  characters INTEGER NOT NULL DEFAULT 0,
  input_tokens INTEGER NOT NULL DEFAULT 0,
  output_tokens INTEGER NOT NULL DEFAULT 0,
  audio_ms INTEGER NOT NULL DEFAULT 0,
  voices_created INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (day, account, model)
) WITHOUT ROWID;
)sql";

}  // namespace

std::string utc_day(int64_t unix_ms) {
  const std::time_t seconds = static_cast<std::time_t>(unix_ms / 1000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char buffer[16];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &tm);
  return buffer;
}

UsageLedger::UsageLedger(std::unique_ptr<Database> db) : db_(std::move(db)) {}
UsageLedger::~UsageLedger() = default;

Result<std::unique_ptr<UsageLedger>> UsageLedger::open(const std::string& path) {
  auto db = Database::open(path);
  if (!db.ok()) return db.status();
  if (Status s = (*db)->exec(kSchema); !s.ok()) return s;
  return std::unique_ptr<UsageLedger>(new UsageLedger(std::move(*db)));
}

Status UsageLedger::record(std::string_view account, std::string_view model, int64_t at_ms, const Usage& usage) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto upsert = db_->prepare(
      "INSERT INTO usage_daily (day, account, model, requests, characters, input_tokens, output_tokens, audio_ms, "
      "voices_created) VALUES (?1, ?2, ?3, 1, ?4, ?5, ?6, ?7, ?8) "
      "ON CONFLICT (day, account, model) DO UPDATE SET requests = requests + 1, "
      "characters = characters + ?4, input_tokens = input_tokens + ?5, output_tokens = output_tokens + ?6, "
      "audio_ms = audio_ms + ?7, voices_created = voices_created + ?8");
  if (!upsert.ok()) return upsert.status();
  upsert->bind(1, utc_day(at_ms))
      .bind(2, account)
      .bind(3, model)
      .bind(4, usage.characters)
      .bind(5, usage.input_tokens)
      .bind(6, usage.output_tokens)
      .bind(7, usage.audio_ms)
      .bind(8, usage.voices_created);
  return upsert->run();
}

Result<std::vector<UsageRow>> UsageLedger::rows(std::string_view since_day, std::string_view account) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto select = db_->prepare(
      "SELECT day, account, model, requests, characters, input_tokens, output_tokens, audio_ms, voices_created "
      "FROM usage_daily WHERE day >= ?1 AND (?2 = '' OR account = ?2) ORDER BY day, account, model");
  if (!select.ok()) return select.status();
  select->bind(1, since_day).bind(2, account);
  std::vector<UsageRow> rows;
  Status s;
  while (select->step(&s)) {
    UsageRow row{select->text(0), select->text(1), select->text(2), select->integer(3), {}};
    row.totals = {select->integer(4), select->integer(5), select->integer(6), select->integer(7), select->integer(8)};
    rows.push_back(std::move(row));
  }
  if (!s.ok()) return s;
  return rows;
}

}  // namespace voxwire::store
