#include "tts/espeak_variants.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>
#include <vector>

#include "tts/voice_shaping.h"

namespace voxwire {
namespace {

namespace fs = std::filesystem;

constexpr int kFormants = 9;  // espeak-ng's formant lines 0..8

// Breath noise (per formant 1..8, the `breath` keyword) and the voicing cut
// that breathiness 1 adds to a variant; breathiness scales both.
constexpr std::array<double, 8> kBreathAtFull = {10, 18, 18, 18, 18, 18, 12, 12};
constexpr double kVoicingCutAtFull = 0.35;

// espeak-ng's default tone curve (voices.c tone_points: harmonic gain, 128 =
// unchanged, at 600/1200/2000/3000 Hz; the last value holds above). A tone
// line replaces it, so brightness is added on top of these heights.
constexpr std::array<std::pair<double, double>, 5> kDefaultTone = {
    {{600, 170}, {1200, 135}, {2000, 110}, {3000, 110}, {5000, 110}}};

std::vector<std::string> words(std::string_view line) {
  std::vector<std::string> out;
  std::istringstream in{std::string(line)};
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// The line without its "//" comment.
std::string_view code_of(std::string_view line) { return line.substr(0, line.find("//")); }

std::string hex(std::uint64_t x, int digits) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(digits, '0');
  for (int i = digits - 1; i >= 0; --i, x >>= 4) out[i] = kDigits[x & 15];
  return out;
}

std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ull;
  return h;
}

// Links `target` at `link`, replacing a link that points elsewhere (the
// system data moved); leaves anything else in place.
void ensure_link(const fs::path& target, const fs::path& link) {
  std::error_code ec;
  if (fs::is_symlink(fs::symlink_status(link, ec))) {
    if (fs::read_symlink(link, ec) == target) return;
    fs::remove(link, ec);
  }
  fs::create_symlink(target, link, ec);  // EEXIST (a concurrent process, or our own file): fine
}

// Creates dir (0700) unless it exists; then it must be a real directory
// owned by this user.
Status ensure_private_dir(const std::string& dir) {
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
    return Status::internal("cannot create " + dir + ": " + std::strerror(errno));
  }
  struct stat st {};
  if (::lstat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != ::geteuid()) {
    return Status::internal(dir + " is not a directory owned by this user");
  }
  return Status::ok_status();
}

// Links every entry of `from` into `to`, except `skip`.
Status link_entries(const fs::path& from, const fs::path& to, std::string_view skip) {
  std::error_code ec;
  for (const fs::directory_entry& entry : fs::directory_iterator(from, ec)) {
    if (entry.path().filename() != skip) ensure_link(entry.path(), to / entry.path().filename());
  }
  if (ec) return Status::internal("cannot list " + from.string() + ": " + ec.message());
  return Status::ok_status();
}

constexpr std::string_view kPrefix = "vx";  // names of generated variants
constexpr auto kUnusedFor = std::chrono::hours(24 * 7);  // generated variants older than this are pruned

// Writes text to path atomically: a temporary file renamed over it.
Status write_file(const fs::path& path, const std::string& text) {
  const fs::path temp = path.string() + ".tmp" + std::to_string(::getpid());
  {
    std::ofstream out(temp, std::ios::trunc);
    out << text;
    if (!out.flush()) return Status::internal("cannot write " + temp.string());
  }
  std::error_code ec;
  fs::rename(temp, path, ec);
  if (ec) return Status::internal("cannot write " + path.string() + ": " + ec.message());
  return Status::ok_status();
}

// Removes generated variants not written for kUnusedFor, so the directory
// does not grow without end. A process still using one rewrites it.
void prune(const fs::path& variants) {
  std::error_code ec;
  const auto cutoff = fs::file_time_type::clock::now() - kUnusedFor;
  for (const fs::directory_entry& entry : fs::directory_iterator(variants, ec)) {
    if (entry.path().filename().string().starts_with(kPrefix) && !entry.is_symlink(ec) &&
        entry.last_write_time(ec) < cutoff) {
      fs::remove(entry.path(), ec);
    }
  }
}

}  // namespace

std::string default_espeak_variant_dir() {
  const char* tmp = std::getenv("TMPDIR");
  const std::string base = tmp != nullptr && *tmp != '\0' ? tmp : "/tmp";
  return base + "/voxwire-espeak-" + std::to_string(::geteuid());
}

std::string shaped_variant_text(std::string_view base_text, const VoiceProfile& voice) {
  const double scale = formant_scale_of(voice);
  const double breathiness = breathiness_of(voice);
  const double brightness = brightness_of(voice);

  // The base's own formant lines (espeak resets unlisted ones to 100%),
  // breath and voicing; every other line is kept as it is.
  std::array<std::vector<int>, kFormants> formants;
  std::array<int, 8> breath{};
  int voicing = 100;
  std::string out;
  std::istringstream in{std::string(base_text)};
  for (std::string line; std::getline(in, line);) {
    const std::vector<std::string> w = words(code_of(line));
    if (!w.empty() && w[0] == "formant" && w.size() >= 3) {
      const int n = std::atoi(w[1].c_str());
      if (n < 0 || n >= kFormants) continue;
      formants[n].clear();
      for (std::size_t i = 2; i < w.size(); ++i) formants[n].push_back(std::atoi(w[i].c_str()));
    } else if (!w.empty() && w[0] == "breath") {
      for (std::size_t i = 1; i < w.size() && i <= breath.size(); ++i) breath[i - 1] = std::atoi(w[i].c_str());
    } else if (!w.empty() && w[0] == "voicing" && w.size() >= 2) {
      voicing = std::atoi(w[1].c_str());
    } else if (w.empty() || (w[0] != "tone" && w[0] != "language")) {
      // Without a language line espeak-ng's voice list (at most 350 entries,
      // scanned from voices/ before lang/) never counts the file, however
      // many shapes accumulate; the variant still loads by name.
      out += line + '\n';
    }
  }
  // Formants: frequency (and fixed offset) scaled; -1 keeps a height or
  // width at espeak's default.
  for (int n = 0; n < kFormants; ++n) {
    std::vector<int> f = formants[n].empty() ? std::vector<int>{100, -1, -1} : formants[n];
    f[0] = static_cast<int>(std::lround(f[0] * scale));
    if (f.size() >= 4) f[3] = static_cast<int>(std::lround(f[3] * scale));
    out += "formant " + std::to_string(n);
    for (int v : f) out += ' ' + std::to_string(v);
    out += '\n';
  }
  out += "breath";
  for (std::size_t i = 0; i < breath.size(); ++i) {
    out += ' ' + std::to_string(breath[i] + static_cast<int>(std::lround(breathiness * kBreathAtFull[i])));
  }
  out += "\nvoicing " + std::to_string(static_cast<int>(std::lround(voicing * (1.0 - kVoicingCutAtFull * breathiness))));
  out += "\ntone";
  for (const auto& [hz, height] : kDefaultTone) {
    const double gain = std::pow(10.0, brightness_gain_db(brightness, hz) / 20.0);
    out += ' ' + std::to_string(static_cast<int>(hz)) + ' ' +
           std::to_string(std::clamp(static_cast<int>(std::lround(height * gain)), 1, 255));
  }
  out += '\n';
  return out;
}

Result<EspeakVariants> EspeakVariants::open(const std::string& system_data_dir, const std::string& dir) {
  const fs::path system(system_data_dir), mine(dir);
  if (!fs::is_directory(system / "voices" / "!v")) {
    return Status::internal(system_data_dir + " has no voices/!v (not an espeak-ng data directory)");
  }
  for (const fs::path& d : {mine, mine / "voices", mine / "voices" / "!v"}) {
    if (Status s = ensure_private_dir(d.string()); !s.ok()) return s;
  }
  if (Status s = link_entries(system, mine, "voices"); !s.ok()) return s;
  if (Status s = link_entries(system / "voices", mine / "voices", "!v"); !s.ok()) return s;
  if (Status s = link_entries(system / "voices" / "!v", mine / "voices" / "!v", ""); !s.ok()) return s;
  prune(mine / "voices" / "!v");
  return EspeakVariants(system_data_dir, dir);
}

Result<std::string> EspeakVariants::variant_for(std::string_view base, const VoiceProfile& voice) {
  auto it = base_texts_.find(base);
  if (it == base_texts_.end()) {
    std::ifstream in(fs::path(system_dir_) / "voices" / "!v" / std::string(base));
    std::stringstream text;
    text << in.rdbuf();
    if (!in) return Status::internal("cannot read espeak-ng variant " + std::string(base));
    it = base_texts_.emplace(std::string(base), text.str()).first;
  }
  const std::string text = shaped_variant_text(it->second, voice);
  const std::string name = std::string(kPrefix) + hex(fnv1a(text), 12);
  const fs::path path = fs::path(dir_) / "voices" / "!v" / name;
  std::error_code ec;
  if (written_.contains(name) && fs::exists(path, ec)) return name;  // another process may have pruned it
  if (Status s = write_file(path, text); !s.ok()) {
    // The directory may have been cleaned away under a long-running server.
    if (Result<EspeakVariants> reopened = open(system_dir_, dir_); !reopened.ok()) return reopened.status();
    if (Status again = write_file(path, text); !again.ok()) return again;
  }
  written_.insert(name);
  return name;
}

}  // namespace voxwire
