// Word and phoneme timestamps on /api-ws/v1/inference over loopback
// (api-reference-cosyvoice §5.2, §5.3, §9, §12.2): their shapes in CosyVoice
// sentence-end and task-finished events and in Sambert result-generated
// events, times that keep increasing across sentences and end with the
// decoded audio, and the flags ignored where a model or voice has no
// timestamps. (Where words are heard in the audio: synthesis/word_timing_audio_test.cc.)
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "audio/audio_test_util.h"
#include "base/utf8.h"
#include "integration/inference_fixture.h"

namespace voxwire::testing {
namespace {

namespace json = boost::json;
using audio::test_util::ffmpeg_decode;
using audio::test_util::TempFile;

constexpr int64_t kToleranceMs = 30;

const json::object& output_of(const json::object& e) { return e.at("payload").at("output").as_object(); }

// Checks one word list's times: each word inside its own [begin, end], not
// before `after_ms`, in order. Returns the last end.
int64_t check_times(const json::array& words, int64_t after_ms) {
  int64_t last_begin = after_ms;
  int64_t last_end = after_ms;
  for (const json::value& v : words) {
    const json::object& w = v.as_object();
    const int64_t begin = w.at("begin_time").as_int64(), end = w.at("end_time").as_int64();
    EXPECT_GE(begin, last_begin) << json::serialize(w);
    EXPECT_GE(end, begin) << json::serialize(w);
    last_begin = begin;
    last_end = std::max(last_end, end);
  }
  return last_end;
}

TEST_F(InferenceTest, CosyVoiceWordTimestampsInSentenceEndAndTaskFinished) {
  auto c = open();
  ASSERT_NE(c, nullptr);
  json::object p = params("longanyang", "pcm", 24000);
  p["word_timestamp_enabled"] = true;
  p["rate"] = 1.5;
  c->send(run_task("ts-1", "cosyvoice-v3-flash", p));
  expect_started(*c, "ts-1");
  c->send(continue_task("ts-1", {{"text", "床前明月光，疑是地上霜。Good morning, my friend."}}));
  c->send(finish_task("ts-1"));
  TaskOutput t = read_task(*c);
  ASSERT_FALSE(t.events.empty());
  ASSERT_EQ(event_name(t.events.back()), "task-finished") << json::serialize(t.events.back());

  std::vector<json::object> ends;
  for (const json::object& e : t.events) {
    const std::string kind = label(e);
    if (kind == "sentence-begin" || kind == "sentence-synthesis") {
      EXPECT_TRUE(output_of(e).at("sentence").at("words").as_array().empty());
    }
    if (kind == "sentence-end") ends.push_back(e);
  }
  ASSERT_EQ(ends.size(), 2u);
  int64_t last_end = 0;
  for (const json::object& e : ends) {
    const std::u32string original = utf8::decode(output_of(e).at("original_text").as_string());
    const json::array& words = output_of(e).at("sentence").at("words").as_array();
    ASSERT_FALSE(words.empty());
    for (const json::value& v : words) {
      const json::object& w = v.as_object();
      EXPECT_EQ(w.size(), 5u) << json::serialize(w);
      const auto begin = static_cast<std::size_t>(w.at("begin_index").as_int64());
      const auto end = static_cast<std::size_t>(w.at("end_index").as_int64());
      ASSERT_LE(end, original.size());
      EXPECT_EQ(utf8::encode(original.substr(begin, end - begin)), w.at("text").as_string());
    }
    last_end = check_times(words, last_end);  // the second sentence's times follow the first's
  }
  const json::array& first = output_of(ends[0]).at("sentence").at("words").as_array();
  ASSERT_EQ(first.size(), 12u);  // one unit per character, punctuation included (§9.1)
  EXPECT_EQ(first[5].at("text").as_string(), "，");
  const json::array& second = output_of(ends[1]).at("sentence").at("words").as_array();
  EXPECT_EQ(second[0].at("text").as_string(), "Good");
  EXPECT_EQ(second[1].at("text").as_string(), "morning,");
  EXPECT_GE(second[0].at("begin_time").as_int64(), first.back().at("end_time").as_int64() - kToleranceMs);
  // The last word ends with the speech: what follows is the engine's closing silence.
  std::vector<int16_t> pcm(t.audio.size() / 2);
  std::memcpy(pcm.data(), t.audio.data(), pcm.size() * 2);
  ASSERT_LE(last_end, static_cast<int64_t>(pcm.size()) * 1000 / 24000);
  int peak = 0, after = 0;
  for (std::size_t i = 0; i < pcm.size(); ++i) {
    peak = std::max(peak, std::abs(static_cast<int>(pcm[i])));
    if (static_cast<int64_t>(i) * 1000 / 24000 > last_end + kToleranceMs) after = std::max(after, std::abs(static_cast<int>(pcm[i])));
  }
  EXPECT_LT(after, peak / 20) << "speech after the last word's end";
  // task-finished repeats the last sentence.
  const json::object& finished = output_of(t.events.back()).at("sentence").as_object();
  EXPECT_EQ(finished.at("index"), output_of(ends[1]).at("sentence").at("index"));
  EXPECT_EQ(finished.at("words"), output_of(ends[1]).at("sentence").at("words"));
}

// With SSML the segments' audio goes through the joiner that writes exact
// <break>s (dropping the engine's own quiet around them): the words after a
// break start where the sound resumes, not where the job's audio began.
TEST_F(InferenceTest, WordTimestampsFollowSsmlBreaks) {
  auto c = open();
  ASSERT_NE(c, nullptr);
  json::object p = params("longxiaochun_v2", "pcm", 24000);
  p["word_timestamp_enabled"] = true;
  p["enable_ssml"] = true;
  c->send(run_task("ts-ssml", "cosyvoice-v2", p));
  expect_started(*c, "ts-ssml");
  c->send(continue_task("ts-ssml", {{"text", R"(<speak>Good morning.<break time="900ms"/>Many thanks.</speak>)"}}));
  c->send(finish_task("ts-ssml"));
  TaskOutput t = read_task(*c);
  ASSERT_EQ(event_name(t.events.back()), "task-finished") << json::serialize(t.events.back());
  std::vector<json::array> words;
  for (const json::object& e : t.events) {
    if (label(e) == "sentence-end") words.push_back(output_of(e).at("sentence").at("words").as_array());
  }
  ASSERT_EQ(words.size(), 2u);
  ASSERT_FALSE(words[0].empty());
  ASSERT_FALSE(words[1].empty());
  std::vector<int16_t> pcm(t.audio.size() / 2);
  std::memcpy(pcm.data(), t.audio.data(), pcm.size() * 2);
  // The break: the longest run of quiet 10 ms frames.
  const std::size_t frame = 240;
  std::size_t run = 0, best_run = 0, best_end = 0;
  for (std::size_t f = 0; (f + 1) * frame <= pcm.size(); ++f) {
    int peak = 0;
    for (std::size_t i = f * frame; i < (f + 1) * frame; ++i) peak = std::max(peak, std::abs(static_cast<int>(pcm[i])));
    run = peak <= 64 ? run + 1 : 0;
    if (run > best_run) best_run = run, best_end = f + 1;
  }
  EXPECT_NEAR(static_cast<double>(best_run) * 10, 900, 40) << "break ends at " << best_end * 10 << " ms";
  const int64_t resumes_ms = static_cast<int64_t>(best_end) * 10;
  const int64_t stops_ms = resumes_ms - static_cast<int64_t>(best_run) * 10;
  EXPECT_NEAR(words[1][0].at("begin_time").as_int64(), resumes_ms, kToleranceMs) << json::serialize(words[1]);
  // The sentence before it ends by the break, and nothing loud follows its last word.
  const int64_t end_ms = words[0].back().at("end_time").as_int64();
  EXPECT_LE(end_ms, stops_ms + kToleranceMs) << json::serialize(words[0]);
  int peak = 0, after = 0;
  for (std::size_t i = 0; i < pcm.size(); ++i) {
    const int64_t ms = static_cast<int64_t>(i) * 1000 / 24000;
    const int level = std::abs(static_cast<int>(pcm[i]));
    peak = std::max(peak, level);
    if (ms > end_ms + kToleranceMs && ms < stops_ms) after = std::max(after, level);
  }
  EXPECT_LT(after, peak / 20) << "speech between the last word's end and the break";
}

// Where hot_fix or SSML change what is spoken, the words are still units of
// the original_text sent beside them (§9.1 indices).
TEST_F(InferenceTest, WordIndicesPointIntoTheOriginalTextAfterRewrites) {
  struct Case {
    json::object extra;
    std::string text;
  };
  const std::vector<Case> cases = {
      {{{"hot_fix", {{"replace", json::array{json::object{{"AI", "人工智能"}}}}}}}, "我爱AI，你呢。"},
      {{{"enable_ssml", true}}, R"(<speak>Welcome to <sub alias="World Wide Web Consortium">W3C</sub> today.</speak>)"},
  };
  for (const Case& k : cases) {
    auto c = open();
    ASSERT_NE(c, nullptr);
    json::object p = params("longanyang", "pcm", 24000);
    p["word_timestamp_enabled"] = true;
    for (const auto& item : k.extra) p[item.key()] = item.value();
    c->send(run_task("rw", "cosyvoice-v3-flash", p));
    expect_started(*c, "rw");
    c->send(continue_task("rw", {{"text", k.text}}));
    c->send(finish_task("rw"));
    TaskOutput t = read_task(*c);
    ASSERT_EQ(event_name(t.events.back()), "task-finished") << json::serialize(t.events.back());
    int checked = 0;
    for (const json::object& e : t.events) {
      if (label(e) != "sentence-end") continue;
      const std::u32string original = utf8::decode(output_of(e).at("original_text").as_string());
      for (const json::value& v : output_of(e).at("sentence").at("words").as_array()) {
        const auto begin = static_cast<std::size_t>(v.at("begin_index").as_int64());
        const auto end = static_cast<std::size_t>(v.at("end_index").as_int64());
        ASSERT_LE(end, original.size()) << json::serialize(e);
        EXPECT_EQ(utf8::encode(original.substr(begin, end - begin)), v.at("text").as_string());
        ++checked;
      }
    }
    EXPECT_GE(checked, 4) << k.text;
  }
}

TEST_F(InferenceTest, SambertWordAndPhonemeTimestamps) {
  auto c = open();
  ASSERT_NE(c, nullptr);
  c->send(run_task("ts-2", "sambert-zhichu-v1",
                   {{"format", "wav"}, {"sample_rate", 48000}, {"word_timestamp_enabled", true},
                    {"phoneme_timestamp_enabled", true}, {"rate", 0.8}},
                   {{"text", "今天天气很好。我们去公园散步吧。"}}, "out"));
  expect_started(*c, "ts-2");
  TaskOutput t = read_task(*c, /*cosyvoice=*/false);
  ASSERT_FALSE(t.events.empty());
  ASSERT_EQ(event_name(t.events.back()), "task-finished");
  EXPECT_TRUE(t.events.back().at("payload").at("output").is_null());

  int64_t previous_begin = -1, previous_end = 0;
  int sentences = 0;
  for (const json::object& e : t.events) {
    if (event_name(e) != "result-generated") continue;
    ++sentences;
    const json::object& s = output_of(e).at("sentence").as_object();
    const int64_t begin = s.at("begin_time").as_int64(), end = s.at("end_time").as_int64();
    EXPECT_GT(begin, previous_begin);  // the SDK keeps sentences apart by begin_time
    EXPECT_GE(begin, previous_end - 1);
    const json::array& words = s.at("words").as_array();
    ASSERT_GE(words.size(), 7u);
    EXPECT_LE(check_times(words, begin), end + 1);
    for (const json::value& v : words) {
      const json::object& w = v.as_object();
      EXPECT_FALSE(w.contains("begin_index"));
      const json::array& phonemes = w.at("phonemes").as_array();
      if (w.at("text") == "。") continue;
      ASSERT_FALSE(phonemes.empty()) << json::serialize(w);
      for (const json::value& p : phonemes) {
        const std::string text(p.at("text").as_string());
        EXPECT_TRUE(text.ends_with("_c")) << text;
        EXPECT_GE(p.at("tone").as_int64(), 1);
        EXPECT_LE(p.at("tone").as_int64(), 5);
        EXPECT_GE(p.at("begin_time").as_int64(), w.at("begin_time").as_int64());
        EXPECT_LE(p.at("end_time").as_int64(), w.at("end_time").as_int64());
      }
      if (w.at("text") == "今") {
        ASSERT_EQ(phonemes.size(), 2u);
        EXPECT_EQ(phonemes[0].at("text"), "j_c");
        EXPECT_EQ(phonemes[1].at("text"), "in_c");
        EXPECT_EQ(phonemes[1].at("tone"), 1);
      }
    }
    previous_begin = begin;
    previous_end = end;
  }
  EXPECT_EQ(sentences, 2);
  TempFile file(t.audio, ".wav");
  const auto decoded = ffmpeg_decode(file.path());
  ASSERT_EQ(decoded.sample_rate_hz, 48000);
  const double audio_ms = static_cast<double>(decoded.samples.size()) * 1000.0 / 48000;
  EXPECT_NEAR(static_cast<double>(previous_end), audio_ms, kToleranceMs);
}

TEST_F(InferenceTest, SambertEnglishPhonemesCarryStress) {
  auto c = open();
  ASSERT_NE(c, nullptr);
  c->send(run_task("ts-3", "sambert-beth-v1",
                   {{"format", "pcm"}, {"word_timestamp_enabled", true}, {"phoneme_timestamp_enabled", true}},
                   {{"text", "Remember the apples."}}, "out"));
  expect_started(*c, "ts-3");
  TaskOutput t = read_task(*c, /*cosyvoice=*/false);
  ASSERT_EQ(event_name(t.events.back()), "task-finished");
  const json::object& sentence = output_of(t.events[0]).at("sentence").as_object();
  const json::array& words = sentence.at("words").as_array();
  ASSERT_EQ(words.size(), 3u);
  EXPECT_EQ(words[0].at("text"), "Remember");
  std::vector<int64_t> stresses;
  for (const json::value& p : words[0].at("phonemes").as_array()) {
    EXPECT_TRUE(std::string(p.at("text").as_string()).ends_with("_e"));
    stresses.push_back(p.at("tone").as_int64());
  }
  // r ih m eh m b er: the second syllable carries the stress.
  EXPECT_EQ(stresses.size(), 7u);
  EXPECT_EQ(std::count(stresses.begin(), stresses.end(), 1), 1);
}

TEST_F(InferenceTest, TimestampFlagsAreIgnoredWhereNotOffered) {
  {  // cosyvoice-v1 has no timestamps (§15.6)
    auto c = open();
    ASSERT_NE(c, nullptr);
    json::object p = params("longwan", "pcm", 16000);
    p["word_timestamp_enabled"] = true;
    c->send(run_task("ts-4", "cosyvoice-v1", p));
    expect_started(*c, "ts-4");
    c->send(continue_task("ts-4", {{"text", "你好。"}}));
    c->send(finish_task("ts-4"));
    TaskOutput t = read_task(*c);
    ASSERT_EQ(event_name(t.events.back()), "task-finished");
    for (const json::object& e : t.events) {
      if (event_name(e) == "task-started") continue;
      EXPECT_TRUE(output_of(e).at("sentence").at("words").as_array().empty()) << json::serialize(e);
    }
  }
  {  // nor has sambert-camila-v1 (§12.5)
    auto c = open();
    ASSERT_NE(c, nullptr);
    c->send(run_task("ts-5", "sambert-camila-v1",
                     {{"word_timestamp_enabled", true}, {"phoneme_timestamp_enabled", true}},
                     {{"text", "Hola, buenos días."}}, "out"));
    expect_started(*c, "ts-5");
    TaskOutput t = read_task(*c, /*cosyvoice=*/false);
    ASSERT_EQ(event_name(t.events.back()), "task-finished");
    ASSERT_EQ(event_name(t.events[0]), "result-generated");
    EXPECT_TRUE(output_of(t.events[0]).at("sentence").at("words").as_array().empty());
  }
}

}  // namespace
}  // namespace voxwire::testing
