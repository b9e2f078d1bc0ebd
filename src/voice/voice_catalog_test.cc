#include "voice/voice_catalog.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>
#include <cmath>
#include <functional>
#include <string>
#include <vector>

namespace voxwire {
namespace embedded {
extern const std::string_view embedded_system_voices;
}  // namespace embedded
namespace {

namespace json = boost::json;

// api-reference §8.1, in order.
const std::vector<std::string> kDocumentedVoices = {
    "Cherry",  "Serena",   "Ethan",  "Chelsie",  "Momo",     "Vivian",      "Moon",    "Maia",  "Kai",       "Nofish",
    "Bella",   "Jennifer", "Ryan",   "Katerina", "Aiden",    "Eldric Sage", "Mia",     "Mochi", "Bellona",   "Vincent",
    "Bunny",   "Neil",     "Elias",  "Arthur",   "Nini",     "Ebona",       "Seren",   "Pip",   "Stella",    "Bodega",
    "Sonrisa", "Alek",     "Dolce",  "Sohee",    "Ono Anna", "Lenn",        "Emilien", "Andre", "Radio Gol", "Jada",
    "Dylan",   "Li",       "Marcus", "Roy",      "Peter",    "Sunny",       "Eric",    "Rocky", "Kiki"};

const VoiceCatalog& catalog() { return VoiceCatalog::system_voices(); }

const VoiceProfile& profile(std::string_view name) {
  const SystemVoice* v = catalog().find(name);
  EXPECT_NE(v, nullptr) << name;
  static const VoiceProfile kMissing;
  return v == nullptr ? kMissing : v->profile;
}

bool is_adult(AgeBand a) { return a == AgeBand::kYoungAdult || a == AgeBand::kMiddleAged || a == AgeBand::kElderly; }

TEST(VoiceCatalogTest, EmbeddedFileParses) {
  Result<VoiceCatalog> parsed = VoiceCatalog::parse(embedded::embedded_system_voices);
  ASSERT_TRUE(parsed.ok()) << parsed.status().to_string();
  EXPECT_EQ(parsed->all().size(), 49u);
}

TEST(VoiceCatalogTest, HoldsExactlyTheDocumentedVoicesInOrder) {
  std::vector<std::string> names;
  for (const SystemVoice& v : catalog().all()) names.push_back(v.name());
  EXPECT_EQ(names, kDocumentedVoices);
}

TEST(VoiceCatalogTest, FindIgnoresCaseAndReturnsCanonicalEntry) {
  for (const std::string& name : kDocumentedVoices) {
    std::string lower = name, upper = name;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
    for (const std::string& query : {name, lower, upper}) {
      const SystemVoice* v = catalog().find(query);
      ASSERT_NE(v, nullptr) << query;
      EXPECT_EQ(v->name(), name);
    }
  }
  EXPECT_EQ(catalog().find("li")->name(), "Li");
  EXPECT_EQ(catalog().find("eldric sage")->name(), "Eldric Sage");
  EXPECT_EQ(catalog().find("ono ANNA")->name(), "Ono Anna");
}

TEST(VoiceCatalogTest, FindRejectsNearMisses) {
  EXPECT_EQ(catalog().find(""), nullptr);
  EXPECT_EQ(catalog().find("Cherry "), nullptr);
  EXPECT_EQ(catalog().find("EldricSage"), nullptr);
  EXPECT_EQ(catalog().find("Radio_Gol"), nullptr);
  EXPECT_EQ(catalog().find("qwen-tts-vd-announcer-voice-20251201102800-a1b2"), nullptr);
}

TEST(VoiceCatalogTest, EveryVoiceIsDescribed) {
  for (const SystemVoice& v : catalog().all()) {
    EXPECT_FALSE(v.description.empty()) << v.name();
    EXPECT_EQ(v.languages.size(), 10u) << v.name();  // Chinese (or its dialect) + nine foreign languages
    EXPECT_EQ(v.display_name.empty(), v.name() == "Kai") << v.name();  // only Kai has no documented product name
  }
  EXPECT_EQ(catalog().find("Cherry")->display_name, "芊悦");
  EXPECT_EQ(catalog().find("Rocky")->display_name, "粤语-阿强");
}

TEST(VoiceCatalogTest, ProfilesMeetHardConstraints) {
  for (const SystemVoice& v : catalog().all()) {
    const VoiceProfile& p = v.profile;
    SCOPED_TRACE(v.name());
    if (is_adult(p.age) && p.gender == Gender::kFemale) {
      EXPECT_GE(p.median_f0_hz, 165);
      EXPECT_LE(p.median_f0_hz, 300);
    }
    if (is_adult(p.age) && p.gender == Gender::kMale) {
      EXPECT_GE(p.median_f0_hz, 85);
      EXPECT_LE(p.median_f0_hz, 165);
    }
    if (p.age == AgeBand::kChild) {
      EXPECT_GT(p.median_f0_hz, 250);
    }
    if (p.age == AgeBand::kElderly) {
      EXPECT_LT(p.speaking_rate, 1.0);
    }
    EXPECT_GE(p.speaking_rate, 0.75);
    EXPECT_LE(p.speaking_rate, 1.3);
    EXPECT_GE(p.f0_range, 0.4);
    EXPECT_LE(p.f0_range, 1.8);
    EXPECT_GE(p.formant_scale, 0.85);
    EXPECT_LE(p.formant_scale, 1.25);
    EXPECT_GE(p.breathiness, 0.0);
    EXPECT_LE(p.breathiness, 1.0);
    EXPECT_GE(p.brightness, -1.0);
    EXPECT_LE(p.brightness, 1.0);
  }
}

TEST(VoiceCatalogTest, NoTwoVoicesAlike) {
  auto within_5_percent = [](double a, double b) { return std::abs(a - b) < 0.05 * std::min(a, b); };
  const auto& all = catalog().all();
  for (std::size_t i = 0; i < all.size(); ++i) {
    for (std::size_t j = i + 1; j < all.size(); ++j) {
      const VoiceProfile& a = all[i].profile;
      const VoiceProfile& b = all[j].profile;
      EXPECT_FALSE(within_5_percent(a.median_f0_hz, b.median_f0_hz) &&
                   within_5_percent(a.formant_scale, b.formant_scale))
          << a.name << " vs " << b.name;
    }
  }
}

TEST(VoiceCatalogTest, DialectVoicesSpeakTheirDialect) {
  const std::vector<std::pair<std::string, Dialect>> kDialectVoices = {
      {"Jada", Dialect::kShanghainese}, {"Dylan", Dialect::kBeijing},   {"Li", Dialect::kNanjing},
      {"Marcus", Dialect::kShaanxi},    {"Roy", Dialect::kMinnan},      {"Peter", Dialect::kTianjin},
      {"Sunny", Dialect::kSichuanese},  {"Eric", Dialect::kSichuanese}, {"Rocky", Dialect::kCantonese},
      {"Kiki", Dialect::kCantonese}};
  for (const SystemVoice& v : catalog().all()) {
    auto it = std::find_if(kDialectVoices.begin(), kDialectVoices.end(),
                           [&](const auto& entry) { return entry.first == v.name(); });
    Dialect expected = it == kDialectVoices.end() ? Dialect::kMandarin : it->second;
    EXPECT_EQ(v.profile.dialect, expected) << v.name();
    std::string chinese = expected == Dialect::kMandarin ? "zh" : "zh-" + std::string(dialect_name(expected));
    EXPECT_EQ(v.languages.front(), chinese) << v.name();
  }
}

TEST(VoiceCatalogTest, ProfilesFollowDescriptions) {
  const VoiceProfile& sage = profile("Eldric Sage");
  EXPECT_EQ(sage.gender, Gender::kMale);
  EXPECT_EQ(sage.age, AgeBand::kElderly);
  EXPECT_LT(sage.median_f0_hz, 110);

  const VoiceProfile& bella = profile("Bella");  // cute, mischievous little girl
  EXPECT_EQ(bella.age, AgeBand::kChild);
  EXPECT_GT(bella.speaking_rate, 1.0);
  EXPECT_GT(bella.formant_scale, 1.0);

  for (std::string_view boy : {"Pip", "Mochi"}) {
    EXPECT_EQ(profile(boy).gender, Gender::kMale) << boy;
    EXPECT_EQ(profile(boy).age, AgeBand::kChild) << boy;
  }
  EXPECT_GT(profile("Bellona").brightness, 0.5);   // loud, crisp storyteller
  EXPECT_GT(profile("Vincent").breathiness, 0.5);  // husky, smoky
  EXPECT_LT(profile("Vincent").brightness, 0.0);
  EXPECT_LT(profile("Neil").f0_range, 0.7);      // flat news delivery
  EXPECT_GT(profile("Ebona").breathiness, 0.8);  // whispering old woman
  EXPECT_EQ(profile("Ebona").age, AgeBand::kElderly);
  EXPECT_LT(profile("Seren").speaking_rate, 0.9);      // bedtime voice
  EXPECT_GT(profile("Radio Gol").speaking_rate, 1.2);  // football commentator
  EXPECT_LT(profile("Marcus").median_f0_hz, 95);       // deep-voiced
  EXPECT_EQ(profile("Dylan").age, AgeBand::kTeen);
}

// A minimal valid catalogue, then one defect at a time.
json::object valid_entry(std::string name, double f0) {
  return json::object{{"name", name},
                      {"display_name", ""},
                      {"description", "test voice"},
                      {"languages", json::array{"zh", "en"}},
                      {"profile", json::object{{"gender", "female"},
                                               {"age", "young_adult"},
                                               {"median_f0_hz", f0},
                                               {"f0_range", 1.0},
                                               {"speaking_rate", 1.0},
                                               {"formant_scale", 1.0},
                                               {"breathiness", 0.0},
                                               {"brightness", 0.0},
                                               {"dialect", "mandarin"}}}};
}

Result<VoiceCatalog> parse_entries(json::array entries) {
  return VoiceCatalog::parse(json::serialize(json::object{{"voices", std::move(entries)}}));
}

Status parse_defective(const std::function<void(json::object&)>& damage) {
  json::object entry = valid_entry("Test", 200);
  damage(entry);
  Result<VoiceCatalog> parsed = parse_entries(json::array{valid_entry("Other", 260), entry});
  return parsed.ok() ? Status::ok_status() : parsed.status();
}

TEST(VoiceCatalogTest, ValidationAcceptsAValidEntry) {
  Result<VoiceCatalog> parsed = parse_entries(json::array{valid_entry("Test", 200)});
  ASSERT_TRUE(parsed.ok()) << parsed.status().to_string();
  EXPECT_EQ(parsed->find("TEST")->profile.median_f0_hz, 200);
}

TEST(VoiceCatalogTest, ValidationRejectsMalformedDocuments) {
  for (std::string_view text : {"", "{", "[]", "{\"voices\": {}}", "{\"voices\": []}", "{\"voices\": [], \"x\": 1}"}) {
    Result<VoiceCatalog> parsed = VoiceCatalog::parse(text);
    ASSERT_FALSE(parsed.ok()) << text;
    EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument) << text;
  }
  EXPECT_EQ(VoiceCatalog::parse("{\"voices\": 3}").status().field(), "voices");
}

TEST(VoiceCatalogTest, ValidationNamesTheBadField) {
  struct Case {
    const char* what;
    std::function<void(json::object&)> damage;
    const char* field;
  };
  auto set_profile = [](const char* key, json::value v) {
    return [key, v](json::object& e) { e["profile"].as_object()[key] = v; };
  };
  const std::vector<Case> cases = {
      {"missing field", [](json::object& e) { e.erase("description"); }, "voices[1].description"},
      {"unknown field", [](json::object& e) { e["pitch"] = 1; }, "voices[1].pitch"},
      {"empty name", [](json::object& e) { e["name"] = ""; }, "voices[1].name"},
      {"name not a string", [](json::object& e) { e["name"] = 5; }, "voices[1].name"},
      {"typo in profile", [](json::object& e) { e["profile"].as_object()["breathyness"] = 0.1; },
       "voices[1].profile.breathyness"},
      {"unknown gender", set_profile("gender", "robot"), "voices[1].profile.gender"},
      {"unknown age", set_profile("age", "adult"), "voices[1].profile.age"},
      {"rate too fast", set_profile("speaking_rate", 1.5), "voices[1].profile.speaking_rate"},
      {"rate not a number", set_profile("speaking_rate", "fast"), "voices[1].profile.speaking_rate"},
      {"flat range", set_profile("f0_range", 0.2), "voices[1].profile.f0_range"},
      {"formant too small", set_profile("formant_scale", 0.5), "voices[1].profile.formant_scale"},
      {"breathiness", set_profile("breathiness", -0.1), "voices[1].profile.breathiness"},
      {"brightness", set_profile("brightness", 1.5), "voices[1].profile.brightness"},
      {"female F0 too low", set_profile("median_f0_hz", 150), "voices[1].profile.median_f0_hz"},
      {"male F0 too high", [](json::object& e) { e["profile"].as_object()["gender"] = "male"; },
       "voices[1].profile.median_f0_hz"},
      {"child F0 too low", set_profile("age", "child"), "voices[1].profile.median_f0_hz"},
      {"elderly not slower", set_profile("age", "elderly"), "voices[1].profile.speaking_rate"},
      {"unknown dialect", set_profile("dialect", "klingon"), "voices[1].profile.dialect"},
      {"dialect voice without its dialect", set_profile("dialect", "cantonese"), "voices[1].languages"},
      {"dialect contradicts profile",
       [](json::object& e) {
         e["languages"] = json::array{"zh-shaanxi", "en"};
       },
       "voices[1].languages[0]"},
      {"bad language code",
       [](json::object& e) {
         e["languages"] = json::array{"zh", "english"};
       },
       "voices[1].languages[1]"},
      {"duplicate language",
       [](json::object& e) {
         e["languages"] = json::array{"zh", "zh"};
       },
       "voices[1].languages[1]"},
      {"no languages", [](json::object& e) { e["languages"] = json::array{}; }, "voices[1].languages"},
      {"duplicate name ignoring case", [](json::object& e) { e["name"] = "OTHER"; }, "voices[1].name"},
      {"too alike", set_profile("median_f0_hz", 255), "voices[1].profile"},
  };
  for (const Case& c : cases) {
    Status s = parse_defective(c.damage);
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << c.what;
    EXPECT_EQ(s.field(), c.field) << c.what << ": " << s.to_string();
  }
}

TEST(VoiceCatalogTest, AlikeVoicesAreAcceptedWhenFormantsDiffer) {
  json::object small = valid_entry("Small", 255);
  small["profile"].as_object()["formant_scale"] = 1.06;  // 6% shorter vocal tract than "Other"
  EXPECT_TRUE(parse_entries(json::array{valid_entry("Other", 260), small}).ok());
}

}  // namespace
}  // namespace voxwire
