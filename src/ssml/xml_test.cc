#include "ssml/xml.h"

#include <gtest/gtest.h>

#include <chrono>

namespace voxwire::ssml {
namespace {

std::string error_of(std::string_view document, const XmlLimits& limits = {}) {
  Result<std::vector<XmlNode>> r = parse_xml(document, limits);
  EXPECT_FALSE(r.ok()) << document.substr(0, 80);
  return r.ok() ? "" : r.status().message();
}

TEST(Xml, ParsesElementsAttributesAndText) {
  auto r = parse_xml("<?xml version=\"1.0\"?><speak rate='2' voice=\"a&amp;b\">Hi <break time=\"1s\"/>there</speak>"
                     "<!-- note --><speak/>");
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->size(), 2u);
  const XmlNode& speak = (*r)[0];
  EXPECT_EQ(speak.name, "speak");
  EXPECT_EQ(*speak.attribute("rate"), "2");
  EXPECT_EQ(*speak.attribute("voice"), "a&b");
  EXPECT_EQ(speak.attribute("pitch"), nullptr);
  ASSERT_EQ(speak.children.size(), 3u);
  EXPECT_EQ(speak.children[0].text, "Hi ");
  EXPECT_EQ(speak.children[1].name, "break");
  EXPECT_EQ(speak.children[2].text, "there");
  EXPECT_EQ((*r)[1].children.size(), 0u);
}

TEST(Xml, DecodesThePredefinedEntitiesAndCharacterReferences) {
  auto r = parse_xml("<a>&lt;&gt;&amp;&quot;&apos;&#20320;&#x597D;<![CDATA[<b>&amp;]]></a>");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ((*r)[0].children[0].text, "<>&\"'你好<b>&amp;");
}

TEST(Xml, ReportsWhereTheDocumentIsMalformed) {
  EXPECT_EQ(error_of("<speak>\n  hi <b>x</c></speak>"),
            "line 2, column 10: end tag </c> does not close <b> (opened at line 2, column 6)");
  EXPECT_EQ(error_of("<speak>hello"), "line 1, column 13: <speak> (opened at line 1, column 1) is never closed");
  // Columns count characters, not bytes.
  EXPECT_EQ(error_of("<speak>你好</b>"), "line 1, column 10: end tag </b> does not close <speak> (opened at line 1, column 1)");
  EXPECT_NE(error_of("<speak rate=2>x</speak>").find("must be quoted"), std::string::npos);
  EXPECT_NE(error_of("<speak a='1' a='2'/>").find("appears twice"), std::string::npos);
  EXPECT_NE(error_of("<speak>a < b</speak>").find("expected a name"), std::string::npos);
  EXPECT_NE(error_of("</speak>").find("without a start tag"), std::string::npos);
  EXPECT_NE(error_of("<speak").find("unterminated tag"), std::string::npos);
  EXPECT_NE(error_of("<speak a='x").find("unterminated value"), std::string::npos);
  EXPECT_NE(error_of("<speak><!-- open").find("unterminated comment"), std::string::npos);
  EXPECT_NE(error_of("<speak>&nbsp;</speak>").find("unknown entity '&nbsp;'"), std::string::npos);
  EXPECT_NE(error_of("<speak>&#0;</speak>").find("character reference"), std::string::npos);
  EXPECT_NE(error_of("<speak>&#xD800;</speak>").find("character reference"), std::string::npos);
  EXPECT_NE(error_of("<speak>a\x01</speak>").find("control character"), std::string::npos);
  EXPECT_NE(error_of("<speak><?pi x?></speak>").find("processing instructions"), std::string::npos);
}

TEST(Xml, RefusesDocumentTypesSoNoEntityCanExpand) {
  const std::string billion_laughs =
      "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
      "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
      "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]><speak>&lol3;</speak>";
  EXPECT_NE(error_of(billion_laughs).find("declarations (<!...>) are not allowed"), std::string::npos);
  EXPECT_NE(error_of("<speak>&lol3;</speak>").find("unknown entity"), std::string::npos);
  EXPECT_NE(error_of("<!ENTITY x SYSTEM \"file:///etc/passwd\"><speak>&x;</speak>").find("not allowed"),
            std::string::npos);
}

TEST(Xml, BoundsDepthSizeNodesAndAttributes) {
  std::string deep;
  for (int i = 0; i < 10000; ++i) deep += "<a>";
  EXPECT_NE(error_of(deep).find("nested deeper than 32"), std::string::npos);
  std::string ok_depth;
  for (int i = 0; i < 32; ++i) ok_depth += "<a>";
  for (int i = 0; i < 32; ++i) ok_depth += "</a>";
  EXPECT_TRUE(parse_xml(ok_depth).ok());

  EXPECT_NE(error_of(std::string(300 * 1024, 'x')).find("longer than 262144 bytes"), std::string::npos);
  EXPECT_NE(error_of("<speak voice='" + std::string(5000, 'v') + "'/>").find("longer than 4096 bytes"),
            std::string::npos);
  std::string many;
  for (int i = 0; i < 20001; ++i) many += "<b/>";
  EXPECT_NE(error_of(many).find("more than 20000 nodes"), std::string::npos);
  std::string attributes = "<speak";
  for (int i = 0; i < 17; ++i) attributes += " a" + std::to_string(i) + "='1'";
  EXPECT_NE(error_of(attributes + "/>").find("more than 16 attributes"), std::string::npos);
  EXPECT_NE(error_of("<" + std::string(100, 'n') + "/>").find("name longer than 64"), std::string::npos);
}

TEST(Xml, RefusesInvalidUtf8) {
  EXPECT_EQ(error_of("<speak>\xC3\x28</speak>"), "the SSML document is not valid UTF-8");
  EXPECT_EQ(error_of("<speak>\xED\xA0\x80</speak>"), "the SSML document is not valid UTF-8");  // a surrogate
}

// A hostile document of the largest allowed size parses (or fails) quickly:
// no quadratic scans.
TEST(Xml, LargeDocumentsParseInLinearTime) {
  std::string doc = "<speak>";
  while (doc.size() < 250 * 1024) doc += "<break/>\n";
  const auto start = std::chrono::steady_clock::now();
  (void)parse_xml(doc + "</speak>");
  (void)parse_xml(doc);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));
}

}  // namespace
}  // namespace voxwire::ssml
