#include "voice/voice_catalog.h"

#include <algorithm>
#include <boost/json.hpp>
#include <cmath>
#include <cstdio>
#include <initializer_list>
#include <utility>

#include "base/log.h"

namespace voxwire {
namespace embedded {
extern const std::string_view embedded_system_voices;
}  // namespace embedded

namespace {

namespace json = boost::json;

struct Range {
  double lo;
  double hi;
};

constexpr Range kF0RangeBounds = {0.4, 1.8};
constexpr Range kSpeakingRateBounds = {0.75, 1.3};
constexpr Range kFormantScaleBounds = {0.85, 1.25};
constexpr Range kBreathinessBounds = {0.0, 1.0};
constexpr Range kBrightnessBounds = {-1.0, 1.0};
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

std::string format_number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

// Median F0 a speaker of this gender and age can plausibly have (children:
// above 250 Hz, checked apart as the bound is exclusive). Teens span the
// change of voice, so their band covers both genders.
Range f0_bounds(Gender gender, AgeBand age) {
  switch (age) {
    case AgeBand::kChild:
      return {250.0, 450.0};
    case AgeBand::kTeen:
      return {100.0, 320.0};
    default:
      return gender == Gender::kFemale ? Range{165.0, 300.0} : Range{85.0, 165.0};
  }
}

bool relatively_close(double a, double b) { return std::abs(a - b) < kMinRelativeDifference * std::min(a, b); }

// Reads the fields of one JSON object, naming errors by their path
// ("voices[3].profile.gender").
class ObjectReader {
 public:
  ObjectReader(const json::object& object, std::string path) : object_(object), path_(std::move(path)) {}

  std::string path(std::string_view key) const {
    return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
  }

  // InvalidArgument unless the object holds exactly these keys.
  Status require_keys(std::initializer_list<std::string_view> keys) const {
    for (std::string_view key : keys) {
      if (!object_.contains(key)) return Status::invalid_argument("missing field", path(key));
    }
    for (const auto& member : object_) {
      bool known = false;
      for (std::string_view key : keys) known = known || member.key() == key;
      if (!known) return Status::invalid_argument("unknown field", path(member.key()));
    }
    return Status::ok_status();
  }

  Status read_string(std::string_view key, bool allow_empty, std::string* out) const {
    const json::string* s = object_.at(key).if_string();
    if (s == nullptr) return Status::invalid_argument("must be a string", path(key));
    if (s->empty() && !allow_empty) return Status::invalid_argument("must not be empty", path(key));
    out->assign(s->data(), s->size());
    return Status::ok_status();
  }

  Status read_number(std::string_view key, Range range, double* out) const {
    const json::value& v = object_.at(key);
    if (!v.is_number()) return Status::invalid_argument("must be a number", path(key));
    double d = v.to_number<double>();
    if (!(d >= range.lo && d <= range.hi)) {
      return Status::invalid_argument(
          format_number(d) + " is outside [" + format_number(range.lo) + ", " + format_number(range.hi) + "]",
          path(key));
    }
    *out = d;
    return Status::ok_status();
  }

  template <class Enum>
  Status read_enum(std::string_view key, bool (*parse_enum)(std::string_view, Enum*), Enum* out) const {
    std::string text;
    if (Status s = read_string(key, false, &text); !s.ok()) return s;
    if (!parse_enum(text, out)) return Status::invalid_argument("unknown value '" + text + "'", path(key));
    return Status::ok_status();
  }

  Result<ObjectReader> read_object(std::string_view key) const {
    const json::object* o = object_.at(key).if_object();
    if (o == nullptr) return Status::invalid_argument("must be an object", path(key));
    return ObjectReader(*o, path(key));
  }

 private:
  const json::object& object_;
  std::string path_;
};

Status read_profile(const ObjectReader& reader, VoiceProfile* p) {
  Status s = reader.require_keys({"gender", "age", "median_f0_hz", "f0_range", "speaking_rate", "formant_scale",
                                  "breathiness", "brightness", "dialect"});
  if (s.ok()) s = reader.read_enum("gender", &parse_gender, &p->gender);
  if (s.ok()) s = reader.read_enum("age", &parse_age_band, &p->age);
  if (s.ok()) s = reader.read_number("median_f0_hz", f0_bounds(p->gender, p->age), &p->median_f0_hz);
  if (s.ok()) s = reader.read_number("f0_range", kF0RangeBounds, &p->f0_range);
  if (s.ok()) s = reader.read_number("speaking_rate", kSpeakingRateBounds, &p->speaking_rate);
  if (s.ok()) s = reader.read_number("formant_scale", kFormantScaleBounds, &p->formant_scale);
  if (s.ok()) s = reader.read_number("breathiness", kBreathinessBounds, &p->breathiness);
  if (s.ok()) s = reader.read_number("brightness", kBrightnessBounds, &p->brightness);
  if (s.ok()) s = reader.read_enum("dialect", &parse_dialect, &p->dialect);
  if (s.ok() && p->age == AgeBand::kChild && p->median_f0_hz <= 250.0) {
    s = Status::invalid_argument("a child voice needs median_f0_hz above 250", reader.path("median_f0_hz"));
  }
  if (s.ok() && p->age == AgeBand::kElderly && p->speaking_rate >= 1.0) {
    s = Status::invalid_argument("an elderly voice must speak slower than 1", reader.path("speaking_rate"));
  }
  return s;
}

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

  Result<ObjectReader> profile = reader.read_object("profile");
  if (!profile.ok()) return profile.status();
  s = read_profile(*profile, &voice.profile);
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
