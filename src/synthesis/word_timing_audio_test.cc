// Word timings against the audio they describe: real engines (flite for
// English, espeak-ng for Chinese) through the whole job path (text front end,
// phrase joining with pauses, speech rate, resampling to the output rate),
// checked with the energy of the PCM the job delivers: every word holds
// speech, and where a pause separates two words, the last sound before it
// and the first after it lie within 30 ms of the reported end and begin.
#include <gtest/gtest.h>

#include <cmath>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <ostream>
#include <string>
#include <vector>

#include "synthesis/synthesis_service.h"
#include "voice/voice_catalog.h"

namespace voxwire::synthesis {
namespace {

using namespace std::chrono_literals;

constexpr double kToleranceSeconds = 0.030;
constexpr double kFrameSeconds = 0.005;

class PcmRecorder final : public JobObserver {
 public:
  void on_chunk(std::string bytes) override {
    std::lock_guard<std::mutex> lock(mutex_);
    pcm_ += bytes;
  }
  void on_done(Status status, const JobStats& stats) override {
    std::lock_guard<std::mutex> lock(mutex_);
    status_ = std::move(status);
    stats_ = stats;
    done_ = true;
    cv_.notify_all();
  }
  // The job's samples and stats once it ends (false on timeout).
  bool wait(std::vector<int16_t>* samples, JobStats* stats, Status* status) {
    std::unique_lock<std::mutex> lock(mutex_);
    if (!cv_.wait_for(lock, 60s, [&] { return done_; })) return false;
    samples->resize(pcm_.size() / 2);
    std::memcpy(samples->data(), pcm_.data(), samples->size() * 2);
    *stats = stats_;
    *status = status_;
    return true;
  }

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  std::string pcm_;
  bool done_ = false;
  Status status_;
  JobStats stats_;
};

// RMS energy per 5 ms frame, and which frames are louder than `below_peak`
// under the loudest.
struct Energy {
  Energy(const std::vector<int16_t>& pcm, int rate, double below_peak) {
    const auto frame = static_cast<std::size_t>(kFrameSeconds * rate);
    double peak = 0;
    for (std::size_t start = 0; start + frame <= pcm.size(); start += frame) {
      double sum = 0;
      for (std::size_t i = start; i < start + frame; ++i) sum += static_cast<double>(pcm[i]) * pcm[i];
      rms.push_back(std::sqrt(sum / static_cast<double>(frame)));
      peak = std::max(peak, rms.back());
    }
    threshold = peak * below_peak;  // -40 dB below the loudest frame
  }
  bool loud(std::size_t f) const { return f < rms.size() && rms[f] > threshold; }
  std::size_t frame_at(double seconds) const {
    return std::min(rms.size(), static_cast<std::size_t>(std::max(0.0, seconds) / kFrameSeconds));
  }
  double time_of(std::size_t f) const { return static_cast<double>(f) * kFrameSeconds; }
  bool any_loud(double begin, double end) const {
    for (std::size_t f = frame_at(begin); f < frame_at(end); ++f) {
      if (loud(f)) return true;
    }
    return false;
  }
  std::vector<double> rms;
  double threshold = 0;
};

struct Case {
  std::string text;
  LanguageType language;
  std::string voice;
  double rate;
  int output_rate_hz;
};

void PrintTo(const Case& c, std::ostream* os) {
  *os << c.voice << " at rate " << c.rate << ", " << c.output_rate_hz << " Hz: " << c.text;
}

class WordTimingAudioTest : public ::testing::TestWithParam<Case> {
 protected:
  static void SetUpTestSuite() {
    auto s = Synthesizer::create_builtin();
    ASSERT_TRUE(s.ok());
    service_ = new SynthesisService(std::move(*s), 1);
  }
  static void TearDownTestSuite() { delete service_; }
  static SynthesisService* service_;
};
SynthesisService* WordTimingAudioTest::service_ = nullptr;

TEST_P(WordTimingAudioTest, WordsAreHeardWhereTheySay) {
  const Case& c = GetParam();
  SynthesisSpec spec;
  spec.text = c.text;
  spec.language = c.language;
  spec.voice = VoiceCatalog::system_voices().find(c.voice)->profile;
  spec.speech_rate = c.rate;
  spec.output = {{audio::AudioFormat::kPcm, c.output_rate_hz, 128}, 50};
  spec.paced = false;
  spec.word_timings = true;
  auto recorder = std::make_shared<PcmRecorder>();
  service_->submit(spec, recorder);
  std::vector<int16_t> pcm;
  JobStats stats;
  Status status;
  ASSERT_TRUE(recorder->wait(&pcm, &stats, &status));
  ASSERT_TRUE(status.ok()) << status.message();
  // Speech is what comes within 30 dB of the loudest frame. (Below that the
  // vocoders' breath noise in pauses starts to count; the texts begin and
  // resume after pauses with clear onsets, not a soft h or f.)
  const Energy energy(pcm, c.output_rate_hz, 0.03);
  const double audio_seconds = static_cast<double>(pcm.size()) / c.output_rate_hz;

  std::vector<const TimedWord*> spoken;  // units with letters or digits
  for (const TimedWord& w : stats.words) {
    if (w.text != "，" && w.text != "。" && w.text != "," && w.text != ".") spoken.push_back(&w);
  }
  ASSERT_GE(spoken.size(), 4u);
  double previous_end = 0;
  for (const TimedWord* w : spoken) {
    SCOPED_TRACE(w->text + " " + std::to_string(w->begin_seconds) + "-" + std::to_string(w->end_seconds));
    EXPECT_GE(w->begin_seconds, previous_end - 1e-9);
    EXPECT_GT(w->end_seconds, w->begin_seconds);
    EXPECT_LE(w->end_seconds, audio_seconds + 1e-6);
    EXPECT_TRUE(energy.any_loud(w->begin_seconds, w->end_seconds)) << "no speech in the word";
    previous_end = w->end_seconds;
  }
  // Sound starts with the first word and ends with the last.
  std::size_t first = 0;
  while (first < energy.rms.size() && !energy.loud(first)) ++first;
  EXPECT_NEAR(energy.time_of(first), spoken.front()->begin_seconds, kToleranceSeconds);
  std::size_t last = energy.rms.size();
  while (last > 0 && !energy.loud(last - 1)) --last;
  EXPECT_NEAR(energy.time_of(last), spoken.back()->end_seconds, kToleranceSeconds);

  // Around each pause (a silent stretch of 80 ms or more between two words):
  // the sound stops where the word before ends and resumes where the next begins.
  int pauses = 0;
  for (std::size_t i = 0; i + 1 < spoken.size(); ++i) {
    const double gap_middle = 0.5 * (spoken[i]->end_seconds + spoken[i + 1]->begin_seconds);
    std::size_t stop = energy.frame_at(gap_middle), resume = stop;
    while (stop > 0 && !energy.loud(stop - 1)) --stop;
    while (resume < energy.rms.size() && !energy.loud(resume)) ++resume;
    if (energy.time_of(resume) - energy.time_of(stop) < 0.080) continue;
    ++pauses;
    SCOPED_TRACE("pause between " + spoken[i]->text + " and " + spoken[i + 1]->text);
    EXPECT_NEAR(energy.time_of(stop), spoken[i]->end_seconds, kToleranceSeconds);
    EXPECT_NEAR(energy.time_of(resume), spoken[i + 1]->begin_seconds, kToleranceSeconds);

  }
  EXPECT_GE(pauses, 1) << "the text has a comma: at least one pause";
}

INSTANTIATE_TEST_SUITE_P(
    Engines, WordTimingAudioTest,
    ::testing::Values(Case{"Maybe later, my old friend. Good morning to you all.", Language::kEnglish, "Ethan", 1.0, 16000},
                      Case{"Maybe later, my old friend. Good morning to you all.", Language::kEnglish, "Cherry", 2.0, 8000},
                      Case{"Remember 42 apples, and then buy milk.", Language::kEnglish, "Ethan", 1.0, 48000},
                      Case{"今天天气很好，我们一起去公园散步吧。", Language::kChinese, "Cherry", 1.0, 48000},
                      Case{"今天天气很好，我们一起去公园散步吧。", Language::kChinese, "Ethan", 2.0, 8000}),
    [](const ::testing::TestParamInfo<Case>& info) { return "Case" + std::to_string(info.index); });

}  // namespace
}  // namespace voxwire::synthesis
