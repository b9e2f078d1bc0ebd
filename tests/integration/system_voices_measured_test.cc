// Issue #4, point 1, measured: every system voice speaks one fixed sentence
// per language group through the Synthesizer (Chinese: espeak-ng, English:
// flite), and what comes out is analysed, not what was asked for: median F0
// (YIN), duration, and formant scale (audio/spectral_envelope.h). Asserts the
// gender and age F0 ranges, that elderly voices are slower, and that no two
// voices of one language are alike in both measured F0 and formant scale.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "audio/pitch_tracker.h"
#include "audio/spectral_envelope.h"
#include "synthesis/synthesizer.h"
#include "voice/voice_catalog.h"

namespace voxwire {
namespace {

struct Group {
  const char* name;
  Language language;
  const char* text;
};

// Fixed sentences with plenty of voiced speech (~4 s at normal speed).
constexpr Group kGroups[] = {
    {"zh", Language::kChinese, "我们明天早上八点在学校门口见面，然后一起去图书馆看书。你觉得怎么样？"},
    {"en", Language::kEnglish,
     "We will meet at the school gate at eight tomorrow morning, and then walk over to the library together."},
};

struct Recorder final : AudioSink {
  std::vector<int16_t> pcm;
  int rate_hz = 0;
  void on_audio(std::span<const int16_t> chunk, int rate) override {
    pcm.insert(pcm.end(), chunk.begin(), chunk.end());
    rate_hz = rate;
  }
};

audio::EnvelopeOptions analysis_options() {
  audio::EnvelopeOptions options;
  options.pitch.min_f0_hz = 50.0;
  options.pitch.max_f0_hz = 600.0;
  return options;
}

// What one rendering measures.
struct Measured {
  double median_f0_hz = 0.0;
  double seconds = 0.0;
  audio::SpectralEnvelopes envelopes;
};

// The measured voice of one system voice in one language group.
struct Row {
  const SystemVoice* voice;
  double median_f0_hz;
  double seconds;
  double formant_scale;  // measured against the group's reference rendering
};

class SystemVoicesMeasured : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<std::unique_ptr<Synthesizer>> made = Synthesizer::create_builtin();
    ASSERT_TRUE(made.ok()) << made.status().to_string();
    synthesizer_ = std::move(made).value().release();
    // An unreadable catalogue is empty, and every check below would pass on nothing.
    ASSERT_GE(VoiceCatalog::system_voices().all().size(), 40u);
    for (const Group& group : kGroups) rows_[group.name] = measure_group(group);
  }
  static void TearDownTestSuite() {
    delete synthesizer_;
    synthesizer_ = nullptr;
    rows_.clear();
  }

  static Measured render(const Group& group, const VoiceProfile& voice) {
    Recorder r;
    const Status s = synthesizer_->synthesize(group.text, group.language, voice, 1.0, 1.0, r, CancelToken());
    EXPECT_TRUE(s.ok()) << voice.name << ": " << s.to_string();
    Measured m;
    if (r.pcm.empty()) return m;
    const audio::EnvelopeOptions options = analysis_options();
    m.median_f0_hz = audio::analyze_pitch(r.pcm, r.rate_hz, options.pitch)->median_hz;
    m.seconds = static_cast<double>(r.pcm.size()) / r.rate_hz;
    m.envelopes = std::move(audio::analyze_envelopes(r.pcm, r.rate_hz, options)).value();
    return m;
  }

  static std::vector<Row> measure_group(const Group& group) {
    std::vector<Row> rows;
    for (const SystemVoice& v : VoiceCatalog::system_voices().all()) {
      const Measured heard = render(group, v.profile);
      VoiceProfile neutral = v.profile;  // the same voice without its formant scale
      neutral.formant_scale = 1.0;
      const Measured reference = render(group, neutral);
      Result<double> scale = audio::formant_scale(heard.envelopes, reference.envelopes);
      EXPECT_TRUE(scale.ok()) << v.name() << ": " << scale.status().to_string();
      rows.push_back({&v, heard.median_f0_hz, heard.seconds, scale.ok() ? *scale : 0.0});
    }
    print(group, rows);
    return rows;
  }

  static void print(const Group& group, const std::vector<Row>& rows) {
    std::printf("[%s] %-12s %-7s %-12s %8s %8s %7s %7s %6s\n", group.name, "voice", "gender", "age", "f0_hz",
                "want_hz", "fs", "want_fs", "sec");
    for (const Row& r : rows) {
      const VoiceProfile& p = r.voice->profile;
      std::printf("[%s] %-12s %-7s %-12s %8.1f %8.1f %7.3f %7.3f %6.2f\n", group.name, r.voice->name().c_str(),
                  std::string(gender_name(p.gender)).c_str(), std::string(age_band_name(p.age)).c_str(),
                  r.median_f0_hz, p.median_f0_hz, r.formant_scale, p.formant_scale, r.seconds);
    }
  }

  static Synthesizer* synthesizer_;
  static std::map<std::string, std::vector<Row>> rows_;
};
Synthesizer* SystemVoicesMeasured::synthesizer_ = nullptr;
std::map<std::string, std::vector<Row>> SystemVoicesMeasured::rows_;

bool adult(AgeBand a) { return a == AgeBand::kYoungAdult || a == AgeBand::kMiddleAged || a == AgeBand::kElderly; }

void median_f0_fits_gender_and_age(const std::map<std::string, std::vector<Row>>& measured) {
  for (const auto& [group, rows] : measured) {
    for (const Row& r : rows) {
      const VoiceProfile& p = r.voice->profile;
      SCOPED_TRACE(group + " " + r.voice->name());
      if (adult(p.age) && p.gender == Gender::kFemale) {
        EXPECT_GE(r.median_f0_hz, 165.0);
        EXPECT_LE(r.median_f0_hz, 300.0);
      }
      if (adult(p.age) && p.gender == Gender::kMale) {
        EXPECT_GE(r.median_f0_hz, 85.0);
        EXPECT_LE(r.median_f0_hz, 165.0);
      }
      if (p.age == AgeBand::kChild) {
        EXPECT_GT(r.median_f0_hz, 250.0);
      }
    }
  }
}

void elderly_voices_are_slower(const std::map<std::string, std::vector<Row>>& measured) {
  for (const auto& [group, rows] : measured) {
    for (Gender gender : {Gender::kFemale, Gender::kMale}) {
      std::vector<double> young;
      for (const Row& r : rows) {
        if (r.voice->profile.gender == gender && r.voice->profile.age == AgeBand::kYoungAdult) young.push_back(r.seconds);
      }
      ASSERT_FALSE(young.empty());
      std::nth_element(young.begin(), young.begin() + static_cast<std::ptrdiff_t>(young.size() / 2), young.end());
      const double median = young[young.size() / 2];
      for (const Row& r : rows) {
        if (r.voice->profile.gender != gender || r.voice->profile.age != AgeBand::kElderly) continue;
        // The same text takes at least 8% longer than the median young adult's.
        EXPECT_GT(r.seconds, 1.08 * median) << group << " " << r.voice->name();
      }
    }
  }
}

void formant_scale_is_what_the_profile_asks(const std::map<std::string, std::vector<Row>>& measured) {
  for (const auto& [group, rows] : measured) {
    for (const Row& r : rows) {
      EXPECT_NEAR(r.formant_scale, r.voice->profile.formant_scale, 0.03) << group << " " << r.voice->name();
    }
  }
}

void no_two_voices_of_a_language_alike(const std::map<std::string, std::vector<Row>>& measured) {
  auto within_5_percent = [](double a, double b) { return std::abs(a - b) < 0.05 * std::min(a, b); };
  for (const auto& [group, rows] : measured) {
    int alike = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      for (std::size_t j = i + 1; j < rows.size(); ++j) {
        const Row& a = rows[i];
        const Row& b = rows[j];
        if (within_5_percent(a.median_f0_hz, b.median_f0_hz) && within_5_percent(a.formant_scale, b.formant_scale)) {
          ++alike;
          ADD_FAILURE() << group << ": " << a.voice->name() << " (" << a.median_f0_hz << " Hz, " << a.formant_scale
                        << ") and " << b.voice->name() << " (" << b.median_f0_hz << " Hz, " << b.formant_scale
                        << ") are alike";
        }
      }
    }
    std::printf("[%s] pairs alike in measured F0 and formant scale: %d\n", group.c_str(), alike);
  }
}

// One test, so that the ~200 renderings are made once per run (each ctest
// entry is its own process), with each property reported under its name.
TEST_F(SystemVoicesMeasured, AreDistinctAndFitTheirProfiles) {
  {
    SCOPED_TRACE("MedianF0FitsGenderAndAge");
    median_f0_fits_gender_and_age(rows_);
  }
  {
    SCOPED_TRACE("ElderlyVoicesAreSlower");
    elderly_voices_are_slower(rows_);
  }
  {
    SCOPED_TRACE("FormantScaleIsWhatTheProfileAsks");
    formant_scale_is_what_the_profile_asks(rows_);
  }
  {
    SCOPED_TRACE("NoTwoVoicesOfALanguageAlike");
    no_two_voices_of_a_language_alike(rows_);
  }
}

}  // namespace
}  // namespace voxwire
