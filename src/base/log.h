// base/log.h: structured logging, one line per event: time, level, event name
// and key=value fields (values quoted when needed). Thread-safe; writes to
// stderr. Never pass secrets (API keys) as field values.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <type_traits>

namespace voxwire::log {

enum class Level { kDebug, kInfo, kWarn, kError };

void set_level(Level level);
bool enabled(Level level);
// "debug" | "info" | "warn" | "error"; false if unknown.
bool parse_level(std::string_view name, Level* level);

struct Field {
  Field(std::string_view k, std::string_view v) : key(k), value(v) {}
  Field(std::string_view k, const std::string& v) : key(k), value(v) {}
  Field(std::string_view k, const char* v) : key(k), value(v) {}
  template <class T, std::enable_if_t<std::is_arithmetic_v<T>, int> = 0>
  Field(std::string_view k, T v) : key(k), value(number(v)) {}

  std::string_view key;
  std::string value;

 private:
  template <class T>
  static std::string number(T v) {
    if constexpr (std::is_same_v<T, bool>) return v ? "true" : "false";
    else return std::to_string(v);
  }
};

void write(Level level, std::string_view event, std::initializer_list<Field> fields);

inline void debug(std::string_view event, std::initializer_list<Field> fields = {}) {
  if (enabled(Level::kDebug)) write(Level::kDebug, event, fields);
}
inline void info(std::string_view event, std::initializer_list<Field> fields = {}) {
  if (enabled(Level::kInfo)) write(Level::kInfo, event, fields);
}
inline void warn(std::string_view event, std::initializer_list<Field> fields = {}) {
  if (enabled(Level::kWarn)) write(Level::kWarn, event, fields);
}
inline void error(std::string_view event, std::initializer_list<Field> fields = {}) {
  write(Level::kError, event, fields);
}

}  // namespace voxwire::log
