#include "inference/task_params.h"

#include <cctype>
#include <cmath>

#include "base/status.h"
#include "ssml/speech_plan.h"
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

// Who speaks: a system voice of the model or the caller's custom voice,
// with the run-task's instruction applied; and what the voice can do.
Status resolve_voice(const InferenceModel& model, const json::object& p, const CustomVoiceLookup& custom_voices,
                     TaskParams* out) {
  InstructionTemplates templates = InstructionTemplates::kNone;
  bool voice_ssml = true;
  bool voice_timestamps = true;
  if (model.family == Family::kSambert) {
    std::optional<VoiceProfile> profile = speaker_profile(model.sambert_speaker, model.name);
    if (!profile) return Status::internal("voice profile of '" + std::string(model.name) + "' is missing");
    out->voice = std::move(*profile);
  } else {
    const json::value* v = p.if_contains("voice");
    if (!v || !v->is_string() || v->as_string().empty()) return invalid("Request voice is invalid!");
    const std::string_view id = v->as_string();
    out->voice_id = std::string(id);
    if (const CosyVoiceVoice* system = find_voice(model, id)) {
      std::optional<VoiceProfile> profile = speaker_profile(system->speaker, system->id);
      if (!profile) return Status::internal("voice profile of '" + std::string(id) + "' is missing");
      out->voice = std::move(*profile);
      templates = system->instruction;
      voice_ssml = system->ssml;
      voice_timestamps = system->timestamps;
    } else {
      std::optional<CustomVoice> custom =
          model.caps.custom_voices && custom_voices ? custom_voices(model.name, id) : std::nullopt;
      if (!custom || (custom->designed && !model.caps.designed_voices)) {
        return invalid("[tts:]Engine return error code: 418");
      }
      out->voice = std::move(custom->profile);
      out->voice_kind = custom->designed ? VoiceKind::kDesigned : VoiceKind::kCloned;
    }
  }
  out->ssml_capable = model.caps.ssml && voice_ssml;
  out->word_timestamps = out->word_timestamps && model.caps.word_timestamps && voice_timestamps;
  out->phoneme_timestamps = out->phoneme_timestamps && out->word_timestamps && model.family == Family::kSambert;

  if (const json::value* i = p.if_contains("instruction"); i && !i->is_null() && model.family == Family::kCosyVoice) {
    if (!i->is_string()) return invalid("Parameter 'instruction' must be a string.");
    Result<VoiceProfile> instructed = apply_instruction(model, out->voice_kind, templates, out->voice, i->as_string());
    if (!instructed.ok()) return instructed.status();
    out->voice = std::move(*instructed);
  }
  return Status();
}

}  // namespace

Result<TaskParams> parse_task_params(const InferenceModel& model, const json::value* parameters,
                                     const CustomVoiceLookup& custom_voices) {
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
  Status error;

  // text_type PlainText; "SSML" (undocumented) means enable_ssml (§7).
  if (const json::value* t = p.if_contains("text_type"); t && !t->is_null()) {
    const bool ssml = t->is_string() && iequals(t->as_string(), "SSML") && !sambert;
    if (!ssml && !(t->is_string() && iequals(t->as_string(), "PlainText"))) {
      return invalid("Parameter 'text_type' must be 'PlainText'.");
    }
    out.enable_ssml = ssml;
  } else if (!sambert) {
    return invalid("Missing required parameter 'text_type'.");
  }
  if (!read_bool(p, "word_timestamp_enabled", &out.word_timestamps, &error)) return error;
  if (!read_bool(p, "phoneme_timestamp_enabled", &out.phoneme_timestamps, &error)) return error;
  if (Status s = resolve_voice(model, p, custom_voices, &out); !s.ok()) return s;

  // Format and rate.
  if (const json::value* f = p.if_contains("format"); f && !f->is_null()) {
    if (!f->is_string()) return invalid("Parameter 'format' must be a string.");
    std::string_view name = f->as_string();
    if (iequals(name, "Default")) {
      out.format = sambert ? audio::AudioFormat::kWav : audio::AudioFormat::kMp3;
    } else {
      std::optional<audio::AudioFormat> parsed = audio::parse_format(name);
      if (!parsed || !audio::is_dashscope_format(*parsed) || (*parsed == audio::AudioFormat::kOpus && !model.caps.opus)) {
        return invalid("Parameter 'format' '" + std::string(name) + "' is not supported by model '" +
                       std::string(model.name) + "'; use " + (model.caps.opus ? "pcm, wav, mp3 or opus." : "pcm, wav or mp3."));
      }
      out.format = *parsed;
    }
  }
  double number = 0;
  if (p.if_contains("sample_rate")) {
    number = out.sample_rate_hz;
    if (!read_number(p, "sample_rate", &number, &error)) return error;
    if (number != 0) {
      if (number != std::floor(number) || number < 0 || number > 1e6 ||
          !audio::is_supported_sample_rate(static_cast<int>(number))) {
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
    number = ssml::from_legacy_scale(number);  // the legacy NLS scale (§8.4, §12.3)
    if (!(number >= 0.5 && number <= 2.0)) {
      return invalid("Parameter '" + std::string(key) + "' must be in [0.5, 2.0].");
    }
    *field = number;
  }
  bool enable_ssml = false;
  if (!read_bool(p, "enable_ssml", &enable_ssml, &error)) return error;
  out.enable_ssml = out.enable_ssml || enable_ssml;

  if (const json::value* v = p.if_contains("hot_fix"); v && !v->is_null()) {
    if (!model.caps.hot_fix) {
      return invalid("Parameter 'hot_fix' is not supported by model '" + std::string(model.name) + "'.");
    }
    Result<HotFix> fix = parse_hot_fix(*v);
    if (!fix.ok()) return fix.status();
    out.hot_fix = std::move(*fix);
  }
  if (!model.caps.tuning) return out;  // v1 and Sambert: no seed, bit_rate or language_hints (§16 item 4)
  number = 0;  // seed: checked only; the built-in engines give the same audio for the same input anyway
  if (!read_number(p, "seed", &number, &error)) return error;
  if (number < 0 || number > 65535 || number != std::floor(number)) {
    return invalid("Parameter 'seed' must be an integer in [0, 65535].");
  }
  number = out.bit_rate_kbps;
  if (!read_number(p, "bit_rate", &number, &error)) return error;
  if (number > 510) number = std::round(number / 1000.0);  // bits per second (one doc example)
  if (number < 6 || number > 510 || number != std::floor(number)) {
    return invalid("Parameter 'bit_rate' must be an integer in [6, 510] (kbps).");
  }
  out.bit_rate_kbps = static_cast<int>(number);
  if (const json::value* hints = p.if_contains("language_hints"); hints && !hints->is_null()) {
    if (!hints->is_array()) return invalid("Parameter 'language_hints' must be an array of strings.");
    if (!hints->as_array().empty()) {
      const json::value& first = hints->as_array().front();
      if (!first.is_string()) return invalid("Parameter 'language_hints' must be an array of strings.");
      std::optional<Language> language = parse_language_code(first.as_string());
      // Thai, Indonesian, Vietnamese (§7): no built-in engine speaks them; the text's script decides.
      const bool unspoken = first.as_string() == "th" || first.as_string() == "id" || first.as_string() == "vi";
      if (!language && !unspoken) {
        return invalid("Parameter 'language_hints' value '" + std::string(first.as_string()) + "' is not supported.");
      }
      out.language = language;
    }
  }
  return out;
}

}  // namespace voxwire::inference
