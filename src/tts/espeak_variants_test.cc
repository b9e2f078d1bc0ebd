#include "tts/espeak_variants.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tts/voice_shaping.h"

namespace voxwire {
namespace {

namespace fs = std::filesystem;

constexpr const char* kF2 =
    "language variant\n"
    "name female2\n"
    "gender female\n"
    "\n"
    "pitch 142 220\n"
    "formant 1 110  80 160 -20 // a comment\n"
    "formant 2 110  70 150\n"
    "breath 0 2 3 3 3 3 3 2\n"
    "voicing 80\n";

std::string line_starting(const std::string& text, const std::string& prefix) {
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(prefix, 0) == 0) return line;
  }
  return "";
}

VoiceProfile shaped(double formant_scale, double breathiness, double brightness) {
  VoiceProfile v;
  v.formant_scale = formant_scale;
  v.breathiness = breathiness;
  v.brightness = brightness;
  return v;
}

TEST(EspeakVariants, ScalesEveryFormantAndKeepsTheRest) {
  const std::string text = shaped_variant_text(kF2, shaped(1.1, 0.0, 0.0));
  EXPECT_EQ(line_starting(text, "formant 1 "), "formant 1 121 80 160 -22");
  EXPECT_EQ(line_starting(text, "formant 2 "), "formant 2 121 70 150");
  EXPECT_EQ(line_starting(text, "formant 0 "), "formant 0 110 -1 -1");  // unlisted: espeak's default height, width
  EXPECT_EQ(line_starting(text, "formant 8 "), "formant 8 110 -1 -1");
  EXPECT_EQ(line_starting(text, "pitch"), "pitch 142 220");
  EXPECT_EQ(line_starting(text, "name"), "name female2");
  EXPECT_EQ(line_starting(text, "breath "), "breath 0 2 3 3 3 3 3 2");
  EXPECT_EQ(line_starting(text, "voicing"), "voicing 80");
  // No language line: espeak-ng's bounded voice list never counts the file.
  EXPECT_EQ(line_starting(text, "language"), "");
}

TEST(EspeakVariants, BreathinessAddsBreathAndLowersVoicing) {
  const std::string text = shaped_variant_text(kF2, shaped(1.0, 1.0, 0.0));
  EXPECT_EQ(line_starting(text, "breath "), "breath 10 20 21 21 21 21 15 14");
  EXPECT_EQ(line_starting(text, "voicing"), "voicing 52");
}

TEST(EspeakVariants, BrightnessTiltsTheToneCurve) {
  const std::string plain = line_starting(shaped_variant_text(kF2, shaped(1.0, 0.0, 0.0)), "tone");
  EXPECT_EQ(plain, "tone 600 170 1200 135 2000 110 3000 110 5000 110");  // espeak's own curve
  const std::string bright = line_starting(shaped_variant_text(kF2, shaped(1.0, 0.0, 1.0)), "tone");
  const std::string dark = line_starting(shaped_variant_text(kF2, shaped(1.0, 0.0, -1.0)), "tone");
  // +8 dB at 4 kHz re 500 Hz is x2.5 in amplitude; 255 is espeak's ceiling.
  EXPECT_EQ(bright, "tone 600 184 1200 199 2000 203 3000 243 5000 255");
  EXPECT_EQ(dark, "tone 600 157 1200 92 2000 60 3000 50 5000 40");
}

TEST(EspeakVariants, OutOfRangeProfilesAreClamped) {
  EXPECT_EQ(shaped_variant_text(kF2, shaped(9.0, 5.0, 3.0)),
            shaped_variant_text(kF2, shaped(kMaxFormantScale, 1.0, 1.0)));
  EXPECT_EQ(shaped_variant_text(kF2, shaped(NAN, NAN, NAN)), shaped_variant_text(kF2, shaped(1.0, 0.0, 0.0)));
}

class EspeakVariantsDir : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("voxwire-variants-test-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(system_ / "voices" / "!v");
    fs::create_directories(system_ / "lang");
    std::ofstream(system_ / "phontab") << "data";
    std::ofstream(system_ / "voices" / "!v" / "f2") << kF2;
  }
  void TearDown() override { fs::remove_all(root_); }

  fs::path root_;
  fs::path system_ = fs::temp_directory_path() / ("voxwire-variants-test-" + std::to_string(::getpid())) / "system";
  fs::path mine_ = fs::temp_directory_path() / ("voxwire-variants-test-" + std::to_string(::getpid())) / "mine";
};

TEST_F(EspeakVariantsDir, LinksTheSystemDataAndWritesVariants) {
  Result<EspeakVariants> variants = EspeakVariants::open(system_.string(), mine_.string());
  ASSERT_TRUE(variants.ok()) << variants.status().to_string();
  EXPECT_EQ(variants->data_dir(), mine_.string());
  EXPECT_EQ(fs::read_symlink(mine_ / "phontab"), system_ / "phontab");
  EXPECT_EQ(fs::read_symlink(mine_ / "lang"), system_ / "lang");
  EXPECT_EQ(fs::read_symlink(mine_ / "voices" / "!v" / "f2"), system_ / "voices" / "!v" / "f2");
  EXPECT_FALSE(fs::is_symlink(mine_ / "voices"));

  Result<std::string> name = variants->variant_for("f2", shaped(1.1, 0.2, 0.3));
  ASSERT_TRUE(name.ok()) << name.status().to_string();
  EXPECT_EQ(name->rfind("vx", 0), 0u);
  std::stringstream written;
  written << std::ifstream(mine_ / "voices" / "!v" / *name).rdbuf();
  EXPECT_EQ(written.str(), shaped_variant_text(kF2, shaped(1.1, 0.2, 0.3)));
  // Equal shapes share a name; another shape gets another.
  EXPECT_EQ(*variants->variant_for("f2", shaped(1.1, 0.2, 0.3)), *name);
  EXPECT_NE(*variants->variant_for("f2", shaped(1.2, 0.2, 0.3)), *name);
  // A file removed under us (pruned, or the temp dir cleaned) comes back.
  fs::remove_all(mine_);
  ASSERT_TRUE(variants->variant_for("f2", shaped(1.1, 0.2, 0.3)).ok());
  EXPECT_TRUE(fs::exists(mine_ / "voices" / "!v" / *name));

  EXPECT_EQ(variants->variant_for("nonexistent", shaped(1.0, 0.0, 0.0)).status().code(), StatusCode::kInternal);
  // Reopening (the next process) keeps what is there.
  EXPECT_TRUE(EspeakVariants::open(system_.string(), mine_.string()).ok());
  EXPECT_TRUE(fs::exists(mine_ / "voices" / "!v" / *name));
}

TEST_F(EspeakVariantsDir, RefusesADirectoryThatIsNotItsOwn) {
  fs::create_directories(root_ / "elsewhere");
  fs::create_directory_symlink(root_ / "elsewhere", mine_);  // e.g. planted in /tmp by someone else
  EXPECT_EQ(EspeakVariants::open(system_.string(), mine_.string()).status().code(), StatusCode::kInternal);
  EXPECT_EQ(EspeakVariants::open((root_ / "nowhere").string(), (root_ / "x").string()).status().code(),
            StatusCode::kInternal);
}

}  // namespace
}  // namespace voxwire
