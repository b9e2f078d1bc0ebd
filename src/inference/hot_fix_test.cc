#include "inference/hot_fix.h"

#include <gtest/gtest.h>

namespace voxwire::inference {
namespace {

Result<HotFix> parse(std::string_view json_text) { return parse_hot_fix(boost::json::parse(json_text)); }

std::string error_of(std::string_view json_text) {
  Result<HotFix> r = parse(json_text);
  EXPECT_FALSE(r.ok()) << json_text;
  return r.ok() ? "" : r.status().message();
}

TEST(HotFix, ReplacesThenForcesReadings) {
  Result<HotFix> fix = parse(R"({"pronunciation": [{"行长": "hang2 zhang3"}], "replace": [{"AI": "人工智能行长"}]})");
  ASSERT_TRUE(fix.ok()) << fix.status().message();
  const FixedText fixed = apply_hot_fix(*fix, "AI说行长好");
  EXPECT_EQ(fixed.text, "人工智能行长说行长好");
  ASSERT_EQ(fixed.readings.size(), 2u);  // in the replacement too: it is what is spoken
  EXPECT_EQ(fixed.text.substr(fixed.readings[1].begin, fixed.readings[1].end - fixed.readings[1].begin), "行长");
}

TEST(HotFix, EmptyListsAreFine) {
  Result<HotFix> fix = parse(R"({"pronunciation": [], "replace": null})");
  ASSERT_TRUE(fix.ok());
  EXPECT_TRUE(fix->empty());
}

TEST(HotFix, RefusesMalformedFixesNamingHotFix) {
  EXPECT_EQ(error_of(R"([1])"), "Parameter 'hot_fix': must be an object with 'pronunciation' and/or 'replace'.");
  EXPECT_NE(error_of(R"({"replace": {"a": "b"}})").find("'replace' must be an array"), std::string::npos);
  EXPECT_NE(error_of(R"({"replace": [{"a": "b", "c": "d"}]})").find("one {\"word\": \"...\"} pair"), std::string::npos);
  EXPECT_NE(error_of(R"({"replace": [{"": "b"}]})").find("1 to 100 characters"), std::string::npos);
  EXPECT_NE(error_of(R"({"pronunciation": [{"天气": "tian1"}]})").find("1 syllables for 2 characters"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"pronunciation": [{"天": "tian9"}]})").find("tone digit 1-5"), std::string::npos);
  EXPECT_NE(error_of(R"({"pronunciation": [{"天": 1}]})").find("Parameter 'hot_fix'"), std::string::npos);
  EXPECT_NE(error_of(R"({"fix": []})").find("unknown key 'fix'"), std::string::npos);
}

}  // namespace
}  // namespace voxwire::inference
