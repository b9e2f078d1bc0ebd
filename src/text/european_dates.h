// text/european_dates.h: numeric dates and French clock times in German,
// Italian, Portuguese, Spanish, French and Russian, rewritten with the month's
// name and the words that go with it (15.03.2025 -> "15. März 2025",
// 15/03/2025 -> "15 de marzo de 2025", 9h30 -> "9 heures 30"). The numbers
// stay digits: espeak-ng reads numbers well in these languages but reads a
// date's dots and slashes as "Punkt" or "barra". Day first, as these
// countries write it. Other languages pass through. Pure, thread-safe.
#pragma once
#include <string>
#include <string_view>

#include "tts/language.h"

namespace voxwire::text {

std::string spell_dates(std::string_view text, Language language);

}  // namespace voxwire::text
