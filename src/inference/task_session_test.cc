#include "inference/task_session.h"

#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "audio/wav_header.h"

namespace voxwire::inference {
namespace {

namespace json = boost::json;

// Records what the session asks of its connection; jobs are driven by hand.
class FakeHost : public TaskHost {
 public:
  void send_event(json::object event) override {
    const json::object& out = event.at("payload").as_object();
    std::string name(event.at("header").at("event").as_string());
    if (const json::value* o = out.if_contains("output"); o && o->is_object() && o->as_object().contains("type")) {
      name = std::string(o->as_object().at("type").as_string());
    }
    log.push_back(name);
    events.push_back(std::move(event));
  }
  void send_audio(std::string bytes, uint64_t, std::size_t) override {
    log.push_back("binary");
    audio += bytes;
  }
  void discard_queued() override { log.push_back("discard"); }
  void start_job(uint64_t job_id, synthesis::SynthesisSpec spec) override {
    jobs.push_back(job_id);
    texts.push_back(spec.text);
    word_timings.push_back(spec.word_timings);
  }
  void cancel_job(uint64_t job_id) override { cancelled.push_back(job_id); }
  void fetch_audio(uint64_t fetch_id, std::string url, std::size_t max_bytes) override {
    fetches.push_back({fetch_id, std::move(url), max_bytes});
  }
  void consumed(uint64_t, std::size_t) override {}
  void close(uint16_t code, std::string) override { close_code = code; }
  void served(std::string_view, long long characters, double, audio::AudioFormat) override {
    served_characters = characters;
  }
  void task_failed(std::string_view) override {}
  bool admit(std::string_view) override { return true; }

  struct Fetch {
    uint64_t id;
    std::string url;
    std::size_t max_bytes;
  };
  std::vector<Fetch> fetches;
  std::vector<json::object> events;
  std::vector<std::string> log;
  std::string audio;
  std::vector<uint64_t> jobs, cancelled;
  std::vector<std::string> texts;
  std::vector<bool> word_timings;
  int close_code = 0;
  long long served_characters = -1;
};

std::string run_task(const std::string& id, const std::string& voice = "longanyang", json::object extra = {}) {
  json::object parameters{{"text_type", "PlainText"}, {"voice", voice}, {"format", "pcm"}, {"sample_rate", 16000}};
  for (const auto& item : extra) parameters[item.key()] = item.value();
  return json::serialize(json::object{
      {"header", {{"action", "run-task"}, {"task_id", id}, {"streaming", "duplex"}}},
      {"payload", {{"model", "cosyvoice-v3-flash"}, {"parameters", std::move(parameters)}, {"input", json::object()}}}});
}

std::string instruction(const std::string& action, const std::string& id, json::object input) {
  return json::serialize(json::object{{"header", {{"action", action}, {"task_id", id}}},
                                      {"payload", {{"input", std::move(input)}}}});
}

std::string pcm_of(std::size_t samples) { return std::string(samples * 2, '\x01'); }

TEST(TaskSession, SentencesStreamInTheDocumentedOrder) {
  FakeHost host;
  TaskSession session(host);
  session.on_text_frame(run_task("t"));
  session.on_text_frame(instruction("continue-task", "t", {{"text", "Hello there. World"}}));
  ASSERT_EQ(host.jobs.size(), 1u);
  EXPECT_EQ(host.texts[0], "Hello there. ");
  EXPECT_TRUE(session.awaiting_client());
  session.on_job_chunk(host.jobs[0], pcm_of(1600));
  session.on_job_done(host.jobs[0], Status(), {});
  session.on_text_frame(instruction("finish-task", "t", {}));
  EXPECT_FALSE(session.awaiting_client());
  ASSERT_EQ(host.jobs.size(), 2u);
  EXPECT_EQ(host.texts[1], "World");
  session.on_job_chunk(host.jobs[1], pcm_of(800));
  session.on_job_done(host.jobs[1], Status(), {});
  const std::vector<std::string> expected = {"task-started",   "sentence-begin", "sentence-synthesis", "binary",
                                             "sentence-end",   "sentence-begin", "sentence-synthesis", "binary",
                                             "sentence-end",   "task-finished"};
  EXPECT_EQ(host.log, expected);
  EXPECT_EQ(host.audio.size(), 4800u);
  EXPECT_EQ(host.served_characters, 18);
  EXPECT_FALSE(session.busy());
  EXPECT_EQ(session.tasks_finished(), 1);
}

TEST(TaskSession, RunTaskPreemptsAndLateOutputIsDropped) {
  FakeHost host;
  TaskSession session(host);
  session.on_text_frame(run_task("a"));
  session.on_text_frame(instruction("continue-task", "a", {{"text", "First task sentence."}}));
  ASSERT_EQ(host.jobs.size(), 1u);
  session.on_text_frame(run_task("b", "longanhuan"));
  EXPECT_EQ(host.cancelled, std::vector<uint64_t>{host.jobs[0]});
  const std::size_t before = host.log.size();
  session.on_job_chunk(host.jobs[0], pcm_of(100));  // the first task's late output
  session.on_job_done(host.jobs[0], Status::cancelled(), {});
  EXPECT_EQ(host.log.size(), before);
  EXPECT_EQ(host.log.back(), "task-started");
  EXPECT_EQ(host.log[host.log.size() - 2], "discard");
  EXPECT_EQ(host.close_code, 0);
}

TEST(TaskSession, ClientTimeoutFailsOnlyWhileTextIsAwaited) {
  FakeHost host;
  TaskSession session(host);
  session.on_client_timeout();  // no task: nothing
  EXPECT_TRUE(host.events.empty());
  session.on_text_frame(run_task("t"));
  session.on_client_timeout();
  ASSERT_EQ(host.events.size(), 2u);
  EXPECT_EQ(host.events[1].at("header").at("error_code").as_string(), "CLIENT_ERROR");
  EXPECT_EQ(host.close_code, 1000);
  session.on_text_frame(run_task("u"));  // a failed session ignores everything
  EXPECT_EQ(host.events.size(), 2u);
}

TimedWord timed(std::string text, std::size_t begin_char, double begin, double end,
               std::vector<TimedPhone> phones = {}) {
  return {text, begin_char, begin_char + 1, begin, end, "", std::move(phones)};
}

synthesis::JobStats with_words(std::vector<TimedWord> words) {
  synthesis::JobStats stats;
  stats.words = std::move(words);
  return stats;
}

TEST(TaskSession, CosyVoiceWordTimesCountFromTheStartOfTheTasksAudio) {
  FakeHost host;
  TaskSession session(host);
  session.on_text_frame(run_task("t", "longanyang", {{"word_timestamp_enabled", true}}));
  session.on_text_frame(instruction("continue-task", "t", {{"text", "今天。好"}}));
  ASSERT_EQ(host.jobs.size(), 1u);
  EXPECT_TRUE(host.word_timings[0]);
  session.on_job_chunk(host.jobs[0], pcm_of(16000));  // 1 s
  session.on_job_done(host.jobs[0], Status(), with_words({timed("今", 0, 0.08, 0.2), timed("天", 1, 0.24, 0.36)}));
  session.on_text_frame(instruction("finish-task", "t", {}));
  ASSERT_EQ(host.jobs.size(), 2u);
  session.on_job_chunk(host.jobs[1], pcm_of(8000));
  session.on_job_done(host.jobs[1], Status(), with_words({timed("好", 0, 0.1, 0.3)}));

  std::vector<json::value> ends;
  for (const json::object& e : host.events) {
    const json::value* output = e.at("payload").as_object().if_contains("output");
    if (output && output->is_object() && output->as_object().contains("type") &&
        output->as_object().at("type") == "sentence-end") {
      ends.push_back(output->as_object().at("sentence").at("words"));
    }
  }
  ASSERT_EQ(ends.size(), 2u);
  EXPECT_EQ(ends[0], json::parse(R"([{"text":"今","begin_index":0,"end_index":1,"begin_time":80,"end_time":200},
                                     {"text":"天","begin_index":1,"end_index":2,"begin_time":240,"end_time":360}])"));
  EXPECT_EQ(ends[1], json::parse(R"([{"text":"好","begin_index":0,"end_index":1,"begin_time":1100,"end_time":1300}])"));
  const json::object& finished = host.events.back();
  EXPECT_EQ(finished.at("header").at("event"), "task-finished");
  EXPECT_EQ(finished.at("payload").at("output").at("sentence"),
            json::parse(R"({"index":1,"words":[{"text":"好","begin_index":0,"end_index":1,"begin_time":1100,"end_time":1300}]})"));
}

TEST(TaskSession, WithoutTimestampsWordsStayEmpty) {
  FakeHost host;
  TaskSession session(host);
  session.on_text_frame(run_task("t"));
  session.on_text_frame(instruction("finish-task", "t", {{"text", "好。"}}));
  ASSERT_EQ(host.jobs.size(), 1u);
  EXPECT_FALSE(host.word_timings[0]);
  session.on_job_chunk(host.jobs[0], pcm_of(1600));
  session.on_job_done(host.jobs[0], Status(), with_words({timed("好", 0, 0.1, 0.3)}));
  EXPECT_EQ(host.events.back().at("payload").at("output").at("sentence").at("words"), json::array());
}

TEST(TaskSession, SambertWordsCarryPinyinPhonemes) {
  FakeHost host;
  TaskSession session(host);
  session.on_text_frame(json::serialize(json::object{
      {"header", {{"action", "run-task"}, {"task_id", "s"}, {"streaming", "out"}}},
      {"payload",
       {{"model", "sambert-zhichu-v1"},
        {"parameters", {{"word_timestamp_enabled", true}, {"phoneme_timestamp_enabled", true}, {"sample_rate", 16000}}},
        {"input", {{"text", "今。Hi."}}}}}}));
  ASSERT_EQ(host.jobs.size(), 1u);
  session.on_job_chunk(host.jobs[0], pcm_of(8000));  // 500 ms
  session.on_job_done(host.jobs[0], Status(),
                      with_words({timed("今", 0, 0.0, 0.2, {{"tS;", 0, 0.0, 0.08}, {"i", 0, 0.08, 0.15}}),
                                  timed("。", 1, 0.2, 0.5)}));
  ASSERT_EQ(host.jobs.size(), 2u);
  session.on_job_chunk(host.jobs[1], pcm_of(4000));
  session.on_job_done(host.jobs[1], Status(),
                      with_words({timed("Hi.", 0, 0.01, 0.2, {{"hh", 0, 0.01, 0.05}, {"ay", 1, 0.05, 0.2}})}));
  std::vector<json::value> sentences;
  for (const json::object& e : host.events) {
    if (e.at("header").at("event") == "result-generated") sentences.push_back(e.at("payload").at("output").at("sentence"));
  }
  ASSERT_EQ(sentences.size(), 2u);
  EXPECT_EQ(sentences[0], json::parse(R"({"begin_time":0,"end_time":500,"words":[
      {"text":"今","begin_time":0,"end_time":200,"phonemes":[
          {"begin_time":0,"end_time":80,"text":"j_c","tone":1},{"begin_time":80,"end_time":200,"text":"in_c","tone":1}]},
      {"text":"。","begin_time":200,"end_time":500,"phonemes":[]}]})"));
  EXPECT_EQ(sentences[1], json::parse(R"({"begin_time":500,"end_time":750,"words":[
      {"text":"Hi.","begin_time":510,"end_time":700,"phonemes":[
          {"begin_time":510,"end_time":550,"text":"hh_e","tone":0},{"begin_time":550,"end_time":700,"text":"ay_e","tone":1}]}]})"));
}

// hot_fix replacements may lengthen the text: the task's limit holds for
// what is spoken, not only for what the client wrote.
TEST(TaskSession, HotFixReplacementsCountAgainstTheTaskLimit) {
  FakeHost host;
  TaskSession session(host, TaskLimits{.max_chars_per_message = 100, .max_chars_per_task = 100});
  json::object hot_fix{{"replace", json::array{json::object{{"AI", std::string(60, 'x')}}}}};
  session.on_text_frame(run_task("h1", "longanyang", {{"hot_fix", hot_fix}}));
  session.on_text_frame(instruction("continue-task", "h1", {{"text", "AI AI. "}}));
  ASSERT_FALSE(host.events.empty());
  const json::object& header = host.events.back().at("header").as_object();
  EXPECT_EQ(header.at("event").as_string(), "task-failed");
  EXPECT_NE(std::string(header.at("error_message").as_string()).find("after hot_fix"), std::string::npos)
      << header.at("error_message").as_string();
  EXPECT_TRUE(host.jobs.empty());
}

// An SSML document of breaks and silent segments asks for no more than one
// capped silence: nothing to say is an error, and silent segments are no sentences.
TEST(TaskSession, SsmlWithoutSpeechFailsAndSilentSegmentsAreSkipped) {
  FakeHost host;
  TaskSession session(host);
  session.on_text_frame(run_task("s1", "longanyang", {{"enable_ssml", true}}));
  session.on_text_frame(instruction("continue-task", "s1", {{"text", R"(<speak><break time="10s"/>。</speak>)"}}));
  ASSERT_FALSE(host.events.empty());
  EXPECT_EQ(host.events.back().at("header").at("error_message").as_string(), "Please ensure input text is valid.");

  FakeHost second;
  TaskSession other(second);
  std::string document = "<speak>";
  for (int i = 0; i < 50; ++i) document += R"(<break time="10s"/>。)";
  document += "你好</speak>";
  other.on_text_frame(run_task("s2", "longanyang", {{"enable_ssml", true}}));
  other.on_text_frame(instruction("continue-task", "s2", {{"text", document}}));
  ASSERT_EQ(second.texts.size(), 1u);  // one sentence: the text after the last break
  EXPECT_EQ(second.texts[0], "。你好");
}

std::string wav_of(const std::vector<int16_t>& samples) {
  std::string wav = audio::wav_header(16000, static_cast<uint32_t>(samples.size() * 2));
  wav.append(reinterpret_cast<const char*>(samples.data()), samples.size() * 2);
  return wav;
}

std::vector<int16_t> samples_of(const std::string& pcm) {
  std::vector<int16_t> out(pcm.size() / 2);
  std::memcpy(out.data(), pcm.data(), out.size() * 2);
  return out;
}

TEST(TaskSession, SsmlSoundsAndBgmAreFetchedFirstThenPlayedInPlace) {
  FakeHost host;
  TaskSession session(host);
  session.on_text_frame(run_task("s", "longanyang", {{"enable_ssml", true}}));
  session.on_text_frame(instruction(
      "continue-task", "s",
      {{"text", R"(<speak bgm="http://h/b.wav" backgroundMusicVolume="50">你好<soundEvent src="http://h/s.wav"/></speak>)"}}));
  ASSERT_EQ(host.fetches.size(), 2u);
  EXPECT_EQ(host.fetches[0].url, "http://h/b.wav");
  EXPECT_EQ(host.fetches[1].url, "http://h/s.wav");
  EXPECT_EQ(host.fetches[0].max_bytes, 2u << 20);
  session.on_audio_fetched(host.fetches[1].id, "http://h/s.wav", wav_of(std::vector<int16_t>(100, 7000)));
  EXPECT_TRUE(host.jobs.empty());  // the bgm is not in yet
  session.on_audio_fetched(host.fetches[0].id, "http://h/b.wav", wav_of({1000, 2000}));
  ASSERT_EQ(host.jobs.size(), 1u);
  const std::string speech(2 * 4, '\0');  // 4 silent samples: only the bgm at half volume is heard
  session.on_job_chunk(host.jobs[0], speech);
  session.on_job_done(host.jobs[0], Status(), {});
  session.on_text_frame(instruction("finish-task", "s", {}));
  ASSERT_EQ(host.events.back().at("header").at("event").as_string(), "task-finished");
  std::vector<int16_t> expected{500, 1000, 500, 1000};
  expected.insert(expected.end(), 100, 7000);
  EXPECT_EQ(samples_of(host.audio), expected);
}

TEST(TaskSession, SsmlAudioThatCannotBeUsedFailsTheTaskNamingItsUrl) {
  FakeHost host;
  TaskSession session(host);
  session.on_text_frame(run_task("s", "longanyang", {{"enable_ssml", true}}));
  session.on_text_frame(
      instruction("continue-task", "s", {{"text", R"(<speak>a<soundEvent src="http://h/x.mp3"/></speak>)"}}));
  ASSERT_EQ(host.fetches.size(), 1u);
  session.on_audio_fetched(host.fetches[0].id, "http://h/x.mp3", std::string("ID3 mp3 bytes"));
  const json::object& header = host.events.back().at("header").as_object();
  EXPECT_EQ(header.at("event").as_string(), "task-failed");
  EXPECT_EQ(header.at("error_code").as_string(), "InvalidParameter");
  EXPECT_EQ(header.at("error_message").as_string(), "SSML: cannot use the audio at 'http://h/x.mp3': it is not a WAV file");
  EXPECT_TRUE(host.jobs.empty());

  FakeHost many_host;
  TaskSession many(many_host);
  many.on_text_frame(run_task("m", "longanyang", {{"enable_ssml", true}}));
  std::string document = "<speak>a";
  for (int i = 0; i < 9; ++i) document += "<soundEvent src=\"http://h/" + std::to_string(i) + ".wav\"/>";
  many.on_text_frame(instruction("continue-task", "m", {{"text", document + "</speak>"}}));
  EXPECT_EQ(many_host.events.back().at("header").at("error_message").as_string(),
            "SSML: at most 8 different soundEvent/bgm URLs per document");
  EXPECT_TRUE(many_host.fetches.empty());

  FakeHost other_host;
  TaskSession other(other_host);
  other.on_text_frame(run_task("u", "longanyang", {{"enable_ssml", true}}));
  other.on_text_frame(
      instruction("continue-task", "u", {{"text", R"(<speak><soundEvent src="http://h/gone.wav"/>a</speak>)"}}));
  other.on_audio_fetched(other_host.fetches.at(0).id, "http://h/gone.wav", Status::not_found("cannot connect"));
  EXPECT_EQ(other_host.events.back().at("header").at("error_message").as_string(),
            "SSML: cannot use the audio at 'http://h/gone.wav': cannot connect");
}

}  // namespace
}  // namespace voxwire::inference
