#include "text/european_dates.h"

#include <gtest/gtest.h>

#include "text/normalizer.h"

namespace voxwire::text {
namespace {

struct Case {
  Language language;
  const char* written;
  const char* spoken;
};

constexpr Case kCases[] = {
    {Language::kGerman, "Am 15.03.2025 um 9:30 Uhr.", "Am 15. März 2025 um 9:30 Uhr."},
    {Language::kGerman, "Fällig bis 1.12.2024", "Fällig bis 1. Dezember 2024"},
    {Language::kFrench, "Le 15/03/2025 à 9h30.", "Le 15 mars 2025 à 9 heures 30."},
    {Language::kFrench, "Ouvert de 1h à 14h", "Ouvert de 1 heure à 14 heures"},
    {Language::kSpanish, "El 15/03/2025, a las 9:30.", "El 15 de marzo de 2025, a las 9:30."},
    {Language::kItalian, "Il 05-08-2025 alle 9:30", "Il 5 agosto 2025 alle 9:30"},
    {Language::kPortuguese, "Em 15/03/2025.", "Em 15 de março de 2025."},
    {Language::kRussian, "15.03.2025 в 9:30", "15 марта 2025 года в 9:30"},
    // Not dates: no month 13, decimals and longer numbers, versions.
    {Language::kGerman, "am 32.13.2025", "am 32.13.2025"},
    {Language::kGerman, "Es kostet 3,50 €.", "Es kostet 3,50 €."},
    {Language::kSpanish, "versión 1.2.3", "versión 1.2.3"},
    {Language::kFrench, "123/03/2025", "123/03/2025"},
    {Language::kFrench, "un 4h4 de 10h5", "un 4h4 de 10h5"},
    // Languages the engine reads alone, and Chinese/English (their own readers).
    {Language::kJapanese, "2025/03/15", "2025/03/15"},
    {Language::kKorean, "15.03.2025", "15.03.2025"},
};

TEST(EuropeanDates, AreSpokenWithTheMonthsName) {
  for (const Case& c : kCases) EXPECT_EQ(spell_dates(c.written, c.language), c.spoken) << c.written;
}

TEST(EuropeanDates, NormalizationUsesThem) {
  EXPECT_EQ(normalize("Am 15.03.2025", Language::kGerman), "Am 15. März 2025");
  EXPECT_EQ(normalize("Le 15/03/2025", Language::kFrench), "Le 15 mars 2025");
}

}  // namespace
}  // namespace voxwire::text
