#include "text/european_dates.h"

#include <array>
#include <optional>
#include <regex>

namespace voxwire::text {
namespace {

using Months = std::array<const char*, 12>;

struct DateStyle {
  Months months;
  const char* pattern;  // {d} {m} {y}
};

const DateStyle* style_for(Language language) {
  static const DateStyle kGerman{{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
                                  "Oktober", "November", "Dezember"},
                                 "{d}. {m} {y}"};
  static const DateStyle kFrench{{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
                                  "octobre", "novembre", "décembre"},
                                 "{d} {m} {y}"};
  static const DateStyle kSpanish{{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
                                   "septiembre", "octubre", "noviembre", "diciembre"},
                                  "{d} de {m} de {y}"};
  static const DateStyle kItalian{{"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
                                   "settembre", "ottobre", "novembre", "dicembre"},
                                  "{d} {m} {y}"};
  static const DateStyle kPortuguese{{"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
                                      "setembro", "outubro", "novembro", "dezembro"},
                                     "{d} de {m} de {y}"};
  static const DateStyle kRussian{{"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
                                   "сентября", "октября", "ноября", "декабря"},
                                  "{d} {m} {y} года"};
  switch (language) {
    case Language::kGerman: return &kGerman;
    case Language::kFrench: return &kFrench;
    case Language::kSpanish: return &kSpanish;
    case Language::kItalian: return &kItalian;
    case Language::kPortuguese: return &kPortuguese;
    case Language::kRussian: return &kRussian;
    default: return nullptr;
  }
}

std::string replace_all(std::string s, std::string_view key, const std::string& value) {
  for (std::size_t at = s.find(key); at != std::string::npos; at = s.find(key, at + value.size())) {
    s.replace(at, key.size(), value);
  }
  return s;
}

// Rewrites every match of `pattern` with `spell(match)`, or keeps it where spell gives nullopt.
template <typename Spell>
std::string rewrite(const std::string& text, const std::regex& pattern, Spell spell) {
  std::string out;
  auto last = text.cbegin();
  for (std::sregex_iterator it(text.begin(), text.end(), pattern), end; it != end; ++it) {
    const std::smatch& m = *it;
    out.append(last, m[0].first);
    const std::optional<std::string> spoken = spell(m);
    out += spoken ? *spoken : m.str(0);
    last = m[0].second;
  }
  out.append(last, text.cend());
  return out;
}

}  // namespace

std::string spell_dates(std::string_view input, Language language) {
  const DateStyle* style = style_for(language);
  if (style == nullptr) return std::string(input);
  // Digits not inside a longer number: a day and month of one or two, a four-digit year.
  static const std::regex kDate(R"((^|[^0-9.,/])([0-9]{1,2})([./-])([0-9]{1,2})\3([0-9]{4})(?![0-9]))");
  std::string text = rewrite(std::string(input), kDate, [&](const std::smatch& m) -> std::optional<std::string> {
    const int day = std::stoi(m.str(2));
    const int month = std::stoi(m.str(4));
    if (day < 1 || day > 31 || month < 1 || month > 12) return std::nullopt;
    std::string date = replace_all(style->pattern, "{d}", std::to_string(day));
    date = replace_all(date, "{m}", style->months[month - 1]);
    return m.str(1) + replace_all(date, "{y}", m.str(5));
  });
  if (language == Language::kFrench) {  // 9h30, 14h -> 9 heures 30, 14 heures
    static const std::regex kTime(R"((^|[^0-9])([0-9]{1,2})h([0-5][0-9])?(?![0-9a-zA-Z]))");
    text = rewrite(text, kTime, [](const std::smatch& m) -> std::optional<std::string> {
      const int hour = std::stoi(m.str(2));
      if (hour > 24) return std::nullopt;
      std::string spoken = m.str(1) + m.str(2) + (hour == 1 ? " heure" : " heures");
      if (m[3].matched) spoken += " " + m.str(3);
      return spoken;
    });
  }
  return text;
}

}  // namespace voxwire::text
