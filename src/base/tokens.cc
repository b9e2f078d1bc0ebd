#include "base/tokens.h"

#include "base/utf8.h"

namespace voxwire {
namespace {

bool is_cjk(char32_t cp) {
  return (cp >= 0x2E80 && cp <= 0x9FFF) ||  // radicals, CJK punctuation, kana, Han
         (cp >= 0xAC00 && cp <= 0xD7AF) ||  // Hangul syllables
         (cp >= 0xF900 && cp <= 0xFAFF) ||  // compatibility ideographs
         (cp >= 0xFF00 && cp <= 0xFFEF) ||  // full-width forms
         (cp >= 0x20000 && cp <= 0x3FFFF);  // Han extensions
}

}  // namespace

std::size_t estimate_tokens(std::string_view utf8_text) {
  std::size_t cjk = 0, other = 0;
  for (char32_t cp : utf8::decode(utf8_text)) (is_cjk(cp) ? cjk : other)++;
  return cjk + (other + 3) / 4;
}

}  // namespace voxwire
