#include "voice/voice_profile.h"

#include <utility>

namespace voxwire {
namespace {

template <class E, std::size_t N>
std::string_view name_of(const std::pair<E, std::string_view> (&table)[N], E value) {
  for (const auto& [v, n] : table) if (v == value) return n;
  return table[0].second;
}

template <class E, std::size_t N>
bool parse_of(const std::pair<E, std::string_view> (&table)[N], std::string_view s, E* out) {
  for (const auto& [v, n] : table) {
    if (n == s) {
      *out = v;
      return true;
    }
  }
  return false;
}

constexpr std::pair<Gender, std::string_view> kGenders[] = {{Gender::kFemale, "female"}, {Gender::kMale, "male"}};
constexpr std::pair<AgeBand, std::string_view> kAges[] = {{AgeBand::kChild, "child"},
                                                          {AgeBand::kTeen, "teen"},
                                                          {AgeBand::kYoungAdult, "young_adult"},
                                                          {AgeBand::kMiddleAged, "middle_aged"},
                                                          {AgeBand::kElderly, "elderly"}};
constexpr std::pair<Dialect, std::string_view> kDialects[] = {
    {Dialect::kMandarin, "mandarin"}, {Dialect::kCantonese, "cantonese"}, {Dialect::kShanghainese, "shanghainese"},
    {Dialect::kSichuanese, "sichuanese"}, {Dialect::kBeijing, "beijing"}, {Dialect::kNanjing, "nanjing"},
    {Dialect::kShaanxi, "shaanxi"}, {Dialect::kMinnan, "minnan"}, {Dialect::kTianjin, "tianjin"}};

}  // namespace

std::string_view gender_name(Gender g) { return name_of(kGenders, g); }
std::string_view age_band_name(AgeBand a) { return name_of(kAges, a); }
std::string_view dialect_name(Dialect d) { return name_of(kDialects, d); }
bool parse_gender(std::string_view s, Gender* out) { return parse_of(kGenders, s, out); }
bool parse_age_band(std::string_view s, AgeBand* out) { return parse_of(kAges, s, out); }
bool parse_dialect(std::string_view s, Dialect* out) { return parse_of(kDialects, s, out); }

}  // namespace voxwire
