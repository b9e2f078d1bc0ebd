#include "inference/task_params.h"

#include <cctype>
#include <cmath>

#include "base/status.h"
#include "voice/voice_catalog.h"

namespace voxwire::inference {
namespace {

namespace json = boost::json;

Status invalid(std::string message) { return Status::invalid_argument(std::move(message)); }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

// A number field; false (with *error set) if present but not a number.
bool read_number(const json::object& p, std::string_view key, double* out, Status* error) {
  const json::value* v = p.if_contains(key);
  if (!v || v->is_null()) return true;
  if (v->is_int64()) {
    *out = static_cast<double>(v->as_int64());
  } else if (v->is_uint64()) {
    *out = static_cast<double>(v->as_uint64());
  } else if (v->is_double()) {
    *out = v->as_double();
  } else {
    *error = invalid("Parameter '" + std::string(key) + "' must be a number.");
    return false;
  }
  return true;
}

// A boolean field; "true"/"false" strings accepted (§7).
bool read_bool(const json::object& p, std::string_view key, bool* out, Status* error) {
  const json::value* v = p.if_contains(key);
  if (!v || v->is_null()) return true;
  if (v->is_bool()) {
    *out = v->as_bool();
  } else if (v->is_string() && (v->as_string() == "true" || v->as_string() == "false")) {
    *out = v->as_string() == "true";
  } else {
    *error = invalid("Parameter '" + std::string(key) + "' must be a boolean.");
    return false;
  }
  return true;
}

// The legacy NLS scale [-500, 500] of rate and pitch, mapped onto [0.5, 2]
// (§8.4, §12.3): 0 -> 1, 500 -> 2, -500 -> 0.5. Only whole numbers <= 0 or
// >= 10 are read that way, so a plain mistake like 3.0 is still refused.
double legacy_scale(double v) {
  const bool legacy = v == std::floor(v) && v >= -500 && v <= 500 && (v <= 0 || v >= 10);
  if (legacy) return v >= 0 ? 1.0 + v / 500.0 : 1.0 + v / 1000.0;
  return v;
}

}  // namespace

Result<TaskParams> parse_task_params(const InferenceModel& model, const json::value* parameters) {
  static const json::object kEmpty;
  if (parameters && !parameters->is_null() && !parameters->is_object()) {
    return invalid("payload.parameters must be a JSON object.");
  }
  const json::object& p = parameters && parameters->is_object() ? parameters->as_object() : kEmpty;
  const bool sambert = model.family == Family::kSambert;
  TaskParams out;
  if (sambert) {
    out.format = audio::AudioFormat::kWav;
    out.sample_rate_hz = 16000;
  }

  if (const json::value* t = p.if_contains("text_type"); t && !t->is_null()) {
    if (!t->is_string() || !iequals(t->as_string(), "PlainText")) {
      return invalid("Parameter 'text_type' must be 'PlainText' (SSML is not supported at the moment).");
    }
  } else if (!sambert) {
    return invalid("Missing required parameter 'text_type'.");
  }

  // Voice.
  std::string_view profile_name = model.sambert_profile;
  if (!sambert) {
    const json::value* v = p.if_contains("voice");
    if (!v || !v->is_string() || v->as_string().empty()) return invalid("Request voice is invalid!");
    const CosyVoiceVoice* voice = find_voice(model, v->as_string());
    if (!voice) return invalid("[tts:]Engine return error code: 418");
    out.voice_id = std::string(voice->id);
    profile_name = voice->profile;
  }
  const SystemVoice* system = VoiceCatalog::system_voices().find(profile_name);
  if (!system) return Status::internal("voice profile '" + std::string(profile_name) + "' is missing");
  out.voice = system->profile;

  // Format and rate.
  if (const json::value* f = p.if_contains("format"); f && !f->is_null()) {
    if (!f->is_string()) return invalid("Parameter 'format' must be a string.");
    std::string_view name = f->as_string();
    if (iequals(name, "Default")) {
      out.format = sambert ? audio::AudioFormat::kWav : audio::AudioFormat::kMp3;
    } else {
      std::optional<audio::AudioFormat> parsed = audio::parse_format(name);
      if (!parsed || !audio::is_dashscope_format(*parsed) || (*parsed == audio::AudioFormat::kOpus && !model.opus)) {
        return invalid("Parameter 'format' '" + std::string(name) + "' is not supported by model '" +
                       std::string(model.name) + "'; use " + (model.opus ? "pcm, wav, mp3 or opus." : "pcm, wav or mp3."));
      }
      out.format = *parsed;
    }
  }
  Status error;
  double number = 0;
  if (p.if_contains("sample_rate")) {
    number = out.sample_rate_hz;
    if (!read_number(p, "sample_rate", &number, &error)) return error;
    if (number != 0) {
      if (number != std::floor(number) || !audio::is_supported_sample_rate(static_cast<int>(number))) {
        return invalid("Parameter 'sample_rate' must be one of 8000, 16000, 22050, 24000, 44100, 48000.");
      }
      out.sample_rate_hz = static_cast<int>(number);
    }
  }
  number = out.volume;
  if (!read_number(p, "volume", &number, &error)) return error;
  if (number < 0 || number > 100 || number != std::floor(number)) {
    return invalid("Parameter 'volume' must be an integer in [0, 100].");
  }
  out.volume = static_cast<int>(number);
  for (auto [key, field] : {std::pair{"rate", &out.rate}, std::pair{"pitch", &out.pitch}}) {
    number = *field;
    if (!read_number(p, key, &number, &error)) return error;
    number = legacy_scale(number);
    if (!(number >= 0.5 && number <= 2.0)) {
      return invalid("Parameter '" + std::string(key) + "' must be in [0.5, 2.0].");
    }
    *field = number;
  }
  number = out.bit_rate_kbps;
  if (!read_number(p, "bit_rate", &number, &error)) return error;
  if (number > 510) number = std::round(number / 1000.0);  // bits per second (one doc example)
  if (number < 6 || number > 510 || number != std::floor(number)) {
    return invalid("Parameter 'bit_rate' must be an integer in [6, 510] (kbps).");
  }
  out.bit_rate_kbps = static_cast<int>(number);

  if (!read_bool(p, "enable_ssml", &out.enable_ssml, &error)) return error;

  // What this server does not do yet is refused, never silently ignored.
  for (std::string_view flag : {"word_timestamp_enabled", "phoneme_timestamp_enabled"}) {
    bool on = false;
    if (!read_bool(p, flag, &on, &error)) return error;
    if (on) return invalid("Parameter '" + std::string(flag) + "' is not supported by this server yet.");
  }
  for (std::string_view key : {"instruction", "hot_fix"}) {
    const json::value* v = p.if_contains(key);
    if (v && !v->is_null() && !(v->is_string() && v->as_string().empty())) {
      return invalid("Parameter '" + std::string(key) + "' is not supported by this server yet.");
    }
  }
  if (const json::value* hints = p.if_contains("language_hints"); hints && !hints->is_null()) {
    if (!hints->is_array()) return invalid("Parameter 'language_hints' must be an array of strings.");
    if (!hints->as_array().empty()) {
      const json::value& first = hints->as_array().front();
      if (!first.is_string()) return invalid("Parameter 'language_hints' must be an array of strings.");
      std::optional<Language> language = parse_language_code(first.as_string());
      if (!language) {
        return invalid("Parameter 'language_hints' value '" + std::string(first.as_string()) + "' is not supported.");
      }
      out.language = language;
    }
  }
  return out;
}

}  // namespace voxwire::inference
