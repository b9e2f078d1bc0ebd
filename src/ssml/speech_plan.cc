#include "ssml/speech_plan.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <initializer_list>

#include "ssml/say_as.h"
#include "ssml/xml.h"
#include "tts/script.h"

namespace voxwire::ssml {
namespace {

constexpr int kMaxSilenceMs = 10000;

bool is_blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

std::string trimmed(std::string_view s) {
  const std::size_t begin = s.find_first_not_of(" \t\n\r");
  if (begin == std::string_view::npos) return {};
  return std::string(s.substr(begin, s.find_last_not_of(" \t\n\r") - begin + 1));
}

Status bad(const XmlNode& node, std::string what) {
  return Status::invalid_argument(node.position() + ": " + std::move(what));
}

std::string tag(const XmlNode& node) { return "<" + node.name + ">"; }

// InvalidArgument naming the first attribute of `node` not in `allowed`.
Status check_attributes(const XmlNode& node, std::initializer_list<std::string_view> allowed) {
  for (const XmlAttribute& a : node.attributes) {
    if (std::find(allowed.begin(), allowed.end(), a.name) == allowed.end()) {
      return bad(node, "unknown attribute '" + a.name + "' on " + tag(node));
    }
  }
  return Status();
}

// The text content of an element allowed to hold text only (and <vhml/>).
Result<std::string> text_only(const XmlNode& node) {
  std::string out;
  for (const XmlNode& child : node.children) {
    if (!child.is_element()) {
      out += child.text;
    } else if (child.name != "vhml") {
      return bad(child, tag(node) + " may hold only text, not " + tag(child));
    }
  }
  return out;
}

std::optional<double> parse_number(std::string_view s) {
  const std::string t = trimmed(s);
  double v = 0;
  const char* first = t.data() + (t.starts_with('+') ? 1 : 0);
  auto [end, ec] = std::from_chars(first, t.data() + t.size(), v);
  if (t.empty() || ec != std::errc() || end != t.data() + t.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

// "2s" (1..10) or "500ms" (50..10000).
std::optional<int> parse_break_ms(std::string_view time) {
  const bool ms = time.ends_with("ms");
  if (!ms && !time.ends_with("s")) return std::nullopt;
  const std::string_view digits = time.substr(0, time.size() - (ms ? 2 : 1));
  int n = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
  if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  if (ms ? (n < 50 || n > 10000) : (n < 1 || n > 10)) return std::nullopt;
  return ms ? n : n * 1000;
}

class Renderer {
 public:
  explicit Renderer(LanguageType language) : language_(language) {}

  Result<SpeechPlan> render(const std::vector<XmlNode>& top) {
    if (!language_) language_ = has_han(top) ? Language::kChinese : Language::kEnglish;
    bool any_speak = false;
    for (const XmlNode& node : top) {
      if (!node.is_element()) {
        if (!is_blank(node.text)) return bad(node, "text outside <speak>: everything must be inside <speak>...</speak>");
        continue;
      }
      if (node.name != "speak") return bad(node, tag(node) + " outside <speak>: everything must be inside <speak>...</speak>");
      any_speak = true;
      if (Status s = speak(node); !s.ok()) return s;
    }
    if (!any_speak) return Status::invalid_argument("the SSML document has no <speak> element");
    end_segment();
    return std::move(plan_);
  }

 private:
  static bool has_han(const std::vector<XmlNode>& nodes) {
    for (const XmlNode& node : nodes) {
      if (node.is_element() ? has_han(node.children) : voxwire::has_han(node.text)) {
        return true;
      }
    }
    return false;
  }

  Status speak(const XmlNode& node) {
    if (Status s = check_attributes(node, {"voice", "rate", "pitch", "volume", "effect", "effectValue", "bgm",
                                           "backgroundMusicVolume", "version", "xmlns", "xml:lang", "xmlns:xsi",
                                           "xsi:schemaLocation"});
        !s.ok()) {
      return s;
    }
    end_segment();
    settings_ = {};
    settings_.speak_index = speaks_++;
    if (const std::string* bgm = node.attribute("bgm")) {
      if (is_blank(*bgm)) return bad(node, "<speak bgm> must be the URL of a WAV");
      settings_.bgm = trimmed(*bgm);
    }
    if (const std::string* value = node.attribute("backgroundMusicVolume")) {
      if (settings_.bgm.empty()) return bad(node, "<speak backgroundMusicVolume> needs a bgm attribute");
      std::optional<double> v = parse_number(*value);
      if (!v || *v < 0 || *v > 100 || *v != std::floor(*v)) {
        return bad(node, "<speak backgroundMusicVolume> must be an integer in [0, 100]");
      }
      settings_.bgm_volume = static_cast<int>(*v);
    }
    if (const std::string* effect = node.attribute("effect")) {
      if (effect->empty()) return bad(node, "<speak effect> must name an effect");
      settings_.effect = *effect;
    }
    if (const std::string* value = node.attribute("effectValue")) {
      if (settings_.effect.empty()) return bad(node, "<speak effectValue> needs an effect attribute");
      settings_.effect_value = *value;
    }
    if (const std::string* voice = node.attribute("voice")) {
      if (voice->empty() || voice->size() > 64) return bad(node, "<speak voice> must name a voice");
      settings_.voice = *voice;
    }
    for (auto [name, field] : {std::pair{"rate", &settings_.rate}, std::pair{"pitch", &settings_.pitch}}) {
      const std::string* value = node.attribute(name);
      if (!value) continue;
      std::optional<double> v = parse_number(*value);
      if (v) v = from_legacy_scale(*v);
      if (!v || *v < 0.5 || *v > 2.0) {
        return bad(node, "<speak " + std::string(name) + "> must be a number in [0.5, 2] (or -500..500 on the legacy scale)");
      }
      *field = v;
    }
    if (const std::string* value = node.attribute("volume")) {
      std::optional<double> v = parse_number(*value);
      if (!v || *v < 0 || *v > 100 || *v != std::floor(*v)) return bad(node, "<speak volume> must be an integer in [0, 100]");
      settings_.volume = static_cast<int>(*v);
    }
    for (const XmlNode& child : node.children) {
      if (Status s = content(child); !s.ok()) return s;
    }
    end_segment();
    return Status();
  }

  Status content(const XmlNode& node) {
    if (!node.is_element()) {
      add_text(node.text, node.text);
      return Status();
    }
    if (node.name == "break") return break_element(node);
    if (node.name == "vhml") return check_attributes(node, {});
    if (node.name == "speak") return bad(node, "<speak> cannot be nested: put sibling <speak> elements one after another");
    if (node.name == "soundEvent") {
      if (Status s = check_attributes(node, {"src"}); !s.ok()) return s;
      if (!node.children.empty()) return bad(node, "<soundEvent> must be empty (<soundEvent src=\"...\"/>)");
      const std::string* src = node.attribute("src");
      if (!src || is_blank(*src)) return bad(node, "<soundEvent> needs a src attribute: the URL of a WAV");
      end_segment();
      plan_.steps.emplace_back(std::in_place_type<Sound>, Sound{trimmed(*src)});
      return Status();
    }
    if (node.name == "sub") {
      if (Status s = check_attributes(node, {"alias"}); !s.ok()) return s;
      const std::string* alias = node.attribute("alias");
      if (!alias || is_blank(*alias)) return bad(node, "<sub> needs a non-empty alias attribute");
      Result<std::string> written = text_only(node);
      if (!written.ok()) return written.status();
      add_text(*alias, *written);
      return Status();
    }
    if (node.name == "phoneme") return phoneme(node);
    if (node.name == "say-as") {
      if (Status s = check_attributes(node, {"interpret-as", "format", "detail"}); !s.ok()) return s;
      const std::string* interpret_as = node.attribute("interpret-as");
      if (!interpret_as) return bad(node, "<say-as> needs an interpret-as attribute");
      Result<std::string> written = text_only(node);
      if (!written.ok()) return written.status();
      Result<std::string> reading = say_as(*interpret_as, trimmed(*written), *language_);
      if (!reading.ok()) return bad(node, "<say-as> " + reading.status().message());
      add_text(*reading, *written);
      return Status();
    }
    return bad(node, "unknown element " + tag(node) +
                         " (SSML here has speak, break, sub, phoneme, say-as, soundEvent and vhml)");
  }

  Status break_element(const XmlNode& node) {
    if (Status s = check_attributes(node, {"time"}); !s.ok()) return s;
    if (!node.children.empty()) return bad(node, "<break> must be empty (<break time=\"1s\"/>)");
    int ms = 1000;
    if (const std::string* time = node.attribute("time")) {
      std::optional<int> parsed = parse_break_ms(*time);
      if (!parsed) return bad(node, "<break time> must be Ns with N in 1..10 or Nms with N in 50..10000");
      ms = *parsed;
    }
    end_segment();
    if (!plan_.steps.empty()) {
      if (auto* silence = std::get_if<Silence>(&plan_.steps.back())) {
        silence->ms = std::min(kMaxSilenceMs, silence->ms + ms);
        return Status();
      }
    }
    plan_.steps.emplace_back(std::in_place_type<Silence>, Silence{ms});
    return Status();
  }

  Status phoneme(const XmlNode& node) {
    if (Status s = check_attributes(node, {"alphabet", "ph"}); !s.ok()) return s;
    const std::string* alphabet = node.attribute("alphabet");
    const std::string* ph = node.attribute("ph");
    if (!alphabet || !ph) return bad(node, "<phoneme> needs the attributes alphabet (py or cmu) and ph");
    Result<std::string> content = text_only(node);
    if (!content.ok()) return content.status();
    const std::string written = trimmed(*content);
    if (written.empty()) return bad(node, "<phoneme> has no text to read");
    std::optional<text::Pronunciation> pronunciation;
    if (*alphabet == "py") {
      auto pinyin = text::parse_pinyin_reading(*ph, written);
      if (!pinyin.ok()) return bad(node, "<phoneme ph>: " + pinyin.status().message());
      pronunciation = std::move(*pinyin);
    } else if (*alphabet == "cmu") {
      auto phones = text::parse_arpabet(*ph);
      if (!phones.ok()) return bad(node, "<phoneme ph>: " + phones.status().message());
      pronunciation = std::move(*phones);
    } else {
      return bad(node, "<phoneme alphabet> must be py (pinyin) or cmu (ARPAbet), not '" + alphabet->substr(0, 16) + "'");
    }
    const std::size_t begin = segment_.text.size();
    add_text(written, written);
    segment_.readings.push_back({begin, segment_.text.size(), std::move(*pronunciation)});
    return Status();
  }

  void add_text(std::string_view spoken, std::string_view written) {
    segment_.text.append(spoken);
    if (!is_blank(written)) segment_.written.append(written);
  }

  // Ends the current segment: kept if it has anything to say.
  void end_segment() {
    if (!is_blank(segment_.text)) {
      segment_.settings = settings_;
      plan_.steps.emplace_back(std::in_place_type<SpeechSegment>, std::move(segment_));
    }
    segment_ = {};
  }

  LanguageType language_;
  int speaks_ = 0;          // <speak> elements seen
  SpeakSettings settings_;  // of the <speak> being rendered
  SpeechSegment segment_;   // being collected
  SpeechPlan plan_;
};

}  // namespace

bool contains_speak_element(std::string_view text) {
  for (std::size_t at = text.find("<speak"); at != std::string_view::npos; at = text.find("<speak", at + 1)) {
    const std::size_t next = at + 6;
    if (next == text.size()) return false;
    const char c = text[next];
    if (c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\r') return true;
  }
  return false;
}

Result<SpeechPlan> render_ssml(std::string_view document, LanguageType language) {
  Result<std::vector<XmlNode>> nodes = parse_xml(document);
  if (!nodes.ok()) return nodes.status();
  return Renderer(language).render(*nodes);
}

std::vector<std::string> audio_urls(const SpeechPlan& plan) {
  std::vector<std::string> urls;
  auto add = [&urls](const std::string& url) {
    if (!url.empty() && std::find(urls.begin(), urls.end(), url) == urls.end()) urls.push_back(url);
  };
  for (const PlanStep& step : plan.steps) {
    if (const auto* sound = std::get_if<Sound>(&step)) add(sound->url);
    if (const auto* segment = std::get_if<SpeechSegment>(&step)) add(segment->settings.bgm);
  }
  return urls;
}

double from_legacy_scale(double value) {
  const bool legacy = value == std::floor(value) && value >= -500 && value <= 500 && (value <= 0 || value >= 10);
  if (legacy) return value >= 0 ? 1.0 + value / 500.0 : 1.0 + value / 1000.0;
  return value;
}

}  // namespace voxwire::ssml
