// store/sqlite.h (internal to store/): thin RAII wrappers over the SQLite C
// API that turn its error codes into Status. A Database is used by one thread
// at a time (the store serializes access).
#pragma once
#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "base/result.h"

namespace voxwire::store {

class Statement {
 public:
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) { other.stmt_ = nullptr; }
  Statement(const Statement&) = delete;
  ~Statement() { sqlite3_finalize(stmt_); }

  // Bind by 1-based index; chainable.
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, int64_t value);
  // Advances: true while a row is available, false when done; *status is
  // set on error (and false returned).
  bool step(Status* status);
  // Runs to completion (for statements without rows).
  Status run();
  std::string text(int column) const;
  int64_t integer(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

class Database {
 public:
  // Opens (creating) the file with WAL journaling and a busy timeout.
  static Result<std::unique_ptr<Database>> open(const std::string& path);
  ~Database();

  Status exec(const char* sql);
  Result<Statement> prepare(std::string_view sql);
  Status error(std::string_view what) const;

 private:
  explicit Database(sqlite3* db) : db_(db) {}
  sqlite3* db_;
};

}  // namespace voxwire::store
