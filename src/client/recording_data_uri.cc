#include "client/recording_data_uri.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>

#include "base/base64.h"

namespace voxwire::client {

constexpr std::size_t kMaxRecordingBytes = 10 * 1024 * 1024;  // the API's documented limit

Result<std::string> recording_data_uri(const std::string& path) {
  static const std::map<std::string, std::string> kTypeOfExtension = {
      {".wav", "audio/wav"},   {".mp3", "audio/mpeg"}, {".m4a", "audio/mp4"},
      {".flac", "audio/flac"}, {".ogg", "audio/ogg"},  {".opus", "audio/ogg"}};
  std::string extension = std::filesystem::path(path).extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return std::tolower(c); });
  auto type = kTypeOfExtension.find(extension);
  if (type == kTypeOfExtension.end()) {
    return Status::invalid_argument("cannot tell the audio type of " + path + " (use .wav, .mp3, .m4a, .flac or .ogg)");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::not_found("cannot read " + path);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (bytes.empty()) return Status::invalid_argument(path + " is empty");
  if (bytes.size() > kMaxRecordingBytes) return Status::invalid_argument(path + " is larger than 10 MB");
  return "data:" + type->second + ";base64," + base64::encode(bytes);
}

}  // namespace voxwire::client
