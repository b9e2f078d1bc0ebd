#include "customization/qwen_voices.h"

#include <algorithm>

#include "base/base64.h"
#include "base/log.h"
#include "base/utf8.h"
#include "customization/request_fields.h"
#include "customization/voice_directory.h"
#include "customization/voice_names.h"
#include "voice/voice_description.h"

namespace voxwire::customization {
namespace {

namespace json = boost::json;
using store::CustomVoiceKind;

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

}  // namespace

struct QwenVoices::Request {
  auth::Caller caller;
  const catalog::CustomizationModel* product;
  CustomVoiceKind kind;
  json::object input;
  json::object parameters;
  std::function<void(ApiReply)> done;

  std::string_view collection() const { return product->name; }
  // Voice design documents `usage: {}` outside create; cloning `{"count": 0}`.
  json::object no_usage() const {
    return kind == CustomVoiceKind::kDesigned ? json::object{} : json::object{{"count", 0}};
  }
};

void QwenVoices::handle(const auth::Caller& caller, const catalog::CustomizationModel& product,
                        const json::object& input, const json::object& parameters,
                        std::function<void(ApiReply)> done) {
  auto request = std::make_shared<Request>();
  request->caller = caller;
  request->product = &product;
  request->kind = product.voice_kind == catalog::VoiceKind::kDesigned ? CustomVoiceKind::kDesigned
                                                                      : CustomVoiceKind::kCloned;
  request->input = input;
  request->parameters = parameters;
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

ApiReply QwenVoices::list(const Request& r) {
  const bool design = r.kind == CustomVoiceKind::kDesigned;
  auto page_index = optional_integer(r.input, "page_index", "input.page_index", 0, 0, design ? 200 : 1000000);
  if (!page_index.ok()) return ApiReply::error(ApiError::from_status(page_index.status()));
  auto page_size = optional_integer(r.input, "page_size", "input.page_size", 10, design ? 1 : 0, 1000000);
  if (!page_size.ok()) return ApiReply::error(ApiError::from_status(page_size.status()));
  auto page = creation_.store().list(scope_of(r.caller), r.collection(), *page_index,
                                     std::min<int64_t>(*page_size, 1000));
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

ApiReply QwenVoices::query(const Request& r) {
  auto voice = required_string(r.input, "voice", "input.voice");
  if (!voice.ok()) return ApiReply::error(ApiError::from_status(voice.status()));
  auto found = creation_.store().find(scope_of(r.caller), r.collection(), *voice);
  if (!found.ok()) {
    if (found.status().code() == StatusCode::kNotFound) return ApiReply::error(ApiError::voice_not_found(*voice));
    log::error("voice_query_failed", {{"error", found.status().to_string()}});
    return ApiReply::error(ApiError::internal());
  }
  return ApiReply::ok({{"output", voice_fields(*found)}, {"usage", r.no_usage()}});
}

ApiReply QwenVoices::remove(const Request& r) {
  auto voice = required_string(r.input, "voice", "input.voice");
  if (!voice.ok()) return ApiReply::error(ApiError::from_status(voice.status()));
  Status s = creation_.store().remove(scope_of(r.caller), r.collection(), *voice);
  if (s.code() == StatusCode::kNotFound) return ApiReply::error(ApiError::voice_not_found(*voice));
  if (!s.ok()) {
    log::error("voice_delete_failed", {{"error", s.to_string()}});
    return ApiReply::error(ApiError::internal());
  }
  log::info("voice_deleted", {{"account", r.caller.account}, {"voice", *voice}});
  return ApiReply::ok({{"output", json::object{{"voice", *voice}}}, {"usage", r.no_usage()}});
}

void QwenVoices::create_design(std::shared_ptr<Request> request) {
  const Request& r = *request;
  auto fail = [&r](const Status& s) { r.done(ApiReply::error(ApiError::from_status(s))); };
  auto target = target_model(models_, *r.product, r.input);
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

  InterpretedVoice designed = design_voice(*prompt);
  int64_t now = creation_.now_ms();
  auto voice = std::make_shared<store::StoredVoice>();
  voice->name = make_voice_name(CustomVoiceKind::kDesigned, *name, now);
  voice->collection = r.collection();
  voice->kind = CustomVoiceKind::kDesigned;
  voice->label = *name;
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

  PreviewSpec preview{*preview_text, *parse_language_code(*language), voice->profile, *format, static_cast<int>(*rate)};
  creation_.render_preview(std::move(preview), [this, request, voice, format = *format, rate = *rate,
                                                understood = std::move(understood)](Result<std::string> audio) {
    if (!audio.ok()) return request->done(ApiReply::error(ApiError::internal()));
    json::object output{{"preview_audio", json::object{{"data", base64::encode(*audio)},
                                                       {"sample_rate", rate},
                                                       {"response_format", audio::format_name(format)}}},
                        {"target_model", voice->target_model},
                        {"voice", voice->name},
                        {"understood", understood}};
    finish_create(*request, *voice, std::move(output));
  });
}

void QwenVoices::create_enrollment(std::shared_ptr<Request> request) {
  const Request& r = *request;
  auto fail = [&r](const Status& s) { r.done(ApiReply::error(ApiError::from_status(s))); };
  auto target = target_model(models_, *r.product, r.input);
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
  int64_t now = creation_.now_ms();
  store::StoredVoice voice;
  voice.name = make_voice_name(CustomVoiceKind::kCloned, *name, now);
  voice.collection = r.collection();
  voice.kind = CustomVoiceKind::kCloned;
  voice.label = *name;
  voice.target_model = *target;
  voice.language = language->empty() ? "zh" : *language;
  voice.created_ms = voice.modified_ms = voice.last_used_ms = now;
  std::string voice_name = voice.name;
  creation_.clone_profile(std::string(data->as_string()), "input.audio.data", *language, std::move(voice_name),
                          [this, request, voice = std::move(voice)](RecordingOutcome outcome) mutable {
                            if (!outcome.status.ok()) return request->done(ApiReply::error(recording_error(outcome)));
                            voice.profile = std::move(outcome.profile);
                            json::object output{{"voice", voice.name}, {"target_model", voice.target_model}};
                            finish_create(*request, voice, std::move(output));
                          });
}

void QwenVoices::finish_create(const Request& r, const store::StoredVoice& voice, json::object output) {
  if (std::optional<ApiError> failed = creation_.save(r.caller, voice)) return r.done(ApiReply::error(*failed));
  r.done(ApiReply::ok({{"output", std::move(output)}, {"usage", json::object{{"count", 1}}}}));
}

}  // namespace voxwire::customization
