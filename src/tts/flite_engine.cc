#include "tts/flite_engine.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <numbers>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "tts/voice_shaping.h"

extern "C" {
#include <flite/cst_cg.h>
#include <flite/flite.h>
cst_voice* register_cmu_us_slt(const char* voxdir);
cst_voice* register_cmu_us_rms(const char* voxdir);
cst_voice* register_cmu_us_awb(const char* voxdir);
}

// Thread-safety audit of flite 2.2 on the path used here (utt_synth on our own
// utterance, clustergen wave synthesis, a streaming callback):
//  - Voices are built once by register_cmu_us_*() (process-wide singletons,
//    owned by registered_voices() below) and only read afterwards: the
//    utterance links to the voice's features (feat_link_into) and per-request
//    features are set on the utterance. The clustergen voices read their
//    model through a per-request copy of the cg_db struct (ShapedCgDb) that
//    shares the model tables, read-only.
//  - All mutable synthesis state (relations, tracks, the MLSA vocoder
//    state, the CART feature cache) is allocated per utterance. Constant
//    values are refcount -1 and never written. Regexes are precompiled (the
//    Spencer compiler's statics in regexp.c are never reached); the static
//    audio device in au_streaming.c belongs to a callback we do not use.
//  - The one shared mutable state is rand(): the mixed-excitation vocoder
//    (cst_mlsa.c: slt, rms and awb) draws it once per output sample. glibc's
//    rand() is a single locked sequence, so it is race-free, but threads
//    contend on the lock and a request's waveform depends on what other
//    threads drew. The definitions at the end of this file give rand() and
//    srand() per-thread state (as C allows), and synthesize() reseeds it per
//    utterance: output is a pure function of (text, voice, controls).
//  - cst_error() calls exit(-1) unless a process-global jmp_buf is set (not
//    usable from several threads). It fires only on malformed voice data or
//    API misuse, not on any input text we found (fuzzed in the tests).
// This file linked against a ThreadSanitizer build of flite 2.2 (from the
// Debian source, outside this tree), synthesizing 4 voices on 4 threads with
// cancellations, reported no races and bit-identical output;
// FliteEngine.ConcurrentSynthesisIsBitIdentical guards the result.

namespace voxwire {
namespace {

thread_local std::uint64_t t_rand_state = 1;
constexpr std::uint64_t kUtteranceSeed = 0x9E3779B97F4A7C15ull;

// The sink gets at most 10 ms per call. The vocoder calls back once more
// than half of that is pending: every 10 ms (two 5 ms frames).
constexpr int kChunkSamples = 160;
constexpr int kSampleRateHz = 16000;
constexpr F0Reach kFliteReach{70.0, 450.0};

// The int_f0_target_mean values at which each voice's output was measured.
constexpr std::array<double, 6> kCalibrationMeansHz = {70.0, 100.0, 140.0, 200.0, 280.0, 400.0};

struct VoiceSpec {
  FliteVoice id;
  std::string_view name;
  cst_voice* (*register_voice)(const char* voxdir);
  // Median F0 of the output (analyze_pitch, averaged over six sentences) for
  // int_f0_target_mean = kCalibrationMeansHz[i], stddev scaled with the mean
  // as synthesize() does. Medians sit below the mean for skewed contours.
  // Sentences scatter by about +-5% around these.
  std::array<double, kCalibrationMeansHz.size()> measured_median_hz;
};

constexpr std::array<VoiceSpec, 3> kVoiceSpecs = {{
    {FliteVoice::kSlt, "slt", &register_cmu_us_slt, {69.2, 101.2, 137.8, 197.0, 274.1, 392.7}},
    {FliteVoice::kRms, "rms", &register_cmu_us_rms, {67.6, 96.0, 134.5, 191.5, 265.8, 381.9}},
    {FliteVoice::kAwb, "awb", &register_cmu_us_awb, {69.3, 97.8, 136.2, 193.7, 269.1, 375.3}},
}};
static_assert(kVoiceSpecs[static_cast<std::size_t>(FliteVoice::kAwb)].id == FliteVoice::kAwb);

// The int_f0_target_mean that makes `voice` speak with median F0 target_hz:
// the calibration curve inverted by interpolation in log-log space (F0 is
// perceived logarithmically), extended linearly beyond its ends.
double f0_mean_for_median(const VoiceSpec& voice, double target_hz) {
  const auto& medians = voice.measured_median_hz;
  std::size_t i = 1;
  while (i + 1 < medians.size() && target_hz > medians[i]) ++i;
  const double t = std::log(target_hz / medians[i - 1]) / std::log(medians[i] / medians[i - 1]);
  return kCalibrationMeansHz[i - 1] * std::pow(kCalibrationMeansHz[i] / kCalibrationMeansHz[i - 1], t);
}

struct LoadedVoice {
  const VoiceSpec* spec = nullptr;
  cst_voice* voice = nullptr;  // flite's singleton; read-only after registration
  double f0_mean_hz = 0.0;     // the voice's own F0 model mean and spread
  double f0_stddev_hz = 0.0;
  double duration_stretch = 1.0;  // the voice's own
  const cst_cg_db* cg_db = nullptr;  // its clustergen model (flite's, read-only)
};

using LoadedVoices = std::array<LoadedVoice, kVoiceSpecs.size()>;

// ---------------------------------------------------------------------------
// Timbre on clustergen voices (the mapping is in flite_engine.h). Everything
// happens in the model the vocoder reads, so shaping costs nothing per sample.

// The parameter layout ShapedCgDb edits (flite 2.2's rf3 models: F0,
// 25 mel-cepstra, their deltas, 5 mixed-excitation strengths and voicing, each
// as mean and stddev, dequantized linearly through model_min/model_range).
constexpr int kMcepC0Mean = 2;
constexpr int kMcepC1Mean = 4;
constexpr int kExcitationBands = 5;  // 0-1, 1-2, 2-4, 4-6, 6-8 kHz

// How much of each excitation band's voicing strength breathiness 1 turns
// into noise: little at the bottom, where breathy voices keep their
// harmonics, most at the top.
constexpr std::array<double, kExcitationBands> kBreathToNoise = {0.2, 0.45, 0.7, 0.85, 0.95};

Status check_shapeable(const cst_cg_db& db) {
  const bool layout = db.model_shape == CST_CG_MODEL_SHAPE_BASE_MINRANGE && db.do_mlpg && db.mixed_excitation &&
                      db.ME_num == kExcitationBands && db.num_param_models >= 1 && db.num_channels[0] == 114;
  if (!layout) return Status::internal(std::string("flite voice ") + db.name + " has an unexpected model layout");
  return Status::ok_status();
}

// The frequency warping of the MLSA filter's all-pass with constant alpha.
double warp(double radians, double alpha) {
  return radians + 2.0 * std::atan(alpha * std::sin(radians) / (1.0 - alpha * std::cos(radians)));
}

// The all-pass constant that, used by the vocoder in place of the one the
// mel-cepstra were analysed with (alpha0), moves the spectral envelope by
// `scale` in frequency: bilinear vocal-tract length normalization. Solved so
// the mean log ratio over 1-3.5 kHz (F2 and F3, which the warp moves least
// and which carry most of a vocal tract's length) is log(scale); F1 moves a
// little further.
double mlsa_alpha_for(double alpha0, double scale, double rate_hz) {
  constexpr int kPoints = 16;
  auto mean_log_ratio = [&](double alpha) {
    double sum = 0.0;
    for (int i = 0; i < kPoints; ++i) {
      const double radians = 2.0 * std::numbers::pi * 1000.0 * std::pow(3500.0 / 1000.0, i / (kPoints - 1.0)) / rate_hz;
      sum += std::log(warp(warp(radians, alpha0), -alpha) / radians);
    }
    return sum / kPoints;
  };
  double lo = -0.5, hi = 0.9;  // the ratio falls as alpha grows
  for (int i = 0; i < 40; ++i) {
    const double mid = 0.5 * (lo + hi);
    (mean_log_ratio(mid) > std::log(scale) ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

// A per-request copy of a clustergen voice's cg_db that speaks with the
// profile's timbre. The copy shares the model tables and the F0 trees; it
// owns only its dequantization ranges. SPAM F0 prediction (rms) is off, as it
// ignores the F0 target features.
class ShapedCgDb {
 public:
  ShapedCgDb(const cst_cg_db& base, const VoiceProfile& voice)
      : db_(base),
        min_(base.model_min, base.model_min + base.num_channels[0]),
        range_(base.model_range, base.model_range + base.num_channels[0]) {
    db_.spamf0 = 0;
    db_.freeable = 0;  // the utterance's val must not free it
    db_.mlsa_alpha = static_cast<float>(mlsa_alpha_for(base.mlsa_alpha, formant_scale_of(voice), base.sample_rate));
    // Brightness: the first mel-cepstral coefficient tilts the log spectrum
    // as cos(warped frequency); c0 keeps 500 Hz where it was.
    const double b500 = std::cos(warp(2.0 * std::numbers::pi * 500.0 / base.sample_rate, db_.mlsa_alpha));
    const double b4k = std::cos(warp(2.0 * std::numbers::pi * 4000.0 / base.sample_rate, db_.mlsa_alpha));
    const double nepers = brightness_gain_db(brightness_of(voice), 4000.0) / (20.0 / std::log(10.0));
    const double c1 = nepers / (b4k - b500);
    min_[kMcepC1Mean] += static_cast<float>(c1);
    min_[kMcepC0Mean] -= static_cast<float>(c1 * b500);
    // Breathiness: weaker voicing strengths mix more noise into each band.
    const int first_strength = base.num_channels[0] - 2 * (1 + kExcitationBands);
    for (int band = 0; band < kExcitationBands; ++band) {
      const auto keep = static_cast<float>(1.0 - breathiness_of(voice) * kBreathToNoise[band]);
      min_[first_strength + 2 * band] *= keep;
      range_[first_strength + 2 * band] *= keep;
    }
    db_.model_min = min_.data();
    db_.model_range = range_.data();
  }
  ShapedCgDb(const ShapedCgDb&) = delete;
  ShapedCgDb& operator=(const ShapedCgDb&) = delete;

  cst_cg_db* get() { return &db_; }

 private:
  cst_cg_db db_;
  std::vector<float> min_;
  std::vector<float> range_;
};

Result<LoadedVoices> register_all() {
  flite_init();
  LoadedVoices voices;
  for (std::size_t i = 0; i < kVoiceSpecs.size(); ++i) {
    LoadedVoice& v = voices[i];
    v.spec = &kVoiceSpecs[i];
    v.voice = v.spec->register_voice(nullptr);
    if (v.voice == nullptr) return Status::internal("flite voice " + std::string(v.spec->name) + " failed to register");
    if (get_param_int(v.voice->features, "sample_rate", 0) != kSampleRateHz) {
      return Status::internal("flite voice " + std::string(v.spec->name) + " is not 16 kHz");
    }
    v.duration_stretch = get_param_float(v.voice->features, "duration_stretch", 1.0);
    const cst_val* db = get_param_val(v.voice->features, "cg_db", nullptr);
    if (db == nullptr) return Status::internal("flite voice " + std::string(v.spec->name) + " is not clustergen");
    v.cg_db = val_cg_db(db);
    if (Status s = check_shapeable(*v.cg_db); !s.ok()) return s;
    v.f0_mean_hz = v.cg_db->f0_mean;
    v.f0_stddev_hz = v.cg_db->f0_stddev;
  }
  return voices;
}

// Owns flite's voice registrations for the process: registered on first use,
// never unregistered (other engines from make_flite_engine share them).
const Result<LoadedVoices>& registered_voices() {
  static const Result<LoadedVoices> voices = register_all();
  return voices;
}

// Text as flite's front end reads it, with the byte of the original text
// each of its bytes came from.
struct FoldedText {
  std::string text;
  std::vector<std::size_t> source;  // source[i]: where text[i] came from; one extra entry: the end
};

// flite's front end reads ASCII. Folds what English text commonly carries
// beyond it: typographic quotes and dashes, full-width forms, no-break and
// ideographic spaces, Latin-1 letters (to their base letter); control
// characters become spaces. Anything else passes through (flite skips it).
FoldedText fold_for_flite(std::string_view text) {
  // U+00C0..U+00FF; '*' marks the two that are not letters.
  static constexpr std::string_view kLatin1 = "AAAAAAACEEEEIIIIDNOOOOO*OUUUUYTsaaaaaaaceeeeiiiidnooooo*ouuuuyty";
  static_assert(kLatin1.size() == 0x40);
  FoldedText folded;
  std::string& out = folded.text;
  out.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t length = std::max<std::size_t>(1, utf8::char_length(text, at));
    const std::u32string decoded = utf8::decode(text.substr(at, length));
    const char32_t c = decoded.empty() ? U'\uFFFD' : decoded.front();
    if (c < 0x20 || c == 0x7F) {
      out += (c == '\n' || c == '\t' || c == '\r') ? static_cast<char>(c) : ' ';
    } else if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c >= 0xFF01 && c <= 0xFF5E) {
      out += static_cast<char>(c - 0xFEE0);
    } else if (c == 0x00A0 || c == 0x3000 || c == 0x202F || (c >= 0x2000 && c <= 0x200A)) {
      out += ' ';
    } else if (c == 0x2018 || c == 0x2019 || c == 0x201B || c == 0x2032) {
      out += '\'';
    } else if (c == 0x201C || c == 0x201D || c == 0x201E || c == 0x2033) {
      out += '"';
    } else if ((c >= 0x2010 && c <= 0x2015) || c == 0x2212) {
      out += '-';
    } else if (c == 0x2026) {
      out += "...";
    } else if (c == 0x00DF) {
      out += "ss";
    } else if (c == 0x00C6 || c == 0x00E6) {
      out += c == 0x00C6 ? "AE" : "ae";
    } else if (c >= 0x00C0 && c <= 0x00FF && kLatin1[c - 0xC0] != '*') {
      out += kLatin1[c - 0xC0];
    } else {
      utf8::append(out, c);
    }
    folded.source.resize(out.size(), at);
    at += length;
  }
  folded.source.push_back(text.size());
  return folded;
}

bool has_ascii_alnum(std::string_view text) {
  for (char c : text) {
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  }
  return false;
}

bool positive_finite(double x) { return std::isfinite(x) && x > 0.0; }

// Shared by the vocoder callback and synthesize() on the synthesizing thread.
struct Stream {
  AudioSink* sink;
  const CancelToken* cancel;
  bool cancelled = false;
  bool sink_threw = false;
};

// flite calls this from its vocoder loop with the samples [start, start+size)
// of the growing wave; returning STOP makes the vocoder abandon the utterance.
int forward_chunk(const cst_wave* w, int start, int size, int /*last*/, cst_audio_streaming_info* asi) {
  auto* stream = static_cast<Stream*>(asi->userdata);
  for (int offset = 0; offset < size; offset += kChunkSamples) {
    if (stream->cancel->cancelled()) break;
    try {  // an exception must not unwind through flite's C frames
      stream->sink->on_audio(std::span<const int16_t>(w->samples + start + offset,
                                                      static_cast<std::size_t>(std::min(kChunkSamples, size - offset))),
                             w->sample_rate);
    } catch (...) {
      stream->sink_threw = true;
      return CST_AUDIO_STREAM_STOP;
    }
  }
  stream->cancelled = stream->cancel->cancelled();
  return stream->cancelled ? CST_AUDIO_STREAM_STOP : CST_AUDIO_STREAM_CONT;
}

// Reports the words of a synthesized utterance to the sink. Each Token is
// found in the folded text (its prepunctuation, name and punctuation are
// contiguous there, and tokens come in order); each of its Words spans its
// segments, whose `end` features are seconds into the utterance's audio.
void report_words(cst_utterance* utt, const FoldedText& folded, AudioSink& sink) {
  cst_relation* tokens = utt_relation(utt, "Token");
  if (tokens == nullptr) return;
  auto sample_at = [](float seconds) { return static_cast<int64_t>(std::lround(seconds * kSampleRateHz)); };
  std::size_t cursor = 0;
  for (cst_item* token = relation_head(tokens); token != nullptr; token = item_next(token)) {
    const std::string name = item_feat_string(token, "name");
    std::string written = std::string(item_feat_string(token, "prepunctuation")) + name + item_feat_string(token, "punc");
    std::size_t at = folded.text.find(written, cursor);
    if (at == std::string::npos) {
      written = name;
      at = folded.text.find(written, cursor);
    }
    if (at == std::string::npos || written.empty()) continue;
    cursor = at + written.size();
    for (cst_item* word = item_daughter(item_as(token, "Token")); word != nullptr; word = item_next(word)) {
      WordMark mark{folded.source[at], folded.source[cursor], 0, 0, {}};
      for (cst_item* syllable = item_daughter(item_as(word, "SylStructure")); syllable != nullptr;
           syllable = item_next(syllable)) {
        const int stress = item_feat_int(syllable, "stress");
        for (cst_item* segment = item_daughter(syllable); segment != nullptr; segment = item_next(segment)) {
          const cst_item* previous = item_prev(item_as(segment, "Segment"));
          PhoneMark phone{item_feat_string(segment, "name"),
                          std::string_view(ffeature_string(segment, "ph_vc")) == "+" ? stress : 0,
                          previous ? sample_at(item_feat_float(previous, "end")) : 0,
                          sample_at(item_feat_float(segment, "end"))};
          mark.phones.push_back(std::move(phone));
        }
      }
      if (mark.phones.empty()) continue;
      mark.begin_sample = mark.phones.front().begin_sample;
      mark.end_sample = mark.phones.back().end_sample;
      sink.on_word(mark);
    }
  }
}

using UtterancePtr = std::unique_ptr<cst_utterance, decltype(&delete_utterance)>;

class FliteEngine final : public Engine {
 public:
  explicit FliteEngine(const LoadedVoices* voices) : voices_(voices) {
    info_.name = "flite";
    info_.sample_rate_hz = kSampleRateHz;
    info_.languages = {Language::kEnglish};
  }

  const EngineInfo& info() const override { return info_; }

  // The clustergen F0 model moves freely; kFliteReach is where the
  // calibration tables keep the median within a few percent.
  F0Reach f0_reach(Language, const VoiceProfile&) override { return kFliteReach; }

  Status synthesize(const SynthesisRequest& req, AudioSink& sink, const CancelToken& cancel) override {
    if (req.language != Language::kEnglish) return Status::invalid_argument("flite speaks English only", "language");
    const double tempo = req.voice.speaking_rate * req.rate;
    const double target_hz = req.voice.median_f0_hz * req.pitch;
    if (!positive_finite(tempo)) return Status::invalid_argument("speaking rate must be positive", "rate");
    if (!positive_finite(target_hz)) return Status::invalid_argument("pitch must be positive", "pitch");
    if (cancel.cancelled()) return Status::cancelled();
    const FoldedText folded = fold_for_flite(req.text);
    const std::string& text = folded.text;
    if (!has_ascii_alnum(text)) return Status::ok_status();

    const LoadedVoice& v = (*voices_)[static_cast<std::size_t>(flite_voice_for(req.voice))];
    ShapedCgDb shaped(*v.cg_db, req.voice);  // outlives the utterance, which points to it
    UtterancePtr utt(new_utterance(), &delete_utterance);
    utt_set_input_text(utt.get(), text.c_str());
    utt_init(utt.get(), v.voice);
    cst_features* f = utt->features;
    const double mean_hz = f0_mean_for_median(*v.spec, target_hz);
    feat_set_float(f, "int_f0_target_mean", static_cast<float>(mean_hz));
    feat_set_float(f, "int_f0_target_stddev",
                   static_cast<float>(v.f0_stddev_hz * std::max(0.0, req.voice.f0_range) * mean_hz / v.f0_mean_hz));
    feat_set_float(f, "duration_stretch", static_cast<float>(v.duration_stretch / tempo));
    feat_set(f, "cg_db", cg_db_val(shaped.get()));

    Stream stream{&sink, &cancel};
    cst_audio_streaming_info* asi = new_audio_streaming_info();
    asi->min_buffsize = kChunkSamples / 2;
    asi->asc = &forward_chunk;
    asi->userdata = &stream;
    feat_set(f, "streaming_info", audio_streaming_info_val(asi));  // the utterance owns asi

    t_rand_state = kUtteranceSeed;
    if (utt_synth(utt.get()) == nullptr) return Status::internal("flite synthesis failed");
    if (stream.sink_threw) return Status::internal("audio sink threw");
    if (stream.cancelled) return Status::cancelled();
    if (req.marks) report_words(utt.get(), folded, sink);
    return Status::ok_status();
  }

 private:
  EngineInfo info_;
  const LoadedVoices* voices_;  // process-wide, constant after registration
};

}  // namespace

FliteVoice flite_voice_for(const VoiceProfile& voice) {
  if (voice.gender == Gender::kFemale) return FliteVoice::kSlt;
  if (voice.age == AgeBand::kChild || voice.age == AgeBand::kTeen || voice.median_f0_hz >= 115.0) {
    return FliteVoice::kAwb;
  }
  return FliteVoice::kRms;
}

std::string_view flite_voice_name(FliteVoice voice) { return kVoiceSpecs[static_cast<std::size_t>(voice)].name; }

Result<std::unique_ptr<Engine>> make_flite_engine() {
  const Result<LoadedVoices>& voices = registered_voices();
  if (!voices.ok()) return voices.status();
  return std::unique_ptr<Engine>(std::make_unique<FliteEngine>(&voices.value()));
}

}  // namespace voxwire

// Per-thread replacements for the C library's rand()/srand(); see the audit at
// the top of this file. A 64-bit LCG (Knuth's MMIX constants); its top 31 bits
// give 0..RAND_MAX like glibc's.
extern "C" int rand() noexcept {
  voxwire::t_rand_state = voxwire::t_rand_state * 6364136223846793005ull + 1442695040888963407ull;
  return static_cast<int>(voxwire::t_rand_state >> 33);
}

extern "C" void srand(unsigned int seed) noexcept { voxwire::t_rand_state = seed; }
