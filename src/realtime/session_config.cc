#include "realtime/session_config.h"

#include <cmath>

#include "base/tokens.h"

namespace voxwire::realtime {
namespace {

namespace json = boost::json;

constexpr std::size_t kMaxInstructionTokens = 1600;

Status bad(std::string_view key, std::string message) {
  return Status::invalid_argument(std::move(message), "session." + std::string(key));
}

Status type_error(std::string_view key, std::string_view expected) {
  return bad(key, "Invalid type for 'session." + std::string(key) + "': expected " + std::string(expected) + ".");
}

Result<std::string> get_string(const json::value& v, std::string_view key) {
  if (!v.is_string()) return type_error(key, "a string");
  return std::string(v.as_string());
}

Result<double> get_number(const json::value& v, std::string_view key) {
  if (!v.is_number()) return type_error(key, "a number");
  return v.to_number<double>();
}

Result<int> get_integer(const json::value& v, std::string_view key) {
  if (!v.is_number()) return type_error(key, "an integer");
  double d = v.to_number<double>();
  if (d != std::floor(d) || std::abs(d) > 1e9) return type_error(key, "an integer");
  return static_cast<int>(d);
}

Result<bool> get_bool(const json::value& v, std::string_view key) {
  if (!v.is_bool()) return type_error(key, "a boolean");
  return v.as_bool();
}

std::string format_number(double v) {
  json::value j = v;
  return json::serialize(j);
}

// A control the model cannot apply is refused unless it asks for the neutral value.
Status check_control(const catalog::ModelInfo& model, std::string_view key, bool neutral) {
  if (model.caps.audio_controls || neutral) return Status();
  return bad(key, "Parameter 'session." + std::string(key) + "' is not supported by model '" +
                      std::string(model.name) + "'.");
}

Status check_range(std::string_view key, double value, double lo, double hi) {
  if (value >= lo && value <= hi) return Status();
  return bad(key, "Invalid value for 'session." + std::string(key) + "': " + format_number(value) +
                      ". It must be between " + format_number(lo) + " and " + format_number(hi) + ".");
}

Status apply_field(SessionConfig& c, std::string_view key, const json::value& v, const catalog::ModelInfo& model,
                   const VoiceResolver& voices) {
  if (key == "voice") {
    auto name = get_string(v, key);
    if (!name.ok()) return name.status();
    auto profile = voices(*name);
    if (!profile.ok()) return profile.status();
    c.voice = std::move(*profile);
  } else if (key == "mode") {
    auto mode = get_string(v, key);
    if (!mode.ok()) return mode.status();
    if (*mode == "server_commit") c.mode = Mode::kServerCommit;
    else if (*mode == "commit") c.mode = Mode::kCommit;
    else return bad(key, "Invalid value for 'session.mode': '" + *mode + "'. Use 'server_commit' or 'commit'.");
  } else if (key == "language_type") {
    auto text = get_string(v, key);
    if (!text.ok()) return text.status();
    LanguageType lang;
    if (!parse_language_type(*text, &lang)) {
      return bad(key, "Invalid value for 'session.language_type': '" + *text +
                          "'. Use Auto, Chinese, English, German, Italian, Portuguese, Spanish, Japanese, Korean, "
                          "French or Russian.");
    }
    bool allowed = !lang;
    for (Language l : model.caps.languages) allowed = allowed || l == *lang;
    if (!allowed) return bad(key, "Language '" + *text + "' is not supported by model '" + std::string(model.name) + "'.");
    c.language = lang;
  } else if (key == "response_format") {
    auto text = get_string(v, key);
    if (!text.ok()) return text.status();
    auto format = audio::parse_format(*text);
    if (!format || !model.caps.supports_format(*format)) {
      return bad(key, "Invalid value for 'session.response_format': '" + *text + "' is not supported by model '" +
                          std::string(model.name) + "'.");
    }
    c.format = *format;
  } else if (key == "sample_rate") {
    auto hz = get_integer(v, key);
    if (!hz.ok()) return hz.status();
    if (!model.caps.supports_sample_rate(*hz)) {
      return bad(key, "Invalid value for 'session.sample_rate': " + std::to_string(*hz) +
                          " is not supported by model '" + std::string(model.name) + "'.");
    }
    c.sample_rate_hz = *hz;
  } else if (key == "speech_rate" || key == "pitch_rate") {
    auto rate = get_number(v, key);
    if (!rate.ok()) return rate.status();
    if (Status s = check_range(key, *rate, 0.5, 2.0); !s.ok()) return s;
    if (Status s = check_control(model, key, *rate == 1.0); !s.ok()) return s;
    (key == "speech_rate" ? c.speech_rate : c.pitch_rate) = *rate;
  } else if (key == "volume") {
    auto volume = get_integer(v, key);
    if (!volume.ok()) return volume.status();
    if (Status s = check_range(key, *volume, 0, 100); !s.ok()) return s;
    if (Status s = check_control(model, key, *volume == 50); !s.ok()) return s;
    c.volume = *volume;
  } else if (key == "bit_rate") {
    auto kbps = get_integer(v, key);
    if (!kbps.ok()) return kbps.status();
    if (Status s = check_range(key, *kbps, 6, 510); !s.ok()) return s;
    if (Status s = check_control(model, key, *kbps == 128); !s.ok()) return s;
    c.bit_rate_kbps = *kbps;
  } else if (key == "instructions") {
    auto text = get_string(v, key);
    if (!text.ok()) return text.status();
    if (estimate_tokens(*text) > kMaxInstructionTokens) {
      return bad(key, "Invalid value for 'session.instructions': longer than 1600 tokens.");
    }
    c.instructions = std::move(*text);
  } else if (key == "optimize_instructions") {
    auto flag = get_bool(v, key);
    if (!flag.ok()) return flag.status();
    c.optimize_instructions = *flag;
  } else if (key == "enable_tn") {
    auto flag = get_bool(v, key);
    if (!flag.ok()) return flag.status();
    c.enable_tn = *flag;
  }
  return Status();  // unknown keys are ignored (the SDK forwards extra kwargs)
}

}  // namespace

SessionConfig default_config(const catalog::ModelInfo& model, const VoiceResolver& voices) {
  SessionConfig c;
  if (model.caps.voice_kind == catalog::VoiceKind::kSystem) {
    auto cherry = voices("Cherry");
    if (cherry.ok()) c.voice = std::move(*cherry);
  }
  return c;
}

Status apply_session_update(SessionConfig* config, const json::value& session, const catalog::ModelInfo& model,
                            const VoiceResolver& voices) {
  if (session.is_null()) return Status();
  if (!session.is_object()) {
    return Status::invalid_argument("Invalid type for 'session': expected an object.", "session");
  }
  SessionConfig next = *config;
  for (const auto& [key, value] : session.as_object()) {
    if (Status s = apply_field(next, key, value, model, voices); !s.ok()) return s;
  }
  *config = std::move(next);
  return Status();
}

json::object describe_session(const SessionConfig& c, std::string_view session_id, const catalog::ModelInfo& model,
                              bool full) {
  json::object s;
  s["id"] = session_id;
  s["object"] = "realtime.session";
  s["model"] = model.name;
  s["voice"] = c.voice ? c.voice->name : "";
  s["mode"] = c.mode == Mode::kServerCommit ? "server_commit" : "commit";
  s["response_format"] = audio::format_name(c.format);
  s["sample_rate"] = c.sample_rate_hz;
  if (!full) return s;
  s["language_type"] = c.language ? language_type_name(*c.language) : "Auto";
  s["speech_rate"] = c.speech_rate;
  s["volume"] = c.volume;
  s["pitch_rate"] = c.pitch_rate;
  s["bit_rate"] = c.bit_rate_kbps;
  s["instructions"] = c.instructions;
  s["optimize_instructions"] = c.optimize_instructions;
  if (c.enable_tn) s["enable_tn"] = *c.enable_tn;
  return s;
}

}  // namespace voxwire::realtime
