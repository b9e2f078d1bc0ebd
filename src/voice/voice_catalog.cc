#include "voice/voice_catalog.h"

#include <algorithm>
#include <boost/json.hpp>
#include <cmath>
#include <cstdio>
#include <initializer_list>
#include <utility>

#include "base/log.h"
#include "voice/json_object_reader.h"
#include "voice/voice_profile_json.h"

namespace voxwire {
namespace embedded {
extern const std::string_view embedded_system_voices;
}  // namespace embedded

namespace {

namespace json = boost::json;
using voice_json::ObjectReader;

// Two voices closer than this on both median F0 and formant scale would be
// heard as the same speaker.
constexpr double kMinRelativeDifference = 0.05;

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool relatively_close(double a, double b) { return std::abs(a - b) < kMinRelativeDifference * std::min(a, b); }

// "zh" or "zh-<dialect>" for Chinese, a two-letter lowercase code otherwise;
// a dialect voice names its dialect, a Mandarin voice does not.
Status check_languages(const std::vector<std::string>& codes, Dialect dialect, const std::string& path) {
  if (codes.empty()) return Status::invalid_argument("must list at least one language", path);
  bool names_dialect = false;
  for (std::size_t i = 0; i < codes.size(); ++i) {
    const std::string& code = codes[i];
    const std::string entry_path = path + "[" + std::to_string(i) + "]";
    for (std::size_t j = 0; j < i; ++j) {
      if (codes[j] == code) return Status::invalid_argument("duplicate language '" + code + "'", entry_path);
    }
    std::string_view base = std::string_view(code).substr(0, code.find('-'));
    if (base.size() != 2 || base[0] < 'a' || base[0] > 'z' || base[1] < 'a' || base[1] > 'z') {
      return Status::invalid_argument("'" + code + "' is not a two-letter language code", entry_path);
    }
    if (base.size() == code.size()) continue;
    Dialect named;
    if (base != "zh" || !parse_dialect(code.substr(3), &named) || named == Dialect::kMandarin) {
      return Status::invalid_argument("'" + code + "' is not zh-<dialect>", entry_path);
    }
    if (named != dialect) {
      return Status::invalid_argument(
          "'" + code + "' contradicts profile.dialect " + std::string(dialect_name(dialect)), entry_path);
    }
    names_dialect = true;
  }
  if (dialect != Dialect::kMandarin && !names_dialect) {
    return Status::invalid_argument(
        "a " + std::string(dialect_name(dialect)) + " voice must list zh-" + std::string(dialect_name(dialect)), path);
  }
  return Status::ok_status();
}

Result<SystemVoice> read_voice(const json::value& value, const std::string& path) {
  const json::object* object = value.if_object();
  if (object == nullptr) return Status::invalid_argument("must be an object", path);
  ObjectReader reader(*object, path);
  SystemVoice voice;
  Status s = reader.require_keys({"name", "display_name", "description", "languages", "profile"});
  if (s.ok()) s = reader.read_string("name", false, &voice.profile.name);
  if (s.ok()) s = reader.read_string("display_name", true, &voice.display_name);
  if (s.ok()) s = reader.read_string("description", false, &voice.description);
  if (!s.ok()) return s;

  s = read_profile_json(object->at("profile"), reader.path("profile"), &voice.profile);
  if (!s.ok()) return s;

  const json::array* languages = object->at("languages").if_array();
  if (languages == nullptr) return Status::invalid_argument("must be an array", reader.path("languages"));
  for (const json::value& code : *languages) {
    const json::string* text = code.if_string();
    if (text == nullptr) return Status::invalid_argument("must hold strings", reader.path("languages"));
    voice.languages.emplace_back(text->data(), text->size());
  }
  s = check_languages(voice.languages, voice.profile.dialect, reader.path("languages"));
  if (!s.ok()) return s;
  return voice;
}

}  // namespace

Result<VoiceCatalog> VoiceCatalog::parse(std::string_view text) {
  boost::system::error_code ec;
  json::value root = json::parse(text, ec);
  if (ec) return Status::invalid_argument("voice catalogue is not valid JSON: " + ec.message());
  const json::object* object = root.if_object();
  if (object == nullptr) return Status::invalid_argument("voice catalogue must be a JSON object");
  if (Status s = ObjectReader(*object, "").require_keys({"voices"}); !s.ok()) return s;
  const json::array* entries = object->at("voices").if_array();
  if (entries == nullptr || entries->empty()) return Status::invalid_argument("must be a non-empty array", "voices");

  VoiceCatalog catalog;
  for (std::size_t i = 0; i < entries->size(); ++i) {
    const std::string path = "voices[" + std::to_string(i) + "]";
    Result<SystemVoice> voice = read_voice((*entries)[i], path);
    if (!voice.ok()) return voice.status();
    const VoiceProfile& profile = voice->profile;
    for (const SystemVoice& other : catalog.voices_) {
      if (relatively_close(profile.median_f0_hz, other.profile.median_f0_hz) &&
          relatively_close(profile.formant_scale, other.profile.formant_scale)) {
        return Status::invalid_argument("voice '" + profile.name + "' is too alike to '" + other.name() +
                                            "': median_f0_hz and formant_scale both within 5%",
                                        path + ".profile");
      }
    }
    if (!catalog.index_by_lower_name_.emplace(lower_ascii(profile.name), i).second) {
      return Status::invalid_argument("duplicate voice name '" + profile.name + "' (names ignore case)",
                                      path + ".name");
    }
    catalog.voices_.push_back(std::move(voice).value());
  }
  return catalog;
}

const VoiceCatalog& VoiceCatalog::system_voices() {
  static const VoiceCatalog catalog = [] {
    Result<VoiceCatalog> parsed = parse(embedded::embedded_system_voices);
    if (parsed.ok()) return std::move(parsed).value();
    log::error("system_voices_invalid", {{"status", parsed.status().to_string()}});
    return VoiceCatalog();
  }();
  return catalog;
}

const SystemVoice* VoiceCatalog::find(std::string_view name) const {
  auto it = index_by_lower_name_.find(lower_ascii(name));
  return it == index_by_lower_name_.end() ? nullptr : &voices_[it->second];
}

}  // namespace voxwire
