#include "text/pinyin.h"

#include <algorithm>
#include <charconv>
#include <unordered_map>

#include "base/utf8.h"
#include "text/lines.h"

namespace voxwire::embedded {
extern const std::string_view embedded_mandarin_readings;
}  // namespace voxwire::embedded

namespace voxwire::text {
namespace {

bool is_lowercase(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

struct MarkedVowel {
  char32_t marked;
  char letter;
  int tone;
};
constexpr MarkedVowel kMarkedVowels[] = {
    {U'ā', 'a', 1}, {U'á', 'a', 2}, {U'ǎ', 'a', 3}, {U'à', 'a', 4}, {U'ē', 'e', 1}, {U'é', 'e', 2}, {U'ě', 'e', 3},
    {U'è', 'e', 4}, {U'ī', 'i', 1}, {U'í', 'i', 2}, {U'ǐ', 'i', 3}, {U'ì', 'i', 4}, {U'ō', 'o', 1}, {U'ó', 'o', 2},
    {U'ǒ', 'o', 3}, {U'ò', 'o', 4}, {U'ū', 'u', 1}, {U'ú', 'u', 2}, {U'ǔ', 'u', 3}, {U'ù', 'u', 4}, {U'ǖ', 'v', 1},
    {U'ǘ', 'v', 2}, {U'ǚ', 'v', 3}, {U'ǜ', 'v', 4}, {U'ü', 'v', 5},
};

// Unihan's kMandarin lines: U+4E00<TAB>kMandarin<TAB>yī[ second reading].
std::unordered_map<char32_t, PinyinSyllable> load_readings() {
  std::unordered_map<char32_t, PinyinSyllable> readings;
  std::string_view data = embedded::embedded_mandarin_readings;
  while (!data.empty()) {
    const std::string_view line = take_line(&data);
    const std::size_t tab = line.rfind('\t');
    if (!line.starts_with("U+") || tab == std::string_view::npos) continue;
    std::uint32_t code_point = 0;
    std::from_chars(line.data() + 2, line.data() + line.size(), code_point, 16);
    std::string_view value = line.substr(tab + 1);
    value = value.substr(0, value.find(' '));  // the first is the customary one in the PRC
    if (auto syllable = parse_marked_pinyin(value)) readings.emplace(code_point, std::move(*syllable));
  }
  return readings;
}

}  // namespace

std::optional<PinyinSyllable> parse_numbered_pinyin(std::string_view syllable) {
  if (syllable.size() < 2) return std::nullopt;
  const char digit = syllable.back();
  const std::string_view letters = syllable.substr(0, syllable.size() - 1);
  if (digit < '1' || digit > '5' || !is_lowercase(letters)) return std::nullopt;
  return PinyinSyllable{std::string(letters), digit - '0'};
}

std::optional<PinyinSyllable> parse_marked_pinyin(std::string_view syllable) {
  PinyinSyllable out;
  int marks = 0;
  for (char32_t c : utf8::decode(syllable)) {
    if (c >= 'a' && c <= 'z') {
      out.letters += static_cast<char>(c);
      continue;
    }
    const auto* vowel = std::find_if(std::begin(kMarkedVowels), std::end(kMarkedVowels),
                                     [c](const MarkedVowel& v) { return v.marked == c; });
    if (vowel == std::end(kMarkedVowels)) return std::nullopt;
    out.letters += vowel->letter;
    if (vowel->tone != 5) {
      out.tone = vowel->tone;
      ++marks;
    }
  }
  if (out.letters.empty() || marks > 1) return std::nullopt;
  return out;
}

std::string_view pinyin_initial(std::string_view letters) {
  static constexpr std::string_view kInitials[] = {"zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g",
                                                   "k",  "h",  "j",  "q", "x", "r", "z", "c", "s", "y", "w"};
  if (letters == "ng") return {};  // 嗯, a syllabic nasal
  for (std::string_view initial : kInitials) {
    if (letters.size() > initial.size() && letters.starts_with(initial)) return letters.substr(0, initial.size());
  }
  return {};
}

std::optional<PinyinSyllable> customary_reading(char32_t han) {
  static const std::unordered_map<char32_t, PinyinSyllable> readings = load_readings();
  const auto it = readings.find(han);
  if (it == readings.end()) return std::nullopt;
  return it->second;
}

}  // namespace voxwire::text
