#include "inference/hot_fix.h"

#include "base/utf8.h"

namespace voxwire::inference {
namespace {

namespace json = boost::json;

constexpr std::size_t kMaxEntries = 1000;
constexpr std::size_t kMaxWordChars = 100;
constexpr std::size_t kMaxReplacementChars = 1000;

Status invalid(std::string what) { return Status::invalid_argument("Parameter 'hot_fix': " + std::move(what)); }

// Calls add(word, value) for every {"word": "value"} entry of list `key`.
template <class Add>
Status read_entries(const json::object& fix, std::string_view key, std::size_t max_value_chars, Add add) {
  const json::value* list = fix.if_contains(key);
  if (!list || list->is_null()) return Status();
  if (!list->is_array()) return invalid("'" + std::string(key) + "' must be an array of {\"word\": \"...\"} objects.");
  if (list->as_array().size() > kMaxEntries) {
    return invalid("'" + std::string(key) + "' has more than " + std::to_string(kMaxEntries) + " entries.");
  }
  for (const json::value& entry : list->as_array()) {
    if (!entry.is_object() || entry.as_object().size() != 1 || !entry.as_object().begin()->value().is_string()) {
      return invalid("each entry of '" + std::string(key) + "' must be one {\"word\": \"...\"} pair.");
    }
    const std::string_view word = entry.as_object().begin()->key();
    const std::string_view value = entry.as_object().begin()->value().as_string();
    if (word.empty() || !utf8::is_valid(word) || utf8::length(word) > kMaxWordChars) {
      return invalid("the words of '" + std::string(key) + "' must have 1 to " + std::to_string(kMaxWordChars) +
                     " characters.");
    }
    if (!utf8::is_valid(value) || utf8::length(value) > max_value_chars) {
      return invalid("the value for '" + std::string(word) + "' in '" + std::string(key) + "' is longer than " +
                     std::to_string(max_value_chars) + " characters.");
    }
    if (Status s = add(word, value); !s.ok()) return s;
  }
  return Status();
}

}  // namespace

Result<HotFix> parse_hot_fix(const json::value& value) {
  if (!value.is_object()) return invalid("must be an object with 'pronunciation' and/or 'replace'.");
  const json::object& fix = value.as_object();
  for (const auto& item : fix) {
    if (item.key() != "pronunciation" && item.key() != "replace") {
      return invalid("unknown key '" + std::string(item.key()).substr(0, 64) + "'; use 'pronunciation' and 'replace'.");
    }
  }
  HotFix out;
  Status s = read_entries(fix, "pronunciation", 8 * kMaxWordChars, [&](std::string_view word, std::string_view pinyin) {
    Result<std::vector<text::PinyinSyllable>> syllables = text::parse_pinyin_reading(pinyin, word);
    if (!syllables.ok()) return invalid("pronunciation of '" + std::string(word) + "': " + syllables.status().message());
    out.pronunciation.push_back({std::string(word), std::move(*syllables)});
    return Status();
  });
  if (!s.ok()) return s;
  s = read_entries(fix, "replace", kMaxReplacementChars, [&](std::string_view word, std::string_view replacement) {
    out.replace.push_back({std::string(word), std::string(replacement)});
    return Status();
  });
  if (!s.ok()) return s;
  return out;
}

FixedText apply_hot_fix(const HotFix& fix, std::string_view text) {
  FixedText out;
  out.text = fix.replace.empty() ? std::string(text) : text::replace_words(text, fix.replace);
  if (!fix.pronunciation.empty()) out.readings = text::find_readings(out.text, fix.pronunciation);
  return out;
}

}  // namespace voxwire::inference
