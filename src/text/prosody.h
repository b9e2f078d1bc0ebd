// text/prosody.h: where speech pauses, and for how long. Normalized text is
// cut after break punctuation into phrases, each with the silence that
// follows it: sentence ends (。！？.!?…), clause marks (；：;: and dashes),
// commas (，,), enumeration marks (、) and brackets or quotes (before an
// opening one, after a closing one); ASCII marks only where a space or the
// end follows (3.5, 3,000 and 12:30 do not break). A clause longer than
// max_clause_units (a Han character or a word of another script is a unit)
// is cut into even parts at word boundaries (jieba words in Chinese, spaces
// elsewhere), never inside a word. The phrases concatenate back to the text;
// the last one's pause is its final mark's (0 without one), for what follows
// the text. Pure, thread-safe.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace voxwire::text {

struct PauseLengths {
  int sentence_ms = 400;
  int clause_ms = 300;
  int comma_ms = 200;
  int enumeration_ms = 100;
  int bracket_ms = 120;
  int long_clause_ms = 80;     // where an over-long clause is cut
  int max_clause_units = 30;   // longer clauses are cut

  // InvalidArgument naming the field unless pauses are 0..5000 ms and
  // max_clause_units is 4..1000.
  Status validate() const;
};

struct Phrase {
  std::string text;
  int pause_after_ms = 0;
};

std::vector<Phrase> split_phrases(std::string_view text, const PauseLengths& pauses);

}  // namespace voxwire::text
