// tts/engine.h: the interface every synthesis engine implements (flite,
// espeak-ng, later a neural engine). An Engine speaks one run of text in one
// language with one VoiceProfile and streams PCM to an AudioSink as it is
// produced, and, when asked, where each word and phone of the text is heard.
// Engines are thread-safe: synthesize() may run on several worker threads at
// once (an engine that cannot is responsible for serializing).
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/cancel_token.h"
#include "base/status.h"
#include "tts/language.h"
#include "voice/voice_profile.h"

namespace voxwire {

// A phone an engine spoke, in its own notation (flite: ARPAbet "hh", "ow";
// espeak-ng: its phoneme mnemonics "tS;", "iE"), located like its word.
struct PhoneMark {
  std::string name;
  int stress = 0;  // vowels: 0 unstressed, 1 primary, 2 secondary; consonants 0
  int64_t begin_sample = 0;
  int64_t end_sample = 0;
};

// A word an engine spoke: the bytes [text_begin, text_end) of
// SynthesisRequest::text it was read from (an engine that expands a token,
// e.g. "123" into three words, reports each word with the token's bytes),
// and where it is heard, in samples at the engine's rate from the start of
// this synthesize() call's audio (end exclusive). Pauses are in no word.
struct WordMark {
  std::size_t text_begin = 0;
  std::size_t text_end = 0;
  int64_t begin_sample = 0;
  int64_t end_sample = 0;
  std::vector<PhoneMark> phones;  // in order, inside [begin_sample, end_sample)
};

// Receives audio as the engine produces it, on the synthesizing thread.
// The span is valid only during the call: copy what you keep.
class AudioSink {
 public:
  virtual ~AudioSink() = default;
  virtual void on_audio(std::span<const int16_t> pcm, int sample_rate_hz) = 0;
  // The words of a request with SynthesisRequest::marks, in spoken order,
  // before synthesize() returns (possibly after all its audio).
  virtual void on_word(const WordMark& /*word*/) {}
};

struct SynthesisRequest {
  std::string_view text;      // UTF-8, one language, no markup
  Language language;          // the language to speak `text` in
  const VoiceProfile& voice;  // who speaks
  double rate = 1.0;          // tempo multiplier on top of voice.speaking_rate (speech_rate)
  double pitch = 1.0;         // F0 multiplier on top of voice.median_f0_hz (pitch_rate)
  bool marks = false;         // report words and phones to AudioSink::on_word
};

// The median F0 an engine can give a voice on its own, in Hz.
struct F0Reach {
  double low_hz = 0;
  double high_hz = 0;
};

struct EngineInfo {
  std::string name;                  // "flite", "espeak-ng"
  int sample_rate_hz = 0;            // native rate of the PCM it emits
  std::vector<Language> languages;   // languages it can speak
};

class Engine {
 public:
  virtual ~Engine() = default;
  virtual const EngineInfo& info() const = 0;
  // Streams mono int16 PCM for req.text to sink (one or more calls); with
  // req.marks, also the words (AudioSink::on_word) if the engine knows them.
  // Returns Cancelled if cancel was tripped (checked between chunks),
  // InvalidArgument for a language it does not speak, Internal on engine
  // failure. An empty or unspeakable text returns ok with no audio.
  virtual Status synthesize(const SynthesisRequest& req, AudioSink& sink, const CancelToken& cancel) = 0;
  // How far synthesize() can move `voice`'s median F0 in `language` by
  // itself; the Synthesizer shifts requests beyond it with DSP.
  virtual F0Reach f0_reach(Language language, const VoiceProfile& voice) = 0;
};

}  // namespace voxwire
