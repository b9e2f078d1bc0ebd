// generation/audio_files.h: the generated audio files behind the URLs of the
// one-shot API (api-reference §3.4): written under one directory with
// unguessable names that carry their expiry, served only through URLs signed
// with a server secret (HMAC-SHA256), swept once expired. Thread-safe.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "base/clock.h"
#include "base/result.h"

namespace voxwire::generation {

class AudioFileWriter;

struct ServedFile {
  std::string path;        // absolute path to read
  int64_t expires_s = 0;   // Unix seconds
};

class AudioFiles {
 public:
  // Uses (creating) `directory`, which belongs to this process alone; the
  // signing secret lives in `directory`/.secret (created with mode 0600 on
  // first use). Partial files left by a process that died writing are removed.
  static Result<std::unique_ptr<AudioFiles>> open(const std::string& directory, const Clock& clock);

  // A new file that expires ttl_s seconds from now; invisible until committed.
  Result<std::unique_ptr<AudioFileWriter>> create(int64_t ttl_s);

  // The file a URL path ("/files/<name>") and its Expires/Signature query
  // parameters name. NotFound for an unknown or malformed name, a bad
  // signature or a missing file; DeadlineExceeded once expired.
  Result<ServedFile> resolve(std::string_view name, std::string_view expires, std::string_view signature) const;

  // Deletes expired files (and abandoned partial ones); returns how many.
  int sweep() const;

  const Clock& clock() const { return clock_; }

 private:
  AudioFiles(std::string directory, std::string secret, const Clock& clock);
  friend class AudioFileWriter;
  std::string sign(std::string_view name, int64_t expires_s) const;

  const std::string directory_;
  const std::string secret_;
  const Clock& clock_;
};

// Writes one WAV file (16-bit mono) as audio arrives; commit() fixes the
// header and publishes it. Destroyed uncommitted, it removes its file. Not
// thread-safe.
class AudioFileWriter {
 public:
  ~AudioFileWriter();
  Status append_pcm(std::string_view pcm_s16le);
  // Publishes the file; returns its path and query: "/files/<name>?Expires=..&Signature=..".
  Result<std::string> commit(int sample_rate_hz);
  int64_t expires_s() const { return expires_s_; }

 private:
  friend class AudioFiles;
  AudioFileWriter(const AudioFiles& files, std::string name, int64_t expires_s);

  const AudioFiles& files_;
  const std::string name_;
  const int64_t expires_s_;
  std::string partial_path_;
  int fd_ = -1;
  uint64_t data_bytes_ = 0;
  bool committed_ = false;
};

}  // namespace voxwire::generation
