#include "synthesis/word_timing.h"

#include <algorithm>
#include <cstdint>
#include <optional>

#include "base/utf8.h"
#include "text/pinyin.h"
#include "tts/script.h"

namespace voxwire {
namespace {

// Alignment is quadratic: beyond this many cells units are timed by length alone.
constexpr std::size_t kMaxAlignmentCells = 1 << 20;

bool is_space(char32_t c) {
  return c <= 0x20 || c == 0x7F || c == 0x00A0 || c == 0x3000 || c == 0x202F || (c >= 0x2000 && c <= 0x200B);
}

bool is_cjk_punctuation(char32_t c) {
  if ((c >= 0x3001 && c <= 0x303F) || (c >= 0xFE10 && c <= 0xFE1F) || (c >= 0xFE30 && c <= 0xFE4F)) return true;
  if (c >= 0xFF01 && c <= 0xFF65) return script_of(c) == Script::kNeutral && !is_digit(c);
  return c == 0x2026 || c == 0x2014 || c == 0x00B7;
}

// The letters and digits of a unit, lowercased, full-width folded: what
// anchors an original unit to a spoken one. Empty for punctuation.
std::u32string key_of(std::string_view text) {
  std::u32string key;
  for (char32_t c : utf8::decode(text)) {
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;
    if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
    if (is_digit(c) || script_of(c) != Script::kNeutral) key += c;
  }
  return key;
}

double weight_of(const std::u32string& key) { return static_cast<double>(std::max<std::size_t>(1, key.size())); }

// Index pairs (a, b) of a longest common subsequence of equal keys.
std::vector<std::pair<std::size_t, std::size_t>> anchors(const std::vector<std::u32string>& a,
                                                         const std::vector<std::u32string>& b) {
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  if (a.empty() || b.empty() || a.size() * b.size() > kMaxAlignmentCells) return pairs;
  const std::size_t width = b.size() + 1;
  std::vector<uint32_t> lcs((a.size() + 1) * width, 0);  // lcs[i * width + j]: of a[i..] and b[j..]
  for (std::size_t i = a.size(); i-- > 0;) {
    for (std::size_t j = b.size(); j-- > 0;) {
      lcs[i * width + j] = a[i] == b[j] ? lcs[(i + 1) * width + j + 1] + 1
                                        : std::max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
    }
  }
  for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) {
      pairs.emplace_back(i++, j++);
    } else if (lcs[(i + 1) * width + j] >= lcs[i * width + j + 1]) {
      ++i;
    } else {
      ++j;
    }
  }
  return pairs;
}

// Tone-numbered pinyin syllables written back to back ("yin2hang2"), or
// nothing if the text is anything else.
std::optional<std::vector<std::string>> pinyin_syllables(std::string_view text) {
  std::vector<std::string> syllables;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] < '1' || text[i] > '5') continue;
    const std::string_view syllable = text.substr(start, i + 1 - start);
    if (!text::parse_numbered_pinyin(syllable)) return std::nullopt;
    syllables.emplace_back(syllable);
    start = i + 1;
  }
  if (start != text.size() || syllables.empty()) return std::nullopt;
  return syllables;
}

// Shares [begin, end] among `targets` by weight.
void share(double begin, double end, std::span<TimedWord* const> targets, std::span<const double> weights) {
  double total = 0;
  for (double w : weights) total += w;
  double at = begin;
  for (std::size_t i = 0; i < targets.size(); ++i) {
    const double next = i + 1 == targets.size() ? end : at + (end - begin) * weights[i] / total;
    targets[i]->begin_seconds = at;
    targets[i]->end_seconds = next;
    at = next;
  }
}

// Gives each phone to the target whose time holds its middle (the nearest
// one otherwise), clipped to it.
void distribute_phones(std::span<const TimedPhone> phones, std::span<TimedWord* const> targets) {
  for (const TimedPhone& phone : phones) {
    const double middle = 0.5 * (phone.begin_seconds + phone.end_seconds);
    TimedWord* best = nullptr;
    double best_distance = 0;
    for (TimedWord* t : targets) {
      const double distance = std::max({0.0, t->begin_seconds - middle, middle - t->end_seconds});
      if (!best || distance < best_distance) best = t, best_distance = distance;
    }
    if (!best) return;
    TimedPhone clipped = phone;
    clipped.begin_seconds = std::clamp(phone.begin_seconds, best->begin_seconds, best->end_seconds);
    clipped.end_seconds = std::clamp(phone.end_seconds, clipped.begin_seconds, best->end_seconds);
    best->phones.push_back(std::move(clipped));
  }
}

}  // namespace

std::vector<TextUnit> text_units(std::string_view text) {
  std::vector<TextUnit> units;
  std::optional<TextUnit> word;
  auto end_word = [&] {
    if (word) units.push_back(*word);
    word.reset();
  };
  std::size_t chars = 0;
  for (std::size_t at = 0; at < text.size(); ++chars) {
    const std::size_t length = std::max<std::size_t>(1, utf8::char_length(text, at));
    const std::u32string decoded = utf8::decode(text.substr(at, length));
    const char32_t c = decoded.empty() ? U'\uFFFD' : decoded.front();
    const TextUnit single{at, at + length, chars, chars + 1};
    if (is_space(c)) {
      end_word();
    } else if (script_of(c) == Script::kHan || is_cjk_punctuation(c)) {
      end_word();
      units.push_back(single);
    } else if (word) {
      word->end_byte = single.end_byte;
      word->end_char = single.end_char;
    } else {
      word = single;
    }
    at += length;
  }
  end_word();
  return units;
}

std::vector<SpokenUnit> spoken_units(std::string_view engine_text, std::span<const WordMark> words,
                                     const PhrasePlacement& placement) {
  const std::vector<TextUnit> units = text_units(engine_text);
  std::vector<std::optional<SpokenUnit>> timed(units.size());
  for (const WordMark& word : words) {
    std::vector<std::size_t> covered;
    for (std::size_t u = 0; u < units.size(); ++u) {
      if (units[u].begin_byte < word.text_end && units[u].end_byte > word.text_begin) covered.push_back(u);
    }
    if (covered.empty()) continue;
    // The word's time, shared among the units it covers by their length.
    std::vector<TimedWord> parts(covered.size());
    std::vector<TimedWord*> targets;
    std::vector<double> weights;
    for (std::size_t k = 0; k < covered.size(); ++k) {
      targets.push_back(&parts[k]);
      weights.push_back(static_cast<double>(units[covered[k]].end_char - units[covered[k]].begin_char));
    }
    share(placement.seconds_at(word.begin_sample), placement.seconds_at(word.end_sample), targets, weights);
    std::vector<TimedPhone> phones;
    for (const PhoneMark& p : word.phones) {
      phones.push_back({p.name, p.stress, placement.seconds_at(p.begin_sample), placement.seconds_at(p.end_sample)});
    }
    distribute_phones(phones, targets);
    for (std::size_t k = 0; k < covered.size(); ++k) {
      std::optional<SpokenUnit>& unit = timed[covered[k]];
      if (!unit) {
        const TextUnit& u = units[covered[k]];
        unit = SpokenUnit{std::string(engine_text.substr(u.begin_byte, u.end_byte - u.begin_byte)),
                          parts[k].begin_seconds, parts[k].end_seconds, {}};
      }
      unit->begin_seconds = std::min(unit->begin_seconds, parts[k].begin_seconds);
      unit->end_seconds = std::max(unit->end_seconds, parts[k].end_seconds);
      unit->phones.insert(unit->phones.end(), parts[k].phones.begin(), parts[k].phones.end());
    }
  }
  std::vector<SpokenUnit> out;
  for (std::optional<SpokenUnit>& unit : timed) {
    if (unit) out.push_back(std::move(*unit));
  }
  return out;
}

std::vector<TimedWord> align_words(std::string_view original, std::span<const SpokenUnit> spoken,
                                   double total_seconds) {
  std::vector<TimedWord> words;
  std::vector<std::u32string> word_keys;
  std::vector<std::size_t> keyed;  // indices of words with letters or digits
  for (const TextUnit& u : text_units(original)) {
    TimedWord w;
    w.text = std::string(original.substr(u.begin_byte, u.end_byte - u.begin_byte));
    w.begin_char = u.begin_char;
    w.end_char = u.end_char;
    word_keys.push_back(key_of(w.text));
    if (!word_keys.back().empty()) keyed.push_back(words.size());
    words.push_back(std::move(w));
  }
  std::vector<const SpokenUnit*> heard;
  std::vector<std::u32string> a_keys, b_keys;
  for (std::size_t i : keyed) a_keys.push_back(word_keys[i]);
  for (const SpokenUnit& s : spoken) {
    std::u32string key = key_of(s.text);
    if (key.empty()) continue;
    heard.push_back(&s);
    b_keys.push_back(std::move(key));
  }

  // Between consecutive anchors (and the ends), original and spoken runs.
  std::vector<std::pair<std::size_t, std::size_t>> pairs = anchors(a_keys, b_keys);
  pairs.emplace_back(a_keys.size(), b_keys.size());  // a sentinel after the end
  std::size_t a = 0, b = 0;
  double previous_end = 0;
  for (const auto& [anchor_a, anchor_b] : pairs) {
    std::vector<TimedWord*> targets;
    std::vector<double> weights;
    for (std::size_t i = a; i < anchor_a; ++i) {
      targets.push_back(&words[keyed[i]]);
      weights.push_back(weight_of(a_keys[i]));
    }
    const double next_begin = anchor_b < heard.size() ? heard[anchor_b]->begin_seconds : total_seconds;
    if (!targets.empty() && b < anchor_b) {  // rewritten words: the spoken run's time
      std::vector<TimedPhone> phones;
      std::vector<std::vector<std::string>> syllables;  // of each spoken unit, if all are pinyin
      std::size_t syllable_count = 0;
      for (std::size_t j = b; j < anchor_b; ++j) {
        phones.insert(phones.end(), heard[j]->phones.begin(), heard[j]->phones.end());
        if (auto s = pinyin_syllables(heard[j]->text)) {
          syllable_count += s->size();
          syllables.push_back(std::move(*s));
        }
      }
      const bool all_han = std::all_of(targets.begin(), targets.end(), [](const TimedWord* t) {
        const std::u32string cps = utf8::decode(t->text);
        return cps.size() == 1 && script_of(cps.front()) == Script::kHan;
      });
      if (all_han && syllables.size() == anchor_b - b && syllable_count == targets.size()) {
        // Han characters spelled in pinyin: one syllable each, in the time of its spelling.
        std::size_t k = 0;
        for (std::size_t j = b; j < anchor_b; ++j) {
          const std::vector<std::string>& spelled = syllables[j - b];
          const std::vector<double> even(spelled.size(), 1.0);
          share(heard[j]->begin_seconds, heard[j]->end_seconds, std::span(targets).subspan(k, spelled.size()), even);
          for (const std::string& syllable : spelled) targets[k++]->reading = syllable;
        }
      } else {
        share(heard[b]->begin_seconds, heard[anchor_b - 1]->end_seconds, targets, weights);
      }
      distribute_phones(phones, targets);
    } else if (!targets.empty()) {  // words nobody heard: the gap they stand in
      share(previous_end, std::max(previous_end, next_begin), targets, weights);
    }
    if (anchor_a < a_keys.size()) {
      TimedWord& w = words[keyed[anchor_a]];
      w.begin_seconds = heard[anchor_b]->begin_seconds;
      w.end_seconds = heard[anchor_b]->end_seconds;
      w.phones = heard[anchor_b]->phones;
      previous_end = w.end_seconds;
    } else if (!targets.empty()) {
      previous_end = targets.back()->end_seconds;
    }
    a = anchor_a + 1;
    b = anchor_b + 1;
  }

  // Punctuation spans the gap between its neighbours; then time only moves forward.
  double last_begin = 0, last_end = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    TimedWord& w = words[i];
    if (word_keys[i].empty()) {
      double next_begin = total_seconds;
      for (std::size_t j = i + 1; j < words.size(); ++j) {
        if (!word_keys[j].empty()) {
          next_begin = words[j].begin_seconds;
          break;
        }
      }
      w.begin_seconds = last_end;
      w.end_seconds = std::max(last_end, next_begin);
    }
    w.begin_seconds = std::clamp(w.begin_seconds, last_begin, std::max(last_begin, total_seconds));
    w.end_seconds = std::clamp(w.end_seconds, w.begin_seconds, std::max(w.begin_seconds, total_seconds));
    last_begin = w.begin_seconds;
    last_end = w.end_seconds;
  }
  return words;
}

void map_times(std::span<TimedWord> words, const std::function<double(double)>& map) {
  for (TimedWord& w : words) {
    w.begin_seconds = map(w.begin_seconds);
    w.end_seconds = map(w.end_seconds);
    for (TimedPhone& p : w.phones) {
      p.begin_seconds = map(p.begin_seconds);
      p.end_seconds = map(p.end_seconds);
    }
  }
}

}  // namespace voxwire
