#include "server/playground.h"

#include <boost/json.hpp>

#include "audio/audio_format.h"
#include "tts/language.h"
#include "voice/voice_catalog.h"

namespace voxwire::embedded {
extern const std::string_view embedded_playground_html;
extern const std::string_view embedded_playground_js;
extern const std::string_view embedded_playground_css;
}  // namespace voxwire::embedded

namespace voxwire::server {
namespace {

namespace json = boost::json;

std::string_view kind_name(catalog::VoiceKind kind) {
  switch (kind) {
    case catalog::VoiceKind::kSystem: return "system";
    case catalog::VoiceKind::kDesigned: return "designed";
    case catalog::VoiceKind::kCloned: return "cloned";
  }
  return "system";
}

json::object model_entry(const catalog::ModelInfo& m) {
  json::array voices, formats, rates, languages;
  for (std::string_view v : m.caps.system_voices) voices.emplace_back(v);
  for (audio::AudioFormat f : m.caps.formats) formats.emplace_back(audio::format_name(f));
  for (int hz : m.caps.sample_rates_hz) rates.emplace_back(hz);
  for (Language l : m.caps.languages) languages.emplace_back(language_type_name(l));
  return {{"name", m.name},
          {"voice_kind", kind_name(m.caps.voice_kind)},
          {"voices", std::move(voices)},
          {"formats", std::move(formats)},
          {"sample_rates", std::move(rates)},
          {"languages", std::move(languages)},
          {"audio_controls", m.caps.audio_controls},
          {"instructions", m.caps.instructions}};
}

std::string catalog_json(const catalog::ModelCatalog& models) {
  json::array realtime;
  for (const catalog::ModelInfo& m : models.models()) {
    if (m.surface == catalog::Surface::kRealtime) realtime.push_back(model_entry(m));
  }
  json::object voices;
  for (const SystemVoice& v : VoiceCatalog::system_voices().all()) {
    json::array languages;
    for (const std::string& code : v.languages) languages.emplace_back(code);
    voices[v.name()] = json::object{
        {"display_name", v.display_name}, {"description", v.description}, {"languages", std::move(languages)}};
  }
  auto targets = [&](std::string_view customization_model) {
    json::array out;
    for (std::string_view name : models.target_models(customization_model)) {
      const catalog::ModelInfo* m = models.find_model(name, catalog::Surface::kRealtime);
      if (m != nullptr) out.emplace_back(name);  // the playground speaks over the realtime API
    }
    return out;
  };
  return json::serialize(json::object{{"models", std::move(realtime)},
                                      {"voices", std::move(voices)},
                                      {"design_targets", targets("qwen-voice-design")},
                                      {"clone_targets", targets("qwen-voice-enrollment")}});
}

}  // namespace

std::optional<PlaygroundFile> playground_file(std::string_view path, const catalog::ModelCatalog& models) {
  if (path == "/" || path == "/index.html") {
    return PlaygroundFile{"text/html; charset=utf-8", std::string(embedded::embedded_playground_html)};
  }
  if (path == "/playground.js") {
    return PlaygroundFile{"text/javascript; charset=utf-8", std::string(embedded::embedded_playground_js)};
  }
  if (path == "/playground.css") {
    return PlaygroundFile{"text/css; charset=utf-8", std::string(embedded::embedded_playground_css)};
  }
  if (path == "/playground/catalog.json") return PlaygroundFile{"application/json", catalog_json(models)};
  return std::nullopt;
}

}  // namespace voxwire::server
