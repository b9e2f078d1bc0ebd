// store/voice_store.h: custom voices (designed and cloned) kept in SQLite
// (WAL), scoped by account and workspace, in collections (one per
// customization product, each with its own names and 1000-per-account quota),
// with last-use tracking and the sweep of voices unused for a year. Every
// method is one transaction: an acknowledged change survives a crash, a
// failed one leaves nothing behind. Thread-safe (one connection behind a mutex).
#pragma once
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "voice/voice_profile.h"

namespace voxwire::store {

class Database;

enum class CustomVoiceKind { kDesigned, kCloned };

// Whose voices: an account and a workspace within it ("" = none).
struct Scope {
  std::string account;
  std::string workspace;
};

struct StoredVoice {
  std::string name;            // e.g. qwen-tts-vd-announcer-voice-20251201102800-a1b2
  // The customization model that made it ("qwen-voice-design",
  // "qwen-voice-enrollment", "voice-enrollment"): its namespace and quota.
  std::string collection;
  CustomVoiceKind kind = CustomVoiceKind::kDesigned;
  std::string label;           // the client's name part (preferred_name, prefix); "" before schema 2
  std::string target_model;    // the only model that may speak it
  std::string language;        // "zh", "en", ...
  std::string voice_prompt;    // designed voices: the description
  std::string preview_text;    // designed voices: the preview's text
  std::string source_url;      // cloned voices: the recording's http(s) URL; "" for a data URI
  VoiceProfile profile;        // what the engines speak (profile.name = name)
  int64_t created_ms = 0;      // Unix ms
  int64_t modified_ms = 0;
  int64_t last_used_ms = 0;
};

struct VoicePage {
  std::vector<StoredVoice> voices;  // newest first
  int64_t total = 0;                // all of the scope's voices that the listing selects
};

class VoiceStore {
 public:
  // Opens or creates the database at `path` (a file; its directory must
  // exist), bringing a database of an older schema up to date.
  static Result<std::unique_ptr<VoiceStore>> open(const std::string& path);
  ~VoiceStore();

  // Adds a voice to `scope`. ResourceExhausted if the account (all its
  // workspaces) already has `max_per_account` voices in voice.collection;
  // AlreadyExists if the scope has a voice of that name.
  Status add(const Scope& scope, const StoredVoice& voice, int max_per_account);
  // NotFound unless `scope` has a voice `name` in `collection`.
  Result<StoredVoice> find(const Scope& scope, std::string_view collection, std::string_view name);
  // Page `page_index` (0-based) of `page_size` voices of `collection`, newest
  // first; only those labelled `label` unless it is empty.
  Result<VoicePage> list(const Scope& scope, std::string_view collection, int64_t page_index, int64_t page_size,
                         std::string_view label = {});
  // Replaces the language, profile and source_url of the scope's voice
  // voice.name in voice.collection and sets its modified_ms; NotFound unless
  // it exists. Its kind, names, times of creation and use stay.
  Status update(const Scope& scope, const StoredVoice& voice);
  // NotFound unless it existed.
  Status remove(const Scope& scope, std::string_view collection, std::string_view name);
  // Records that the voice was used for synthesis at now_ms.
  Status mark_used(const Scope& scope, std::string_view name, int64_t now_ms);
  // Deletes every voice last used (or created, if never used) before
  // cutoff_ms; returns how many.
  Result<int64_t> remove_unused_before(int64_t cutoff_ms);

 private:
  explicit VoiceStore(std::unique_ptr<Database> db);

  std::mutex mutex_;
  std::unique_ptr<Database> db_;  // GUARDED_BY(mutex_)
};

}  // namespace voxwire::store
