#include "customization/cosyvoice_enrollment.h"

#include <algorithm>
#include <span>

#include "base/base64.h"
#include "base/log.h"
#include "base/utf8.h"
#include "customization/request_fields.h"
#include "customization/voice_directory.h"
#include "customization/voice_names.h"
#include "inference/inference_catalog.h"
#include "tts/script.h"
#include "voice/voice_description.h"

namespace voxwire::customization {
namespace {

namespace json = boost::json;
using store::CustomVoiceKind;

// §13.4: the languages a recording may be in; §13.5: those of a design's preview.
constexpr std::string_view kCloneLanguages[] = {"zh", "en", "fr", "de", "ja", "ko", "ru", "pt", "th", "id", "vi"};
constexpr std::string_view kDesignLanguages[] = {"zh", "en"};

constexpr int kPreviewRatesHz[] = {16000, 24000, 48000};
constexpr audio::AudioFormat kPreviewFormats[] = {audio::AudioFormat::kPcm, audio::AudioFormat::kWav,
                                                  audio::AudioFormat::kMp3};

std::string joined(std::span<const std::string_view> names) {
  std::string out;
  for (std::string_view n : names) out += (out.empty() ? "" : ", ") + std::string(n);
  return out;
}

Result<std::string> target_model(const json::object& input, CustomVoiceKind kind) {
  auto target = required_string(input, "target_model", "input.target_model");
  if (!target.ok()) return target.status();
  // The CosyVoice models that speak voices of this kind (§13.4, §13.5).
  std::vector<std::string_view> valid;
  for (const inference::InferenceModel& m : inference::inference_models()) {
    const bool speaks = kind == CustomVoiceKind::kCloned ? m.caps.custom_voices : m.caps.designed_voices;
    if (m.family == inference::Family::kCosyVoice && speaks) valid.push_back(m.name);
  }
  if (std::find(valid.begin(), valid.end(), *target) == valid.end()) {
    return Status::invalid_argument("Invalid value for 'input.target_model': '" + *target + "'. " +
                                    (kind == CustomVoiceKind::kDesigned ? "Voice design" : "Voice cloning") +
                                    " takes one of: " + joined(valid) + ".");
  }
  return std::move(*target);
}

// input.prefix: required for a create; for list_voice an optional filter
// (nullopt when absent or empty).
Result<std::optional<std::string>> prefix(const json::object& input, bool required) {
  auto value = optional_string(input, "prefix", "input.prefix");
  if (!value.ok()) return value.status();
  if (!*value || (*value)->empty()) {
    if (required) return Status::invalid_argument("Required parameter 'input.prefix' missing.");
    return std::optional<std::string>();
  }
  if (!valid_cosyvoice_prefix(**value)) {
    return Status::invalid_argument("Invalid value for 'input.prefix': use 1 to 10 ASCII letters, digits or underscores.");
  }
  return value;
}

// input.language_hints: an optional array of strings whose first element
// (the only one used) is one of `allowed`; "zh" if absent or empty.
Result<std::string> language_hint(const json::object& input, std::span<const std::string_view> allowed) {
  const json::value* hints = input.if_contains("language_hints");
  if (!hints || hints->is_null() || (hints->is_array() && hints->as_array().empty())) return std::string("zh");
  const std::string bad_type = "'input.language_hints' must be an array of strings.";
  if (!hints->is_array()) return Status::invalid_argument(bad_type);
  for (const json::value& hint : hints->as_array()) {
    if (!hint.is_string()) return Status::invalid_argument(bad_type);
  }
  const std::string_view first = hints->as_array().front().as_string();
  if (std::find(allowed.begin(), allowed.end(), first) == allowed.end()) {
    return Status::invalid_argument("Invalid value for 'input.language_hints': '" + std::string(first) + "'. Use " +
                                    joined(allowed) + ".");
  }
  return std::string(first);
}

// The options of a recording (§13.4): checked, though this server always
// analyses the whole recording and finds its speech itself.
Status check_recording_options(const json::object& input) {
  auto max_length = optional_number(input, "max_prompt_audio_length", "input.max_prompt_audio_length", 10.0, 3.0, 30.0);
  if (!max_length.ok()) return max_length.status();
  auto preprocess = optional_bool(input, "enable_preprocess", "input.enable_preprocess", false);
  return preprocess.status();
}

// input.url: where the recording is, an http(s) URL or a data URI.
Result<std::string> recording_url(const json::object& input) {
  auto url = required_string(input, "url", "input.url");
  if (!url.ok()) return url.status();
  if (!url->starts_with("http://") && !url->starts_with("https://") && !url->starts_with("data:")) {
    return Status::invalid_argument("'input.url' must be an http(s) URL or a data URI (data:audio/wav;base64,...).");
  }
  return url;
}

// A present, non-empty field (a null `url` from the SDK counts as absent, §13.1).
bool has_value(const json::object& input, std::string_view key) {
  const json::value* v = input.if_contains(key);
  return v && !v->is_null() && !(v->is_string() && v->as_string().empty());
}

// A clone's profile speaks the hint's language if the engines know it.
std::string profile_language(std::string_view hint) {
  return parse_language_code(hint) ? std::string(hint) : std::string();
}

ApiError clone_error(const RecordingOutcome& outcome) {
  if (outcome.stage == RecordingStage::kDownload) return ApiError::download_failed(outcome.status.message());
  return recording_error(outcome);
}

ApiReply answer(json::object output) {
  return ApiReply::ok({{"output", std::move(output)}, {"usage", json::object{{"count", 1}}}});
}

ApiReply store_failure(std::string_view event, const Status& s) {
  log::error(event, {{"error", s.to_string()}});
  return ApiReply::error(ApiError::internal());
}

ApiReply not_found(std::string_view voice_id) {
  return ApiReply::error(ApiError::invalid_parameter("Voice not found: '" + std::string(voice_id) + "'."));
}

}  // namespace

struct CosyVoiceEnrollment::Request {
  auth::Caller caller;
  json::object input;
  json::object parameters;
  std::function<void(ApiReply)> done;

  void fail(const Status& s) const { done(ApiReply::error(ApiError::from_status(s))); }
};

void CosyVoiceEnrollment::handle(const auth::Caller& caller, const json::object& input, const json::object& parameters,
                                 std::function<void(ApiReply)> done) {
  auto request = std::make_shared<Request>(Request{caller, input, parameters, std::move(done)});
  auto action = required_string(request->input, "action", "input.action");
  if (!action.ok()) return request->fail(action.status());
  if (*action == "create_voice") {
    const bool clone = has_value(request->input, "url");
    const bool design = has_value(request->input, "voice_prompt");
    if (clone && design) {
      return request->fail(Status::invalid_argument(
          "Give either 'input.url' (voice cloning) or 'input.voice_prompt' (voice design), not both."));
    }
    if (design) return create_design(request);
    return create_clone(request);
  }
  if (*action == "update_voice") return update(request);
  if (*action == "list_voice") return request->done(list(*request));
  if (*action == "query_voice") return request->done(query(*request));
  if (*action == "delete_voice") return request->done(remove(*request));
  request->fail(Status::invalid_argument("Invalid value for 'input.action': '" + *action +
                                         "'. Use create_voice, list_voice, query_voice, update_voice or delete_voice."));
}

void CosyVoiceEnrollment::create_clone(std::shared_ptr<Request> request) {
  const Request& r = *request;
  auto target = target_model(r.input, CustomVoiceKind::kCloned);
  if (!target.ok()) return r.fail(target.status());
  auto label = prefix(r.input, true);
  if (!label.ok()) return r.fail(label.status());
  auto url = recording_url(r.input);
  if (!url.ok()) return r.fail(url.status());
  auto language = language_hint(r.input, kCloneLanguages);
  if (!language.ok()) return r.fail(language.status());
  if (Status s = check_recording_options(r.input); !s.ok()) return r.fail(s);

  store::StoredVoice voice;
  voice.name = make_cosyvoice_voice_id(CustomVoiceKind::kCloned, *target, **label);
  voice.collection = kCosyVoiceEnrollment;
  voice.kind = CustomVoiceKind::kCloned;
  voice.label = **label;
  voice.target_model = *target;
  voice.language = *language;
  voice.source_url = url->starts_with("data:") ? "" : *url;
  voice.created_ms = voice.modified_ms = voice.last_used_ms = creation_.now_ms();
  std::string voice_name = voice.name;
  creation_.clone_profile(std::move(*url), "input.url", profile_language(*language), std::move(voice_name),
                          [this, request, voice = std::move(voice)](RecordingOutcome outcome) mutable {
                            if (!outcome.status.ok()) return request->done(ApiReply::error(clone_error(outcome)));
                            voice.profile = std::move(outcome.profile);
                            if (auto failed = creation_.save(request->caller, voice)) {
                              return request->done(ApiReply::error(*failed));
                            }
                            request->done(answer({{"voice_id", voice.name}}));
                          });
}

void CosyVoiceEnrollment::create_design(std::shared_ptr<Request> request) {
  const Request& r = *request;
  auto target = target_model(r.input, CustomVoiceKind::kDesigned);
  if (!target.ok()) return r.fail(target.status());
  auto label = prefix(r.input, true);
  if (!label.ok()) return r.fail(label.status());
  auto prompt = required_string(r.input, "voice_prompt", "input.voice_prompt");
  if (!prompt.ok()) return r.fail(prompt.status());
  if (utf8::length(*prompt) > 500) return r.fail(Status::invalid_argument("'input.voice_prompt' exceeds 500 characters."));
  if (!chinese_or_english(*prompt)) {
    return r.fail(Status::invalid_argument("'input.voice_prompt' must be written in Chinese or English."));
  }
  auto preview_text = required_string(r.input, "preview_text", "input.preview_text");
  if (!preview_text.ok()) return r.fail(preview_text.status());
  if (utf8::length(*preview_text) > 200) {
    return r.fail(Status::invalid_argument("'input.preview_text' exceeds 200 characters."));
  }
  if (!chinese_or_english(*preview_text)) {
    return r.fail(Status::invalid_argument("'input.preview_text' must be written in Chinese or English."));
  }
  auto language = language_hint(r.input, kDesignLanguages);
  if (!language.ok()) return r.fail(language.status());
  if (has_han(*preview_text) != (*language == "zh")) {
    return r.fail(Status::invalid_argument("'input.language_hints' ('" + *language +
                                           "') must match the language of 'input.preview_text'."));
  }
  auto format_name = optional_string(r.parameters, "response_format", "parameters.response_format");
  if (!format_name.ok()) return r.fail(format_name.status());
  std::optional<audio::AudioFormat> format = audio::parse_format(format_name->value_or("wav"));
  if (!format || std::find(std::begin(kPreviewFormats), std::end(kPreviewFormats), *format) == std::end(kPreviewFormats)) {
    return r.fail(Status::invalid_argument("Invalid value for 'parameters.response_format': use pcm, wav or mp3."));
  }
  auto rate = optional_integer(r.parameters, "sample_rate", "parameters.sample_rate", 24000, 0, 1000000);
  if (!rate.ok()) return r.fail(rate.status());
  if (std::find(std::begin(kPreviewRatesHz), std::end(kPreviewRatesHz), *rate) == std::end(kPreviewRatesHz)) {
    return r.fail(Status::invalid_argument("Invalid value for 'parameters.sample_rate': use 16000, 24000 or 48000."));
  }

  auto voice = std::make_shared<store::StoredVoice>();
  voice->name = make_cosyvoice_voice_id(CustomVoiceKind::kDesigned, *target, **label);
  voice->collection = kCosyVoiceEnrollment;
  voice->kind = CustomVoiceKind::kDesigned;
  voice->label = **label;
  voice->target_model = *target;
  voice->language = *language;
  voice->voice_prompt = *prompt;
  voice->preview_text = *preview_text;
  voice->profile = design_voice(*prompt).profile;
  voice->profile.name = voice->name;
  voice->created_ms = voice->modified_ms = voice->last_used_ms = creation_.now_ms();

  PreviewSpec preview{*preview_text, *parse_language_code(*language), voice->profile, *format, static_cast<int>(*rate)};
  creation_.render_preview(std::move(preview),
                           [this, request, voice, format = *format, rate = *rate](Result<std::string> audio) {
                             if (!audio.ok()) return request->done(ApiReply::error(ApiError::internal()));
                             if (auto failed = creation_.save(request->caller, *voice)) {
                               return request->done(ApiReply::error(*failed));
                             }
                             request->done(answer({{"preview_audio", json::object{{"data", base64::encode(*audio)},
                                                                                  {"sample_rate", rate},
                                                                                  {"response_format",
                                                                                   audio::format_name(format)}}},
                                                   {"target_model", voice->target_model},
                                                   {"voice_id", voice->name}}));
                           });
}

void CosyVoiceEnrollment::update(std::shared_ptr<Request> request) {
  const Request& r = *request;
  auto voice_id = required_string(r.input, "voice_id", "input.voice_id");
  if (!voice_id.ok()) return r.fail(voice_id.status());
  auto url = recording_url(r.input);
  if (!url.ok()) return r.fail(url.status());
  if (Status s = check_recording_options(r.input); !s.ok()) return r.fail(s);
  auto found = creation_.store().find(scope_of(r.caller), kCosyVoiceEnrollment, *voice_id);
  if (!found.ok()) {
    if (found.status().code() == StatusCode::kNotFound) return r.done(not_found(*voice_id));
    return r.done(store_failure("voice_query_failed", found.status()));
  }
  if (found->kind == CustomVoiceKind::kDesigned) {
    return r.fail(Status::invalid_argument("update_voice changes the recording of a cloned voice; '" + *voice_id +
                                           "' is a designed voice."));
  }
  store::StoredVoice voice = std::move(*found);
  if (r.input.contains("language_hints")) {
    auto language = language_hint(r.input, kCloneLanguages);
    if (!language.ok()) return r.fail(language.status());
    voice.language = *language;
  }
  voice.source_url = url->starts_with("data:") ? "" : *url;
  std::string voice_name = voice.name;
  creation_.clone_profile(std::move(*url), "input.url", profile_language(voice.language), std::move(voice_name),
                          [this, request, voice = std::move(voice)](RecordingOutcome outcome) mutable {
                            if (!outcome.status.ok()) return request->done(ApiReply::error(clone_error(outcome)));
                            voice.profile = std::move(outcome.profile);
                            voice.modified_ms = creation_.now_ms();
                            Status s = creation_.store().update(scope_of(request->caller), voice);
                            if (s.code() == StatusCode::kNotFound) return request->done(not_found(voice.name));
                            if (!s.ok()) return request->done(store_failure("voice_update_failed", s));
                            log::info("voice_updated", {{"account", request->caller.account}, {"voice", voice.name}});
                            request->done(answer({}));
                          });
}

ApiReply CosyVoiceEnrollment::list(const Request& r) {
  auto label = prefix(r.input, false);
  if (!label.ok()) return ApiReply::error(ApiError::from_status(label.status()));
  auto page_index = optional_integer(r.input, "page_index", "input.page_index", 0, 0, 1000000);
  if (!page_index.ok()) return ApiReply::error(ApiError::from_status(page_index.status()));
  auto page_size = optional_integer(r.input, "page_size", "input.page_size", 10, 1, 1000);
  if (!page_size.ok()) return ApiReply::error(ApiError::from_status(page_size.status()));
  auto page = creation_.store().list(scope_of(r.caller), kCosyVoiceEnrollment, *page_index, *page_size,
                                     label->value_or(""));
  if (!page.ok()) return store_failure("voice_list_failed", page.status());
  json::array voices;
  for (const store::StoredVoice& v : page->voices) {
    json::object item{{"voice_id", v.name},
                      {"gmt_create", format_gmt(v.created_ms)},
                      {"gmt_modified", format_gmt(v.modified_ms)},
                      {"status", "OK"}};
    if (v.kind == CustomVoiceKind::kDesigned) {
      item["voice_prompt"] = v.voice_prompt;
      item["preview_text"] = v.preview_text;
    }
    voices.push_back(std::move(item));
  }
  return answer({{"voice_list", std::move(voices)}});
}

ApiReply CosyVoiceEnrollment::query(const Request& r) {
  auto voice_id = required_string(r.input, "voice_id", "input.voice_id");
  if (!voice_id.ok()) return ApiReply::error(ApiError::from_status(voice_id.status()));
  auto found = creation_.store().find(scope_of(r.caller), kCosyVoiceEnrollment, *voice_id);
  if (!found.ok()) {
    if (found.status().code() == StatusCode::kNotFound) return not_found(*voice_id);
    return store_failure("voice_query_failed", found.status());
  }
  json::object output{{"gmt_create", format_gmt(found->created_ms)},
                      {"gmt_modified", format_gmt(found->modified_ms)},
                      {"target_model", found->target_model},
                      {"status", "OK"}};
  if (found->kind == CustomVoiceKind::kDesigned) {
    output["voice_id"] = found->name;
    output["voice_prompt"] = found->voice_prompt;
    output["preview_text"] = found->preview_text;
  } else if (!found->source_url.empty()) {
    output["resource_link"] = found->source_url;  // a data URI recording has none (§13.7)
  }
  return answer(std::move(output));
}

ApiReply CosyVoiceEnrollment::remove(const Request& r) {
  auto voice_id = required_string(r.input, "voice_id", "input.voice_id");
  if (!voice_id.ok()) return ApiReply::error(ApiError::from_status(voice_id.status()));
  Status s = creation_.store().remove(scope_of(r.caller), kCosyVoiceEnrollment, *voice_id);
  if (s.code() == StatusCode::kNotFound) return not_found(*voice_id);
  if (!s.ok()) return store_failure("voice_delete_failed", s);
  log::info("voice_deleted", {{"account", r.caller.account}, {"voice", *voice_id}});
  return answer({});
}

}  // namespace voxwire::customization
