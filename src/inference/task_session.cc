#include "inference/task_session.h"

#include <algorithm>
#include <cstring>
#include <utility>
#include <vector>

#include "base/ids.h"
#include "base/utf8.h"
#include "inference/ssml_audio.h"
#include "inference/ssml_script.h"
#include "inference/timestamps.h"
#include "ssml/speech_plan.h"
#include "tts/script.h"
#include "tts/segmenter.h"

namespace voxwire::inference {
namespace {

// `words` (units of the text that was spoken) as units of `written`.
std::vector<TimedWord> onto_written(std::span<const TimedWord> words, std::string_view written,
                                    double total_seconds) {
  std::vector<SpokenUnit> spoken;
  spoken.reserve(words.size());
  for (const TimedWord& w : words) spoken.push_back({w.text, w.begin_seconds, w.end_seconds, w.phones});
  return align_words(written, spoken, total_seconds);
}

// Where the words of a sentence whose audio went through the SSML joiner are
// heard: the joiner drops the quiet around <break>s, so a time moves with the
// placement of its sample (the sentence's first one is `first_sample` of the
// joiner's phrase).
std::vector<TimedWord> placed(std::span<const TimedWord> words, const PhrasePlacement& placement,
                              int64_t first_sample) {
  auto at = [&](double seconds) {
    return placement.seconds_at(first_sample + std::llround(seconds * placement.sample_rate_hz));
  };
  std::vector<TimedWord> out(words.begin(), words.end());
  map_times(out, at);
  return out;
}

namespace json = boost::json;

constexpr std::size_t kMaxTaskIdBytes = 128;
constexpr std::string_view kInvalidParameter = "InvalidParameter";

const json::object* object_field(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v && v->is_object() ? &v->as_object() : nullptr;
}

std::string string_field(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

}  // namespace

TaskSession::Task::Task() = default;

void TaskSession::EncodingSink::on_audio(std::span<const int16_t> pcm, int) {
  if (!status.ok()) return;
  pcm_bytes += pcm.size() * 2;
  status = encoder->encode(pcm, &encoded);
}

TaskSession::TaskSession(TaskHost& host, TaskLimits limits, CustomVoiceLookup custom_voices)
    : host_(host), limits_(limits), custom_voices_(std::move(custom_voices)) {}

bool TaskSession::awaiting_client() const {
  return task_ && task_->model->family == Family::kCosyVoice && !task_->finishing;
}

void TaskSession::on_text_frame(std::string_view frame) {
  if (failed_) return;
  boost::system::error_code ec;
  json::value parsed = json::parse(frame, ec);
  if (ec || !parsed.is_object()) {
    // Without a task id there is no task to fail (§11.1): close at once.
    failed_ = true;
    abort_task();
    host_.task_failed("InvalidJson");
    host_.close(1007, ec ? "invalid JSON" : "the message is not a JSON object");
    return;
  }
  handle(parsed.as_object());
}

void TaskSession::handle(const json::object& message) {
  const json::object* header = object_field(message, "header");
  const std::string task_id = header ? string_field(*header, "task_id") : std::string();
  if (task_id.empty()) {
    failed_ = true;
    abort_task();
    host_.task_failed("InvalidParameter");
    host_.close(1007, "header.task_id missing");
    return;
  }
  if (task_id.size() > kMaxTaskIdBytes) {
    return fail(task_id, std::string(kInvalidParameter), "header.task_id is longer than 128 characters.", 1007);
  }
  static const json::object kEmpty;
  const json::object* payload = object_field(message, "payload");
  const std::string action = string_field(*header, "action");
  if (action == "run-task") {
    on_run_task(task_id, *header, payload ? *payload : kEmpty);
  } else if (action == "continue-task") {
    on_continue_task(task_id, payload ? *payload : kEmpty);
  } else if (action == "finish-task") {
    on_finish_task(task_id, payload ? *payload : kEmpty);
  } else {
    fail(task_id, std::string(kInvalidParameter),
         "Unknown header.action '" + action.substr(0, 64) + "': use run-task, continue-task or finish-task.", 1007);
  }
}

void TaskSession::on_run_task(const std::string& task_id, const json::object& header, const json::object& payload) {
  // A new run-task preempts the running task: no task-finished for it, and
  // its unsent audio is dropped (§10.1, §10.4).
  if (task_) abort_task();
  if (used_ids_.contains(task_id)) {
    return fail(task_id, std::string(kInvalidParameter),
                "Duplicate header.task_id: every task on a connection needs a new task_id.");
  }
  used_ids_.insert(task_id);
  used_order_.push_back(task_id);
  if (used_order_.size() > kRememberedIds) {
    used_ids_.erase(used_order_.front());
    used_order_.pop_front();
  }

  const std::string model_name = string_field(payload, "model");
  if (model_name.empty()) {
    return fail(task_id, std::string(kInvalidParameter),
                "Missing required parameter 'payload.model'! Please follow the protocol!");
  }
  const InferenceModel* model = find_inference_model(model_name);
  if (!model) return fail(task_id, std::string(kInvalidParameter), "Model not exist.");
  if (!host_.admit(model->name)) {
    return fail(task_id, "Throttling.RateQuota", "Requests rate limit exceeded, please try again later.", 1008);
  }
  const bool sambert = model->family == Family::kSambert;
  if (const json::value* streaming = header.if_contains("streaming"); streaming && streaming->is_string()) {
    std::string_view expected = sambert ? "out" : "duplex";
    if (streaming->as_string() != expected) {
      return fail(task_id, std::string(kInvalidParameter),
                  "Model '" + model_name + "' needs header.streaming '" + std::string(expected) + "'.");
    }
  }
  const json::object* input = object_field(payload, "input");
  if (!input) return fail(task_id, std::string(kInvalidParameter), "task can not be null");
  for (const auto& item : *input) {
    if (item.key() != "text") {
      return fail(task_id, std::string(kInvalidParameter),
                  "Illegal field 'payload.input." + std::string(item.key()).substr(0, 64) + "' in run-task.");
    }
  }
  const json::value* text_value = input->if_contains("text");
  if (text_value && !text_value->is_null() && !text_value->is_string()) {
    return fail(task_id, std::string(kInvalidParameter), "payload.input.text must be a string.");
  }
  const std::string text = text_value && text_value->is_string() ? std::string(text_value->as_string()) : "";

  Result<TaskParams> params = parse_task_params(*model, payload.if_contains("parameters"), custom_voices_);
  if (!params.ok()) {
    const bool internal = params.status().code() == StatusCode::kInternal;
    return fail(task_id, internal ? "InternalError" : std::string(kInvalidParameter), params.status().message());
  }
  if (sambert) {
    if (text.empty() || !has_speakable(text)) {
      return fail(task_id, std::string(kInvalidParameter), "Please ensure input text is valid.");
    }
    if (utf8::length(text) > limits_.max_sambert_chars) {
      return fail(task_id, std::string(kInvalidParameter),
                  "Text is too long: at most " + std::to_string(limits_.max_sambert_chars) + " characters.");
    }
    if (ssml::contains_speak_element(text)) {  // Sambert's SSML dialect is not covered (§8.5)
      return fail(task_id, std::string(kInvalidParameter), "SSML text is not supported at the moment!");
    }
  }
  audio::EncoderConfig encoder_config{params->format, params->sample_rate_hz,
                                      params->format == audio::AudioFormat::kMp3
                                          ? (params->sample_rate_hz <= 16000 ? 128 : 256)
                                          : params->bit_rate_kbps};
  Result<std::unique_ptr<audio::Encoder>> encoder = audio::make_encoder(encoder_config);
  if (!encoder.ok()) return fail(task_id, "InternalError", encoder.status().message());

  task_.emplace();
  task_->id = task_id;
  task_->model = model;
  task_->params = std::move(*params);
  task_->encoder = std::move(*encoder);
  task_->sink.encoder = task_->encoder.get();
  host_.send_event(event("task-started", task_id));
  if (sambert) {
    task_->got_text = true;
    task_->finishing = true;
    task_->buffer = text;
    cut_sentences(/*everything=*/true);
    start_next();
  } else if (!text.empty()) {
    add_text(text);  // the SDK may send the first text in run-task (§4.1)
  }
}

void TaskSession::on_continue_task(const std::string& task_id, const json::object& payload) {
  if (!task_) return fail(task_id, std::string(kInvalidParameter), "continue-task without a running task: send run-task first.");
  if (task_id != task_->id) return fail(task_id, std::string(kInvalidParameter), "header.task_id is not the running task's.");
  if (task_->model->family == Family::kSambert) {
    return fail(task_id, std::string(kInvalidParameter), "Sambert models take their text in run-task only.");
  }
  if (task_->finishing) return fail(task_id, std::string(kInvalidParameter), "continue-task after finish-task.");
  const json::object* input = object_field(payload, "input");
  if (!input) return fail(task_id, std::string(kInvalidParameter), "payload.input must be a JSON object.");
  if (const json::value* flush = input->if_contains("flush"); flush && flush->is_bool() && flush->as_bool()) {
    cut_sentences(/*everything=*/true);
    start_next();
    return;
  }
  const json::value* text = input->if_contains("text");
  if (!text || text->is_null()) return;
  if (!text->is_string()) return fail(task_id, std::string(kInvalidParameter), "payload.input.text must be a string.");
  add_text(text->as_string());
}

void TaskSession::on_finish_task(const std::string& task_id, const json::object& payload) {
  if (!task_) return fail(task_id, std::string(kInvalidParameter), "finish-task without a running task: send run-task first.");
  if (task_id != task_->id) return fail(task_id, std::string(kInvalidParameter), "header.task_id is not the running task's.");
  if (task_->model->family == Family::kSambert) {
    return fail(task_id, std::string(kInvalidParameter), "Sambert tasks finish by themselves: send no finish-task.");
  }
  if (task_->finishing) return fail(task_id, std::string(kInvalidParameter), "finish-task was already sent.");
  if (const json::object* input = object_field(payload, "input")) {
    if (const json::value* text = input->if_contains("text"); text && text->is_string() && !text->as_string().empty()) {
      if (!add_text(text->as_string())) return;
    }
  }
  if (!task_->got_text) return fail(task_id, std::string(kInvalidParameter), "Please ensure input text is valid.");
  task_->finishing = true;
  cut_sentences(/*everything=*/true);
  start_next();
}

bool TaskSession::add_text(std::string_view text) {
  if (text.empty()) return true;
  Task& t = *task_;
  if (t.params.enable_ssml && ++t.text_messages > 1) {
    fail(t.id, std::string(kInvalidParameter), "Text request limit violated, expected 1.");
    return false;
  }
  // With enable_ssml false a document is read as plain text (§8.4 compatibility rule).
  if (t.params.enable_ssml && ssml::contains_speak_element(text)) return add_ssml(text);
  const std::size_t chars = utf8::length(text);
  if (chars > limits_.max_chars_per_message) {
    fail(t.id, std::string(kInvalidParameter),
         "Text is too long: at most " + std::to_string(limits_.max_chars_per_message) + " characters per message.");
    return false;
  }
  if (t.chars_received + chars > limits_.max_chars_per_task) {
    fail(t.id, std::string(kInvalidParameter),
         "Text is too long: at most " + std::to_string(limits_.max_chars_per_task) + " characters per task.");
    return false;
  }
  t.chars_received += chars;
  t.got_text = true;
  t.buffer.append(text);
  cut_sentences(/*everything=*/false);
  start_next();
  return task_.has_value();  // not failed
}

bool TaskSession::add_ssml(std::string_view document) {
  Task& t = *task_;
  if (!t.params.ssml_capable) {
    fail(t.id, std::string(kInvalidParameter), "SSML text is not supported at the moment!");
    return false;
  }
  Result<SsmlScript> script = script_ssml(*t.model, t.params, document);
  if (!script.ok()) {
    const bool internal = script.status().code() == StatusCode::kInternal;
    fail(t.id, internal ? "InternalError" : std::string(kInvalidParameter), script.status().message());
    return false;
  }
  if (script->sentences.empty()) {
    fail(t.id, std::string(kInvalidParameter), "Please ensure input text is valid.");
    return false;
  }
  // Markup is not counted (§8.1); what is spoken instead of the text (sub, say-as) is.
  std::size_t chars = 0;
  for (const TaskSentence& sentence : script->sentences) {
    chars += std::max(utf8::length(sentence.original_text), utf8::length(sentence.text));
  }
  if (chars > limits_.max_chars_per_message) {
    fail(t.id, std::string(kInvalidParameter),
         "Text is too long: at most " + std::to_string(limits_.max_chars_per_message) + " characters per message.");
    return false;
  }
  t.chars_received += chars;
  t.chars_spoken += chars;
  t.got_text = true;
  t.joiner = std::make_unique<PhraseJoiner>(t.sink, t.encoder->input_sample_rate_hz());
  t.trailing_pause_ms = script->trailing_pause_ms;
  for (TaskSentence& sentence : script->sentences) t.sentences.push_back(std::move(sentence));
  // Its sounds and bgm are downloaded first; start_next waits for them.
  t.fetch_id = next_fetch_id_++;
  t.fetches_pending = script->audio_urls.size();
  for (std::string& url : script->audio_urls) host_.fetch_audio(t.fetch_id, std::move(url), kMaxSsmlAudioBytes);
  start_next();
  return task_.has_value();
}

void TaskSession::cut_sentences(bool everything) {
  Task& t = *task_;
  const std::size_t n = everything ? t.buffer.size() : ready_prefix(t.buffer);
  if (n == 0) return;
  for (std::string_view piece : split_sentences(std::string_view(t.buffer).substr(0, n))) {
    if (has_speakable(piece)) {
      FixedText fixed = apply_hot_fix(t.params.hot_fix, piece);
      // hot_fix replacements may lengthen the text: what is spoken has the task's limit too.
      t.chars_spoken += utf8::length(fixed.text);
      if (t.chars_spoken > limits_.max_chars_per_task) {
        return fail(t.id, std::string(kInvalidParameter),
                    "Text is too long after hot_fix replacements: at most " +
                        std::to_string(limits_.max_chars_per_task) + " characters per task.");
      }
      TaskSentence sentence;
      sentence.original_text = std::string(piece);
      sentence.characters = billed_characters(t.model->family, fixed.text);  // replacements are billed (§7)
      sentence.text = std::move(fixed.text);
      sentence.readings = std::move(fixed.readings);
      t.sentences.push_back(std::move(sentence));
    } else {
      t.characters += billed_characters(t.model->family, piece);  // punctuation alone: billed, not spoken
    }
  }
  t.buffer.erase(0, n);
}

void TaskSession::start_next() {
  if (!task_ || task_->job_id != 0 || task_->fetches_pending > 0) return;
  Task& t = *task_;
  while (!t.sentences.empty() && !t.sentences.front().sound_url.empty()) {
    const TaskSentence sound = std::move(t.sentences.front());
    t.sentences.pop_front();
    if (!play_sound(sound)) return;
  }
  if (t.sentences.empty()) {
    if (t.finishing && t.buffer.empty()) finish_task();
    return;
  }
  TaskSentence sentence = std::move(t.sentences.front());
  t.sentences.pop_front();
  send_sentence_end();
  const int index = t.next_index++;
  t.characters += sentence.characters;
  if (t.model->family == Family::kCosyVoice) {
    host_.send_event(event("result-generated", t.id,
                           {{"output", {{"sentence", {{"index", index}, {"words", json::array()}}},
                                        {"type", "sentence-begin"},
                                        {"original_text", sentence.original_text}}}}));
  }
  if (t.joiner && sentence.pause_before_ms > 0) t.joiner->end_phrase(sentence.pause_before_ms);
  const int rate = t.encoder->input_sample_rate_hz();
  t.sentence_begin_ms = static_cast<double>(t.sink.pcm_bytes) / 2.0 / rate * 1000.0;
  if (t.joiner) t.sentence_first_sample = t.joiner->phrase_samples();
  t.effect = sentence.effect ? std::make_unique<audio::VoiceEffectFilter>(*sentence.effect, rate) : nullptr;
  t.bgm = sentence.bgm_url.empty() ? nullptr : &t.audio.at(sentence.bgm_url);
  t.bgm_volume = sentence.bgm_volume;
  if (t.bgm && sentence.speak_index != t.bgm_speak) {  // a new <speak>'s bgm starts from its beginning
    t.bgm_speak = sentence.speak_index;
    t.bgm_position = 0;
  }
  t.open_sentence = index;
  t.open_rewritten = sentence.original_text != sentence.text;
  t.open_text = std::move(sentence.original_text);
  synthesis::SynthesisSpec spec;
  spec.text = std::move(sentence.text);
  spec.readings = std::move(sentence.readings);
  spec.language = t.params.language;
  spec.voice = sentence.voice ? std::move(*sentence.voice) : t.params.voice;
  spec.speech_rate = sentence.rate.value_or(t.params.rate);
  spec.pitch_rate = sentence.pitch.value_or(t.params.pitch);
  spec.output = {{audio::AudioFormat::kPcm, rate, 128}, sentence.volume.value_or(t.params.volume)};
  spec.word_timings = t.params.word_timestamps;
  t.job_id = next_job_id_++;
  host_.start_job(t.job_id, std::move(spec));
}

void TaskSession::on_job_chunk(uint64_t job_id, std::string pcm) {
  if (!task_ || job_id != task_->job_id) return;  // a preempted task's late output
  Task& t = *task_;
  std::vector<int16_t> samples(pcm.size() / 2);
  if (!samples.empty()) std::memcpy(samples.data(), pcm.data(), samples.size() * 2);
  if (t.effect) t.effect->process(samples);
  if (t.bgm) mix_background(samples, *t.bgm, t.bgm_volume, &t.bgm_position);
  AudioSink& input = t.joiner ? static_cast<AudioSink&>(*t.joiner) : t.sink;
  input.on_audio(samples, t.encoder->input_sample_rate_hz());
  if (!t.sink.status.ok()) return fail(t.id, "InternalError", t.sink.status.message());
  send_encoded(job_id, pcm.size());
}

void TaskSession::send_encoded(uint64_t job_id, std::size_t pcm_bytes) {
  Task& t = *task_;
  std::string out = std::exchange(t.sink.encoded, {});
  if (out.empty()) {
    if (job_id != 0) host_.consumed(job_id, pcm_bytes);
    return;
  }
  if (t.model->family == Family::kCosyVoice) {
    const int index = t.open_sentence.value_or(std::max(0, t.next_index - 1));
    host_.send_event(event("result-generated", t.id,
                           {{"output", {{"sentence", {{"index", index}, {"words", json::array()}}},
                                        {"type", "sentence-synthesis"}}}}));
  }
  host_.send_audio(std::move(out), job_id, pcm_bytes);
}

bool TaskSession::play_sound(const TaskSentence& sound) {
  Task& t = *task_;
  send_sentence_end();
  if (sound.pause_before_ms > 0) t.joiner->end_phrase(sound.pause_before_ms);
  t.joiner->on_audio(t.audio.at(sound.sound_url), t.encoder->input_sample_rate_hz());
  if (!t.sink.status.ok()) {
    fail(t.id, "InternalError", t.sink.status.message());
    return false;
  }
  send_encoded(0, 0);
  return true;
}

void TaskSession::on_audio_fetched(uint64_t fetch_id, const std::string& url, const Result<std::string>& body) {
  if (!task_ || fetch_id != task_->fetch_id || task_->fetches_pending == 0) return;  // a preempted task's
  Task& t = *task_;
  Result<std::vector<int16_t>> pcm =
      body.ok() ? read_ssml_wav(*body, t.encoder->input_sample_rate_hz()) : Result<std::vector<int16_t>>(body.status());
  if (!pcm.ok()) {
    return fail(t.id, std::string(kInvalidParameter),
                "SSML: cannot use the audio at '" + url + "': " + pcm.status().message());
  }
  t.audio[url] = std::move(*pcm);
  if (--t.fetches_pending == 0) start_next();
}

void TaskSession::on_job_done(uint64_t job_id, const Status& status, const synthesis::JobStats& stats) {
  if (!task_ || job_id != task_->job_id) return;
  Task& t = *task_;
  t.job_id = 0;
  if (!status.ok()) {
    return fail(t.id, std::string(kInvalidParameter), "[cosyvoice:]Engine error [411]: TTS speak operation failed");
  }
  // Word times count from the start of the task's audio (§9.1: they keep
  // increasing across sentences; §12.2: distinct sentences, distinct begin_time).
  if (t.model->family == Family::kSambert) {
    const double end_ms = static_cast<double>(t.sink.pcm_bytes) / 2.0 / t.encoder->input_sample_rate_hz() * 1000.0;
    json::array words;
    if (t.params.word_timestamps) words = sambert_words(stats.words, t.sentence_begin_ms, t.params.phoneme_timestamps);
    host_.send_event(event("result-generated", t.id,
                           {{"output", {{"sentence", {{"begin_time", static_cast<int64_t>(t.sentence_begin_ms)},
                                                      {"end_time", static_cast<int64_t>(end_ms)},
                                                      {"words", std::move(words)}}}}},
                            {"usage", {{"characters", t.characters}}}}));
  } else if (t.params.word_timestamps) {
    // Units of what was spoken, re-cut into those of original_text where
    // hot_fix or SSML (sub, say-as) changed the text, so indices point into it.
    std::vector<TimedWord> words =
        t.open_rewritten ? onto_written(stats.words, t.open_text, stats.audio_seconds) : stats.words;
    t.open_words = t.joiner ? cosyvoice_words(placed(words, t.joiner->placement(), t.sentence_first_sample), 0)
                            : cosyvoice_words(words, t.sentence_begin_ms);
  }
  start_next();
}

void TaskSession::send_sentence_end() {
  Task& t = *task_;
  if (!t.open_sentence) return;
  if (t.model->family == Family::kCosyVoice) {
    t.last_words = std::move(t.open_words);
    t.open_words = json::array();
    host_.send_event(event("result-generated", t.id,
                           {{"output", {{"sentence", {{"index", *t.open_sentence}, {"words", t.last_words}}},
                                        {"type", "sentence-end"},
                                        {"original_text", t.open_text}}},
                            {"usage", {{"characters", t.characters}}}}));
  }
  t.open_sentence.reset();
}

void TaskSession::finish_task() {
  Task& t = *task_;
  const bool cosyvoice = t.model->family == Family::kCosyVoice;
  if (t.joiner) {
    if (t.trailing_pause_ms > 0) t.joiner->end_phrase(t.trailing_pause_ms);
    t.joiner->finish();
  }
  if (!t.sink.status.ok()) return fail(t.id, "InternalError", t.sink.status.message());
  std::string tail = std::exchange(t.sink.encoded, {});
  if (Status s = t.encoder->finish(&tail); !s.ok()) return fail(t.id, "InternalError", s.message());
  const int last_index = t.open_sentence.value_or(std::max(0, t.next_index - 1));
  if (!tail.empty()) {
    if (cosyvoice) {
      host_.send_event(event("result-generated", t.id,
                             {{"output", {{"sentence", {{"index", last_index}, {"words", json::array()}}},
                                          {"type", "sentence-synthesis"}}}}));
    }
    host_.send_audio(std::move(tail), 0, 0);
  }
  send_sentence_end();
  const double seconds = static_cast<double>(t.sink.pcm_bytes) / 2.0 / t.encoder->input_sample_rate_hz();
  if (cosyvoice) {
    // With word timestamps: the last sentence's (§5.3, §9.1).
    json::object sentence{{"words", t.params.word_timestamps ? std::move(t.last_words) : json::array()}};
    if (t.next_index > 0) sentence["index"] = last_index;
    host_.send_event(event("task-finished", t.id,
                           {{"output", {{"sentence", std::move(sentence)}}}, {"usage", {{"characters", t.characters}}}},
                           {{"request_uuid", ids::uuid()}}));
  } else {
    host_.send_event(event("task-finished", t.id, {{"output", nullptr}, {"usage", {{"characters", t.characters}}}}));
  }
  host_.served(t.model->name, t.characters, seconds, t.params.format);
  ++tasks_finished_;
  task_.reset();
}

void TaskSession::on_client_timeout() {
  if (!awaiting_client()) return;
  fail(task_->id, "CLIENT_ERROR", "request timeout after 23 seconds.");
}

void TaskSession::fail(const std::string& task_id, std::string code, std::string message, uint16_t close_code) {
  if (failed_) return;
  failed_ = true;
  if (task_ && task_->job_id != 0) host_.cancel_job(task_->job_id);
  task_.reset();
  json::object header{{"task_id", task_id},
                      {"event", "task-failed"},
                      {"error_code", code},
                      {"error_message", message},
                      {"attributes", json::object()}};
  host_.send_event({{"header", std::move(header)}, {"payload", json::object()}});
  host_.task_failed(code);
  host_.close(close_code, "task failed");
}

void TaskSession::abort_task() {
  if (!task_) return;
  if (task_->job_id != 0) host_.cancel_job(task_->job_id);
  host_.discard_queued();
  task_.reset();
}

json::object TaskSession::event(std::string_view name, const std::string& task_id, json::object payload,
                                json::object attributes) const {
  return {{"header", {{"task_id", task_id}, {"event", name}, {"attributes", std::move(attributes)}}},
          {"payload", std::move(payload)}};
}

}  // namespace voxwire::inference
