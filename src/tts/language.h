// tts/language.h: the ten languages the service speaks, and their names on
// the wire (`language_type` values such as "Chinese", customization codes
// such as "zh"). Pure functions, thread-safe.
#pragma once
#include <array>
#include <optional>
#include <string_view>

namespace voxwire {

enum class Language {
  kChinese,
  kEnglish,
  kGerman,
  kItalian,
  kPortuguese,
  kSpanish,
  kJapanese,
  kKorean,
  kFrench,
  kRussian,
};

inline constexpr std::array<Language, 10> kAllLanguages = {
    Language::kChinese, Language::kEnglish, Language::kGerman, Language::kItalian, Language::kPortuguese,
    Language::kSpanish, Language::kJapanese, Language::kKorean, Language::kFrench,  Language::kRussian};

// "Chinese", "English", ... (the `language_type` spelling).
std::string_view language_type_name(Language lang);
// "zh", "en", ... (the customization API's `language` codes).
std::string_view language_code(Language lang);

// A parsed `language_type`: a language, or nullopt for "Auto".
using LanguageType = std::optional<Language>;
// Case-insensitive; "Auto" gives a LanguageType holding nullopt. Returns false
// for anything else.
bool parse_language_type(std::string_view text, LanguageType* out);
std::optional<Language> parse_language_code(std::string_view code);

}  // namespace voxwire
