// text/english_text.h: English rewrites that run before the numbers are read:
// abbreviations said in full (Dr. -> Doctor, etc. -> et cetera, No. 5 ->
// number 5, Jan. 3 -> January 3) and web and e-mail addresses said the way
// people say them (https://www.example.com/docs -> "w w w dot example dot
// com slash docs", ann@example.com -> "ann at example dot com"), or left
// out when the server is told to skip them. Pure, thread-safe.
#pragma once
#include <string>
#include <string_view>

namespace voxwire::text {

std::string expand_abbreviations(std::string_view text);
enum class WebAddresses { kSpeak, kSkip };
std::string speak_addresses(std::string_view text, WebAddresses addresses);

}  // namespace voxwire::text
