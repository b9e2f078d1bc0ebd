// text/front_end_config.h: what a server can be told about reading text:
// pause lengths and clause cutting (text/prosody.h), and whether web and
// e-mail addresses are spoken or skipped (text/english_text.h).
#pragma once
#include "text/english_text.h"
#include "text/prosody.h"

namespace voxwire::text {

struct FrontEndConfig {
  PauseLengths pauses;
  WebAddresses web_addresses = WebAddresses::kSpeak;
};

}  // namespace voxwire::text
