#include "metering/usage_report.h"

#include <gtest/gtest.h>

namespace voxwire::metering {
namespace {

TEST(UsageReport, PrintsOneLinePerRowAndTheTotals) {
  std::vector<store::UsageRow> rows = {
      {"2026-11-30", "acct_0123456789abcdef", "qwen3-tts-flash", 2, {.characters = 15, .audio_ms = 2500}},
      {"2026-11-30", "acct_0123456789abcdef", "qwen-tts-realtime", 1,
       {.input_tokens = 7, .output_tokens = 50, .audio_ms = 1000}},
      {"2026-12-01", "acct_fedcba9876543210", "qwen-voice-design", 3, {.voices_created = 3}},
  };
  const std::string report = usage_report(rows);
  EXPECT_EQ(report,
            "day         account                model                                   requests  characters  "
            "tokens_in tokens_out     audio_s voices\n"
            "2026-11-30  acct_0123456789abcdef  qwen3-tts-flash                                2          15          "
            "0          0         2.5      0\n"
            "2026-11-30  acct_0123456789abcdef  qwen-tts-realtime                              1           0          "
            "7         50         1.0      0\n"
            "2026-12-01  acct_fedcba9876543210  qwen-voice-design                              3           0          "
            "0          0         0.0      3\n"
            "total                                                                             6          15          "
            "7         50         3.5      3\n");
}

TEST(UsageReport, AnEmptyLedgerPrintsZeroTotals) {
  const std::string report = usage_report({});
  EXPECT_NE(report.find("total"), std::string::npos);
  EXPECT_EQ(report.find("acct_"), std::string::npos);
}

}  // namespace
}  // namespace voxwire::metering
