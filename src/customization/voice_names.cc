#include "customization/voice_names.h"

#include <cstdio>
#include <ctime>

#include "base/ids.h"

namespace voxwire::customization {
namespace {

std::tm local_time(int64_t unix_ms) {
  std::time_t t = static_cast<std::time_t>(unix_ms / 1000);
  std::tm tm{};
  localtime_r(&t, &tm);
  return tm;
}

// 1 to max_length digits, ASCII letters or underscores.
bool valid_name_part(std::string_view name, std::size_t max_length) {
  if (name.empty() || name.size() > max_length) return false;
  for (char c : name) {
    bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

bool valid_preferred_name(std::string_view name) { return valid_name_part(name, 16); }

bool valid_cosyvoice_prefix(std::string_view prefix) { return valid_name_part(prefix, 10); }

std::string make_cosyvoice_voice_id(store::CustomVoiceKind kind, std::string_view target_model,
                                    std::string_view prefix) {
  std::string id(target_model);
  id += kind == store::CustomVoiceKind::kDesigned ? "-vd-" : "-";
  id += prefix;
  id += '-';
  id += ids::hex(32);
  return id;
}

std::string make_voice_name(store::CustomVoiceKind kind, std::string_view preferred_name, int64_t now_ms) {
  std::tm tm = local_time(now_ms);
  char stamp[80];
  std::snprintf(stamp, sizeof stamp, "%04d%02d%02d%02d%02d%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec);
  std::string name = kind == store::CustomVoiceKind::kDesigned ? "qwen-tts-vd-" : "qwen-tts-vc-";
  name += preferred_name;
  name += "-voice-";
  name += stamp;
  if (kind == store::CustomVoiceKind::kCloned) {
    char millis[16];
    std::snprintf(millis, sizeof millis, "%03d", static_cast<int>(now_ms % 1000));
    name += millis;
  }
  name += '-';
  name += ids::hex(4);
  return name;
}

std::string format_gmt(int64_t unix_ms) {
  std::tm tm = local_time(unix_ms);
  char text[80];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d %02d:%02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec);
  return text;
}

}  // namespace voxwire::customization
