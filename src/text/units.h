// text/units.h: units of measure written after numbers (5km, 3.5 kg, 36℃,
// 100 km/h, 2GB) and how Chinese and English say them. Pure, thread-safe.
#pragma once
#include <cstddef>
#include <string_view>

namespace voxwire::text {

struct Unit {
  std::string_view symbol;   // as written: "km/h"
  std::string_view chinese;  // 公里每小时
  std::string_view one;      // English after 1: "kilometer per hour"
  std::string_view many;     // English otherwise: "kilometers per hour"
};

// The unit written at the start of `rest` (after at most one space), the
// longest that matches and is not followed by a letter (5 min, not 5 mind;
// a one-letter unit only when attached: 5m, not "5 m"), or null. *length is how many bytes of `rest` it takes, the space included.
const Unit* unit_at(std::string_view rest, std::size_t* length);

}  // namespace voxwire::text
