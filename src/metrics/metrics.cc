#include "metrics/metrics.h"

#include <sstream>
#include <utility>

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

namespace voxwire::metrics {
namespace {

// Time to first audio is milliseconds when all is well; the top buckets
// catch a session stuck behind a queue of work.
const prometheus::Histogram::BucketBoundaries kLatencyBuckets = {0.005, 0.01, 0.025, 0.05, 0.1,
                                                                 0.25,  0.5,  1.0,   2.5};
// The engines run far faster than real time; 1 means a worker only just keeps up.
const prometheus::Histogram::BucketBoundaries kRealTimeFactorBuckets = {0.005, 0.01, 0.02, 0.05, 0.1,
                                                                        0.2,   0.5,  1.0,  2.0};

prometheus::Family<prometheus::Counter>& counters(prometheus::Registry& registry, const std::string& name,
                                                  const std::string& help) {
  return prometheus::BuildCounter().Name(name).Help(help).Register(registry);
}

prometheus::Gauge& gauge(prometheus::Registry& registry, const std::string& name, const std::string& help) {
  return prometheus::BuildGauge().Name(name).Help(help).Register(registry).Add({});
}

prometheus::Histogram& histogram(prometheus::Registry& registry, const std::string& name, const std::string& help,
                                 const prometheus::Histogram::BucketBoundaries& buckets) {
  return prometheus::BuildHistogram().Name(name).Help(help).Register(registry).Add({}, buckets);
}

}  // namespace

GaugeHold::GaugeHold(prometheus::Gauge& gauge) : gauge_(&gauge) { gauge_->Increment(); }

GaugeHold::GaugeHold(GaugeHold&& other) noexcept : gauge_(std::exchange(other.gauge_, nullptr)) {}

GaugeHold::~GaugeHold() {
  if (gauge_ != nullptr) gauge_->Decrement();
}

Metrics::Metrics()
    : registry_(std::make_unique<prometheus::Registry>()),
      open_connections_(gauge(*registry_, "voxwire_open_connections", "Open client connections (HTTP and WebSocket).")),
      realtime_sessions_(gauge(*registry_, "voxwire_realtime_sessions_active", "Realtime WebSocket sessions in progress.")),
      queue_depth_(gauge(*registry_, "voxwire_synthesis_queue_depth",
                         "Synthesis steps waiting for a worker thread (sampled at scrape).")),
      first_audio_(histogram(*registry_, "voxwire_realtime_first_audio_seconds",
                             "Realtime responses: time from the commit of their text to their first audio delta.",
                             kLatencyBuckets)),
      real_time_factor_(histogram(*registry_, "voxwire_synthesis_real_time_factor",
                                  "Completed synthesis jobs: worker seconds per second of audio produced.",
                                  kRealTimeFactorBuckets)),
      audio_seconds_(counters(*registry_, "voxwire_audio_seconds_total", "Seconds of audio served, by model and format.")),
      characters_(counters(*registry_, "voxwire_characters_total",
                           "Characters synthesized for character-billed models, by model and format.")),
      errors_(counters(*registry_, "voxwire_errors_total",
                       "Error answers (HTTP) and error events (realtime), by DashScope error code.")),
      rate_limited_(counters(*registry_, "voxwire_rate_limited_total",
                             "Requests refused with 429 Throttling.RateQuota, by the limit they hit.")),
      rate_limited_rpm_(rate_limited_.Add({{"reason", "rpm"}})),
      rate_limited_sessions_(rate_limited_.Add({{"reason", "sessions"}})) {}

Metrics::~Metrics() = default;

GaugeHold Metrics::connection_opened() { return GaugeHold(open_connections_); }

GaugeHold Metrics::realtime_session_started() { return GaugeHold(realtime_sessions_); }

void Metrics::first_audio(std::chrono::steady_clock::duration wait) {
  first_audio_.Observe(std::chrono::duration<double>(wait).count());
}

void Metrics::synthesis_completed(double worker_seconds, double audio_seconds) {
  if (audio_seconds > 0) real_time_factor_.Observe(worker_seconds / audio_seconds);
}

void Metrics::served(std::string_view model, std::string_view format, double audio_seconds, int64_t characters) {
  const prometheus::Labels labels{{"model", std::string(model)}, {"format", std::string(format)}};
  audio_seconds_.Add(labels).Increment(audio_seconds);
  characters_.Add(labels).Increment(static_cast<double>(characters));
}

void Metrics::error(std::string_view code) { errors_.Add({{"code", std::string(code)}}).Increment(); }

void Metrics::rate_limited(Limit limit) {
  (limit == Limit::kRpm ? rate_limited_rpm_ : rate_limited_sessions_).Increment();
}

void Metrics::set_queue_depth(std::size_t jobs) { queue_depth_.Set(static_cast<double>(jobs)); }

std::string Metrics::exposition() const {
  std::ostringstream out;
  prometheus::TextSerializer().Serialize(out, registry_->Collect());
  return out.str();
}

}  // namespace voxwire::metrics
