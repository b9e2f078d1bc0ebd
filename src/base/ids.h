// base/ids.h: identifiers in the shapes the DashScope protocol uses.
// Thread-safe (per-thread generators seeded from std::random_device).
#pragma once
#include <string>
#include <string_view>

namespace voxwire::ids {

// prefix + "_" + 21 alphanumerics, e.g. "event_B2uoU7VOt1AAITsPRPH9n".
std::string prefixed(std::string_view prefix);
// Lowercase UUID v4, 8-4-4-4-12.
std::string uuid();
// n lowercase hex digits.
std::string hex(int n);

}  // namespace voxwire::ids
