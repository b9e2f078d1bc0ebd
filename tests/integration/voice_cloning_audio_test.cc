// Voice cloning measured end to end: a real recording is analysed, cloned
// into a VoiceProfile, spoken by the built-in engines, and the synthesized
// speech is measured with the same analysis. Also re-measures the engines'
// nominal prosody that voice_analysis.cc keeps as constants.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "audio/audio_test_util.h"
#include "synthesis/synthesizer.h"
#include "tts/language.h"
#include "voice/voice_analysis.h"

namespace voxwire::testing {
namespace {

using audio::test_util::run;

// One man reading for 24.7 s (16 kHz, from a 64 kbps MP3).
std::string librivox_inputs() {
  std::string inputs;
  for (const char* part : {"0870", "0880", "0890", "0920", "0930"}) {
    inputs += std::string(" /usr/share/pocketsphinx/test/data/librivox/sense_and_sensibility_01_austen_64kb-") + part +
              ".wav";
  }
  return inputs;
}

// One woman saying "front center", "rear left"...: 48 kHz, the silences
// between words cut to 0.1 s so that it is 6.6 s of continuous speech.
std::string alsa_inputs() {
  std::string inputs;
  for (const char* name : {"Front_Center", "Front_Left", "Front_Right", "Rear_Center", "Rear_Left", "Rear_Right",
                           "Side_Left", "Side_Right"}) {
    inputs += std::string(" /usr/share/sounds/alsa/") + name + ".wav";
  }
  return inputs;
}
constexpr const char* kJoinWords = "silence 1 0.02 -40d -1 0.1 -40d";

// sox's output for `inputs` and `effects` as WAV bytes.
std::string sox(const std::string& inputs, const std::string& effects = "") {
  int status = 0;
  std::string wav = run("sox" + inputs + " -t wav - " + effects + " 2>/dev/null", &status);
  EXPECT_EQ(status, 0) << "sox" << inputs << " " << effects;
  return wav;
}

// A ~10 s passage per language, the text the nominal prosody is measured on.
struct Passage {
  Language language;
  const char* text;
};
constexpr Passage kPassages[] = {
    {Language::kChinese, "今天天气很好，我们一起去公园散步吧。你吃过晚饭了吗？这本书非常有意思，我昨天晚上一直读到半夜。明天早上我们八点在学校门口见面。"},
    {Language::kEnglish, "The quick brown fox jumps over the lazy dog. Did you remember to call your mother this morning? "
                         "What a beautiful day it is, we should take a long walk in the park. Please put the books back "
                         "on the shelf before you leave."},
    {Language::kGerman, "Heute ist das Wetter sehr schön, wir gehen im Park spazieren. Hast du schon zu Abend gegessen? "
                        "Das Buch ist wirklich spannend, ich habe es gestern Abend bis Mitternacht gelesen. Morgen früh "
                        "treffen wir uns um acht Uhr vor der Schule."},
    {Language::kItalian, "Oggi il tempo è molto bello, andiamo a fare una passeggiata nel parco. Hai già cenato? Questo "
                         "libro è davvero interessante, l'ho letto ieri sera fino a mezzanotte. Domani mattina ci "
                         "vediamo alle otto davanti alla scuola."},
    {Language::kPortuguese, "Hoje o tempo está muito bom, vamos passear no parque. Você já jantou? Este livro é muito "
                            "interessante, eu li ontem à noite até a meia-noite. Amanhã de manhã nos encontramos às "
                            "oito horas na frente da escola."},
    {Language::kSpanish, "Hoy hace muy buen tiempo, vamos a pasear por el parque. ¿Ya has cenado? Este libro es muy "
                         "interesante, lo leí anoche hasta la medianoche. Mañana por la mañana nos vemos a las ocho "
                         "delante de la escuela."},
    {Language::kJapanese, "今日は天気がとてもいいので、公園を散歩しましょう。もう晩ご飯を食べましたか？この本はとても面白いです。"
                          "明日の朝八時に学校の前で会いましょう。"},
    {Language::kKorean, "오늘은 날씨가 아주 좋아서 공원에 산책하러 갑시다. 저녁은 먹었어요? 이 책은 정말 재미있어서 어젯밤 "
                        "자정까지 읽었어요. 내일 아침 여덟 시에 학교 앞에서 만나요."},
    {Language::kFrench, "Aujourd'hui il fait très beau, allons nous promener dans le parc. As-tu déjà dîné ? Ce livre "
                        "est vraiment passionnant, je l'ai lu hier soir jusqu'à minuit. Demain matin, on se retrouve à "
                        "huit heures devant l'école."},
    {Language::kRussian, "Сегодня очень хорошая погода, и мы с друзьями пойдём гулять в большой городской парк. Ты "
                         "уже поужинал? Эта книга очень интересная, я читал её вчера до полуночи. Завтра утром "
                         "встретимся в восемь часов у школы."},
};

const char* passage_text(Language language) {
  for (const Passage& p : kPassages) {
    if (p.language == language) return p.text;
  }
  return "";
}

class VoiceCloning : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto s = Synthesizer::create_builtin();
    ASSERT_TRUE(s.ok()) << s.status().to_string();
    synthesizer_ = std::move(s).value().release();
  }
  static void TearDownTestSuite() {
    delete synthesizer_;
    synthesizer_ = nullptr;
  }

  static Result<VoiceAnalysis> analyze_bytes(const std::string& bytes) {
    Result<DecodedAudio> audio = decode_reference_audio(bytes);
    if (!audio.ok()) return audio.status();
    return analyze_voice(*audio);
  }

  // The analysis of `voice` reading the language's passage (rate and pitch 1).
  static Result<VoiceAnalysis> speak(const VoiceProfile& voice, Language language) {
    struct Collect final : AudioSink {
      DecodedAudio audio;
      void on_audio(std::span<const int16_t> pcm, int rate_hz) override {
        audio.sample_rate_hz = rate_hz;
        audio.samples.insert(audio.samples.end(), pcm.begin(), pcm.end());
      }
    } sink;
    Status s = synthesizer_->synthesize(passage_text(language), language, voice, 1.0, 1.0, sink, CancelToken());
    if (!s.ok()) return s;
    sink.audio.source_channels = 1;
    return analyze_voice(sink.audio);
  }

  static Synthesizer* synthesizer_;
};

Synthesizer* VoiceCloning::synthesizer_ = nullptr;

double relative_error(double measured, double expected) { return std::abs(measured / expected - 1.0); }

// The profiles the nominal prosody is averaged over: between them they reach
// every flite voice (slt, rms, kal16, awb) and four espeak-ng variants.
std::vector<VoiceProfile> nominal_voices() {
  VoiceProfile female;
  female.median_f0_hz = 210.0;
  VoiceProfile dark_male;
  dark_male.gender = Gender::kMale;
  dark_male.median_f0_hz = 100.0;
  VoiceProfile bright_male = dark_male;
  bright_male.brightness = 0.5;
  VoiceProfile male = dark_male;
  male.median_f0_hz = 130.0;
  return {female, dark_male, bright_male, male};
}

// Checks that `spoken`, a clone of `recording` reading, has the recording's
// median F0 (within 12%) and syllable rate (within 25%); returns it.
VoiceAnalysis expect_clone_matches(const VoiceAnalysis& recording, const VoiceProfile& clone,
                                   const Result<VoiceAnalysis>& spoken) {
  EXPECT_TRUE(spoken.ok()) << spoken.status().to_string();
  if (!spoken.ok()) return {};
  std::printf("  recording: F0 %.1f Hz, %.2f syll/s -> clone %s, F0 %.1f, rate %.2f, range %.2f -> spoken: F0 %.1f Hz, "
              "%.2f syll/s\n",
              recording.median_f0_hz, recording.syllable_rate_hz, std::string(gender_name(clone.gender)).c_str(),
              clone.median_f0_hz, clone.speaking_rate, clone.f0_range, spoken->median_f0_hz, spoken->syllable_rate_hz);
  EXPECT_LT(relative_error(spoken->median_f0_hz, recording.median_f0_hz), 0.12) << spoken->median_f0_hz;
  EXPECT_LT(relative_error(spoken->syllable_rate_hz, recording.syllable_rate_hz), 0.25) << spoken->syllable_rate_hz;
  return *spoken;
}

TEST_F(VoiceCloning, ClonedReaderSpeaksAtHisPitchAndTempo) {
  Result<VoiceAnalysis> recording = analyze_bytes(sox(librivox_inputs()));
  ASSERT_TRUE(recording.ok()) << recording.status().to_string();
  const VoiceProfile clone = profile_from_analysis(*recording, "en", "reader");
  EXPECT_EQ(clone.gender, Gender::kMale);
  expect_clone_matches(*recording, clone, speak(clone, Language::kEnglish));
}

TEST_F(VoiceCloning, ClonedReaderKeepsHisPitchAndRelativeTempoInChinese) {
  Result<VoiceAnalysis> recording = analyze_bytes(sox(librivox_inputs()));
  ASSERT_TRUE(recording.ok()) << recording.status().to_string();
  const VoiceProfile clone = profile_from_analysis(*recording, "en", "reader");
  Result<VoiceAnalysis> spoken = speak(clone, Language::kChinese);  // espeak-ng
  ASSERT_TRUE(spoken.ok()) << spoken.status().to_string();
  const double relative_tempo = recording->syllable_rate_hz / nominal_prosody("en").syllable_rate_hz;
  const double spoken_tempo = spoken->syllable_rate_hz / nominal_prosody("zh").syllable_rate_hz;
  std::printf("  F0 %.1f -> %.1f Hz; tempo %.2f -> %.2f of the engines' own\n", recording->median_f0_hz,
              spoken->median_f0_hz, relative_tempo, spoken_tempo);
  EXPECT_LT(relative_error(spoken->median_f0_hz, recording->median_f0_hz), 0.12);
  EXPECT_LT(relative_error(spoken_tempo, relative_tempo), 0.25);
}

TEST_F(VoiceCloning, ClonedWomanSpeaksAtHerPitchAndTempo) {
  Result<VoiceAnalysis> recording = analyze_bytes(sox(alsa_inputs(), kJoinWords));
  ASSERT_TRUE(recording.ok()) << recording.status().to_string();
  const VoiceProfile clone = profile_from_analysis(*recording, "en", "announcer");
  EXPECT_EQ(clone.gender, Gender::kFemale);
  expect_clone_matches(*recording, clone, speak(clone, Language::kEnglish));
}

TEST_F(VoiceCloning, RecordingPitchedUpFourSemitonesClonesAVoiceAsMuchHigher) {
  const double ratio = std::exp2(4.0 / 12.0);
  Result<VoiceAnalysis> original = analyze_bytes(sox(librivox_inputs()));
  Result<VoiceAnalysis> raised = analyze_bytes(sox(librivox_inputs(), "pitch 400"));
  ASSERT_TRUE(original.ok()) << original.status().to_string();
  ASSERT_TRUE(raised.ok()) << raised.status().to_string();
  EXPECT_LT(relative_error(raised->median_f0_hz / original->median_f0_hz, ratio), 0.05);

  const VoiceProfile low_clone = profile_from_analysis(*original, "en", "low");
  const VoiceProfile high_clone = profile_from_analysis(*raised, "en", "high");
  const VoiceAnalysis low = expect_clone_matches(*original, low_clone, speak(low_clone, Language::kEnglish));
  const VoiceAnalysis high = expect_clone_matches(*raised, high_clone, speak(high_clone, Language::kEnglish));
  ASSERT_GT(low.median_f0_hz, 0.0);
  std::printf("  spoken F0 ratio %.3f (recordings %.3f)\n", high.median_f0_hz / low.median_f0_hz,
              raised->median_f0_hz / original->median_f0_hz);
  EXPECT_LT(relative_error(high.median_f0_hz / low.median_f0_hz, ratio), 0.12);
}

TEST_F(VoiceCloning, NominalProsodyConstantsMatchTheEngines) {
  for (const NominalProsody& row : nominal_prosody_table()) {
    const std::optional<Language> language = parse_language_code(row.language_code);
    ASSERT_TRUE(language.has_value()) << row.language_code;
    double log_rate = 0.0, log_spread = 0.0;
    const std::vector<VoiceProfile> voices = nominal_voices();
    for (const VoiceProfile& voice : voices) {
      Result<VoiceAnalysis> a = speak(voice, *language);
      ASSERT_TRUE(a.ok()) << row.language_code << ": " << a.status().to_string();
      log_rate += std::log(a->syllable_rate_hz);
      log_spread += std::log(a->f0_spread_semitones);
      std::printf("  %s f0 %.0f: %.2f syll/s, %.2f st\n", std::string(row.language_code).c_str(), voice.median_f0_hz,
                  a->syllable_rate_hz, a->f0_spread_semitones);
    }
    const double rate = std::exp(log_rate / static_cast<double>(voices.size()));
    const double spread = std::exp(log_spread / static_cast<double>(voices.size()));
    std::printf("{\"%s\", %.2f, %.2f},\n", std::string(row.language_code).c_str(), rate, spread);
    EXPECT_LT(relative_error(rate, row.syllable_rate_hz), 0.05) << row.language_code << " rate " << rate;
    EXPECT_LT(relative_error(spread, row.f0_spread_semitones), 0.10) << row.language_code << " spread " << spread;
  }
}

}  // namespace
}  // namespace voxwire::testing
