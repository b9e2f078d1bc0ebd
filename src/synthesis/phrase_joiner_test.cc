#include "synthesis/phrase_joiner.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace voxwire {
namespace {

struct Recorder final : AudioSink {
  std::vector<int16_t> pcm;
  void on_audio(std::span<const int16_t> chunk, int) override { pcm.insert(pcm.end(), chunk.begin(), chunk.end()); }
};

// A phrase as an engine gives it: quiet start, sound, quiet end (1 kHz: samples = ms).
std::vector<int16_t> phrase(int quiet_start_ms, int sound_ms, int quiet_end_ms) {
  std::vector<int16_t> pcm(quiet_start_ms, 3);
  pcm.insert(pcm.end(), sound_ms, 1000);
  pcm.insert(pcm.end(), quiet_end_ms, -2);
  return pcm;
}

// "s" for sound and "." for silence, one letter per run: sound/quiet lengths.
std::string runs(const std::vector<int16_t>& pcm) {
  std::string out;
  for (std::size_t i = 0; i < pcm.size();) {
    const bool loud = std::abs(pcm[i]) > PhraseJoiner::kQuiet;
    std::size_t n = 0;
    while (i < pcm.size() && (std::abs(pcm[i]) > PhraseJoiner::kQuiet) == loud) ++i, ++n;
    out += (loud ? "s" : ".") + std::to_string(n) + " ";
  }
  return out;
}

TEST(PhraseJoiner, PutsExactlyThePauseBetweenPhrases) {
  Recorder out;
  PhraseJoiner joiner(out);
  joiner.on_audio(phrase(20, 100, 300), 1000);
  joiner.end_phrase(250);
  // The next phrase arrives in pieces; its quiet start is dropped.
  const std::vector<int16_t> second = phrase(40, 50, 70);
  joiner.on_audio(std::span(second).first(30), 1000);
  joiner.on_audio(std::span(second).subspan(30), 1000);
  joiner.finish();
  EXPECT_EQ(runs(out.pcm), ".20 s100 .250 s50 .70 ");  // the first start and the last end are the engine's
}

TEST(PhraseJoiner, APhraseWithoutSoundAddsItsPause) {
  Recorder out;
  PhraseJoiner joiner(out);
  joiner.on_audio(phrase(0, 10, 5), 1000);
  joiner.end_phrase(100);
  joiner.on_audio(phrase(30, 0, 0), 1000);
  joiner.end_phrase(50);
  joiner.on_audio(phrase(0, 10, 0), 1000);
  joiner.finish();
  EXPECT_EQ(runs(out.pcm), "s10 .150 s10 ");
}

TEST(PhraseJoiner, WithoutPausesPassesEverythingOn) {
  Recorder out;
  PhraseJoiner joiner(out);
  const std::vector<int16_t> pcm = phrase(7, 20, 9);
  joiner.on_audio(pcm, 1000);
  joiner.finish();
  EXPECT_EQ(out.pcm, pcm);
}

TEST(PhraseJoiner, PlacesEveryPhraseWhereItsSamplesWent) {
  Recorder out;
  PhraseJoiner joiner(out);
  joiner.on_audio(phrase(20, 100, 300), 1000);
  const PhrasePlacement first = joiner.end_phrase(250);  // its 300 quiet samples are dropped
  joiner.on_audio(phrase(40, 50, 70), 1000);             // its 40 quiet samples are dropped
  const PhrasePlacement second = joiner.end_phrase(0);
  joiner.on_audio(phrase(5, 10, 5), 2000);               // another rate, straight after
  const PhrasePlacement third = joiner.end_phrase(0);
  joiner.finish();
  // Output: .20 s100 | .250 | s50 .70 | .5 s10 .5 (at 2 kHz)
  EXPECT_DOUBLE_EQ(first.seconds_at(0), 0.0);
  EXPECT_DOUBLE_EQ(first.seconds_at(20), 0.020);
  EXPECT_DOUBLE_EQ(first.seconds_at(400), 0.120);  // in the dropped tail: where it was cut
  EXPECT_DOUBLE_EQ(second.seconds_at(0), 0.370);   // in the dropped start: where the sound begins
  EXPECT_DOUBLE_EQ(second.seconds_at(40), 0.370);
  EXPECT_DOUBLE_EQ(second.seconds_at(160), 0.490);
  EXPECT_DOUBLE_EQ(third.seconds_at(0), 0.490);
  EXPECT_DOUBLE_EQ(third.seconds_at(5), 0.4925);
  EXPECT_EQ(runs(out.pcm), ".20 s100 .250 s50 .75 s10 .5 ");
}

// SSML breaks before the first and after the last phrase are exact too; with
// no audio at all the pause is written at the rate given up front.
TEST(PhraseJoiner, PausesAtTheEdgesAreWrittenExactly) {
  Recorder out;
  PhraseJoiner joiner(out, 1000);
  joiner.end_phrase(300);
  joiner.on_audio(phrase(40, 10, 30), 1000);
  joiner.end_phrase(200);
  joiner.finish();
  EXPECT_EQ(runs(out.pcm), ".300 s10 .200 ");

  // Without a trailing-pause rate (the Synthesizer's joiner) a pause owed at
  // the end is dropped: the engine's own ending closes the audio.
  Recorder plain;
  PhraseJoiner synthesizer(plain);
  synthesizer.on_audio(phrase(0, 10, 30), 1000);
  synthesizer.end_phrase(200);
  synthesizer.finish();
  EXPECT_EQ(runs(plain.pcm), "s10 ");

  // Pauses of phrases without a sound add up to at most kMaxPauseMs.
  Recorder capped;
  PhraseJoiner breaks(capped, 1000);
  for (int i = 0; i < 5; ++i) breaks.end_phrase(4000);
  breaks.finish();
  EXPECT_EQ(runs(capped.pcm), "." + std::to_string(PhraseJoiner::kMaxPauseMs) + " ");

  Recorder silent;
  PhraseJoiner nothing(silent, 1000);
  nothing.end_phrase(120);
  nothing.finish();
  EXPECT_EQ(runs(silent.pcm), ".120 ");
}

}  // namespace
}  // namespace voxwire
