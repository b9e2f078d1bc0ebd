#include "inference/timestamps.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

#include "base/utf8.h"
#include "text/pinyin.h"
#include "tts/script.h"

namespace voxwire::inference {
namespace {

namespace json = boost::json;

// Where an engine names no phones the initial takes this share of the syllable.
constexpr double kInitialShare = 0.4;

int64_t ms(double offset_ms, double seconds) { return std::llround(offset_ms + seconds * 1000.0); }

json::object phoneme(double offset_ms, double begin_seconds, double end_seconds, std::string text, int tone) {
  return {{"begin_time", ms(offset_ms, begin_seconds)},
          {"end_time", ms(offset_ms, end_seconds)},
          {"text", std::move(text)},
          {"tone", tone}};
}

// The syllable a lone Han character was read as, if the word is one.
std::optional<text::PinyinSyllable> syllable_of(const TimedWord& w) {
  const std::u32string chars = utf8::decode(w.text);
  if (chars.size() != 1 || script_of(chars.front()) != Script::kHan) return std::nullopt;
  if (auto spelled = text::parse_numbered_pinyin(w.reading)) return spelled;
  return text::customary_reading(chars.front());
}

json::array phonemes_of(const TimedWord& w, double offset_ms) {
  json::array out;
  if (std::optional<text::PinyinSyllable> syllable = syllable_of(w)) {
    const std::string_view initial = text::pinyin_initial(syllable->letters);
    const std::string final_part = syllable->letters.substr(initial.size());
    double boundary = w.begin_seconds;
    if (!initial.empty()) {
      boundary = w.phones.size() >= 2 ? w.phones[1].begin_seconds
                                      : w.begin_seconds + kInitialShare * (w.end_seconds - w.begin_seconds);
      boundary = std::clamp(boundary, w.begin_seconds, w.end_seconds);
      out.push_back(phoneme(offset_ms, w.begin_seconds, boundary, std::string(initial) + "_c", syllable->tone));
    }
    out.push_back(phoneme(offset_ms, boundary, w.end_seconds, final_part + "_c", syllable->tone));
    return out;
  }
  for (const TimedPhone& p : w.phones) {
    out.push_back(phoneme(offset_ms, p.begin_seconds, p.end_seconds, p.name + "_e", p.stress));
  }
  return out;
}

}  // namespace

json::array cosyvoice_words(std::span<const TimedWord> words, double offset_ms) {
  json::array out;
  for (const TimedWord& w : words) {
    out.push_back(json::object{{"text", w.text},
                               {"begin_index", w.begin_char},
                               {"end_index", w.end_char},
                               {"begin_time", ms(offset_ms, w.begin_seconds)},
                               {"end_time", ms(offset_ms, w.end_seconds)}});
  }
  return out;
}

json::array sambert_words(std::span<const TimedWord> words, double offset_ms, bool phonemes) {
  json::array out;
  for (const TimedWord& w : words) {
    json::object word{{"text", w.text},
                      {"begin_time", ms(offset_ms, w.begin_seconds)},
                      {"end_time", ms(offset_ms, w.end_seconds)}};
    if (phonemes) word["phonemes"] = phonemes_of(w, offset_ms);
    out.push_back(std::move(word));
  }
  return out;
}

}  // namespace voxwire::inference
