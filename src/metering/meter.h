// metering/meter.h: what every surface calls when it has served something —
// a synthesis response (with the `usage` it reported) or a created custom
// voice — to be added to the caller's row of the usage ledger for the day.
// A ledger failure is logged, never returned: metering must not fail a
// request that was already served. Thread-safe.
#pragma once
#include <string_view>

#include "base/clock.h"
#include "catalog/usage.h"
#include "store/usage_ledger.h"

namespace voxwire::metering {

class Meter {
 public:
  // REQUIRES: ledger and clock outlive the meter.
  Meter(store::UsageLedger& ledger, const Clock& clock) : ledger_(ledger), clock_(clock) {}

  void served(std::string_view account, std::string_view model, const catalog::ServedUsage& usage,
              double audio_seconds);
  void voice_created(std::string_view account, std::string_view customization_model);

 private:
  void record(std::string_view account, std::string_view model, const store::Usage& usage);

  store::UsageLedger& ledger_;
  const Clock& clock_;
};

}  // namespace voxwire::metering
