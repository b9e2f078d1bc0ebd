// SSML and hot_fix on /api-ws/v1/inference over loopback
// (api-reference-cosyvoice §7 hot_fix, §8.4, §11.2): the audio of <speak>
// documents decoded by ffmpeg (breaks as exact silences, prosody, sub,
// phoneme, effects, soundEvent and bgm WAVs served from loopback), the
// one-text rule, malformed documents, voices without
// SSML, and hot_fix's replacements and pronunciations in audio and billing.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <span>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "audio/audio_test_util.h"
#include "audio/pitch_tracker.h"
#include "integration/audio_checks.h"
#include "audio/wav_header.h"
#include "integration/inference_fixture.h"
#include "support/canned_http_server.h"
#include "synthesis/phrase_joiner.h"

namespace voxwire::testing {
namespace {

namespace json = boost::json;
using audio::test_util::band_power;
using audio::test_util::db;
using audio::test_util::ffmpeg_decode;
using audio::test_util::TempFile;

constexpr int kRate = 24000;

struct Spoken {
  TaskOutput task;
  std::vector<int16_t> pcm;  // decoded by ffmpeg from the task's WAV stream
  bool finished = false;
  std::string error_message;  // task-failed's
  long long characters = 0;   // task-finished's usage.characters
};

class InferenceSsmlTest : public InferenceTest {
 protected:
  // One task with `texts` as continue-tasks, format wav at 24 kHz.
  Spoken speak(const std::string& model, const std::string& voice, std::vector<std::string> texts,
               json::object extra = {}) {
    Spoken out;
    auto c = open();
    if (!c) return out;
    json::object p = params(voice, "wav", kRate);
    p["enable_ssml"] = true;
    for (auto& [key, value] : extra) p[key] = value;
    c->send(run_task("ssml", model, std::move(p)));
    for (const std::string& text : texts) c->send(continue_task("ssml", {{"text", text}}));
    c->send(finish_task("ssml"));
    out.task = read_task(*c);
    if (out.task.events.empty()) return out;
    const json::object& last = out.task.events.back();
    out.finished = event_name(last) == "task-finished";
    if (!out.finished) {
      out.error_message = std::string(last.at("header").at("error_message").as_string());
      return out;
    }
    out.characters = last.at("payload").at("usage").at("characters").as_int64();
    TempFile file(out.task.audio, ".wav");
    auto decoded = ffmpeg_decode(file.path());
    EXPECT_EQ(decoded.sample_rate_hz, kRate);
    EXPECT_TRUE(decoded.errors.empty()) << decoded.errors;
    out.pcm = std::move(decoded.samples);
    return out;
  }
  Spoken speak(const std::string& text, json::object extra = {}) {
    return speak("cosyvoice-v2", "longxiaochun_v2", {text}, std::move(extra));
  }

  static double seconds(const Spoken& s) { return static_cast<double>(s.pcm.size()) / kRate; }
  // The longest run of silence, in ms.
  static double longest_silence_ms(const std::vector<int16_t>& pcm) {
    std::size_t longest = 0, run = 0;
    for (int16_t sample : pcm) {
      run = std::abs(sample) <= PhraseJoiner::kQuiet ? run + 1 : 0;
      longest = std::max(longest, run);
    }
    return longest * 1000.0 / kRate;
  }
  static std::vector<std::string> original_texts(const TaskOutput& t) {
    std::vector<std::string> out;
    for (const json::object& e : t.events) {
      if (label(e) == "sentence-begin") out.emplace_back(e.at("payload").at("output").at("original_text").as_string());
    }
    return out;
  }
};

TEST_F(InferenceSsmlTest, BreaksAreSilencesOfTheRequestedLength) {
  for (int ms : {700, 2000}) {
    const Spoken s = speak("<speak>今天天气很好<break time=\"" + std::to_string(ms) + "ms\"/>我们去公园吧</speak>");
    ASSERT_TRUE(s.finished) << s.error_message;
    EXPECT_NEAR(longest_silence_ms(s.pcm), ms, 30) << ms;
    EXPECT_EQ(original_texts(s.task), (std::vector<std::string>{"今天天气很好", "我们去公园吧"}));
    EXPECT_EQ(s.characters, 24);  // the text only, Han counting 2 (§8.1)
    EXPECT_TRUE(s.task.binary_after_synthesis);
  }
  // Consecutive breaks add up; a trailing break is written too.
  const Spoken added = speak("<speak>你好<break time=\"1s\"/><break time=\"500ms\"/>再见<break/></speak>");
  ASSERT_TRUE(added.finished) << added.error_message;
  EXPECT_NEAR(longest_silence_ms(added.pcm), 1500, 30);
  const Spoken plain = speak("<speak>你好<break time=\"1s\"/><break time=\"500ms\"/>再见</speak>");
  EXPECT_NEAR(seconds(added) - seconds(plain), 1.0, 0.05);
}

TEST_F(InferenceSsmlTest, SpeakRateAndSiblingSpeaks) {
  const std::string text = "我们明天早上九点在公司门口见面，然后一起去机场。";
  const Spoken normal = speak("<speak>" + text + "</speak>");
  const Spoken fast = speak("<speak rate=\"2\">" + text + "</speak>");
  const Spoken legacy = speak("<speak rate=\"500\">" + text + "</speak>");  // legacy NLS scale: 2
  ASSERT_TRUE(normal.finished && fast.finished && legacy.finished) << fast.error_message << legacy.error_message;
  EXPECT_LT(seconds(fast), seconds(normal) * 0.7);
  EXPECT_NEAR(seconds(legacy), seconds(fast), 0.05);
  // Two sibling <speak>s are two sentences, each with its own settings.
  const Spoken other_voice = speak("<speak voice=\"longcheng_v2\">" + text + "</speak>");
  const Spoken two = speak("<speak rate=\"2\">" + text + "</speak><speak voice=\"longcheng_v2\">" + text + "</speak>");
  ASSERT_TRUE(two.finished && other_voice.finished) << two.error_message;
  EXPECT_NE(other_voice.pcm, normal.pcm);
  EXPECT_EQ(original_texts(two.task).size(), 2u);
  EXPECT_NEAR(seconds(two), seconds(fast) + seconds(other_voice), 0.1);
}

TEST_F(InferenceSsmlTest, EffectsFilterTheSpeakTheyAreOn) {
  const std::string text = "我们明天早上九点在公司门口见面，然后一起去机场。";
  // How much louder 3..6 kHz is than 100..600 Hz, in dB.
  auto treble = [](std::span<const int16_t> pcm) {
    return db(band_power(pcm, kRate, 3000, 6000) / band_power(pcm, kRate, 100, 600));
  };
  const Spoken normal = speak("<speak>" + text + "</speak>");
  const Spoken low = speak("<speak effect=\"lpfilter\" effectValue=\"1000\">" + text + "</speak>");
  const Spoken high = speak("<speak effect=\"hpfilter\" effectValue=\"1000\">" + text + "</speak>");
  ASSERT_TRUE(normal.finished && low.finished && high.finished) << low.error_message << high.error_message;
  EXPECT_NEAR(static_cast<double>(low.pcm.size()), static_cast<double>(normal.pcm.size()), kRate / 100);
  EXPECT_LT(treble(low.pcm), treble(normal.pcm) - 12);
  EXPECT_GT(treble(high.pcm), treble(normal.pcm) + 12);
  // The effect stays on its <speak>: the sibling after it sounds as usual.
  const Spoken two = speak("<speak effect=\"lowpass\">" + text + "</speak><speak>" + text + "</speak>");
  ASSERT_TRUE(two.finished) << two.error_message;
  ASSERT_GE(two.pcm.size(), 2 * normal.pcm.size() - kRate / 10);
  const std::span<const int16_t> second = std::span<const int16_t>(two.pcm).last(normal.pcm.size() * 9 / 10);
  const std::span<const int16_t> first = std::span<const int16_t>(two.pcm).first(normal.pcm.size() * 9 / 10);
  EXPECT_NEAR(treble(second), treble(normal.pcm), 3);
  EXPECT_LT(treble(first), treble(normal.pcm) - 12);
  // lolita: a higher, younger voice for the same words.
  const Spoken lolita = speak("<speak effect=\"lolita\">" + text + "</speak>");
  ASSERT_TRUE(lolita.finished) << lolita.error_message;
  const Result<audio::PitchStats> lolita_pitch = audio::analyze_pitch(lolita.pcm, kRate);
  const Result<audio::PitchStats> normal_pitch = audio::analyze_pitch(normal.pcm, kRate);
  ASSERT_TRUE(lolita_pitch.ok() && normal_pitch.ok());
  EXPECT_GT(lolita_pitch->median_hz, normal_pitch->median_hz * 1.3);
  // Bad effects and values fail the task naming them.
  EXPECT_NE(speak("<speak effect=\"eq\" effectValue=\"1 2 3\">" + text + "</speak>").error_message.find("effectValue"),
            std::string::npos);
  EXPECT_NE(speak("<speak effect=\"lpfilter\" effectValue=\"12001\">" + text + "</speak>").error_message.find(
                "effectValue: a cut-off frequency in Hz in (0, 12000]"),
            std::string::npos);
  EXPECT_NE(speak("<speak effect=\"chorus\">" + text + "</speak>").error_message.find("<speak effect> must be one of"),
            std::string::npos);
}

TEST_F(InferenceSsmlTest, SubSpeaksItsAliasAndBillsTheText) {
  const Spoken written = speak("<speak>W3C</speak>");
  const Spoken alias = speak("<speak><sub alias=\"万维网联盟的网络协议标准\">W3C</sub></speak>");
  ASSERT_TRUE(written.finished && alias.finished) << alias.error_message;
  EXPECT_GT(seconds(alias), seconds(written) + 0.8);
  EXPECT_EQ(alias.characters, 3);
  EXPECT_EQ(original_texts(alias.task), (std::vector<std::string>{"W3C"}));
}

TEST_F(InferenceSsmlTest, PhonemeChangesWhatIsSaid) {
  const Spoken plain = speak("<speak>他在银行工作</speak>");
  const Spoken xing = speak("<speak>他在银<phoneme alphabet=\"py\" ph=\"xing2\">行</phoneme>工作</speak>");
  const Spoken hang = speak("<speak>他在银<phoneme alphabet=\"py\" ph=\"hang2\">行</phoneme>工作</speak>");
  ASSERT_TRUE(plain.finished && xing.finished && hang.finished) << xing.error_message;
  EXPECT_NE(xing.pcm, plain.pcm);
  EXPECT_NE(xing.pcm, hang.pcm);
  const Spoken cmu = speak("<speak>I <phoneme alphabet=\"cmu\" ph=\"S AY1 N\">read</phoneme> it</speak>");
  const Spoken read = speak("<speak>I read it</speak>");
  ASSERT_TRUE(cmu.finished && read.finished) << cmu.error_message;
  EXPECT_NE(cmu.pcm, read.pcm);
}

TEST_F(InferenceSsmlTest, SayAsReadsDigits) {
  const Spoken cardinal = speak("<speak>号码<say-as interpret-as=\"cardinal\">12345</say-as></speak>");
  const Spoken digits = speak("<speak>号码<say-as interpret-as=\"digits\">12345</say-as></speak>");
  ASSERT_TRUE(cardinal.finished && digits.finished) << digits.error_message;
  EXPECT_NE(cardinal.pcm, digits.pcm);
  EXPECT_EQ(digits.characters, 9);
}

TEST_F(InferenceSsmlTest, OnlyOneTextIsAllowed) {
  const Spoken two = speak("cosyvoice-v2", "longxiaochun_v2", {"<speak>你好</speak>", "<speak>再见</speak>"});
  EXPECT_FALSE(two.finished);
  EXPECT_EQ(two.error_message, "Text request limit violated, expected 1.");
  // run-task's input.text is the first text (§16 item 6).
  auto c = open();
  ASSERT_NE(c, nullptr);
  json::object p = params("longxiaochun_v2", "wav", kRate);
  p["enable_ssml"] = true;
  c->send(run_task("first", "cosyvoice-v2", p, {{"text", "<speak>你好</speak>"}}));
  c->send(continue_task("first", {{"text", "<speak>再见</speak>"}}));
  TaskOutput t = read_task(*c);
  ASSERT_FALSE(t.events.empty());
  EXPECT_EQ(t.events.back().at("header").at("error_message").as_string(), "Text request limit violated, expected 1.");
}

TEST_F(InferenceSsmlTest, MalformedDocumentsFailTheTask) {
  const Spoken unclosed = speak("<speak>你好<break time=\"1s\"></speak>");
  EXPECT_FALSE(unclosed.finished);
  EXPECT_EQ(unclosed.error_message,
            "SSML: line 1, column 27: end tag </speak> does not close <break> (opened at line 1, column 10)");
  const Spoken unknown = speak("<speak>你好<emphasis>呀</emphasis></speak>");
  EXPECT_NE(unknown.error_message.find("unknown element <emphasis>"), std::string::npos) << unknown.error_message;
  const Spoken bad_time = speak("<speak>你好<break time=\"20s\"/></speak>");
  EXPECT_NE(bad_time.error_message.find("<break time> must be"), std::string::npos) << bad_time.error_message;
  const Spoken no_src = speak("<speak>你好<soundEvent/></speak>");
  EXPECT_NE(no_src.error_message.find("<soundEvent> needs a src"), std::string::npos) << no_src.error_message;
  // This server does not allow private addresses: a loopback sound is refused, named.
  const Spoken loopback = speak("<speak>你好<soundEvent src=\"http://127.0.0.1:9/a.wav\"/></speak>");
  EXPECT_EQ(loopback.error_message.rfind("SSML: cannot use the audio at 'http://127.0.0.1:9/a.wav': ", 0), 0u)
      << loopback.error_message;
  const Spoken entity = speak("<!DOCTYPE x [<!ENTITY a \"b\">]><speak>&a;</speak>");
  EXPECT_NE(entity.error_message.find("not allowed"), std::string::npos) << entity.error_message;
}

TEST_F(InferenceSsmlTest, VoicesAndModelsWithoutSsmlRefuseIt) {
  const std::string document = "<speak>Hello there.</speak>";
  EXPECT_TRUE(speak(document).finished);
  const Spoken eva = speak("cosyvoice-v2", "loongeva_v2", {document});
  EXPECT_EQ(eva.error_message, "SSML text is not supported at the moment!");
  const Spoken v1 = speak("cosyvoice-v1", "longxiaochun", {document});
  EXPECT_EQ(v1.error_message, "SSML text is not supported at the moment!");
  const Spoken override_voice = speak("<speak voice=\"loongeva_v2\">Hello.</speak>");
  EXPECT_EQ(override_voice.error_message, "SSML text is not supported at the moment!");
  const Spoken other_model = speak("<speak voice=\"longanyang\">你好</speak>");
  EXPECT_NE(other_model.error_message.find("is not a voice of model 'cosyvoice-v2'"), std::string::npos)
      << other_model.error_message;
}

TEST_F(InferenceSsmlTest, PlainTextAndLiteralTagsStillWork) {
  // §8.4's compatibility rule: enable_ssml with plain text reads it normally.
  const Spoken plain = speak("cosyvoice-v2", "loongeva_v2", {"Hello there. How are you?"});
  ASSERT_TRUE(plain.finished) << plain.error_message;
  EXPECT_GT(voiced_seconds(plain.pcm, kRate), 0.8);
  EXPECT_EQ(original_texts(plain.task).size(), 2u);
  // Without enable_ssml a document is text, read literally.
  const Spoken literal = speak("cosyvoice-v2", "longxiaochun_v2", {"<speak>你好</speak>"}, {{"enable_ssml", false}});
  ASSERT_TRUE(literal.finished) << literal.error_message;
  EXPECT_EQ(literal.characters, 19);
}

TEST_F(InferenceSsmlTest, HotFixReplacesAndForcesPronunciations) {
  auto hot_fix = [&](json::object fix, const std::string& text) {
    return speak("cosyvoice-v3-flash", "longanyang", {text}, {{"enable_ssml", false}, {"hot_fix", std::move(fix)}});
  };
  const Spoken plain = hot_fix({}, "AI很好。");
  const Spoken replaced = hot_fix({{"replace", json::array{json::object{{"AI", "人工智能的技术"}}}}}, "AI很好。");
  ASSERT_TRUE(plain.finished && replaced.finished) << replaced.error_message;
  EXPECT_EQ(plain.characters, 7);
  EXPECT_EQ(replaced.characters, 19);  // the replacement is billed (§7)
  EXPECT_GT(seconds(replaced), seconds(plain) + 0.5);
  EXPECT_EQ(original_texts(replaced.task), (std::vector<std::string>{"AI很好。"}));

  const Spoken bank = hot_fix({}, "他在银行工作。");
  const Spoken forced = hot_fix({{"pronunciation", json::array{json::object{{"银行", "yin2 xing2"}}}}}, "他在银行工作。");
  ASSERT_TRUE(bank.finished && forced.finished) << forced.error_message;
  EXPECT_NE(bank.pcm, forced.pcm);
  EXPECT_EQ(forced.characters, bank.characters);

  const Spoken bad = hot_fix({{"pronunciation", json::array{json::object{{"银行", "yin2"}}}}}, "银行");
  EXPECT_NE(bad.error_message.find("Parameter 'hot_fix'"), std::string::npos) << bad.error_message;
  const Spoken v2 = speak("cosyvoice-v2", "longxiaochun_v2", {"你好"}, {{"hot_fix", json::object{}}});
  EXPECT_EQ(v2.error_message, "Parameter 'hot_fix' is not supported by model 'cosyvoice-v2'.");
}

// A server that may fetch SSML audio from loopback.
class InferenceSsmlAudioTest : public InferenceSsmlTest {
 protected:
  static void SetUpTestSuite() {
    server::ServerConfig config = TestServer::default_config();
    config.allow_private_urls = true;  // the WAVs below are served from 127.0.0.1
    server_ = new TestServer(config);
  }

  // A 16 kHz mono 16-bit WAV of a 1 kHz tone of amplitude 10000.
  static std::string tone_wav(double seconds) {
    const std::vector<int16_t> tone = audio::test_util::to_int16(audio::test_util::sine(16000, 1000, seconds, 10000.0 / 32768));
    std::string wav = audio::wav_header(16000, static_cast<uint32_t>(tone.size() * 2));
    wav.append(reinterpret_cast<const char*>(tone.data()), tone.size() * 2);
    return wav;
  }
  // The share of a window's power at 1 kHz.
  static double tone_share(std::span<const int16_t> window) {
    const double total = audio::test_util::rms(window) * audio::test_util::rms(window);
    return total == 0 ? 0 : 2 * audio::test_util::tone_power(window, kRate, 1000) / total;
  }
};

TEST_F(InferenceSsmlAudioTest, SoundEventInsertsTheWavWhereItStands) {
  CannedHttpServer http({ok_response(tone_wav(0.5), "audio/wav")});
  const Spoken before = speak("<speak>你好</speak>");
  const Spoken s = speak("<speak>你好<soundEvent src=\"" + http.url("/tone.wav?a=1&amp;b=2") + "\"/>世界</speak>");
  ASSERT_TRUE(s.finished) << s.error_message;
  ASSERT_TRUE(before.finished);
  // The speech before it (as long as without it), then 0.5 s of the tone, then speech again.
  const std::size_t at = before.pcm.size(), tone = kRate / 2;
  ASSERT_GT(s.pcm.size(), at + tone + kRate / 10);
  for (std::size_t w = at + kRate / 100; w + kRate / 20 <= at + tone - kRate / 100; w += kRate / 20) {
    const std::span<const int16_t> window(s.pcm.data() + w, kRate / 20);
    EXPECT_GT(tone_share(window), 0.95) << "at " << w;
    EXPECT_NEAR(audio::test_util::rms(window), 10000 / std::sqrt(2.0), 300) << "at " << w;
  }
  const std::span<const int16_t> after(s.pcm.data() + at + tone, s.pcm.size() - at - tone);
  EXPECT_LT(tone_share(after), 0.5);  // speech, not the tone
  EXPECT_EQ(original_texts(s.task), (std::vector<std::string>{"你好", "世界"}));
}

TEST_F(InferenceSsmlAudioTest, BgmIsLoopedUnderTheSpeechOfItsSpeakAtItsVolume) {
  CannedHttpServer http({ok_response(tone_wav(0.3), "audio/wav")});
  const std::string text = "今天天气很好，我们去公园吧";
  const Spoken plain = speak("<speak>" + text + "</speak>");
  const Spoken s = speak("<speak bgm=\"" + http.url("/bgm.wav") + "\" backgroundMusicVolume=\"20\">" + text + "</speak>");
  ASSERT_TRUE(s.finished) << s.error_message;
  ASSERT_TRUE(plain.finished);
  // As long as the speech (the engine varies a little from run to run).
  EXPECT_NEAR(seconds(s), seconds(plain), 0.1);
  // The 0.3 s tone looped from start to end at 20 %: its amplitude at 1 kHz
  // in each quarter of the audio, where the speech alone has little.
  auto amplitude = [](std::span<const int16_t> pcm) {
    std::vector<double> windows;
    for (std::size_t w = 0; w + kRate / 10 <= pcm.size(); w += kRate / 10) {
      windows.push_back(2 * std::sqrt(audio::test_util::tone_power(pcm.subspan(w, kRate / 10), kRate, 1000)));
    }
    std::nth_element(windows.begin(), windows.begin() + windows.size() / 2, windows.end());
    return windows.empty() ? 0.0 : windows[windows.size() / 2];  // the median window's
  };
  const std::size_t quarter = s.pcm.size() / 4;
  for (int q = 0; q < 4; ++q) {
    EXPECT_NEAR(amplitude(std::span<const int16_t>(s.pcm).subspan(q * quarter, quarter)), 2000, 300) << "quarter " << q;
  }
  EXPECT_LT(amplitude(plain.pcm), 500);
}

TEST_F(InferenceSsmlAudioTest, UnreachableOrNonWavAudioFailsTheTaskNamingTheUrl) {
  CannedHttpServer http({ok_response("ID3 this is no wave", "audio/mpeg")});
  const std::string mp3 = http.url("/sound.mp3");
  const Spoken not_wav = speak("<speak>你好<soundEvent src=\"" + mp3 + "\"/></speak>");
  EXPECT_EQ(not_wav.error_message, "SSML: cannot use the audio at '" + mp3 + "': it is not a WAV file");
  const Spoken unreachable = speak("<speak bgm=\"http://127.0.0.1:9/bgm.wav\">你好</speak>");
  EXPECT_FALSE(unreachable.finished);
  EXPECT_EQ(unreachable.error_message.rfind("SSML: cannot use the audio at 'http://127.0.0.1:9/bgm.wav': ", 0), 0u)
      << unreachable.error_message;
}

}  // namespace
}  // namespace voxwire::testing
