#include "server/browser_key.h"

namespace voxwire::server {

std::optional<BrowserKey> browser_key(std::string_view header) {
  constexpr std::string_view kPrefix = "voxwire.key.";
  while (!header.empty()) {
    const std::size_t comma = std::min(header.find(','), header.size());
    std::string_view entry = header.substr(0, comma);
    header.remove_prefix(std::min(comma + 1, header.size()));
    while (!entry.empty() && (entry.front() == ' ' || entry.front() == '\t')) entry.remove_prefix(1);
    while (!entry.empty() && (entry.back() == ' ' || entry.back() == '\t')) entry.remove_suffix(1);
    if (entry.starts_with(kPrefix) && entry.size() > kPrefix.size()) {
      return BrowserKey{"Bearer " + std::string(entry.substr(kPrefix.size())), std::string(entry)};
    }
  }
  return std::nullopt;
}

}  // namespace voxwire::server
