// metering/meter.h: what every surface calls when it has served something —
// a synthesis response (with the `usage` it reported) or a created custom
// voice — to be added to the caller's row of the usage ledger for the day
// and, for responses, to the served-audio metrics. A ledger failure is
// logged, never returned: metering must not fail a request that was already
// served. Thread-safe.
#pragma once
#include <string_view>

#include "audio/audio_format.h"
#include "base/clock.h"
#include "catalog/usage.h"
#include "metrics/metrics.h"
#include "store/usage_ledger.h"

namespace voxwire::metering {

class Meter {
 public:
  // REQUIRES: ledger, clock and metrics outlive the meter.
  Meter(store::UsageLedger& ledger, const Clock& clock, metrics::Metrics& metrics)
      : ledger_(ledger), clock_(clock), metrics_(metrics) {}

  // A response of `model` ended, having sent audio_seconds of audio in `format`.
  void served(std::string_view account, std::string_view model, audio::AudioFormat format,
              const catalog::ServedUsage& usage, double audio_seconds);
  void voice_created(std::string_view account, std::string_view customization_model);

 private:
  void record(std::string_view account, std::string_view model, const store::Usage& usage);

  store::UsageLedger& ledger_;
  const Clock& clock_;
  metrics::Metrics& metrics_;
};

}  // namespace voxwire::metering
