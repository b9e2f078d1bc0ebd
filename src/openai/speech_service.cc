#include "openai/speech_service.h"

#include <optional>
#include <string>

#include "base/log.h"
#include "base/tokens.h"
#include "base/utf8.h"
#include "catalog/usage.h"
#include "openai/openai_names.h"
#include "synthesis/instructed_voice.h"
#include "synthesis/job_link.h"

namespace voxwire::openai {
namespace {

namespace json = boost::json;

struct SpeechPlan {
  const catalog::ModelInfo* model = nullptr;
  std::string text;
  audio::AudioFormat format = audio::AudioFormat::kMp3;
  synthesis::SynthesisSpec spec;
};

Status invalid(std::string message, std::string_view field) {
  return Status::invalid_argument(std::move(message), std::string(field));
}

// The string `key` of the body, nullopt when absent or null; InvalidArgument
// when it is something else.
Result<std::optional<std::string>> optional_string(const json::object& body, std::string_view key) {
  const json::value* v = body.if_contains(key);
  if (!v || v->is_null()) return std::optional<std::string>();
  if (!v->is_string()) return invalid("'" + std::string(key) + "' must be a string.", key);
  return std::optional<std::string>(std::string(v->get_string()));
}

Result<std::string> required_string(const json::object& body, std::string_view key) {
  auto value = optional_string(body, key);
  if (!value.ok()) return value.status();
  if (!*value) return invalid("Missing required parameter: '" + std::string(key) + "'.", key);
  return std::move(**value);
}

// A synthesis model by its voxwire name, whichever DashScope surface lists it.
const catalog::ModelInfo* find_any_surface(const catalog::ModelCatalog& models, std::string_view name) {
  if (const catalog::ModelInfo* m = models.find_model(name, catalog::Surface::kHttp)) return m;
  return models.find_model(name, catalog::Surface::kRealtime);
}

Result<double> speed_of(const json::object& body) {
  const json::value* v = body.if_contains("speed");
  if (!v || v->is_null()) return 1.0;
  if (!v->is_number()) return invalid("'speed' must be a number.", "speed");
  const double speed = v->to_number<double>();
  if (!(speed >= kMinSpeed && speed <= kMaxSpeed)) {
    return invalid("Invalid value for 'speed': " + json::serialize(*v) + ". Use a number from 0.25 to 4.0.", "speed");
  }
  return speed;
}

Result<audio::AudioFormat> format_of(const json::object& body) {
  auto name = optional_string(body, "response_format");
  if (!name.ok()) return name.status();
  if (!*name) return audio::AudioFormat::kMp3;
  if (auto format = audio::parse_format(**name)) return *format;
  return invalid("Invalid value: '" + **name +
                     "'. Supported values are: 'mp3', 'opus', 'aac', 'flac', 'wav', and 'pcm'.",
                 "response_format");
}

// The model a request names: an OpenAI model's voxwire counterpart, or a
// voxwire model; for an OpenAI model and a custom voice of the caller's, the
// model that voice was made for (the only one that speaks it).
Result<const catalog::ModelInfo*> model_of(const catalog::ModelCatalog& models, customization::VoiceDirectory& voices,
                                           const auth::Caller& caller, std::string_view model_name,
                                           std::string_view voice) {
  const std::optional<std::string_view> mapped = voxwire_model_for(model_name);
  const catalog::ModelInfo* model = find_any_surface(models, mapped.value_or(model_name));
  if (!model) return invalid("The model '" + std::string(model_name) + "' does not exist.", "model");
  if (!mapped || system_voice_for(voice) || catalog::accepted_system_voice(*model, voice)) return model;
  Result<std::string> target = voices.target_model_of(caller, voice);
  if (target.ok()) {
    if (const catalog::ModelInfo* own = find_any_surface(models, *target)) return own;
  } else if (target.status().code() != StatusCode::kNotFound) {
    return target.status();
  }
  return model;
}

Result<SpeechPlan> plan_speech(const catalog::ModelCatalog& models, customization::VoiceDirectory& voices,
                               const auth::Caller& caller, const json::object& body) {
  auto model_name = required_string(body, "model");
  if (!model_name.ok()) return model_name.status();
  auto text = required_string(body, "input");
  if (!text.ok()) return text.status();
  const std::size_t length = utf8::length(*text);
  if (length == 0 || length > kMaxInputCharacters) {
    return invalid("'input' must hold 1 to " + std::to_string(kMaxInputCharacters) + " characters; it has " +
                       std::to_string(length) + ".",
                   "input");
  }
  auto voice_name = required_string(body, "voice");
  if (!voice_name.ok()) return voice_name.status();
  auto format = format_of(body);
  if (!format.ok()) return format.status();
  auto speed = speed_of(body);
  if (!speed.ok()) return speed.status();
  auto instructions = optional_string(body, "instructions");
  if (!instructions.ok()) return instructions.status();
  const std::string instruction_text = instructions->value_or("");
  if (estimate_tokens(instruction_text) > synthesis::kMaxInstructionTokens) {
    return invalid("'instructions' is longer than " + std::to_string(synthesis::kMaxInstructionTokens) + " tokens.",
                   "instructions");
  }
  auto stream_format = optional_string(body, "stream_format");
  if (!stream_format.ok()) return stream_format.status();
  if (stream_format->value_or("audio") != "audio") {
    return invalid("Invalid value: '" + **stream_format + "'. Only 'audio' is supported.", "stream_format");
  }

  auto model = model_of(models, voices, caller, *model_name, *voice_name);
  if (!model.ok()) return model.status();
  const std::optional<std::string_view> system_voice = system_voice_for(*voice_name);
  Result<VoiceProfile> voice = voices.resolve(**model, caller, system_voice.value_or(*voice_name), "voice");
  if (!voice.ok()) {
    if (voice.status().code() != StatusCode::kInvalidArgument) return voice.status();
    return invalid("Invalid value: '" + *voice_name + "'. Voice is not supported by model '" + *model_name +
                       "': use alloy, ash, ballad, coral, echo, fable, onyx, nova, sage, shimmer, verse, or a "
                       "voxwire voice of that model.",
                   "voice");
  }

  SpeechPlan plan{*model, std::move(*text), *format, {}};
  plan.spec.text = plan.text;
  plan.spec.voice = synthesis::instructed_voice(**model, *voice, instruction_text);
  plan.spec.speech_rate = *speed;
  plan.spec.output.encoder = {*format, kOutputSampleRateHz, kBitRateKbps};
  return plan;
}

// Carries one request's synthesis into its response body.
class SpeechStream final : public synthesis::JobObserver, public std::enable_shared_from_this<SpeechStream> {
 public:
  SpeechStream(SpeechPlan plan, std::shared_ptr<ApiResponder> responder, metering::Meter& meter, std::string account)
      : plan_(std::move(plan)), responder_(std::move(responder)), meter_(meter), account_(std::move(account)) {}

  void start(synthesis::SynthesisService& synthesis) {
    responder_->open_stream(std::string(audio::content_type(plan_.format)));
    link_->attach(synthesis.submit(plan_.spec, shared_from_this()));
  }

  void on_chunk(std::string bytes) override {
    const std::size_t size = bytes.size();
    responder_->send(std::move(bytes), link_->on_written(size));
  }

  void on_done(Status status, const synthesis::JobStats& stats) override {
    if (!status.ok()) {
      // Cancelled: the client left (or the server is stopping); the body ends short either way.
      if (status.code() != StatusCode::kCancelled) {
        log::error("speech_failed", {{"request_id", responder_->request_id()}, {"error", status.to_string()}});
      }
      return responder_->abort_stream();
    }
    meter_.served(account_, plan_.model->name, plan_.format,
                  catalog::usage_of(plan_.model->caps, plan_.text, stats.audio_seconds), stats.audio_seconds);
    responder_->close_stream();
  }

 private:
  const SpeechPlan plan_;
  std::shared_ptr<ApiResponder> responder_;
  metering::Meter& meter_;
  const std::string account_;
  const std::shared_ptr<synthesis::JobLink> link_ = std::make_shared<synthesis::JobLink>();
};

}  // namespace

void SpeechService::handle(const auth::Caller& caller, const json::object& body,
                           std::shared_ptr<ApiResponder> responder) {
  Result<SpeechPlan> plan = plan_speech(models_, voices_, caller, body);
  if (!plan.ok()) {
    if (plan.status().code() != StatusCode::kInvalidArgument) {
      log::error("speech_voice_lookup_failed", {{"error", plan.status().to_string()}});
      return responder->reply(ApiReply::error(ApiError::internal()));
    }
    ApiError error = ApiError::invalid_parameter(plan.status().message());
    error.param = plan.status().field();
    return responder->reply(ApiReply::error(error));
  }
  log::info("speech", {{"request_id", responder->request_id()},
                       {"model", plan->model->name},
                       {"voice", plan->spec.voice.name},
                       {"format", audio::format_name(plan->format)},
                       {"speed", plan->spec.speech_rate},
                       {"characters", utf8::length(plan->text)}});
  std::make_shared<SpeechStream>(std::move(*plan), std::move(responder), meter_, caller.account)->start(synthesis_);
}

}  // namespace voxwire::openai
