#include "generation/generation_service.h"

#include "base/base64.h"
#include "base/log.h"
#include "base/utf8.h"
#include "base/tokens.h"
#include "catalog/usage.h"
#include "synthesis/instructed_voice.h"
#include "synthesis/job_link.h"

namespace voxwire::generation {
namespace {

namespace json = boost::json;

// A field from `input`, else from `parameters` (the SDK puts keyword
// arguments there, §3.2); null if neither has it.
const json::value* field(const json::object& input, const json::object& parameters, std::string_view key) {
  if (const json::value* v = input.if_contains(key); v && !v->is_null()) return v;
  if (const json::value* v = parameters.if_contains(key); v && !v->is_null()) return v;
  return nullptr;
}

Result<std::string> string_field(const json::object& input, const json::object& parameters, std::string_view key,
                                 std::string_view fallback) {
  const json::value* v = field(input, parameters, key);
  if (!v) return std::string(fallback);
  if (!v->is_string()) return Status::invalid_argument("'input." + std::string(key) + "' must be a string.");
  return std::string(v->as_string());
}

struct Plan {
  const catalog::ModelInfo* model;
  std::string text;
  synthesis::SynthesisSpec spec;
  bool stream;
};

Result<Plan> plan_request(const catalog::ModelCatalog& models, customization::VoiceDirectory& voices,
                          const auth::Caller& caller, const json::object& body, bool sse_requested,
                          ApiError* error) {
  auto fail = [&](ApiError e) -> Status {
    *error = std::move(e);
    return Status::invalid_argument(error->message);
  };
  const json::value* model_name = body.if_contains("model");
  if (!model_name || model_name->is_null()) return fail(ApiError::missing_model());
  if (!model_name->is_string()) return fail(ApiError::invalid_parameter("'model' must be a string."));
  const catalog::ModelInfo* model = models.find_model(model_name->as_string(), catalog::Surface::kHttp);
  if (!model) return fail(ApiError::model_not_found(model_name->as_string()));
  const json::value* input_value = body.if_contains("input");
  if (!input_value || input_value->is_null()) return fail(ApiError::missing_input());
  if (!input_value->is_object()) return fail(ApiError::invalid_parameter("'input' must be an object."));
  const json::object& input = input_value->as_object();
  static const json::object kNoParameters;
  const json::value* parameters_value = body.if_contains("parameters");
  if (parameters_value && !parameters_value->is_null() && !parameters_value->is_object()) {
    return fail(ApiError::invalid_parameter("'parameters' must be an object."));
  }
  const json::object& parameters = parameters_value && parameters_value->is_object() ? parameters_value->as_object()
                                                                                       : kNoParameters;

  const json::value* text = input.if_contains("text");
  if (!text || !text->is_string()) return fail(ApiError::invalid_parameter("Required parameter 'input.text' missing."));
  const std::size_t length = catalog::input_length(model->caps, text->as_string());
  const auto limit = static_cast<std::size_t>(model->caps.max_input);
  if (length == 0 || (limit > 0 && length > limit)) {
    return fail(ApiError::invalid_parameter("Range of input length should be [1, " + std::to_string(limit) + "]"));
  }

  auto voice_name = string_field(input, parameters, "voice", "");
  if (!voice_name.ok()) return fail(ApiError::invalid_parameter(voice_name.status().message()));
  if (voice_name->empty()) return fail(ApiError::invalid_parameter("Required parameter 'input.voice' missing."));
  Result<VoiceProfile> voice = voices.resolve(*model, caller, *voice_name, "input.voice");
  if (!voice.ok()) {
    if (voice.status().code() == StatusCode::kInternal) return fail(ApiError::internal());
    return fail(ApiError::invalid_parameter(voice.status().message()));
  }

  auto language_name = string_field(input, parameters, "language_type", "Auto");
  if (!language_name.ok()) return fail(ApiError::invalid_parameter(language_name.status().message()));
  LanguageType language;
  bool allowed = parse_language_type(*language_name, &language);
  if (allowed && language) allowed = std::ranges::find(model->caps.languages, *language) != model->caps.languages.end();
  if (!allowed) {
    return fail(ApiError::invalid_parameter("Invalid value for 'input.language_type': '" + *language_name +
                                            "' is not supported by model '" + std::string(model->name) + "'."));
  }

  auto instructions = string_field(input, parameters, "instructions", "");
  if (!instructions.ok()) return fail(ApiError::invalid_parameter(instructions.status().message()));
  if (estimate_tokens(*instructions) > synthesis::kMaxInstructionTokens) {
    return fail(ApiError::invalid_parameter("'input.instructions' is longer than " +
                                            std::to_string(synthesis::kMaxInstructionTokens) + " tokens."));
  }
  bool normalize_text = true;  // enable_tn (§9.3)
  if (const json::value* tn = field(input, parameters, "enable_tn")) {
    if (!tn->is_bool()) return fail(ApiError::invalid_parameter("Invalid type for 'enable_tn': expected a boolean."));
    normalize_text = tn->as_bool();
  }
  bool stream = sse_requested;
  if (const json::value* s = parameters.if_contains("stream"); s && s->is_bool()) stream = stream || s->as_bool();

  Plan plan{model, std::string(text->as_string()), {}, stream};
  plan.spec.text = plan.text;
  plan.spec.language = language;
  plan.spec.voice = synthesis::instructed_voice(*model, *voice, *instructions);
  plan.spec.output.encoder = {audio::AudioFormat::kPcm, kOutputSampleRateHz, 128};
  plan.spec.paced = stream;  // a stream follows its client; a file takes everything
  plan.spec.normalize_text = normalize_text;
  return plan;
}

// "id:<n>\nevent:result\n:HTTP_STATUS/200\ndata:<json>\n\n" (§3.5: no space after colons).
std::string sse_event(int id, const json::object& data) {
  return "id:" + std::to_string(id) + "\nevent:result\n:HTTP_STATUS/200\ndata:" + json::serialize(data) + "\n\n";
}

std::string sse_error(int id, const ApiError& error, const std::string& request_id) {
  json::object data{{"code", error.code}, {"message", error.message}, {"request_id", request_id}};
  return "id:" + std::to_string(id) + "\nevent:error\n:HTTP_STATUS/" + std::to_string(error.http_status) +
         "\nstatus:" + std::to_string(error.http_status) + "\ndata:" + json::serialize(data) + "\n\n";
}

// Carries one request's synthesis into its file and, when streaming, its events.
class Generation final : public synthesis::JobObserver, public std::enable_shared_from_this<Generation> {
 public:
  Generation(Plan plan, std::unique_ptr<AudioFileWriter> file, std::shared_ptr<ApiResponder> responder,
             metering::Meter& meter, std::string account)
      : plan_(std::move(plan)),
        file_(std::move(file)),
        responder_(std::move(responder)),
        meter_(meter),
        account_(std::move(account)) {}

  void start(synthesis::SynthesisService& synthesis) {
    if (plan_.stream) responder_->open_stream("text/event-stream;charset=UTF-8");
    link_->attach(synthesis.submit(plan_.spec, shared_from_this()));
  }

  void on_chunk(std::string pcm) override {
    if (Status s = file_->append_pcm(pcm); !s.ok()) write_failed_ = s;
    audio_seconds_ += pcm.size() / 2.0 / kOutputSampleRateHz;
    if (!plan_.stream) return;
    json::object data = envelope("null");
    data["output"].as_object()["audio"].as_object()["data"] = base64::encode(pcm);
    responder_->send(sse_event(++event_id_, data), link_->on_written(pcm.size()));
  }

  void on_done(Status status, const synthesis::JobStats&) override {
    if (status.ok() && !write_failed_.ok()) status = write_failed_;
    if (status.code() == StatusCode::kCancelled) {
      if (plan_.stream) responder_->close_stream();  // nothing more to say to a vanished client
      else responder_->reply(ApiReply::error(ApiError::from_status(Status(StatusCode::kUnavailable, "cancelled"))));
      return;
    }
    Result<std::string> url = status.ok() ? file_->commit(kOutputSampleRateHz) : Result<std::string>(status);
    if (!url.ok()) {
      log::error("generation_failed", {{"request_id", responder_->request_id()}, {"error", url.status().to_string()}});
      if (!plan_.stream) return responder_->reply(ApiReply::error(ApiError::internal()));
      responder_->send(sse_error(++event_id_, ApiError::internal(), responder_->request_id()), [](bool) {});
      return responder_->close_stream();
    }
    // The client gets the audio as a WAV file, or as PCM events when streaming.
    const audio::AudioFormat served_as = plan_.stream ? audio::AudioFormat::kPcm : audio::AudioFormat::kWav;
    meter_.served(account_, plan_.model->name, served_as, usage(), audio_seconds_);
    json::object data = envelope("stop");
    json::object& audio = data["output"].as_object()["audio"].as_object();
    audio["data"] = "";
    audio["url"] = responder_->base_url() + *url;
    if (!plan_.stream) return responder_->reply(ApiReply::ok(std::move(data)));
    responder_->send(sse_event(++event_id_, data), [](bool) {});
    responder_->close_stream();
  }

 private:
  catalog::ServedUsage usage() const { return catalog::usage_of(plan_.model->caps, plan_.text, audio_seconds_); }

  // {"output": {"finish_reason", "audio": {id, expires_at}}, "usage", "request_id"}.
  json::object envelope(std::string_view finish_reason) const {
    json::object audio{{"id", "audio_" + responder_->request_id()}, {"expires_at", file_->expires_s()}};
    return json::object{{"output", json::object{{"finish_reason", finish_reason}, {"audio", std::move(audio)}}},
                        {"usage", catalog::usage_json(usage())},
                        {"request_id", responder_->request_id()}};
  }

  const Plan plan_;
  std::unique_ptr<AudioFileWriter> file_;  // used by on_chunk/on_done only (one at a time)
  std::shared_ptr<ApiResponder> responder_;
  metering::Meter& meter_;
  const std::string account_;
  const std::shared_ptr<synthesis::JobLink> link_ = std::make_shared<synthesis::JobLink>();
  double audio_seconds_ = 0;
  int event_id_ = 0;
  Status write_failed_;
};

}  // namespace

void GenerationService::handle(const auth::Caller& caller, const json::object& body, bool sse_requested,
                               std::shared_ptr<ApiResponder> responder) {
  ApiError error;
  Result<Plan> plan = plan_request(models_, voices_, caller, body, sse_requested, &error);
  if (!plan.ok()) return responder->reply(ApiReply::error(error));
  auto file = files_.create(kFileTtlSeconds);
  if (!file.ok()) {
    log::error("generation_file_failed", {{"error", file.status().to_string()}});
    return responder->reply(ApiReply::error(ApiError::internal()));
  }
  log::info("generation", {{"request_id", responder->request_id()},
                           {"model", plan->model->name},
                           {"voice", plan->spec.voice.name},
                           {"characters", utf8::length(plan->text)},
                           {"stream", plan->stream}});
  std::make_shared<Generation>(std::move(*plan), std::move(*file), std::move(responder), meter_, caller.account)
      ->start(synthesis_);
}

}  // namespace voxwire::generation
