// Tests of model::convert_unit: the fixed ratios, the 万/亿 prefixes, and units that do not convert.
#include <catch2/catch.hpp>

#include "model/units.hpp"

using namespace perf_check;

namespace {
Decimal d(const char* text) {
    return *Decimal::parse(text);
}
std::string conv(const char* value, const char* from, const char* to) {
    const auto r = model::convert_unit(d(value), from, to);
    return r ? r->str() : std::string("none");
}
}  // namespace

TEST_CASE("convert_unit: a product Decimal cannot hold is no conversion", "[units]") {
    // A review found 99999999998亿人 shown as 9223372036854.775807人 (saturated).
    CHECK(conv("99999999998", "亿人", "人") == "none");
    CHECK(conv("-99999999998", "亿人", "人") == "none");
    CHECK(conv("1000", "亿人", "人") == "100000000000");
}

TEST_CASE("convert_unit: a 万/亿 prefix on any unit", "[units]") {
    CHECK(conv("12000", "人", "万人") == "1.2");
    CHECK(conv("1.2", "万人", "人") == "12000");
    CHECK(conv("3", "亿次", "万次") == "30000");
    CHECK(conv("2.5", "万平方米", "平方米") == "25000");
}

TEST_CASE("convert_unit: money, length, mass, area, time and per-mille", "[units]") {
    CHECK(conv("1700000", "元", "万元") == "170");
    CHECK(conv("1.5", "亿元", "万元") == "15000");
    CHECK(conv("4000", "米", "公里") == "4");
    CHECK(conv("4.5", "千米", "米") == "4500");
    CHECK(conv("250", "厘米", "米") == "2.5");
    CHECK(conv("2", "吨", "公斤") == "2000");
    CHECK(conv("1", "万吨", "吨") == "10000");
    CHECK(conv("3", "平方公里", "公顷") == "300");
    CHECK(conv("90", "分钟", "小时") == "1.5");
    CHECK(conv("5", "‰", "%") == "0.5");
    CHECK(conv("7", "个", "个") == "7");
    CHECK(conv("800", "元", "千元") == "0.8");
}

TEST_CASE("convert_unit: units of different kinds do not convert", "[units]") {
    CHECK(conv("120", "名", "人") == "none");
    CHECK(conv("3", "天", "月") == "none");  // no fixed ratio
    CHECK(conv("10", "人次", "人") == "none");
    CHECK(conv("10", "万元", "人") == "none");
    CHECK(conv("10", "万", "人") == "none");  // a bare prefix is no unit (read_actual resolves it)
    // Ratios beyond what a Decimal holds are refused, not overflowed (亿平方公里 is 1e14 平方米).
    CHECK(conv("1", "亿平方公里", "平方米") == "none");
    CHECK(conv("1", "亿吨", "克") == "none");
}
