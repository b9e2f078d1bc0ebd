// inference/timestamps.h: word and phoneme timestamps in the shapes the task
// protocol sends (api-reference-cosyvoice §9), from a job's TimedWords, with
// times in whole ms from the start of the task's audio (offset_ms: the audio
// before the job).
//   CosyVoice (§9.1): {text, begin_index, end_index, begin_time, end_time},
//     indices in code points of the sentence's original_text.
//   Sambert (§9.2): {text, begin_time, end_time[, phonemes]}; a Han character
//     has two phonemes, its pinyin initial and final with "_c" and the tone
//     (1-4, 5 neutral; the reading the text front end gave it, else its
//     customary one; the boundary where the engine's second phone begins), or
//     one (the final) for a syllable without an initial; other words have the
//     engine's phones (ARPAbet for English) with "_e" (inferred: §9.2 says only
//     that English uses another suffix) and their stress 0/1/2 as the tone.
// Pure, thread-safe.
#pragma once
#include <span>

#include <boost/json.hpp>

#include "synthesis/word_timing.h"

namespace voxwire::inference {

boost::json::array cosyvoice_words(std::span<const TimedWord> words, double offset_ms);
boost::json::array sambert_words(std::span<const TimedWord> words, double offset_ms, bool phonemes);

}  // namespace voxwire::inference
