#include "ssml/xml.h"

#include <algorithm>
#include <tuple>

#include "base/utf8.h"

namespace voxwire::ssml {
namespace {

bool is_name_start(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == ':'; }
bool is_name_char(char c) { return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// XML 1.0's Char production.
bool is_xml_char(char32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

class Parser {
 public:
  Parser(std::string_view doc, const XmlLimits& limits) : doc_(doc), limits_(limits) {}

  Result<std::vector<XmlNode>> parse() {
    if (doc_.size() > limits_.max_document_bytes) {
      return Status::invalid_argument("the SSML document is longer than " +
                                      std::to_string(limits_.max_document_bytes) + " bytes");
    }
    if (!utf8::is_valid(doc_)) return Status::invalid_argument("the SSML document is not valid UTF-8");
    if (doc_.starts_with("\xEF\xBB\xBF")) i_ = 3;
    if (doc_.substr(i_).starts_with("<?xml")) {
      const std::size_t end = doc_.find("?>", i_);
      if (end == std::string_view::npos) return error(i_, "unterminated XML declaration");
      i_ = end + 2;
    }
    std::vector<XmlNode> nodes;
    if (!parse_content(nodes, nullptr, 0)) return error_;
    return nodes;
  }

 private:
  // Fills error_ and returns false, so callers write `return fail(...)`.
  bool fail(std::size_t at, std::string what) {
    error_ = error(at, std::move(what));
    return false;
  }
  Status error(std::size_t at, std::string what) const {
    auto [line, column] = position(at);
    return Status::invalid_argument("line " + std::to_string(line) + ", column " + std::to_string(column) + ": " +
                                    what);
  }
  // Line and column (in characters) of doc_[at]. Nodes ask in document
  // order, so the scan resumes where it stopped.
  std::pair<int, int> position(std::size_t at) const {
    at = std::min(at, doc_.size());
    if (at < scanned_) {
      scanned_ = 0;
      line_ = 1;
      column_ = 1;
    }
    for (; scanned_ < at; ++scanned_) {
      const auto c = static_cast<unsigned char>(doc_[scanned_]);
      if (c == '\n') {
        ++line_;
        column_ = 1;
      } else if ((c & 0xC0) != 0x80) {  // not a UTF-8 continuation byte
        ++column_;
      }
    }
    return {line_, column_};
  }
  bool count_node(std::size_t at) {
    if (++nodes_ > limits_.max_nodes) {
      return fail(at, "the SSML document has more than " + std::to_string(limits_.max_nodes) + " nodes");
    }
    return true;
  }
  bool starts(std::string_view s) const { return doc_.substr(i_).starts_with(s); }
  void skip_space() {
    while (i_ < doc_.size() && is_space(doc_[i_])) ++i_;
  }

  bool read_name(std::string* name) {
    const std::size_t start = i_;
    if (i_ >= doc_.size() || !is_name_start(doc_[i_])) return fail(i_, "expected a name");
    while (i_ < doc_.size() && is_name_char(doc_[i_])) ++i_;
    if (i_ - start > limits_.max_name_bytes) return fail(start, "name longer than " + std::to_string(limits_.max_name_bytes) + " bytes");
    *name = std::string(doc_.substr(start, i_ - start));
    return true;
  }

  // Decodes the reference at doc_[i_] ('&') into out.
  bool read_reference(std::string& out) {
    const std::size_t start = i_;
    const std::size_t semi = doc_.find(';', i_);
    if (semi == std::string_view::npos || semi - i_ > 12) return fail(start, "'&' must start a reference such as &amp;");
    const std::string_view name = doc_.substr(i_ + 1, semi - i_ - 1);
    i_ = semi + 1;
    static constexpr std::pair<std::string_view, char> kPredefined[] = {
        {"lt", '<'}, {"gt", '>'}, {"amp", '&'}, {"quot", '"'}, {"apos", '\''}};
    for (auto [entity, c] : kPredefined) {
      if (name == entity) {
        out += c;
        return true;
      }
    }
    if (name.starts_with('#') && name.size() > 1) {
      const bool hex = name[1] == 'x';
      const std::string_view digits = name.substr(hex ? 2 : 1);
      char32_t value = 0;
      if (digits.empty() || digits.size() > 8) return fail(start, "malformed character reference");
      for (char c : digits) {
        int d = -1;
        if (c >= '0' && c <= '9') d = c - '0';
        if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
        if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
        if (d < 0) return fail(start, "malformed character reference");
        value = value * (hex ? 16 : 10) + static_cast<char32_t>(d);
      }
      if (!is_xml_char(value)) return fail(start, "character reference to a character XML does not allow");
      utf8::append(out, value);
      return true;
    }
    return fail(start, "unknown entity '&" + std::string(name) +
                           ";': only &lt; &gt; &amp; &quot; &apos; and numeric references are allowed");
  }

  // A control character XML does not allow, at doc_[i_]?
  bool bad_char() const {
    const auto c = static_cast<unsigned char>(doc_[i_]);
    return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
  }

  bool read_attributes(XmlNode& element) {
    while (true) {
      const std::size_t before = i_;
      skip_space();
      if (i_ >= doc_.size()) return fail(i_, "unterminated tag <" + element.name + ">");
      if (doc_[i_] == '>' || starts("/>")) return true;
      if (i_ == before) return fail(i_, "expected whitespace before an attribute of <" + element.name + ">");
      const std::size_t at = i_;
      XmlAttribute attribute;
      if (!read_name(&attribute.name)) return false;
      skip_space();
      if (i_ >= doc_.size() || doc_[i_] != '=') return fail(i_, "attribute '" + attribute.name + "' needs '=' and a quoted value");
      ++i_;
      skip_space();
      if (i_ >= doc_.size() || (doc_[i_] != '"' && doc_[i_] != '\'')) {
        return fail(i_, "the value of attribute '" + attribute.name + "' must be quoted");
      }
      const char quote = doc_[i_++];
      while (true) {
        if (i_ >= doc_.size()) return fail(at, "unterminated value of attribute '" + attribute.name + "'");
        const char c = doc_[i_];
        if (c == quote) break;
        if (c == '<') return fail(i_, "'<' in the value of attribute '" + attribute.name + "' (write &lt;)");
        if (bad_char()) return fail(i_, "control character in an attribute value");
        if (c == '&') {
          if (!read_reference(attribute.value)) return false;
        } else {
          attribute.value += is_space(c) ? ' ' : c;
          ++i_;
        }
        if (attribute.value.size() > limits_.max_attribute_bytes) {
          return fail(at, "the value of attribute '" + attribute.name + "' is longer than " +
                              std::to_string(limits_.max_attribute_bytes) + " bytes");
        }
      }
      ++i_;
      if (element.attribute(attribute.name)) return fail(at, "attribute '" + attribute.name + "' appears twice");
      if (element.attributes.size() == limits_.max_attributes) {
        return fail(at, "<" + element.name + "> has more than " + std::to_string(limits_.max_attributes) + " attributes");
      }
      element.attributes.push_back(std::move(attribute));
    }
  }

  // Parses content into out until the end tag of `parent` (or the end of
  // the document when parent is null).
  bool parse_content(std::vector<XmlNode>& out, const XmlNode* parent, int depth) {
    XmlNode* text = nullptr;  // the text node being extended
    auto text_node = [&](std::size_t at) -> XmlNode* {
      if (!text) {
        if (!count_node(at)) return nullptr;
        XmlNode node;
        std::tie(node.line, node.column) = position(at);
        out.push_back(std::move(node));
        text = &out.back();
      }
      return text;
    };
    while (i_ < doc_.size()) {
      const std::size_t at = i_;
      if (starts("<!--")) {
        const std::size_t end = doc_.find("-->", i_ + 4);
        if (end == std::string_view::npos) return fail(at, "unterminated comment");
        i_ = end + 3;
      } else if (starts("<![CDATA[")) {
        const std::size_t end = doc_.find("]]>", i_ + 9);
        if (end == std::string_view::npos) return fail(at, "unterminated CDATA section");
        XmlNode* node = text_node(at);
        if (!node) return false;
        node->text.append(doc_.substr(i_ + 9, end - i_ - 9));
        i_ = end + 3;
      } else if (starts("<!")) {
        return fail(at, "document type and entity declarations (<!...>) are not allowed");
      } else if (starts("<?")) {
        return fail(at, "processing instructions (<?...?>) are not allowed here");
      } else if (starts("</")) {
        i_ += 2;
        std::string name;
        if (!read_name(&name)) return false;
        skip_space();
        if (i_ >= doc_.size() || doc_[i_] != '>') return fail(at, "unterminated end tag </" + name + ">");
        ++i_;
        if (!parent) return fail(at, "end tag </" + name + "> without a start tag");
        if (name != parent->name) {
          return fail(at, "end tag </" + name + "> does not close <" + parent->name + "> (opened at " +
                              parent->position() + ")");
        }
        return true;
      } else if (doc_[i_] == '<') {
        ++i_;
        if (depth >= limits_.max_depth) return fail(at, "elements are nested deeper than " + std::to_string(limits_.max_depth));
        if (!count_node(at)) return false;
        XmlNode element;
        element.kind = XmlNode::Kind::kElement;
        std::tie(element.line, element.column) = position(at);
        if (!read_name(&element.name)) return false;
        if (!read_attributes(element)) return false;
        text = nullptr;
        if (starts("/>")) {
          i_ += 2;
        } else {
          ++i_;  // '>'
          if (!parse_content(element.children, &element, depth + 1)) return false;
        }
        out.push_back(std::move(element));
      } else if (doc_[i_] == '&') {
        XmlNode* node = text_node(at);
        if (!node || !read_reference(node->text)) return false;
      } else {
        if (bad_char()) return fail(at, "control character in text");
        XmlNode* node = text_node(at);
        if (!node) return false;
        const std::size_t end = std::min(doc_.find_first_of("<&", i_), doc_.size());
        for (; i_ < end; ++i_) {
          if (bad_char()) return fail(i_, "control character in text");
          node->text += doc_[i_];
        }
      }
    }
    if (parent) return fail(doc_.size(), "<" + parent->name + "> (opened at " + parent->position() + ") is never closed");
    return true;
  }

  std::string_view doc_;
  const XmlLimits& limits_;
  std::size_t i_ = 0;
  std::size_t nodes_ = 0;
  Status error_;
  mutable std::size_t scanned_ = 0;  // position(): bytes scanned for line breaks
  mutable int line_ = 1;
  mutable int column_ = 1;
};

}  // namespace

const std::string* XmlNode::attribute(std::string_view attribute_name) const {
  for (const XmlAttribute& a : attributes) {
    if (a.name == attribute_name) return &a.value;
  }
  return nullptr;
}

std::string XmlNode::position() const { return "line " + std::to_string(line) + ", column " + std::to_string(column); }

Result<std::vector<XmlNode>> parse_xml(std::string_view document, const XmlLimits& limits) {
  return Parser(document, limits).parse();
}

}  // namespace voxwire::ssml
