// customization/voice_creation.h: what every customization product does to
// make a voice, whatever its wire format (Qwen, api-reference §4-§6;
// CosyVoice, api-reference-cosyvoice §13): the profile of a cloned voice from
// a recording (a data URI or an http(s) URL, fetched, decoded and analysed
// off the network threads), the preview of a designed voice, and saving a
// new voice under its product's quota. Thread-safe.
#pragma once
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "api/api_error.h"
#include "audio/audio_format.h"
#include "auth/api_keys.h"
#include "base/clock.h"
#include "base/result.h"
#include "metering/meter.h"
#include "store/voice_store.h"
#include "synthesis/synthesis_service.h"
#include "synthesis/worker_pool.h"
#include "tts/language.h"
#include "voice/voice_profile.h"

namespace voxwire::customization {

struct CustomizationConfig {
  int max_voices_per_account = 1000;             // per product, all workspaces
  std::size_t max_audio_bytes = 10u << 20;       // reference recordings: data URI text or download
  int fetch_timeout_ms = 10000;                  // downloading an http(s) recording
  bool allow_private_urls = false;               // let recordings come from loopback/private addresses
};

// Where turning a recording into a voice failed.
enum class RecordingStage {
  kSource,    // the data URI is malformed, or the recording is over the size cap
  kDownload,  // the URL could not be fetched
  kDecode,    // the bytes are no audio the server reads
  kAnalysis,  // the audio holds no usable speech
};

struct RecordingOutcome {
  Status status;                                   // ok, or why no voice can be cloned
  RecordingStage stage = RecordingStage::kSource;  // where it failed, unless status.ok()
  VoiceProfile profile;                            // when status.ok()
};

// The error for a failed recording shared by the products: 413
// BadRequest.TooLarge over the size cap, 400 Audio.PreprocessError when the
// analysis rejects the speech, 500 InternalError for a server fault, else
// 400 InvalidParameter with the reason. REQUIRES: !outcome.status.ok().
ApiError recording_error(const RecordingOutcome& outcome);

// True if `text` reads as Chinese or English (what voice descriptions and
// preview texts must be written in).
bool chinese_or_english(std::string_view text);

struct PreviewSpec {
  std::string text;
  Language language = Language::kChinese;
  VoiceProfile voice;
  audio::AudioFormat format = audio::AudioFormat::kWav;
  int sample_rate_hz = 24000;
};

class VoiceCreation {
 public:
  // REQUIRES: the references outlive this object.
  VoiceCreation(store::VoiceStore& store, synthesis::SynthesisService& synthesis, metering::Meter& meter,
                const Clock& clock, CustomizationConfig config);

  // Reads the recording at `source` ("data:<audio type>;base64,<data>" or an
  // http(s) URL; `field` names it in messages), analyses its speaker and
  // calls `done` exactly once, on a worker thread, with the profile of a
  // voice called `voice_name` speaking `language_code` ("" if unknown).
  void clone_profile(std::string source, std::string field, std::string language_code, std::string voice_name,
                     std::function<void(RecordingOutcome)> done);

  // Downloads the http(s) `url` (fetch_recording under this config's
  // timeout and private-address policy, at most max_bytes) and calls `done`
  // exactly once, on a worker thread, with the body or why not.
  void fetch(std::string url, std::size_t max_bytes, std::function<void(Result<std::string>)> done);

  // Speaks the whole preview and calls `done` exactly once, maybe on another
  // thread, with the encoded audio, or Internal if synthesis failed.
  void render_preview(PreviewSpec spec, std::function<void(Result<std::string>)> done);

  // Adds a new voice to the caller's scope, counted against
  // voice.collection's quota, and meters it. The documented error if it
  // cannot: 429 Throttling.AllocationQuota over quota, 500 otherwise.
  std::optional<ApiError> save(const auth::Caller& caller, const store::StoredVoice& voice);

  store::VoiceStore& store() { return store_; }
  int64_t now_ms() const { return clock_.now_ms(); }
  const CustomizationConfig& config() const { return config_; }

 private:
  RecordingOutcome read_recording(const std::string& source, const std::string& field,
                                  const std::string& language_code, std::string voice_name) const;

  store::VoiceStore& store_;
  synthesis::SynthesisService& synthesis_;
  metering::Meter& meter_;
  const Clock& clock_;
  const CustomizationConfig config_;
  synthesis::WorkerPool blocking_;  // downloads and recording analysis, off the network threads
};

}  // namespace voxwire::customization
