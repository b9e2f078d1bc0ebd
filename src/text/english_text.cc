#include "text/english_text.h"

#include "text/ascii.h"

namespace voxwire::text {
namespace {

bool is_space(char c) { return c == ' ' || c == '\n'; }

enum class When {
  kAlways,         // titles before a name: never a sentence end
  kBeforeNumber,   // No. 5, Jan. 3
  kMaySentenceEnd  // etc.: its full stop stays when a sentence ends there
};

struct Abbreviation {
  std::string_view written;
  std::string_view said;
  When when;
};

constexpr Abbreviation kAbbreviations[] = {
    {"Dr.", "Doctor", When::kAlways},          {"Mr.", "Mister", When::kAlways},
    {"Mrs.", "Missus", When::kAlways},         {"Ms.", "Miz", When::kAlways},
    {"Prof.", "Professor", When::kAlways},     {"No.", "number", When::kBeforeNumber},
    {"no.", "number", When::kBeforeNumber},    {"Jan.", "January", When::kBeforeNumber},
    {"Feb.", "February", When::kBeforeNumber}, {"Mar.", "March", When::kBeforeNumber},
    {"Apr.", "April", When::kBeforeNumber},    {"Aug.", "August", When::kBeforeNumber},
    {"Sept.", "September", When::kBeforeNumber}, {"Sep.", "September", When::kBeforeNumber},
    {"Oct.", "October", When::kBeforeNumber},  {"Nov.", "November", When::kBeforeNumber},
    {"Dec.", "December", When::kBeforeNumber}, {"etc.", "et cetera", When::kMaySentenceEnd},
    {"vs.", "versus", When::kAlways},          {"e.g.", "for example", When::kAlways},
    {"i.e.", "that is", When::kAlways},        {"approx.", "approximately", When::kMaySentenceEnd},
};

// The address (URL or e-mail) starting at text[i], without trailing
// punctuation; 0 if none starts there.
std::size_t address_length(std::string_view text, std::size_t i) {
  std::size_t end = i;
  while (end < text.size() && !is_space(text[end]) && text[end] != '"' && text[end] != '<' && text[end] != '>') ++end;
  while (end > i && std::string_view(".,;:!?)]'").find(text[end - 1]) != std::string_view::npos) --end;
  const std::string_view token = text.substr(i, end - i);
  const bool web = token.starts_with("http://") || token.starts_with("https://") || token.starts_with("www.");
  const std::size_t at = token.find('@');
  const bool mail = at != std::string_view::npos && at > 0 && token.find('.', at) != std::string_view::npos &&
                    token.find('.', at) + 1 < token.size();
  return web || mail ? token.size() : 0;
}

std::string say_address(std::string_view address) {
  for (std::string_view scheme : {"https://", "http://"}) {
    if (address.starts_with(scheme)) address.remove_prefix(scheme.size());
  }
  while (address.ends_with("/")) address.remove_suffix(1);
  std::string out;
  auto word = [&out](std::string_view w) {
    if (!out.empty() && out.back() != ' ') out += ' ';
    out += w;
    out += ' ';
  };
  if (address.starts_with("www.")) {
    word("w w w dot");
    address.remove_prefix(4);
  }
  for (char c : address) {
    switch (c) {
      case '.': word("dot"); break;
      case '/': word("slash"); break;
      case '@': word("at"); break;
      case '-': word("dash"); break;
      case '_': word("underscore"); break;
      case ':': word("colon"); break;
      case '?': case '&': case '=': case '#': case '%': case '+': word(""); break;
      default: out += c;
    }
  }
  std::string collapsed;
  for (char c : out) {
    if (c == ' ' && (collapsed.empty() || collapsed.back() == ' ')) continue;
    collapsed += c;
  }
  while (collapsed.ends_with(" ")) collapsed.pop_back();
  return collapsed;
}

}  // namespace

std::string expand_abbreviations(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const bool word_start = i == 0 || !is_ascii_letter(text[i - 1]);
    const Abbreviation* found = nullptr;
    if (word_start) {
      for (const Abbreviation& a : kAbbreviations) {
        if (text.substr(i).starts_with(a.written)) found = &a;
      }
    }
    if (!found) {
      out += text[i++];
      continue;
    }
    const std::size_t end = i + found->written.size();
    const std::string_view rest = text.substr(end);
    const bool number_follows = rest.size() > 1 && rest[0] == ' ' && is_ascii_digit(rest[1]);
    if (found->when == When::kBeforeNumber && !number_follows) {
      out += text[i++];
      continue;
    }
    out += found->said;
    const bool sentence_ends = rest.empty() || rest[0] == '\n' || (rest.size() > 1 && rest[0] == ' ' &&
                                                                   rest[1] >= 'A' && rest[1] <= 'Z');
    if (found->when == When::kMaySentenceEnd && sentence_ends) out += '.';
    i = end;
  }
  return out;
}

std::string speak_addresses(std::string_view text, WebAddresses addresses) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const bool token_start = i == 0 || is_space(text[i - 1]) || text[i - 1] == '(' || text[i - 1] == '<';
    const std::size_t length = token_start ? address_length(text, i) : 0;
    if (length == 0) {
      out += text[i++];
      continue;
    }
    if (addresses == WebAddresses::kSpeak) out += say_address(text.substr(i, length));
    i += length;
    if (addresses == WebAddresses::kSkip) {  // one space where the address was
      while (!out.empty() && out.back() == ' ' && i < text.size() && is_space(text[i])) ++i;
    }
  }
  return out;
}

}  // namespace voxwire::text
