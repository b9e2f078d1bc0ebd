#include "text/chinese_words.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>

#include "base/utf8.h"
#include "text/lines.h"
#include "tts/script.h"

namespace voxwire::embedded {
extern const std::string_view embedded_jieba_dictionary;
}  // namespace voxwire::embedded

namespace voxwire::text {
namespace {

// The dictionary sorted by word (byte order), so that one binary search tells
// both whether a string is a word and whether any word starts with it.
class Dictionary {
 public:
  Dictionary() {
    std::string_view data = embedded::embedded_jieba_dictionary;
    double total = 0;
    while (!data.empty()) {  // lines: word frequency part-of-speech
      const std::string_view line = take_line(&data);
      const std::size_t space = line.find(' ');
      if (space == 0 || space == std::string_view::npos) continue;
      std::uint32_t frequency = 0;
      const char* digits = line.data() + space + 1;
      std::from_chars(digits, line.data() + line.size(), frequency);
      if (frequency == 0) continue;
      words_.emplace_back(line.substr(0, space), frequency);
      total += frequency;
    }
    std::sort(words_.begin(), words_.end());
    log_total_ = std::log(total);
  }

  struct Lookup {
    bool is_prefix = false;       // some word starts with (or is) the string
    std::uint32_t frequency = 0;  // 0 unless the string is a word
  };
  Lookup lookup(std::string_view s) const {
    const auto it = std::lower_bound(words_.begin(), words_.end(), s,
                                     [](const auto& entry, std::string_view key) { return entry.first < key; });
    if (it == words_.end() || !it->first.starts_with(s)) return {};
    return {true, it->first == s ? it->second : 0u};
  }
  double log_total() const { return log_total_; }

 private:
  std::vector<std::pair<std::string_view, std::uint32_t>> words_;
  double log_total_ = 0;
};

const Dictionary& dictionary() {
  static const Dictionary instance;
  return instance;
}

// Appends the likeliest cut of a run of Han characters: best[k] is the
// highest sum of log probabilities for the characters from k to the end.
void split_han_run(std::string_view run, std::vector<std::string_view>& words) {
  const Dictionary& dict = dictionary();
  std::vector<std::size_t> starts;  // byte offset of each character, plus the end
  for (std::size_t i = 0; i < run.size(); i += utf8::char_length(run, i)) starts.push_back(i);
  const std::size_t n = starts.size();
  starts.push_back(run.size());
  std::vector<double> best(n + 1, 0.0);
  std::vector<std::size_t> next(n + 1, n);
  for (std::size_t k = n; k-- > 0;) {
    best[k] = -std::numeric_limits<double>::infinity();
    for (std::size_t end = k + 1; end <= n; ++end) {
      const Dictionary::Lookup found = dict.lookup(run.substr(starts[k], starts[end] - starts[k]));
      if (!found.is_prefix && end > k + 1) break;
      if (found.frequency == 0 && end > k + 1) continue;
      const double score = std::log(std::max<double>(found.frequency, 1)) - dict.log_total() + best[end];
      if (score > best[k]) {
        best[k] = score;
        next[k] = end;
      }
    }
  }
  for (std::size_t k = 0; k < n; k = next[k]) words.push_back(run.substr(starts[k], starts[next[k]] - starts[k]));
}

}  // namespace

bool is_han_at(std::string_view text, std::size_t i) {
  const std::u32string c = utf8::decode(text.substr(i, utf8::char_length(text, i)));
  return c.size() == 1 && script_of(c[0]) == Script::kHan;
}

std::vector<std::string_view> split_chinese_words(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < text.size()) {
    const bool han = is_han_at(text, i);
    std::size_t end = i;
    while (end < text.size() && is_han_at(text, end) == han) end += utf8::char_length(text, end);
    if (han) {
      split_han_run(text.substr(i, end - i), words);
    } else {
      words.push_back(text.substr(i, end - i));
    }
    i = end;
  }
  return words;
}

}  // namespace voxwire::text
