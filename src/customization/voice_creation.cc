#include "customization/voice_creation.h"

#include "base/base64.h"
#include "base/log.h"
#include "base/utf8.h"
#include "customization/recording_fetch.h"
#include "customization/voice_directory.h"
#include "tts/script.h"
#include "tts/text_runs.h"
#include "voice/reference_audio.h"
#include "voice/voice_analysis.h"

namespace voxwire::customization {
namespace {

// The recording behind a "data:<media type>;base64,<data>" URI, or a
// NotSupported status for anything that is not a data URI (a URL).
Result<std::string> data_uri_bytes(std::string_view uri, std::string_view field, std::size_t max_bytes) {
  if (!uri.starts_with("data:")) return Status::not_supported("not a data URI");
  const std::string in_field = " in '" + std::string(field) + "'";
  std::size_t comma = uri.find(',');
  if (comma == std::string_view::npos) return Status::invalid_argument("Malformed data URI" + in_field + ".");
  std::string_view header = uri.substr(5, comma - 5);
  std::string_view payload = uri.substr(comma + 1);
  if (!header.ends_with(";base64")) {
    return Status::invalid_argument("The data URI" + in_field + " must be base64 encoded.");
  }
  std::string_view media_type = header.substr(0, header.size() - 7);
  if (container_for_media_type(media_type) == AudioContainer::kUnknown) {
    return Status::invalid_argument("Unsupported audio media type '" + std::string(media_type) +
                                    "': use audio/wav, audio/mpeg, audio/flac or audio/ogg.");
  }
  if (payload.size() >= max_bytes) return Status::resource_exhausted("The recording is larger than 10 MB.");
  auto bytes = base64::decode(payload);
  if (!bytes) return Status::invalid_argument("'" + std::string(field) + "' is not valid base64.");
  return std::move(*bytes);
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

ApiError recording_error(const RecordingOutcome& outcome) {
  const Status& s = outcome.status;
  if (s.code() == StatusCode::kResourceExhausted) return ApiError::too_large();
  if (s.code() == StatusCode::kInternal) return ApiError::internal();
  if (outcome.stage == RecordingStage::kAnalysis) return ApiError::audio_preprocess(s.message());
  return ApiError::invalid_parameter(s.message());
}

bool chinese_or_english(std::string_view text) {
  std::u32string latin;
  for (char32_t c : utf8::decode(text)) {
    Script script = script_of(c);
    if (script == Script::kKana || script == Script::kHangul || script == Script::kCyrillic) return false;
    latin += script == Script::kLatin ? c : U' ';
  }
  return guess_latin_language(latin) == Language::kEnglish;
}

VoiceCreation::VoiceCreation(store::VoiceStore& store, synthesis::SynthesisService& synthesis, metering::Meter& meter,
                             const Clock& clock, CustomizationConfig config)
    : store_(store), synthesis_(synthesis), meter_(meter), clock_(clock), config_(config), blocking_(2) {}

void VoiceCreation::clone_profile(std::string source, std::string field, std::string language_code,
                                  std::string voice_name, std::function<void(RecordingOutcome)> done) {
  blocking_.post([this, source = std::move(source), field = std::move(field), language_code = std::move(language_code),
                  voice_name = std::move(voice_name), done = std::move(done)]() mutable {
    done(read_recording(source, field, language_code, std::move(voice_name)));
  });
}

void VoiceCreation::fetch(std::string url, std::size_t max_bytes, std::function<void(Result<std::string>)> done) {
  blocking_.post([this, url = std::move(url), max_bytes, done = std::move(done)] {
    done(fetch_recording(url, {max_bytes, config_.fetch_timeout_ms, config_.allow_private_urls}));
  });
}

RecordingOutcome VoiceCreation::read_recording(const std::string& source, const std::string& field,
                                               const std::string& language_code, std::string voice_name) const {
  Result<std::string> bytes = data_uri_bytes(source, field, config_.max_audio_bytes);
  RecordingStage stage = RecordingStage::kSource;
  if (bytes.status().code() == StatusCode::kNotSupported) {
    bytes = fetch_recording(source, {config_.max_audio_bytes, config_.fetch_timeout_ms, config_.allow_private_urls});
    // Over the cap is the recording's fault, not the download's.
    if (bytes.status().code() != StatusCode::kResourceExhausted) stage = RecordingStage::kDownload;
  }
  if (!bytes.ok()) return {bytes.status(), stage, {}};
  Result<DecodedAudio> decoded = decode_reference_audio(*bytes);
  if (!decoded.ok()) return {decoded.status(), RecordingStage::kDecode, {}};
  Result<VoiceAnalysis> analysis = analyze_voice(*decoded);
  if (!analysis.ok()) {
    if (analysis.status().code() == StatusCode::kInternal) {
      log::error("voice_analysis_failed", {{"error", analysis.status().to_string()}});
    }
    return {analysis.status(), RecordingStage::kAnalysis, {}};
  }
  VoiceProfile profile = profile_from_analysis(*analysis, language_code, voice_name);
  log::info("voice_analysed", {{"voice", voice_name},
                               {"median_f0_hz", analysis->median_f0_hz},
                               {"syllables_per_s", analysis->syllable_rate_hz},
                               {"formant_scale", profile.formant_scale},
                               {"speaking_rate", profile.speaking_rate}});
  return {Status(), RecordingStage::kAnalysis, std::move(profile)};
}

void VoiceCreation::render_preview(PreviewSpec spec, std::function<void(Result<std::string>)> done) {
  synthesis::SynthesisSpec job;
  job.text = std::move(spec.text);
  job.language = spec.language;
  job.voice = std::move(spec.voice);
  job.output.encoder = {spec.format, spec.sample_rate_hz, 128};
  job.paced = false;  // the collector keeps the whole preview
  const std::string voice_name = job.voice.name;
  auto collector =
      std::make_shared<PreviewCollector>([done = std::move(done), voice_name](Status status, std::string audio) {
        if (!status.ok()) {
          log::error("voice_preview_failed", {{"voice", voice_name}, {"error", status.to_string()}});
          return done(Status::internal("preview synthesis failed"));
        }
        done(std::move(audio));
      });
  synthesis_.submit(std::move(job), std::move(collector));
}

std::optional<ApiError> VoiceCreation::save(const auth::Caller& caller, const store::StoredVoice& voice) {
  Status s = store_.add(scope_of(caller), voice, config_.max_voices_per_account);
  if (s.code() == StatusCode::kResourceExhausted) return ApiError::allocation_quota(s.message());
  if (!s.ok()) {
    log::error("voice_create_failed", {{"error", s.to_string()}});
    return ApiError::internal();
  }
  log::info("voice_created", {{"account", caller.account},
                              {"voice", voice.name},
                              {"collection", voice.collection},
                              {"target_model", voice.target_model}});
  meter_.voice_created(caller.account, voice.collection);
  return std::nullopt;
}

}  // namespace voxwire::customization
