#include "tts/text_runs.h"

#include <algorithm>
#include <array>
#include <optional>

#include "base/utf8.h"
#include "tts/script.h"

namespace voxwire {
namespace {

struct LatinCue {
  Language language;
  std::u32string_view function_words;  // space-separated, lowercase
  std::u32string_view letters;         // diacritics typical of the language
};

constexpr std::array<LatinCue, 6> kLatinCues = {{
    {Language::kEnglish,
     U"the a an and is are of to in on at you that it this with for was have be not what hello my your we they "
     U"will he she her his by from or but as", U""},
    {Language::kGerman, U"der die das und ist nicht ich sie ein eine zu mit auf für ja guten wir sind auch wie",
     U"äöüß"},
    {Language::kFrench, U"le la les et est un une des je vous nous pas que qui dans pour bonjour avec sur ce",
     U"çœèêàùâîôëï"},
    {Language::kSpanish, U"el la los las y es un una que de en por para con no hola muy está pero como",
     U"ñ¿¡áíóú"},
    {Language::kItalian, U"il lo la gli le e è un una che di non per con sono ciao sei questo della",
     U"òìèà"},
    {Language::kPortuguese, U"o a os as e é um uma que de não para com em olá você está muito obrigado",
     U"ãõçâêô"},
}};

char32_t to_lower(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  return c;
}

bool contains_word(std::u32string_view words, std::u32string_view word) {
  std::size_t pos = 0;
  while (pos < words.size()) {
    std::size_t end = words.find(U' ', pos);
    if (end == std::u32string_view::npos) end = words.size();
    if (words.substr(pos, end - pos) == word) return true;
    pos = end + 1;
  }
  return false;
}

// The language a strong (non-neutral) script is spoken in.
Language language_of(Script script, LanguageType requested, bool text_has_kana, Language latin_guess) {
  switch (script) {
    case Script::kHan:
      if (requested == Language::kJapanese || (!requested && text_has_kana)) return Language::kJapanese;
      return Language::kChinese;
    case Script::kKana: return Language::kJapanese;
    case Script::kHangul: return Language::kKorean;
    case Script::kCyrillic: return Language::kRussian;
    case Script::kLatin:
      if (!requested) return latin_guess;
      switch (*requested) {
        case Language::kChinese:
        case Language::kJapanese:
        case Language::kKorean:
        case Language::kRussian: return Language::kEnglish;
        default: return *requested;
      }
    case Script::kNeutral: break;
  }
  return requested.value_or(Language::kEnglish);
}

struct Span {
  std::optional<Language> language;  // nullopt: neutral characters only
  std::size_t begin, end;            // code point indices
};

}  // namespace

Language guess_latin_language(std::u32string_view text) {
  std::array<int, kLatinCues.size()> score{};
  std::u32string word;
  auto score_word = [&] {
    if (word.empty()) return;
    for (std::size_t i = 0; i < kLatinCues.size(); ++i) {
      if (contains_word(kLatinCues[i].function_words, word)) score[i] += 2;
    }
    word.clear();
  };
  for (char32_t c : text) {
    char32_t lower = to_lower(c);
    if (script_of(c) == Script::kLatin) {
      word += lower;
      for (std::size_t i = 0; i < kLatinCues.size(); ++i) {
        if (kLatinCues[i].letters.find(lower) != std::u32string_view::npos) score[i] += 3;
      }
    } else {
      if (c == U'¿' || c == U'¡') score[3] += 3;
      score_word();
    }
  }
  score_word();
  auto best = std::max_element(score.begin(), score.end());
  if (*best == 0 || *best == score[0]) return Language::kEnglish;
  return kLatinCues[best - score.begin()].language;
}

std::vector<TextRun> split_runs(std::string_view text, LanguageType requested) {
  std::u32string cps = utf8::decode(text);
  if (cps.empty()) return {};

  bool has_kana = std::any_of(cps.begin(), cps.end(), [](char32_t c) { return script_of(c) == Script::kKana; });
  std::u32string latin_text;
  if (!requested) {
    for (char32_t c : cps) latin_text += (script_of(c) == Script::kLatin || c == U'¿' || c == U'¡') ? c : U' ';
  }
  Language latin_guess = requested ? Language::kEnglish : guess_latin_language(latin_text);

  // Spans of one strong language or of neutral characters, with a rough
  // syllable-level weight per language to pick the text's main language.
  std::vector<Span> spans;
  std::array<int, kAllLanguages.size()> weight{};
  bool in_word = false;
  for (std::size_t i = 0; i < cps.size(); ++i) {
    Script s = script_of(cps[i]);
    std::optional<Language> lang;
    if (s != Script::kNeutral) {
      lang = language_of(s, requested, has_kana, latin_guess);
      bool alphabetic = s == Script::kLatin || s == Script::kCyrillic;
      if (!alphabetic || !in_word) ++weight[static_cast<int>(*lang)];
      in_word = alphabetic;
    } else {
      in_word = false;
    }
    if (!spans.empty() && spans.back().language == lang) {
      spans.back().end = i + 1;
    } else {
      spans.push_back({lang, i, i + 1});
    }
  }
  Language main = requested.value_or(Language::kEnglish);
  if (!requested) {
    auto best = std::max_element(weight.begin(), weight.end());
    if (*best > 0) main = static_cast<Language>(best - weight.begin());
  }

  // Neutral spans join a neighbour: the same language on both sides merges
  // all three; otherwise the side speaking the main language wins, else the
  // preceding run.
  for (std::size_t k = 0; k < spans.size(); ++k) {
    if (spans[k].language) continue;
    const Span* prev = k > 0 ? &spans[k - 1] : nullptr;
    const Span* next = k + 1 < spans.size() ? &spans[k + 1] : nullptr;
    if (!prev && !next) spans[k].language = main;
    else if (!prev) spans[k].language = next->language;
    else if (!next) spans[k].language = prev->language;
    else if (next->language == main && prev->language != main) spans[k].language = next->language;
    else spans[k].language = prev->language;
  }

  std::vector<TextRun> runs;
  for (const Span& span : spans) {
    std::string piece = utf8::encode(std::u32string_view(cps).substr(span.begin, span.end - span.begin));
    if (!runs.empty() && runs.back().language == *span.language) {
      runs.back().text += piece;
    } else {
      runs.push_back({*span.language, std::move(piece)});
    }
  }
  return runs;
}

}  // namespace voxwire
