#include "generation/audio_files.h"

#include <fcntl.h>
#include <openssl/hmac.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "audio/wav_header.h"
#include "auth/crypto.h"

namespace voxwire::generation {
namespace {

namespace fs = std::filesystem;

// "<expires_s>-<32 hex>.wav": the only names ever served (no path can hide in one).
bool parse_name(std::string_view name, int64_t* expires_s) {
  std::size_t dash = name.find('-');
  if (dash == 0 || dash == std::string_view::npos || dash > 12 || name.size() != dash + 1 + 32 + 4) return false;
  if (!name.ends_with(".wav")) return false;
  int64_t e = 0;
  for (char c : name.substr(0, dash)) {
    if (c < '0' || c > '9') return false;
    e = e * 10 + (c - '0');
  }
  for (char c : name.substr(dash + 1, 32)) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  *expires_s = e;
  return true;
}

bool same(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

Result<std::string> load_or_make_secret(const fs::path& path) {
  std::ifstream in(path);
  std::string secret((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (secret.size() == 64) return secret;
  auto fresh = auth::random_hex(32);
  if (!fresh.ok()) return fresh.status();
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0) return Status(StatusCode::kUnavailable, "cannot write " + path.string());
  bool ok = ::write(fd, fresh->data(), fresh->size()) == static_cast<ssize_t>(fresh->size());
  ::close(fd);
  if (!ok) return Status(StatusCode::kUnavailable, "cannot write " + path.string());
  return fresh;
}

}  // namespace

AudioFiles::AudioFiles(std::string directory, std::string secret, const Clock& clock)
    : directory_(std::move(directory)), secret_(std::move(secret)), clock_(clock) {}

Result<std::unique_ptr<AudioFiles>> AudioFiles::open(const std::string& directory, const Clock& clock) {
  std::error_code ec;
  fs::create_directories(directory, ec);
  if (ec) return Status(StatusCode::kUnavailable, "cannot create " + directory + ": " + ec.message());
  auto secret = load_or_make_secret(fs::path(directory) / ".secret");
  if (!secret.ok()) return secret.status();
  // Files a killed process was still writing: never published, never to be.
  for (const auto& entry : fs::directory_iterator(directory, ec)) {
    if (entry.path().extension() == ".part") fs::remove(entry.path(), ec);
  }
  return std::unique_ptr<AudioFiles>(new AudioFiles(directory, std::move(*secret), clock));
}

std::string AudioFiles::sign(std::string_view name, int64_t expires_s) const {
  std::string message = std::string(name) + "\n" + std::to_string(expires_s);
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), secret_.data(), static_cast<int>(secret_.size()),
       reinterpret_cast<const unsigned char*>(message.data()), message.size(), mac, &length);
  return auth::to_hex({mac, 16});
}

Result<std::unique_ptr<AudioFileWriter>> AudioFiles::create(int64_t ttl_s) {
  auto id = auth::random_hex(16);
  if (!id.ok()) return id.status();
  int64_t expires_s = clock_.now_ms() / 1000 + ttl_s;
  std::unique_ptr<AudioFileWriter> writer(
      new AudioFileWriter(*this, std::to_string(expires_s) + "-" + *id + ".wav", expires_s));
  writer->fd_ = ::open(writer->partial_path_.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (writer->fd_ < 0) return Status(StatusCode::kUnavailable, "cannot create " + writer->partial_path_);
  std::string placeholder(audio::kWavHeaderBytes, '\0');
  if (::write(writer->fd_, placeholder.data(), placeholder.size()) != static_cast<ssize_t>(placeholder.size())) {
    return Status(StatusCode::kUnavailable, "cannot write " + writer->partial_path_);
  }
  return writer;
}

Result<ServedFile> AudioFiles::resolve(std::string_view name, std::string_view expires,
                                       std::string_view signature) const {
  int64_t expires_s = 0;
  if (!parse_name(name, &expires_s) || expires != std::to_string(expires_s) || !same(signature, sign(name, expires_s))) {
    return Status::not_found("No such audio file.");
  }
  if (clock_.now_ms() / 1000 >= expires_s) return Status(StatusCode::kDeadlineExceeded, "The audio URL has expired.");
  std::string path = (fs::path(directory_) / std::string(name)).string();
  if (!fs::exists(path)) return Status::not_found("No such audio file.");
  return ServedFile{path, expires_s};
}

int AudioFiles::sweep() const {
  int removed = 0;
  const int64_t now_s = clock_.now_ms() / 1000;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(directory_, ec)) {
    std::string name = entry.path().filename().string();
    if (name.ends_with(".part")) name.resize(name.size() - 5);
    int64_t expires_s = 0;
    if (!parse_name(name, &expires_s) || expires_s > now_s) continue;
    if (fs::remove(entry.path(), ec)) ++removed;
  }
  return removed;
}

AudioFileWriter::AudioFileWriter(const AudioFiles& files, std::string name, int64_t expires_s)
    : files_(files),
      name_(std::move(name)),
      expires_s_(expires_s),
      partial_path_((fs::path(files.directory_) / (name_ + ".part")).string()) {}

AudioFileWriter::~AudioFileWriter() {
  if (fd_ >= 0) ::close(fd_);
  if (!committed_) ::unlink(partial_path_.c_str());
}

Status AudioFileWriter::append_pcm(std::string_view pcm) {
  while (!pcm.empty()) {
    ssize_t n = ::write(fd_, pcm.data(), pcm.size());
    if (n <= 0) return Status(StatusCode::kUnavailable, "cannot write audio file");
    pcm.remove_prefix(static_cast<std::size_t>(n));
    data_bytes_ += static_cast<uint64_t>(n);
  }
  return Status();
}

Result<std::string> AudioFileWriter::commit(int sample_rate_hz) {
  std::string header = audio::wav_header(sample_rate_hz, static_cast<uint32_t>(data_bytes_));
  if (::pwrite(fd_, header.data(), header.size(), 0) != static_cast<ssize_t>(header.size()) || ::close(fd_) != 0) {
    fd_ = -1;
    return Status(StatusCode::kUnavailable, "cannot finish audio file");
  }
  fd_ = -1;
  std::string final_path = (fs::path(files_.directory_) / name_).string();
  if (::rename(partial_path_.c_str(), final_path.c_str()) != 0) {
    return Status(StatusCode::kUnavailable, "cannot publish audio file");
  }
  committed_ = true;
  return "/files/" + name_ + "?Expires=" + std::to_string(expires_s_) + "&Signature=" + files_.sign(name_, expires_s_);
}

}  // namespace voxwire::generation
