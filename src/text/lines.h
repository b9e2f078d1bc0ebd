// text/lines.h: reading the text front end's compiled-in data files a line
// at a time.
#pragma once
#include <algorithm>
#include <string_view>

namespace voxwire::text {

// The first line of *data (without its '\n'), which is removed from *data.
inline std::string_view take_line(std::string_view* data) {
  const std::size_t eol = std::min(data->find('\n'), data->size());
  const std::string_view line = data->substr(0, eol);
  data->remove_prefix(std::min(eol + 1, data->size()));
  return line;
}

}  // namespace voxwire::text
