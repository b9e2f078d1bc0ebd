#include "text/reading.h"

#include <algorithm>
#include <array>

#include "base/utf8.h"

namespace voxwire::text {
namespace {

constexpr std::size_t kMaxShownBytes = 32;

std::vector<std::string_view> split_spaces(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    if (s[i] == ' ' || s[i] == '\t') {
      ++i;
      continue;
    }
    const std::size_t end = std::min(s.find_first_of(" \t", i), s.size());
    out.push_back(s.substr(i, end - i));
    i = end;
  }
  return out;
}

std::string shown(std::string_view s) {
  return std::string(s.substr(0, kMaxShownBytes)) + (s.size() > kMaxShownBytes ? "..." : "");
}

constexpr std::array<std::string_view, 39> kArpabet = {
    "AA", "AE", "AH", "AO", "AW", "AY", "B",  "CH", "D", "DH", "EH", "ER", "EY", "F",  "G",  "HH", "IH", "IY", "JH", "K",
    "L",  "M",  "N",  "NG", "OW", "OY", "P",  "R",  "S", "SH", "T",  "TH", "UH", "UW", "V",  "W",  "Y",  "Z",  "ZH"};

bool is_vowel(std::string_view phone) {
  return phone.size() == 2 && std::string_view("AEIOU").find(phone[0]) != std::string_view::npos;
}

// The longest table word starting at text[i], or -1.
template <class Entry>
int longest_at(std::string_view text, std::size_t i, const std::vector<Entry>& words) {
  int best = -1;
  for (std::size_t k = 0; k < words.size(); ++k) {
    const std::string& w = words[k].word;
    if (!w.empty() && text.substr(i).starts_with(w) && (best < 0 || w.size() > words[best].word.size())) {
      best = static_cast<int>(k);
    }
  }
  return best;
}

}  // namespace

Result<std::vector<PinyinSyllable>> parse_pinyin_reading(std::string_view ph, std::string_view written) {
  std::vector<PinyinSyllable> out;
  for (std::string_view token : split_spaces(ph)) {
    std::string letters;
    for (std::size_t i = 0; i < token.size(); ++i) {
      if (token.substr(i).starts_with("ü")) {
        letters += 'v';
        ++i;
      } else if (token.substr(i).starts_with("u:")) {
        letters += 'v';
        ++i;
      } else {
        letters += static_cast<char>(token[i] >= 'A' && token[i] <= 'Z' ? token[i] - 'A' + 'a' : token[i]);
      }
    }
    std::optional<PinyinSyllable> syllable = parse_numbered_pinyin(letters);
    if (!syllable) {
      return Status::invalid_argument("'" + shown(token) +
                                      "' is not a pinyin syllable with a tone digit 1-5 (e.g. hao3).");
    }
    out.push_back(std::move(*syllable));
  }
  const std::size_t characters = utf8::length(written);
  if (out.size() != characters) {
    return Status::invalid_argument("pinyin '" + shown(ph) + "' has " + std::to_string(out.size()) +
                                    " syllables for " + std::to_string(characters) + " characters '" +
                                    shown(written) + "': give one syllable per character.");
  }
  return out;
}

Result<ArpabetPhones> parse_arpabet(std::string_view ph) {
  ArpabetPhones out;
  for (std::string_view token : split_spaces(ph)) {
    std::string phone;
    for (char c : token) phone += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    std::string_view base = phone;
    if (!base.empty() && base.back() >= '0' && base.back() <= '2') base.remove_suffix(1);
    const bool stressed = base.size() < phone.size();
    const bool known = std::find(kArpabet.begin(), kArpabet.end(), base) != kArpabet.end();
    if (!known || (stressed && !is_vowel(base))) {
      return Status::invalid_argument("'" + shown(token) + "' is not an ARPAbet phone of the CMU dictionary.");
    }
    out.phones.push_back(std::move(phone));
  }
  if (out.phones.empty()) return Status::invalid_argument("the ARPAbet phone string is empty.");
  return out;
}

std::vector<ForcedReading> find_readings(std::string_view text, const std::vector<WordPronunciation>& words) {
  std::vector<ForcedReading> out;
  for (std::size_t i = 0; i < text.size();) {
    const int k = longest_at(text, i, words);
    if (k < 0) {
      i += std::max<std::size_t>(1, utf8::char_length(text, i));
      continue;
    }
    const std::size_t end = i + words[k].word.size();
    out.push_back({i, end, words[k].pronunciation});
    i = end;
  }
  return out;
}

std::string replace_words(std::string_view text, const std::vector<WordReplacement>& words) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const int k = longest_at(text, i, words);
    if (k < 0) {
      const std::size_t n = std::max<std::size_t>(1, utf8::char_length(text, i));
      out.append(text.substr(i, n));
      i += n;
      continue;
    }
    out += words[k].replacement;
    i += words[k].word.size();
  }
  return out;
}

}  // namespace voxwire::text
