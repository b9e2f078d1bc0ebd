// store/usage_ledger.h: what each account was served, per UTC day and model
// (api-reference "usage"): requests, characters or tokens, seconds of audio,
// and custom voices created. Every record() is one upsert transaction, so the
// ledger agrees with the `usage` fields of the responses it was told about
// and survives a crash. Thread-safe (one connection behind a mutex).
#pragma once
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace voxwire::store {

class Database;

// One served request, as its response's `usage` reported it.
struct Usage {
  int64_t characters = 0;     // character-billed models
  int64_t input_tokens = 0;   // token-billed models (qwen-tts*)
  int64_t output_tokens = 0;
  int64_t audio_ms = 0;       // audio delivered
  int64_t voices_created = 0;  // customization create
};

struct UsageRow {
  std::string day;      // "YYYY-MM-DD", UTC
  std::string account;
  std::string model;
  int64_t requests = 0;
  Usage totals;
};

class UsageLedger {
 public:
  // Opens or creates the ledger in the database at `path` (its directory must exist).
  static Result<std::unique_ptr<UsageLedger>> open(const std::string& path);
  ~UsageLedger();

  // Adds one request's usage to (day of at_ms, account, model).
  Status record(std::string_view account, std::string_view model, int64_t at_ms, const Usage& usage);
  // Rows with day >= since_day ("" = all), of `account` ("" = every account),
  // ordered by day, account, model.
  Result<std::vector<UsageRow>> rows(std::string_view since_day = {}, std::string_view account = {});

 private:
  explicit UsageLedger(std::unique_ptr<Database> db);

  std::mutex mutex_;
  std::unique_ptr<Database> db_;  // GUARDED_BY(mutex_)
};

// "YYYY-MM-DD" (UTC) of a Unix time in milliseconds.
std::string utc_day(int64_t unix_ms);

}  // namespace voxwire::store
