// tts/japanese_reading.h: Japanese text to its pronunciation in katakana
// (今日は天気 -> キョーワテンキ), with MeCab and the IPA dictionary, so a reader
// that only knows kana (espeak-ng's ja voice) can speak kanji.
// Thread-safe: one shared MeCab model and tagger, a fresh lattice per call.
#pragma once
#include <memory>
#include <string>
#include <string_view>

#include "base/result.h"

namespace MeCab {
class Model;
class Tagger;
}  // namespace MeCab

namespace voxwire {

inline constexpr std::string_view kIpadicUtf8Dir = "/var/lib/mecab/dic/ipadic-utf8";

class JapaneseReading {
 public:
  ~JapaneseReading();
  JapaneseReading(const JapaneseReading&) = delete;
  JapaneseReading& operator=(const JapaneseReading&) = delete;

  // Each word becomes its dictionary pronunciation (the 9th IPA feature, so
  // the particles は/へ/を read ワ/エ/オ and long vowels are written ー). Words
  // without one (numbers, Latin, symbols, punctuation, words the dictionary
  // does not know) are kept as written, so an unknown kanji word stays kanji.
  // Whitespace between words is kept as one space. Returns Internal only if
  // MeCab fails to parse; empty text gives "".
  Result<std::string> to_kana(std::string_view text) const;

 private:
  friend Result<std::unique_ptr<JapaneseReading>> make_japanese_reading(std::string_view dicdir);
  struct MecabDeleter {
    void operator()(MeCab::Model* model) const;
    void operator()(MeCab::Tagger* tagger) const;
  };
  JapaneseReading(std::unique_ptr<MeCab::Model, MecabDeleter> model,
                  std::unique_ptr<MeCab::Tagger, MecabDeleter> tagger);

  std::unique_ptr<MeCab::Model, MecabDeleter> model_;    // constant after construction
  std::unique_ptr<MeCab::Tagger, MecabDeleter> tagger_;  // parse(Lattice*) is const and thread-safe
};

// Loads the dictionary in dicdir (compiled, UTF-8). NotFound if dicdir has
// no sys.dic; Internal with MeCab's message if it fails to load.
Result<std::unique_ptr<JapaneseReading>> make_japanese_reading(std::string_view dicdir = kIpadicUtf8Dir);

}  // namespace voxwire
