#include "voice/voice_profile_json.h"

#include <gtest/gtest.h>

#include "voice/voice_catalog.h"

namespace voxwire {
namespace {

TEST(VoiceProfileJson, RoundTripsEverySystemVoice) {
  for (const SystemVoice& v : VoiceCatalog::system_voices().all()) {
    VoiceProfile back;
    ASSERT_TRUE(read_profile_json(profile_to_json(v.profile), "profile", &back).ok()) << v.name();
    EXPECT_EQ(back.gender, v.profile.gender);
    EXPECT_EQ(back.age, v.profile.age);
    EXPECT_DOUBLE_EQ(back.median_f0_hz, v.profile.median_f0_hz);
    EXPECT_DOUBLE_EQ(back.formant_scale, v.profile.formant_scale);
    EXPECT_DOUBLE_EQ(back.brightness, v.profile.brightness);
    EXPECT_EQ(back.dialect, v.profile.dialect);
  }
}

TEST(VoiceProfileJson, RefusesImplausibleOrIncompleteProfiles) {
  auto json = profile_to_json(VoiceCatalog::system_voices().find("Ethan")->profile);
  VoiceProfile p;
  auto bad = json;
  bad["median_f0_hz"] = 400;  // an adult man
  Status s = read_profile_json(bad, "profile", &p);
  EXPECT_EQ(s.field(), "profile.median_f0_hz");
  bad = json;
  bad.erase("dialect");
  EXPECT_EQ(read_profile_json(bad, "profile", &p).field(), "profile.dialect");
  bad = json;
  bad["extra"] = 1;
  EXPECT_FALSE(read_profile_json(bad, "profile", &p).ok());
  EXPECT_FALSE(read_profile_json(boost::json::value(3), "profile", &p).ok());
}

}  // namespace
}  // namespace voxwire
