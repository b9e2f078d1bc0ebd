// metering/usage_report.h: the usage ledger as the table `voxwire usage`
// prints — one line per day, account and model, then a total line.
#pragma once
#include <string>
#include <vector>

#include "store/usage_ledger.h"

namespace voxwire::metering {

std::string usage_report(const std::vector<store::UsageRow>& rows);

}  // namespace voxwire::metering
