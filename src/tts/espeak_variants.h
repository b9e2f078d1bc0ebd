// tts/espeak_variants.h: espeak-ng voice variants that carry a profile's
// timbre (formant scale, breath, tone; mapping in espeak_engine.h). They live
// in a private espeak-ng data directory that links the system data and adds
// the generated variant files, so shaping costs nothing at synthesis time.
// Not thread-safe: the espeak-ng owner uses it under its lock.
#pragma once
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "base/result.h"
#include "voice/voice_profile.h"

namespace voxwire {

// "$TMPDIR/voxwire-espeak-<uid>" ("/tmp/..." without TMPDIR).
std::string default_espeak_variant_dir();

// The text of a variant file: base_text (a system variant such as "f2")
// with its formant frequencies scaled, its breath raised and a tone curve
// added as `voice` asks. Pure.
std::string shaped_variant_text(std::string_view base_text, const VoiceProfile& voice);

class EspeakVariants {
 public:
  // Makes `dir` an espeak-ng data directory: created if missing (mode 0700),
  // every entry of system_data_dir linked into it, voices/!v/ holding links
  // to the system variants. Reuses a directory an earlier run made. Internal
  // if dir cannot be created or is not a directory owned by this user (a
  // symlink is refused), or system_data_dir has no voices/!v/.
  static Result<EspeakVariants> open(const std::string& system_data_dir, const std::string& dir);

  // What to pass to espeak_Initialize as its data path.
  const std::string& data_dir() const { return dir_; }

  // The name of the variant that is system variant `base` shaped for
  // `voice` ("vx" and a hash of its text, so equal shapes share a file and
  // concurrent processes write identical content). Writes the file on first
  // use (atomically, by rename). Internal if `base` cannot be read or the
  // file cannot be written.
  Result<std::string> variant_for(std::string_view base, const VoiceProfile& voice);

 private:
  EspeakVariants(std::string system_data_dir, std::string dir)
      : system_dir_(std::move(system_data_dir)), dir_(std::move(dir)) {}

  std::string system_dir_;
  std::string dir_;
  std::map<std::string, std::string, std::less<>> base_texts_;  // system variant files read so far
  std::set<std::string> written_;                              // generated files this process wrote
};

}  // namespace voxwire
