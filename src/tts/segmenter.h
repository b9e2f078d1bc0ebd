// tts/segmenter.h: where text may be cut for synthesis — after sentence ends
// (Chinese, Japanese and Western punctuation, newlines), never after an
// abbreviation, an initial or inside a number, with a length cap that prefers
// clause and word boundaries. Used by realtime server_commit mode (is the
// buffered text ready?) and to synthesize long texts sentence by sentence.
// Pure functions, thread-safe.
#pragma once
#include <cstddef>
#include <string_view>
#include <vector>

namespace voxwire {

struct SegmenterOptions {
  std::size_t max_segment_chars = 200;  // code points; longer text is cut at a clause/word boundary
};

// Byte length of the longest prefix of `buffer` that can be synthesized now
// although more text may follow; 0 means wait for more text.
std::size_t ready_prefix(std::string_view buffer, const SegmenterOptions& options = {});

// Splits complete text into sentences of at most max_segment_chars code points.
// The pieces are consecutive slices: concatenated they give `text` back.
std::vector<std::string_view> split_sentences(std::string_view text, const SegmenterOptions& options = {});

}  // namespace voxwire
