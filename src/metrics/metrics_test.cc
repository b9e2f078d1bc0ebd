#include "metrics/metrics.h"

#include <gtest/gtest.h>

#include <optional>
#include <sstream>
#include <string>
#include <utility>

namespace voxwire::metrics {
namespace {

using namespace std::chrono_literals;

// The value of one series ("name" or "name{labels}" exactly as exposed), or
// nullopt if the exposition has no such line.
std::optional<double> value_of(const Metrics& metrics, const std::string& series) {
  std::istringstream lines(metrics.exposition());
  for (std::string line; std::getline(lines, line);) {
    if (line.size() > series.size() && line.starts_with(series) && line[series.size()] == ' ') {
      return std::stod(line.substr(series.size() + 1));
    }
  }
  return std::nullopt;
}

TEST(Metrics, GaugeHoldsCountWhileTheyLive) {
  Metrics metrics;
  EXPECT_EQ(value_of(metrics, "voxwire_open_connections"), 0);
  {
    GaugeHold first = metrics.connection_opened();
    std::optional<GaugeHold> second(metrics.connection_opened());
    GaugeHold session = metrics.realtime_session_started();
    EXPECT_EQ(value_of(metrics, "voxwire_open_connections"), 2);
    EXPECT_EQ(value_of(metrics, "voxwire_realtime_sessions_active"), 1);
    GaugeHold moved(std::move(*second));
    second.reset();  // the moved-from hold gives nothing back
    EXPECT_EQ(value_of(metrics, "voxwire_open_connections"), 2);
  }
  EXPECT_EQ(value_of(metrics, "voxwire_open_connections"), 0);
  EXPECT_EQ(value_of(metrics, "voxwire_realtime_sessions_active"), 0);
}

TEST(Metrics, ServedUsageAddsUpPerModelAndFormat) {
  Metrics metrics;
  metrics.served("qwen3-tts-flash", "wav", 1.5, 10);
  metrics.served("qwen3-tts-flash", "wav", 0.5, 4);
  metrics.served("qwen3-tts-flash", "pcm", 1.0, 3);
  EXPECT_EQ(value_of(metrics, R"(voxwire_audio_seconds_total{format="wav",model="qwen3-tts-flash"})"), 2.0);
  EXPECT_EQ(value_of(metrics, R"(voxwire_characters_total{format="wav",model="qwen3-tts-flash"})"), 14);
  EXPECT_EQ(value_of(metrics, R"(voxwire_characters_total{format="pcm",model="qwen3-tts-flash"})"), 3);
}

TEST(Metrics, RealTimeFactorIsWorkerTimePerAudioSecondAndSkipsJobsWithoutAudio) {
  Metrics metrics;
  metrics.synthesis_completed(0.5, 0);
  EXPECT_EQ(value_of(metrics, "voxwire_synthesis_real_time_factor_count"), 0);
  metrics.synthesis_completed(0.1, 2.0);
  EXPECT_EQ(value_of(metrics, "voxwire_synthesis_real_time_factor_count"), 1);
  EXPECT_DOUBLE_EQ(*value_of(metrics, "voxwire_synthesis_real_time_factor_sum"), 0.05);
  EXPECT_EQ(value_of(metrics, R"(voxwire_synthesis_real_time_factor_bucket{le="0.02"})"), 0);
  EXPECT_EQ(value_of(metrics, R"(voxwire_synthesis_real_time_factor_bucket{le="0.05"})"), 1);
}

TEST(Metrics, FirstAudioLatencyIsObservedInSeconds) {
  Metrics metrics;
  metrics.first_audio(20ms);
  EXPECT_EQ(value_of(metrics, R"(voxwire_realtime_first_audio_seconds_bucket{le="0.01"})"), 0);
  EXPECT_EQ(value_of(metrics, R"(voxwire_realtime_first_audio_seconds_bucket{le="0.025"})"), 1);
  EXPECT_EQ(value_of(metrics, R"(voxwire_realtime_first_audio_seconds_bucket{le="+Inf"})"), 1);
}

TEST(Metrics, RateLimitReasonsAreExposedFromTheStartAndErrorsByCode) {
  Metrics metrics;
  EXPECT_EQ(value_of(metrics, R"(voxwire_rate_limited_total{reason="rpm"})"), 0);
  EXPECT_EQ(value_of(metrics, R"(voxwire_rate_limited_total{reason="sessions"})"), 0);
  metrics.rate_limited(Limit::kSessions);
  metrics.error("Throttling.RateQuota");
  metrics.error("Throttling.RateQuota");
  metrics.set_queue_depth(3);
  EXPECT_EQ(value_of(metrics, R"(voxwire_rate_limited_total{reason="sessions"})"), 1);
  EXPECT_EQ(value_of(metrics, R"(voxwire_errors_total{code="Throttling.RateQuota"})"), 2);
  EXPECT_EQ(value_of(metrics, "voxwire_synthesis_queue_depth"), 3);
}

}  // namespace
}  // namespace voxwire::metrics
