// text/chinese_words.h: Chinese text split into words the way jieba does
// without its HMM: of all the ways to cut a run of Han characters into words
// of jieba's dictionary (Debian python3-jieba's dict.txt, 349k words with
// frequencies, compiled in), the one whose words are jointly likeliest;
// characters in no word stand alone. Everything else (Latin, digits,
// punctuation, spaces) comes out as one token per maximal run. The tokens
// concatenate back to the input. Thread-safe; the dictionary is indexed on
// first use (a fraction of a second).
#pragma once
#include <string_view>
#include <vector>

namespace voxwire::text {

std::vector<std::string_view> split_chinese_words(std::string_view text);

// True if the character starting at text[i] is a Han character.
bool is_han_at(std::string_view text, std::size_t i);

}  // namespace voxwire::text
