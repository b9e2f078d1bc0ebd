// ssml/xml.h: a small XML parser for SSML documents, safe on hostile input:
// no DTD (<!DOCTYPE>/<!ENTITY> are refused), no entities beyond the five
// predefined ones and numeric character references, bounded size, nesting,
// node count and attribute size, UTF-8 checked, no recursion deeper than
// max_depth. Comments are skipped and CDATA is text. Pure, thread-safe.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace voxwire::ssml {

struct XmlAttribute {
  std::string name;
  std::string value;  // references decoded, whitespace characters as spaces
};

struct XmlNode {
  enum class Kind { kElement, kText };
  Kind kind = Kind::kText;
  std::string name;                     // element name, as written
  std::vector<XmlAttribute> attributes; // element: in document order, names unique
  std::vector<XmlNode> children;        // element content
  std::string text;                     // text node: references decoded
  int line = 1;                         // where the node starts (1-based; columns in characters)
  int column = 1;

  bool is_element() const { return kind == Kind::kElement; }
  // The attribute's value, or nullptr.
  const std::string* attribute(std::string_view attribute_name) const;
  // "line 3, column 7": for error messages.
  std::string position() const;
};

struct XmlLimits {
  std::size_t max_document_bytes = 256 * 1024;
  int max_depth = 32;                // elements inside elements
  std::size_t max_nodes = 20000;     // elements and text nodes
  std::size_t max_attribute_bytes = 4096;
  std::size_t max_attributes = 16;   // per element
  std::size_t max_name_bytes = 64;
};

// The top-level nodes of `document` (several root elements and text between
// them are allowed: SSML permits sibling <speak> elements); an XML
// declaration is allowed at the very start. InvalidArgument with a message
// saying what is wrong and where ("line 2, column 5: ...") for anything that
// is not well-formed or exceeds a limit.
Result<std::vector<XmlNode>> parse_xml(std::string_view document, const XmlLimits& limits = {});

}  // namespace voxwire::ssml
