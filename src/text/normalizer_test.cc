#include "text/normalizer.h"

#include <gtest/gtest.h>

#include "text/number_words.h"

namespace voxwire::text {
namespace {

struct Case {
  const char* written;
  const char* spoken;
};

void expect_all(Language language, std::initializer_list<Case> cases) {
  for (const Case& c : cases) EXPECT_EQ(normalize(c.written, language), c.spoken) << "written: " << c.written;
}

TEST(ChineseNumbers, Cardinals) {
  expect_all(Language::kChinese, {
      {"0", "零"},
      {"7", "七"},
      {"10", "十"},
      {"15", "十五"},
      {"20", "二十"},
      {"101", "一百零一"},
      {"110", "一百一十"},
      {"1001", "一千零一"},
      {"1010", "一千零一十"},
      {"10500", "一万零五百"},
      {"100000", "十万"},
      {"120000", "十二万"},
      {"1000000", "一百万"},
      {"100000000", "一亿"},
      {"100010000", "一亿零一万"},
      {"123456789", "一亿二千三百四十五万六千七百八十九"},
      {"1,234", "一千二百三十四"},
      {"共有1,234,567人", "共有一百二十三万四千五百六十七人"},
      {"一共3个", "一共三个"},
  });
}

TEST(ChineseNumbers, DecimalsPercentagesFractionsAndSigns) {
  expect_all(Language::kChinese, {
      {"3.5元", "三点五元"},
      {"0.25", "零点二五"},
      {"3.14159", "三点一四一五九"},
      {"50%", "百分之五十"},
      {"3.5%", "百分之三点五"},
      {"增长了12.5％", "增长了百分之十二点五"},
      {"3/4", "四分之三"},
      {"1/3的人", "三分之一的人"},
      {"-5", "负五"},
      {"气温-3.5度", "气温负三点五度"},
      {"３５", "三十五"},
      {"电话13812345678，2025年", "电话幺三八幺二三四五六七八，二零二五年"},
  });
}

TEST(ChineseNumbers, YearsDatesTimesAndRanges) {
  expect_all(Language::kChinese, {
      {"2025年", "二零二五年"},
      {"1998年出生", "一九九八年出生"},
      {"3年", "三年"},
      {"2025-03-05", "二零二五年三月五日"},
      {"2025/3/5", "二零二五年三月五日"},
      {"3/15/2025", "二零二五年三月十五日"},
      {"10:30", "十点三十分"},
      {"8:05", "八点零五分"},
      {"9:00", "九点"},
      {"3-5天", "三到五天"},
      {"3~5个", "三到五个"},
      {"2020-2025年", "二零二零到二零二五年"},
  });
}

TEST(ChineseNumbers, LiangOrdinalsCurrencyAndDigitStrings) {
  expect_all(Language::kChinese, {
      {"2个苹果", "两个苹果"},
      {"2本书", "两本书"},
      {"第2名", "第二名"},
      {"2", "二"},
      {"¥100", "一百元"},
      {"￥3.5", "三点五元"},
      {"$5", "五美元"},
      {"€20", "二十欧元"},
      {"13812345678", "幺三八幺二三四五六七八"},
      {"010-12345678", "零幺零，幺二三四五六七八"},
      {"007", "零零七"},
      {"12345678901234567890", "一二三四五六七八九零一二三四五六七八九零"},
      {"MP3格式", "MP3格式"},
  });
}

TEST(EnglishNumbers, Cardinals) {
  expect_all(Language::kEnglish, {
      {"0", "zero"},
      {"13", "thirteen"},
      {"42", "forty-two"},
      {"100", "one hundred"},
      {"105", "one hundred five"},
      {"999", "nine hundred ninety-nine"},
      {"1,234", "one thousand two hundred thirty-four"},
      {"1,000,000", "one million"},
      {"3000000000", "three billion"},
      {"I have 3 cats.", "I have three cats."},
      {"room 12b", "room twelve b"},
  });
}

TEST(EnglishNumbers, DecimalsPercentagesFractionsAndSigns) {
  expect_all(Language::kEnglish, {
      {"3.14", "three point one four"},
      {"0.5", "zero point five"},
      {"50%", "fifty percent"},
      {"2.5%", "two point five percent"},
      {"1/2", "one half"},
      {"3/4", "three quarters"},
      {"2/3", "two thirds"},
      {"5/8", "five eighths"},
      {"-7", "minus seven"},
      {"It was -3.5 degrees", "It was minus three point five degrees"},
  });
}

TEST(EnglishNumbers, OrdinalsYearsDatesTimesAndRanges) {
  expect_all(Language::kEnglish, {
      {"1st", "first"},
      {"2nd", "second"},
      {"3rd", "third"},
      {"21st", "twenty-first"},
      {"12th", "twelfth"},
      {"100th", "one hundredth"},
      {"in 1999", "in nineteen ninety-nine"},
      {"in 2005", "in two thousand five"},
      {"in 2025", "in twenty twenty-five"},
      {"1905", "nineteen oh five"},
      {"1900", "nineteen hundred"},
      {"2025-03-05", "March fifth, twenty twenty-five"},
      {"On 3/15/2025 at 9:30", "On March fifteenth, twenty twenty-five at nine thirty"},
      {"10:30", "ten thirty"},
      {"7:05", "seven oh five"},
      {"9:00", "nine o'clock"},
      {"3-5 days", "three to five days"},
      {"2020-2025", "twenty twenty to twenty twenty-five"},
  });
}

TEST(EnglishNumbers, CurrencyAndDigitStrings) {
  expect_all(Language::kEnglish, {
      {"$5", "five dollars"},
      {"$1", "one dollar"},
      {"$3.50", "three dollars and fifty cents"},
      {"$0.99", "ninety-nine cents"},
      {"$1,000", "one thousand dollars"},
      {"€20", "twenty euros"},
      {"£3.01", "three pounds and one penny"},
      {"¥500", "five hundred yen"},
      {"555-1234", "five five five, one two three four"},
      {"800-555-0199", "eight zero zero, five five five, zero one nine nine"},
      {"007", "zero zero seven"},
      {"H2O", "H2O"},
  });
}

TEST(ChineseNumbers, UnitsAndOperators) {
  expect_all(Language::kChinese, {
      {"5km", "五公里"},
      {"3.5kg", "三点五公斤"},
      {"气温36℃", "气温三十六摄氏度"},
      {"时速120km/h", "时速一百二十公里每小时"},
      {"2GB内存", "二吉字节内存"},
      {"3-5℃", "三到五摄氏度"},
      {"30min", "三十分钟"},
      {"3+4=7", "三加四等于七"},
      {"6×7", "六乘以七"},
      {"8÷2", "八除以二"},
  });
}

TEST(EnglishNumbers, UnitsAndOperators) {
  expect_all(Language::kEnglish, {
      {"5km", "five kilometers"},
      {"1 km", "one kilometer"},
      {"3.5 kg", "three point five kilograms"},
      {"It is 36°C", "It is thirty-six degrees Celsius"},
      {"100 km/h", "one hundred kilometers per hour"},
      {"60 mph", "sixty miles per hour"},
      {"2GB of memory", "two gigabytes of memory"},
      {"give me 5 minutes", "give me five minutes"},
      {"top 5 songs", "top five songs"},
      {"3 + 4 = 7", "three plus four equals seven"},
      {"10 - 4", "ten minus four"},
      {"6 × 7", "six times seven"},
  });
}

TEST(EnglishText, AbbreviationsAndAddresses) {
  expect_all(Language::kEnglish, {
      {"Dr. Smith is here.", "Doctor Smith is here."},
      {"Mr. and Mrs. Lee", "Mister and Missus Lee"},
      {"apples, pears, etc. and more", "apples, pears, et cetera and more"},
      {"apples, pears, etc.", "apples, pears, et cetera."},
      {"cats vs. dogs", "cats versus dogs"},
      {"fruit, e.g. apples", "fruit, for example apples"},
      {"No. 5", "number five"},
      {"Say no. Then leave.", "Say no. Then leave."},
      {"Jan. 3", "January three"},
      {"Visit https://www.example.com/docs today.", "Visit w w w dot example dot com slash docs today."},
      {"Mail ann.lee@example.com, please.", "Mail ann dot lee at example dot com, please."},
      {"see http://my-site.org/a_b/", "see my dash site dot org slash a underscore b"},
  });
}

TEST(ChineseNumbers, EdgeCasesAndMixedSentences) {
  expect_all(Language::kChinese, {
      {"10000000000000000", "一零零零零零零零零零零零零零零零零"},  // beyond 16 digits: a digit string
      {"9999999999999999", "九千九百九十九万亿九千九百九十九亿九千九百九十九万九千九百九十九"},
      {"00", "零零"},
      {"2025-13-45", "二零二五，幺三，四五"},
      {"25:61", "二十五:六十一"},
      {"1.", "一."},
      {"3.", "三."},
      {".5", ".五"},
      {"1,2345", "一,二千三百四十五"},
      {"我买了2斤苹果，花了¥12.5。", "我买了两斤苹果，花了十二点五元。"},
      {"会议在2025年6月1日9:30开始", "会议在二零二五年六月一日九点三十分开始"},
      {"第1名和第22名", "第一名和第二十二名"},
      {"他考了98.5分，排名前5%", "他考了九十八点五分，排名前百分之五"},
      {"请拨打010-88886666", "请拨打零幺零，八八八八六六六六"},
      {"iPhone 15售价$799", "iPhone 十五售价七百九十九美元"},
      {"３.５％", "百分之三点五"},
  });
}

TEST(EnglishNumbers, EdgeCasesAndMixedSentences) {
  expect_all(Language::kEnglish, {
      {"12345678901234567", "one two three four five six seven eight nine zero one two three four five six seven"},
      {"1000000000000", "one trillion"},
      {"00", "zero zero"},
      {"2025-13-45", "two zero two five, one three, four five"},
      {"The meeting is at 9:30 on 2025-06-01.", "The meeting is at nine thirty on June first, twenty twenty-five."},
      {"She paid $12.99 for 2 books.", "She paid twelve dollars and ninety-nine cents for two books."},
      {"Scores rose 15% in Q3.", "Scores rose fifteen percent in Q3."},
      {"the 3rd and 4th floors", "the third and fourth floors"},
      {"Call 555-0199 now.", "Call five five five, zero one nine nine now."},
      {"It's 1/2 off.", "It's one half off."},
      {"version 2.0", "version two point zero"},
      {"from 1990 to 1995", "from nineteen ninety to nineteen ninety-five"},
      {"about 1,500 people", "about one thousand five hundred people"},
      {"-0.5", "minus zero point five"},
  });
}

TEST(ChineseNumbers, EverydaySentences) {
  expect_all(Language::kChinese, {
      {"我今年25岁", "我今年二十五岁"},
      {"他身高1.85m", "他身高一点八五米"},
      {"体重65kg", "体重六十五公斤"},
      {"全程42.195km", "全程四十二点一九五公里"},
      {"室温25℃", "室温二十五摄氏度"},
      {"零下10°C", "零下十摄氏度"},
      {"限速60km/h", "限速六十公里每小时"},
      {"内存16GB", "内存十六吉字节"},
      {"文件大小3.5MB", "文件大小三点五兆字节"},
      {"等待30s", "等待三十秒"},
      {"会议持续2h", "会议持续两小时"},
      {"一共花了1,280元", "一共花了一千二百八十元"},
      {"打8折", "打八折"},
      {"第10届", "第十届"},
      {"第101次", "第一百零一次"},
      {"2个人", "两个人"},
      {"2位老师", "两位老师"},
      {"12个月", "十二个月"},
      {"22个", "二十二个"},
      {"1999年12月31日", "一九九九年十二月三十一日"},
      {"2008年北京奥运会", "二零零八年北京奥运会"},
      {"上午8:00出发", "上午八点出发"},
      {"下午3:15见", "下午三点十五分见"},
      {"23:59", "二十三点五十九分"},
      {"0:30", "零点三十分"},
      {"温度在-5到5度之间", "温度在负五到五度之间"},
      {"5-10分钟", "五到十分钟"},
      {"降价20%", "降价百分之二十"},
      {"100%满意", "百分之一百满意"},
      {"0.5%", "百分之零点五"},
      {"2/3的学生", "三分之二的学生"},
      {"1/2", "二分之一"},
      {"€9.99", "九点九九欧元"},
      {"£50", "五十英镑"},
      {"$1,000,000", "一百万美元"},
      {"15012345678", "幺五零幺二三四五六七八"},
      {"0755-12345678", "零七五五，幺二三四五六七八"},
      {"房间号0301", "房间号零三零幺"},
      {"1+1=2", "一加一等于二"},
      {"10÷2=5", "十除以二等于五"},
      {"9-3", "九到三"},
      {"没有数字的句子。", "没有数字的句子。"},
  });
}

TEST(EnglishNumbers, EverydaySentences) {
  expect_all(Language::kEnglish, {
      {"I am 25 years old.", "I am twenty-five years old."},
      {"It weighs 65kg.", "It weighs sixty-five kilograms."},
      {"Run 5 km a day.", "Run five kilometers a day."},
      {"It is 25°C outside.", "It is twenty-five degrees Celsius outside."},
      {"Speed limit 60 mph.", "Speed limit sixty miles per hour."},
      {"The file is 3.5MB.", "The file is three point five megabytes."},
      {"Wait 30 min.", "Wait thirty minutes."},
      {"It costs $19.99.", "It costs nineteen dollars and ninety-nine cents."},
      {"It costs $20.", "It costs twenty dollars."},
      {"Pay $0.05 now.", "Pay five cents now."},
      {"a 10% discount", "a ten percent discount"},
      {"100% sure", "one hundred percent sure"},
      {"the 1st of May", "the first of May"},
      {"the 22nd floor", "the twenty-second floor"},
      {"the 101st time", "the one hundred first time"},
      {"the 13th", "the thirteenth"},
      {"Born in 1985.", "Born in nineteen eighty-five."},
      {"Since 2001.", "Since two thousand one."},
      {"In 2010 we moved.", "In twenty ten we moved."},
      {"The year 1800.", "The year eighteen hundred."},
      {"at 8:00", "at eight o'clock"},
      {"at 3:15", "at three fifteen"},
      {"at 12:45", "at twelve forty-five"},
      {"between 5-10 minutes", "between five to ten minutes"},
      {"1/4 cup", "one quarter cup"},
      {"3/8 inch", "three eighths inch"},
      {"2 + 2 = 4", "two plus two equals four"},
      {"10 ÷ 2", "ten divided by two"},
      {"5 > 3", "five is greater than three"},
      {"Call 800-555-1234.", "Call eight zero zero, five five five, one two three four."},
      {"Agent 007.", "Agent zero zero seven."},
      {"7 billion people", "seven billion people"},
      {"12,345,678", "twelve million three hundred forty-five thousand six hundred seventy-eight"},
      {"No numbers here.", "No numbers here."},
  });
}

TEST(Normalize, OtherLanguagesPassThrough) {
  EXPECT_EQ(normalize("Es kostet 3,50 €.", Language::kGerman), "Es kostet 3,50 €.");
}

TEST(NumberWords, EnglishOrdinalsAndYears) {
  EXPECT_EQ(english_ordinal("11"), "eleventh");
  EXPECT_EQ(english_ordinal("40"), "fortieth");
  EXPECT_EQ(english_year("1066"), "ten sixty-six");
  EXPECT_EQ(chinese_digits("110", /*yao=*/true), "幺幺零");
}

TEST(Normalizer, SkipsWebAddressesWhenToldTo) {
  EXPECT_EQ(normalize("Visit https://www.example.com/docs today.", Language::kEnglish, WebAddresses::kSkip),
            "Visit today.");
  EXPECT_EQ(normalize("Mail ann.lee@example.com, please.", Language::kEnglish, WebAddresses::kSkip), "Mail , please.");
  EXPECT_EQ(normalize("See www.example.com", Language::kEnglish, WebAddresses::kSkip), "See ");
}

}  // namespace
}  // namespace voxwire::text
