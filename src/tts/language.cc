#include "tts/language.h"

#include <cctype>

namespace voxwire {
namespace {

struct Names {
  Language lang;
  std::string_view type_name;
  std::string_view code;
};

constexpr Names kNames[] = {
    {Language::kChinese, "Chinese", "zh"},       {Language::kEnglish, "English", "en"},
    {Language::kGerman, "German", "de"},         {Language::kItalian, "Italian", "it"},
    {Language::kPortuguese, "Portuguese", "pt"}, {Language::kSpanish, "Spanish", "es"},
    {Language::kJapanese, "Japanese", "ja"},     {Language::kKorean, "Korean", "ko"},
    {Language::kFrench, "French", "fr"},         {Language::kRussian, "Russian", "ru"},
};

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

}  // namespace

std::string_view language_type_name(Language lang) {
  for (const auto& n : kNames) if (n.lang == lang) return n.type_name;
  return "Chinese";
}

std::string_view language_code(Language lang) {
  for (const auto& n : kNames) if (n.lang == lang) return n.code;
  return "zh";
}

bool parse_language_type(std::string_view text, LanguageType* out) {
  if (iequals(text, "Auto")) {
    *out = std::nullopt;
    return true;
  }
  for (const auto& n : kNames) {
    if (iequals(text, n.type_name)) {
      *out = n.lang;
      return true;
    }
  }
  return false;
}

std::optional<Language> parse_language_code(std::string_view code) {
  for (const auto& n : kNames) if (iequals(code, n.code)) return n.lang;
  return std::nullopt;
}

}  // namespace voxwire
