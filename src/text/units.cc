#include "text/units.h"

#include "text/ascii.h"

namespace voxwire::text {
namespace {

constexpr Unit kUnits[] = {
    {"km/h", "公里每小时", "kilometer per hour", "kilometers per hour"},
    {"m/s", "米每秒", "meter per second", "meters per second"},
    {"mph", "英里每小时", "mile per hour", "miles per hour"},
    {"km", "公里", "kilometer", "kilometers"},
    {"cm", "厘米", "centimeter", "centimeters"},
    {"mm", "毫米", "millimeter", "millimeters"},
    {"m²", "平方米", "square meter", "square meters"},
    {"㎡", "平方米", "square meter", "square meters"},
    {"m", "米", "meter", "meters"},
    {"kg", "公斤", "kilogram", "kilograms"},
    {"mg", "毫克", "milligram", "milligrams"},
    {"g", "克", "gram", "grams"},
    {"lb", "磅", "pound", "pounds"},
    {"ml", "毫升", "milliliter", "milliliters"},
    {"mL", "毫升", "milliliter", "milliliters"},
    {"L", "升", "liter", "liters"},
    {"℃", "摄氏度", "degree Celsius", "degrees Celsius"},
    {"°C", "摄氏度", "degree Celsius", "degrees Celsius"},
    {"°F", "华氏度", "degree Fahrenheit", "degrees Fahrenheit"},
    {"°", "度", "degree", "degrees"},
    {"KB", "千字节", "kilobyte", "kilobytes"},
    {"MB", "兆字节", "megabyte", "megabytes"},
    {"GB", "吉字节", "gigabyte", "gigabytes"},
    {"TB", "太字节", "terabyte", "terabytes"},
    {"kHz", "千赫兹", "kilohertz", "kilohertz"},
    {"MHz", "兆赫兹", "megahertz", "megahertz"},
    {"GHz", "吉赫兹", "gigahertz", "gigahertz"},
    {"Hz", "赫兹", "hertz", "hertz"},
    {"kW", "千瓦", "kilowatt", "kilowatts"},
    {"W", "瓦", "watt", "watts"},
    {"mAh", "毫安时", "milliamp hour", "milliamp hours"},
    {"ms", "毫秒", "millisecond", "milliseconds"},
    {"min", "分钟", "minute", "minutes"},
    {"h", "小时", "hour", "hours"},
    {"s", "秒", "second", "seconds"},
};

}  // namespace

const Unit* unit_at(std::string_view rest, std::size_t* length) {
  const std::size_t space = rest.starts_with(" ") ? 1 : 0;
  const std::string_view text = rest.substr(space);
  const Unit* best = nullptr;
  for (const Unit& unit : kUnits) {
    if (!text.starts_with(unit.symbol)) continue;
    if (text.size() > unit.symbol.size() && is_ascii_letter(text[unit.symbol.size()])) continue;
    // A lone letter after a space is more often a word or a label than a unit.
    if (space && unit.symbol.size() == 1 && is_ascii_letter(unit.symbol[0])) continue;
    if (!best || unit.symbol.size() > best->symbol.size()) best = &unit;
  }
  if (best) *length = space + best->symbol.size();
  return best;
}

}  // namespace voxwire::text
