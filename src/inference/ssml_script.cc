#include "inference/ssml_script.h"

#include <algorithm>
#include <utility>
#include <variant>

#include "ssml/speech_plan.h"
#include "synthesis/phrase_joiner.h"
#include "tts/script.h"

namespace voxwire::inference {
namespace {

// <speak effect="lolita">: the voice of a young girl, higher and with a
// shorter vocal tract, saying it the voice's way.
VoiceProfile lolita(VoiceProfile voice) {
  voice.gender = Gender::kFemale;
  voice.age = AgeBand::kChild;
  voice.median_f0_hz = std::max(voice.median_f0_hz * 1.5, 320.0);
  voice.formant_scale = std::max(voice.formant_scale * 1.15, 1.2);
  return voice;
}

}  // namespace

Result<SsmlScript> script_ssml(const InferenceModel& model, const TaskParams& params, std::string_view document) {
  Result<ssml::SpeechPlan> plan = ssml::render_ssml(document, params.language);
  if (!plan.ok()) return Status::invalid_argument("SSML: " + plan.status().message());
  SsmlScript script;
  script.audio_urls = ssml::audio_urls(*plan);
  if (script.audio_urls.size() > kMaxSsmlAudioUrls) {
    return Status::invalid_argument("SSML: at most " + std::to_string(kMaxSsmlAudioUrls) +
                                    " different soundEvent/bgm URLs per document");
  }
  if (std::ranges::count_if(plan->steps, [](const ssml::PlanStep& s) { return std::holds_alternative<ssml::Sound>(s); }) >
      static_cast<std::ptrdiff_t>(kMaxSsmlSounds)) {
    return Status::invalid_argument("SSML: at most " + std::to_string(kMaxSsmlSounds) + " <soundEvent>s per document");
  }
  for (ssml::PlanStep& step : plan->steps) {
    if (auto* sound = std::get_if<ssml::Sound>(&step)) {
      TaskSentence sentence;
      sentence.sound_url = std::move(sound->url);
      sentence.pause_before_ms = std::exchange(script.trailing_pause_ms, 0);
      script.sentences.push_back(std::move(sentence));
      continue;
    }
    // A segment with nothing to say adds no sentence: the breaks around it
    // join, at most kMaxPauseMs together.
    auto* segment_step = std::get_if<ssml::SpeechSegment>(&step);
    if (!segment_step || !has_speakable(segment_step->text)) {
      const int ms = segment_step ? 0 : std::get<ssml::Silence>(step).ms;
      script.trailing_pause_ms = std::min(PhraseJoiner::kMaxPauseMs, script.trailing_pause_ms + ms);
      continue;
    }
    ssml::SpeechSegment& segment = *segment_step;
    TaskSentence sentence;
    sentence.characters = billed_characters(model.family, segment.written);
    sentence.original_text = std::move(segment.written);
    sentence.text = std::move(segment.text);
    sentence.readings = std::move(segment.readings);
    sentence.pause_before_ms = script.trailing_pause_ms;
    script.trailing_pause_ms = 0;
    const ssml::SpeakSettings& settings = segment.settings;
    if (!settings.voice.empty()) {
      const CosyVoiceVoice* voice = find_voice(model, settings.voice);
      if (!voice) {
        return Status::invalid_argument("SSML: <speak voice=\"" + settings.voice + "\"> is not a voice of model '" +
                                        std::string(model.name) + "'.");
      }
      if (!voice->ssml) return Status::invalid_argument("SSML text is not supported at the moment!");
      sentence.voice = speaker_profile(voice->speaker, voice->id);
      if (!sentence.voice) return Status::internal("voice profile of '" + settings.voice + "' is missing");
    }
    sentence.rate = settings.rate;
    sentence.pitch = settings.pitch;
    sentence.volume = settings.volume;
    sentence.bgm_url = settings.bgm;
    sentence.bgm_volume = settings.bgm_volume;
    sentence.speak_index = settings.speak_index;
    if (!settings.effect.empty()) {
      Result<audio::VoiceEffect> effect =
          audio::parse_voice_effect(settings.effect, settings.effect_value, params.sample_rate_hz);
      if (!effect.ok()) return Status::invalid_argument("SSML: " + effect.status().message());
      if (effect->kind == audio::VoiceEffectKind::kLolita) {
        sentence.voice = lolita(sentence.voice.value_or(params.voice));
      } else {
        sentence.effect = *effect;
      }
    }
    script.sentences.push_back(std::move(sentence));
  }
  return script;
}

}  // namespace voxwire::inference
