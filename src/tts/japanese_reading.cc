#include "tts/japanese_reading.h"

#include <mecab.h>

#include <filesystem>
#include <vector>

#include "base/utf8.h"

namespace voxwire {
namespace {

// IPA dictionary features: POS, POS1, POS2, POS3, conjugation type,
// conjugation form, base form, reading, pronunciation (absent for unknown words).
constexpr int kPronunciationField = 8;

std::string_view feature_field(const char* feature, int index) {
  std::string_view rest(feature);
  for (int i = 0; i < index; ++i) {
    const std::size_t comma = rest.find(',');
    if (comma == std::string_view::npos) return {};
    rest.remove_prefix(comma + 1);
  }
  return rest.substr(0, rest.find(','));
}

// Katakana letters, the long-vowel mark and the middle dot (U+30A1..U+30FF).
bool is_katakana_word(std::string_view s) {
  if (s.empty()) return false;
  for (char32_t c : utf8::decode(s)) {
    if (c < 0x30A1 || c > 0x30FF) return false;
  }
  return true;
}

}  // namespace

void JapaneseReading::MecabDeleter::operator()(MeCab::Model* model) const { delete model; }
void JapaneseReading::MecabDeleter::operator()(MeCab::Tagger* tagger) const { delete tagger; }

JapaneseReading::JapaneseReading(std::unique_ptr<MeCab::Model, MecabDeleter> model,
                                 std::unique_ptr<MeCab::Tagger, MecabDeleter> tagger)
    : model_(std::move(model)), tagger_(std::move(tagger)) {}

JapaneseReading::~JapaneseReading() = default;

Result<std::string> JapaneseReading::to_kana(std::string_view text) const {
  std::unique_ptr<MeCab::Lattice> lattice(model_->createLattice());
  if (!lattice) return Status::internal("mecab: cannot create a lattice");
  const std::string sentence(text);  // must outlive the lattice's use of it
  lattice->set_sentence(sentence.c_str(), sentence.size());
  if (!tagger_->parse(lattice.get())) return Status::internal(std::string("mecab: ") + lattice->what());

  std::string out;
  out.reserve(sentence.size() * 2);
  for (const MeCab::Node* node = lattice->bos_node(); node != nullptr; node = node->next) {
    if (node->stat == MECAB_BOS_NODE || node->stat == MECAB_EOS_NODE) continue;
    if (node->rlength > node->length && !out.empty()) out += ' ';  // whitespace preceded the word
    const std::string_view pronunciation = feature_field(node->feature, kPronunciationField);
    out += is_katakana_word(pronunciation) ? pronunciation : std::string_view(node->surface, node->length);
  }
  return out;
}

Result<std::unique_ptr<JapaneseReading>> make_japanese_reading(std::string_view dicdir) {
  std::error_code ec;
  if (!std::filesystem::exists(std::filesystem::path(dicdir) / "sys.dic", ec)) {
    return Status::not_found("no MeCab dictionary (sys.dic) in " + std::string(dicdir), "dicdir");
  }
  // "-r /dev/null": take no settings from a mecabrc, only the dictionary's own dicrc.
  std::vector<std::string> args = {"mecab", "-r", "/dev/null", "-d", std::string(dicdir)};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  std::unique_ptr<MeCab::Model, JapaneseReading::MecabDeleter> model(
      MeCab::createModel(static_cast<int>(argv.size()), argv.data()));
  if (!model) return Status::internal(std::string("mecab: ") + MeCab::getLastError());
  std::unique_ptr<MeCab::Tagger, JapaneseReading::MecabDeleter> tagger(model->createTagger());
  if (!tagger) return Status::internal(std::string("mecab: ") + MeCab::getLastError());
  return std::unique_ptr<JapaneseReading>(new JapaneseReading(std::move(model), std::move(tagger)));
}

}  // namespace voxwire
