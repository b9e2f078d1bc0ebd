#include "customization/customization_service.h"

#include <algorithm>

#include "audio/audio_format.h"
#include "base/base64.h"
#include "base/log.h"
#include "customization/recording_fetch.h"
#include "voice/reference_audio.h"
#include "tts/script.h"
#include "tts/text_runs.h"
#include "voice/voice_analysis.h"
#include "voice/voice_description.h"
#include "base/utf8.h"
#include "customization/voice_directory.h"
#include "customization/voice_names.h"

namespace voxwire::customization {
namespace {

namespace json = boost::json;
using store::CustomVoiceKind;

// Optional string field: nullopt if absent; an error if present but not a string.
Result<std::optional<std::string>> optional_string(const json::object& o, std::string_view key, std::string_view path) {
  const json::value* v = o.if_contains(key);
  if (!v || v->is_null()) return std::optional<std::string>();
  if (!v->is_string()) return Status::invalid_argument("'" + std::string(path) + "' must be a string.");
  return std::optional<std::string>(std::string(v->as_string()));
}

Result<std::string> required_string(const json::object& o, std::string_view key, std::string_view path) {
  auto s = optional_string(o, key, path);
  if (!s.ok()) return s.status();
  if (!*s || (*s)->empty()) return Status::invalid_argument("Required parameter '" + std::string(path) + "' missing.");
  return std::move(**s);
}

Result<int64_t> optional_integer(const json::object& o, std::string_view key, std::string_view path, int64_t fallback,
                                 int64_t lo, int64_t hi) {
  const json::value* v = o.if_contains(key);
  if (!v || v->is_null()) return fallback;
  if (!v->is_int64() && !v->is_uint64()) {
    return Status::invalid_argument("'" + std::string(path) + "' must be an integer.");
  }
  int64_t n = v->is_int64() ? v->as_int64() : static_cast<int64_t>(std::min<uint64_t>(v->as_uint64(), INT64_MAX));
  if (n < lo || n > hi) {
    return Status::invalid_argument("'" + std::string(path) + "' must be in [" + std::to_string(lo) + ", " +
                                    std::to_string(hi) + "].");
  }
  return n;
}

const json::object& object_or_empty(const json::object& o, std::string_view key) {
  static const json::object kEmpty;
  const json::value* v = o.if_contains(key);
  return v && v->is_object() ? v->as_object() : kEmpty;
}

json::object voice_fields(const store::StoredVoice& v) {
  json::object o{{"voice", v.name},
                 {"target_model", v.target_model},
                 {"language", v.language},
                 {"gmt_create", format_gmt(v.created_ms)},
                 {"gmt_modified", format_gmt(v.modified_ms)}};
  if (v.kind == CustomVoiceKind::kDesigned) {
    o["voice_prompt"] = v.voice_prompt;
    o["preview_text"] = v.preview_text;
  }
  return o;
}

// input.language: optional; one of the ten customization codes.
Result<std::string> language_code(const json::object& input, std::string_view fallback) {
  auto language = optional_string(input, "language", "input.language");
  if (!language.ok()) return language.status();
  if (!*language) return std::string(fallback);
  if (!parse_language_code(**language)) {
    return Status::invalid_argument("Invalid value for 'input.language': '" + **language +
                                    "'. Use zh, en, de, it, pt, es, ja, ko, fr or ru.");
  }
  return std::move(**language);
}

// A create's target_model: one the customization model makes voices for.
Result<std::string> target_model(const catalog::ModelCatalog& models, const catalog::CustomizationModel& product,
                                 const json::object& input) {
  auto target = required_string(input, "target_model", "input.target_model");
  if (!target.ok()) return target.status();
  if (!models.find_target_model(product.name, *target)) {
    std::string valid;
    for (std::string_view m : models.target_models(product.name)) valid += (valid.empty() ? "" : ", ") + std::string(m);
    return Status::invalid_argument("Invalid value for 'input.target_model': '" + *target + "'. Use one of: " + valid +
                                    ".");
  }
  return std::move(*target);
}

Result<std::string> preferred_name(const json::object& input) {
  auto name = required_string(input, "preferred_name", "input.preferred_name");
  if (!name.ok()) return name.status();
  if (!valid_preferred_name(*name)) {
    return Status::invalid_argument(
        "Invalid value for 'input.preferred_name': use 1 to 16 ASCII letters, digits or underscores.");
  }
  return std::move(*name);
}

// The recording behind a "data:<media type>;base64,<data>" URI, or a
// NotSupported status for anything that is not a data URI (a URL).
Result<std::string> data_uri_bytes(std::string_view uri, std::size_t max_bytes) {
  if (!uri.starts_with("data:")) return Status::not_supported("not a data URI");
  std::size_t comma = uri.find(',');
  if (comma == std::string_view::npos) return Status::invalid_argument("Malformed data URI in 'input.audio.data'.");
  std::string_view header = uri.substr(5, comma - 5);
  std::string_view payload = uri.substr(comma + 1);
  if (!header.ends_with(";base64")) {
    return Status::invalid_argument("The data URI in 'input.audio.data' must be base64 encoded.");
  }
  std::string_view media_type = header.substr(0, header.size() - 7);
  if (container_for_media_type(media_type) == AudioContainer::kUnknown) {
    return Status::invalid_argument("Unsupported audio media type '" + std::string(media_type) +
                                    "': use audio/wav, audio/mpeg, audio/flac or audio/ogg.");
  }
  if (payload.size() >= max_bytes) return Status::resource_exhausted("The recording is larger than 10 MB.");
  auto bytes = base64::decode(payload);
  if (!bytes) return Status::invalid_argument("'input.audio.data' is not valid base64.");
  return std::move(*bytes);
}

// voice_prompt must be Chinese or English (§5.1).
bool chinese_or_english(std::string_view text) {
  std::u32string latin;
  for (char32_t c : utf8::decode(text)) {
    Script script = script_of(c);
    if (script == Script::kKana || script == Script::kHangul || script == Script::kCyrillic) return false;
    latin += script == Script::kLatin ? c : U' ';
  }
  return guess_latin_language(latin) == Language::kEnglish;
}

// Collects a preview's encoded audio; hands it on when the job ends.
class PreviewCollector final : public synthesis::JobObserver {
 public:
  using Done = std::function<void(Status, std::string)>;
  explicit PreviewCollector(Done done) : done_(std::move(done)) {}
  void on_chunk(std::string bytes) override { audio_ += bytes; }
  void on_done(Status status, const synthesis::JobStats&) override { done_(std::move(status), std::move(audio_)); }

 private:
  Done done_;
  std::string audio_;
};

}  // namespace

struct CustomizationService::Request {
  auth::Caller caller;
  const catalog::CustomizationModel* model;
  CustomVoiceKind kind;
  json::object input;
  json::object parameters;
  std::function<void(ApiReply)> done;

  // Voice design documents `usage: {}` outside create; cloning `{"count": 0}`.
  json::object no_usage() const {
    return kind == CustomVoiceKind::kDesigned ? json::object{} : json::object{{"count", 0}};
  }
};

CustomizationService::CustomizationService(store::VoiceStore& store, const catalog::ModelCatalog& models,
                                           synthesis::SynthesisService& synthesis, metering::Meter& meter,
                                           const Clock& clock, CustomizationConfig config)
    : store_(store),
      meter_(meter),
      models_(models),
      synthesis_(synthesis),
      clock_(clock),
      config_(config),
      blocking_(2) {}

CustomizationService::~CustomizationService() = default;

void CustomizationService::handle(const auth::Caller& caller, const json::object& body,
                                  std::function<void(ApiReply)> done) {
  const json::value* model_value = body.if_contains("model");
  if (!model_value || model_value->is_null()) return done(ApiReply::error(ApiError::missing_model()));
  if (!model_value->is_string()) return done(ApiReply::error(ApiError::invalid_parameter("'model' must be a string.")));
  const catalog::CustomizationModel* model = catalog::find_customization_model(model_value->as_string());
  if (!model) return done(ApiReply::error(ApiError::model_not_found(model_value->as_string())));
  const json::value* input = body.if_contains("input");
  if (!input || input->is_null()) return done(ApiReply::error(ApiError::missing_input()));
  if (!input->is_object()) return done(ApiReply::error(ApiError::invalid_parameter("'input' must be an object.")));

  auto request = std::make_shared<Request>();
  request->caller = caller;
  request->model = model;
  request->kind = model->voice_kind == catalog::VoiceKind::kDesigned ? CustomVoiceKind::kDesigned
                                                                     : CustomVoiceKind::kCloned;
  request->input = input->as_object();
  request->parameters = object_or_empty(body, "parameters");
  request->done = std::move(done);

  auto action = required_string(request->input, "action", "input.action");
  if (!action.ok()) return request->done(ApiReply::error(ApiError::from_status(action.status())));
  if (*action == "create") {
    if (request->kind == CustomVoiceKind::kDesigned) return create_design(request);
    return create_enrollment(request);
  }
  if (*action == "list") return request->done(list(*request));
  if (*action == "query") return request->done(query(*request));
  if (*action == "delete") return request->done(remove(*request));
  request->done(ApiReply::error(ApiError::invalid_parameter(
      "Invalid value for 'input.action': '" + *action + "'. Use create, list, query or delete.")));
}

ApiReply CustomizationService::list(const Request& r) {
  const bool design = r.kind == CustomVoiceKind::kDesigned;
  auto page_index = optional_integer(r.input, "page_index", "input.page_index", 0, 0, design ? 200 : 1000000);
  if (!page_index.ok()) return ApiReply::error(ApiError::from_status(page_index.status()));
  auto page_size = optional_integer(r.input, "page_size", "input.page_size", 10, design ? 1 : 0, 1000000);
  if (!page_size.ok()) return ApiReply::error(ApiError::from_status(page_size.status()));
  auto page = store_.list(scope_of(r.caller), r.kind, *page_index, std::min<int64_t>(*page_size, 1000));
  if (!page.ok()) {
    log::error("voice_list_failed", {{"error", page.status().to_string()}});
    return ApiReply::error(ApiError::internal());
  }
  json::array voices;
  for (const auto& v : page->voices) voices.push_back(voice_fields(v));
  return ApiReply::ok({{"output", json::object{{"page_index", *page_index},
                                               {"page_size", *page_size},
                                               {"total_count", page->total},
                                               {"voice_list", std::move(voices)}}},
                       {"usage", r.no_usage()}});
}

ApiReply CustomizationService::query(const Request& r) {
  auto voice = required_string(r.input, "voice", "input.voice");
  if (!voice.ok()) return ApiReply::error(ApiError::from_status(voice.status()));
  auto found = store_.find(scope_of(r.caller), r.kind, *voice);
  if (!found.ok()) {
    if (found.status().code() == StatusCode::kNotFound) return ApiReply::error(ApiError::voice_not_found(*voice));
    log::error("voice_query_failed", {{"error", found.status().to_string()}});
    return ApiReply::error(ApiError::internal());
  }
  return ApiReply::ok({{"output", voice_fields(*found)}, {"usage", r.no_usage()}});
}

ApiReply CustomizationService::remove(const Request& r) {
  auto voice = required_string(r.input, "voice", "input.voice");
  if (!voice.ok()) return ApiReply::error(ApiError::from_status(voice.status()));
  Status s = store_.remove(scope_of(r.caller), r.kind, *voice);
  if (s.code() == StatusCode::kNotFound) return ApiReply::error(ApiError::voice_not_found(*voice));
  if (!s.ok()) {
    log::error("voice_delete_failed", {{"error", s.to_string()}});
    return ApiReply::error(ApiError::internal());
  }
  log::info("voice_deleted", {{"account", r.caller.account}, {"voice", *voice}});
  return ApiReply::ok({{"output", json::object{{"voice", *voice}}}, {"usage", r.no_usage()}});
}

void CustomizationService::create_design(std::shared_ptr<Request> request) {
  const Request& r = *request;
  auto fail = [&r](const Status& s) { r.done(ApiReply::error(ApiError::from_status(s))); };
  auto target = target_model(models_, *r.model, r.input);
  if (!target.ok()) return fail(target.status());
  auto prompt = required_string(r.input, "voice_prompt", "input.voice_prompt");
  if (!prompt.ok()) return fail(prompt.status());
  if (utf8::length(*prompt) > 2048) return fail(Status::invalid_argument("'input.voice_prompt' exceeds 2048 characters."));
  if (!chinese_or_english(*prompt)) {
    return fail(Status::invalid_argument("'input.voice_prompt' must be written in Chinese or English."));
  }
  auto preview_text = required_string(r.input, "preview_text", "input.preview_text");
  if (!preview_text.ok()) return fail(preview_text.status());
  if (utf8::length(*preview_text) > 1024) {
    return fail(Status::invalid_argument("'input.preview_text' exceeds 1024 characters."));
  }
  auto name = preferred_name(r.input);
  if (!name.ok()) return fail(name.status());
  auto language = language_code(r.input, "zh");
  if (!language.ok()) return fail(language.status());
  auto format_name = optional_string(r.parameters, "response_format", "parameters.response_format");
  if (!format_name.ok()) return fail(format_name.status());
  std::optional<audio::AudioFormat> format = audio::parse_format(format_name->value_or("wav"));
  if (!format || !audio::is_dashscope_format(*format)) {
    return fail(Status::invalid_argument("Invalid value for 'parameters.response_format': use pcm, wav, mp3 or opus."));
  }
  auto rate = optional_integer(r.parameters, "sample_rate", "parameters.sample_rate", 24000, 8000, 48000);
  if (!rate.ok()) return fail(rate.status());
  if (!audio::is_supported_sample_rate(static_cast<int>(*rate))) {
    return fail(Status::invalid_argument("Invalid value for 'parameters.sample_rate': use 8000, 16000, 24000 or 48000."));
  }

  const Language spoken = *parse_language_code(*language);
  InterpretedVoice designed = design_voice(*prompt);
  int64_t now = clock_.now_ms();
  auto voice = std::make_shared<store::StoredVoice>();
  voice->name = make_voice_name(CustomVoiceKind::kDesigned, *name, now);
  voice->kind = CustomVoiceKind::kDesigned;
  voice->target_model = *target;
  voice->language = *language;
  voice->voice_prompt = *prompt;
  voice->preview_text = *preview_text;
  voice->profile = designed.profile;
  voice->profile.name = voice->name;
  voice->created_ms = voice->modified_ms = voice->last_used_ms = now;
  json::array understood;
  for (const UnderstoodCue& cue : designed.understood) {
    if (!cue.applied) continue;
    understood.push_back(json::object{{"dimension", cue.dimension}, {"value", cue.value}, {"words", cue.words}});
  }
  log::info("voice_designed", {{"voice", voice->name}, {"understood", json::serialize(understood)}});

  synthesis::SynthesisSpec spec;
  spec.text = *preview_text;
  spec.language = spoken;
  spec.voice = voice->profile;
  spec.output.encoder = {*format, static_cast<int>(*rate), 128};
  spec.paced = false;  // the collector keeps the whole preview
  auto collector = std::make_shared<PreviewCollector>(
      [this, request, voice, format = *format, rate = *rate, understood = std::move(understood)](Status status,
                                                                                                  std::string audio) {
        if (!status.ok()) {
          log::error("voice_preview_failed", {{"voice", voice->name}, {"error", status.to_string()}});
          return request->done(ApiReply::error(ApiError::internal()));
        }
        json::object output{{"preview_audio", json::object{{"data", base64::encode(audio)},
                                                           {"sample_rate", rate},
                                                           {"response_format", audio::format_name(format)}}},
                            {"target_model", voice->target_model},
                            {"voice", voice->name},
                            {"understood", understood}};
        finish_create(*request, std::move(*voice), std::move(output));
      });
  synthesis_.submit(std::move(spec), std::move(collector));
}

void CustomizationService::create_enrollment(std::shared_ptr<Request> request) {
  const Request& r = *request;
  auto fail = [&r](const Status& s) { r.done(ApiReply::error(ApiError::from_status(s))); };
  auto target = target_model(models_, *r.model, r.input);
  if (!target.ok()) return fail(target.status());
  auto name = preferred_name(r.input);
  if (!name.ok()) return fail(name.status());
  auto language = language_code(r.input, "");
  if (!language.ok()) return fail(language.status());
  const json::value* audio = r.input.if_contains("audio");
  const json::value* data = audio && audio->is_object() ? audio->as_object().if_contains("data") : nullptr;
  if (!data || !data->is_string() || data->as_string().empty()) {
    return fail(Status::invalid_argument("Required parameter 'input.audio.data' missing."));
  }
  std::string source(data->as_string());
  // Everything that may take long (download, decoding, analysis) runs off the network threads.
  blocking_.post([this, request, source = std::move(source), target = *target, name = *name,
                  language = *language] {
    const Request& r = *request;
    Result<std::string> bytes = data_uri_bytes(source, config_.max_audio_bytes);
    if (bytes.status().code() == StatusCode::kNotSupported) {
      bytes = fetch_recording(source, {config_.max_audio_bytes, config_.fetch_timeout_ms, config_.allow_private_urls});
    }
    if (bytes.status().code() == StatusCode::kResourceExhausted) return r.done(ApiReply::error(ApiError::too_large()));
    if (!bytes.ok()) return r.done(ApiReply::error(ApiError::invalid_parameter(bytes.status().message())));
    Result<DecodedAudio> decoded = decode_reference_audio(*bytes);
    if (!decoded.ok()) return r.done(ApiReply::error(ApiError::invalid_parameter(decoded.status().message())));
    Result<VoiceAnalysis> analysis = analyze_voice(*decoded);
    if (!analysis.ok()) {
      if (analysis.status().code() == StatusCode::kInternal) {
        log::error("voice_analysis_failed", {{"error", analysis.status().to_string()}});
        return r.done(ApiReply::error(ApiError::internal()));
      }
      return r.done(ApiReply::error(ApiError::audio_preprocess(analysis.status().message())));
    }

    int64_t now = clock_.now_ms();
    store::StoredVoice voice;
    voice.name = make_voice_name(CustomVoiceKind::kCloned, name, now);
    voice.kind = CustomVoiceKind::kCloned;
    voice.target_model = target;
    voice.language = language.empty() ? "zh" : language;
    voice.profile = profile_from_analysis(*analysis, language, voice.name);
    voice.created_ms = voice.modified_ms = voice.last_used_ms = now;
    log::info("voice_analysed", {{"voice", voice.name},
                                 {"median_f0_hz", analysis->median_f0_hz},
                                 {"syllables_per_s", analysis->syllable_rate_hz},
                                 {"formant_scale", voice.profile.formant_scale},
                                 {"speaking_rate", voice.profile.speaking_rate}});
    json::object output{{"voice", voice.name}, {"target_model", voice.target_model}};
    finish_create(r, std::move(voice), std::move(output));
  });
}

void CustomizationService::finish_create(const Request& r, store::StoredVoice voice, json::object output) {
  Status s = store_.add(scope_of(r.caller), voice, config_.max_voices_per_account);
  if (s.code() == StatusCode::kResourceExhausted) return r.done(ApiReply::error(ApiError::allocation_quota(s.message())));
  if (!s.ok()) {
    log::error("voice_create_failed", {{"error", s.to_string()}});
    return r.done(ApiReply::error(ApiError::internal()));
  }
  log::info("voice_created", {{"account", r.caller.account}, {"voice", voice.name}, {"target_model", voice.target_model}});
  meter_.voice_created(r.caller.account, r.model->name);
  r.done(ApiReply::ok({{"output", std::move(output)}, {"usage", json::object{{"count", 1}}}}));
}

}  // namespace voxwire::customization
