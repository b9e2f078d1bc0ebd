#include "metering/usage_report.h"

#include <cstdio>

namespace voxwire::metering {
namespace {

std::string line(const std::string& day, const std::string& account, const std::string& model, int64_t requests,
                 const store::Usage& u) {
  char buffer[512];
  std::snprintf(buffer, sizeof buffer, "%-10s  %-21s  %-38s %9lld %11lld %10lld %10lld %11.1f %6lld\n", day.c_str(),
                account.c_str(), model.c_str(), static_cast<long long>(requests), static_cast<long long>(u.characters),
                static_cast<long long>(u.input_tokens), static_cast<long long>(u.output_tokens), u.audio_ms / 1000.0,
                static_cast<long long>(u.voices_created));
  return buffer;
}

}  // namespace

std::string usage_report(const std::vector<store::UsageRow>& rows) {
  char header[512];
  std::snprintf(header, sizeof header, "%-10s  %-21s  %-38s %9s %11s %10s %10s %11s %6s\n", "day", "account", "model",
                "requests", "characters", "tokens_in", "tokens_out", "audio_s", "voices");
  std::string out = header;
  int64_t requests = 0;
  store::Usage total;
  for (const store::UsageRow& row : rows) {
    out += line(row.day, row.account, row.model, row.requests, row.totals);
    requests += row.requests;
    total.characters += row.totals.characters;
    total.input_tokens += row.totals.input_tokens;
    total.output_tokens += row.totals.output_tokens;
    total.audio_ms += row.totals.audio_ms;
    total.voices_created += row.totals.voices_created;
  }
  out += line("total", "", "", requests, total);
  return out;
}

}  // namespace voxwire::metering
