// text/cleaner.h: removes what a listener should not hear read out, before
// the text is split into language runs: markdown markup (headings, emphasis,
// strike-through, inline code ticks and code fences, list bullets, block
// quotes, horizontal rules, links and images -> their text, table rows ->
// their cells separated by commas, separator rows dropped), emoji and other
// pictographs (with their joiners and variation selectors), and control
// characters. Words, digits and punctuation are kept; line breaks stay (the
// segmenter ends sentences on them). Pure, thread-safe.
#pragma once
#include <string>
#include <string_view>

namespace voxwire::text {

std::string clean_markup(std::string_view text);

}  // namespace voxwire::text
