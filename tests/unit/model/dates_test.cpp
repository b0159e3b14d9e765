// Tests of the date reader (时效指标 deadlines and the dates they were met) and of lateness.
#include <catch2/catch.hpp>

#include "model/dates.hpp"
#include "model/normalize.hpp"

using namespace perf_check;
using model::read_date;

namespace {
CalendarDate day(int y, int m, int d) {
    return CalendarDate{y, m, d, false};
}
CalendarDate month(int y, int m, int last) {
    return CalendarDate{y, m, last, true};
}
}  // namespace

TEST_CASE("read_date reads the ways a date is written in a table", "[model][dates]") {
    CHECK(read_date("2024-10-31") == day(2024, 10, 31));
    CHECK(read_date("2024/1/5") == day(2024, 1, 5));
    CHECK(read_date("2024.10.31") == day(2024, 10, 31));
    CHECK(read_date("2024-10") == month(2024, 10, 31));
    CHECK(read_date("2024年11月20日") == day(2024, 11, 20));
    CHECK(read_date("2024年11月20号") == day(2024, 11, 20));
    CHECK(read_date("2024 年 2 月") == month(2024, 2, 29));  // a leap year's February ends on the 29th
    CHECK(read_date("2023年2月份") == month(2023, 2, 28));
    CHECK(read_date("2024年底") == month(2024, 12, 31));
    CHECK(read_date("2024年年末") == month(2024, 12, 31));
    CHECK(read_date("2024年11月底前") == month(2024, 11, 30));
    CHECK(read_date("2024年11月末前完成") == month(2024, 11, 30));
    CHECK(read_date("2024年12月31日前") == day(2024, 12, 31));
    CHECK(read_date("2024年12月31日之前完成") == day(2024, 12, 31));
    CHECK(read_date("不晚于2024年6月") == month(2024, 6, 30));
    CHECK(read_date("截至2024年6月30日") == day(2024, 6, 30));
    CHECK(read_date("≤2024-06-30") == day(2024, 6, 30));
    CHECK(read_date("2024-12-15 00:00:00") == day(2024, 12, 15));  // a date-time exported as text
    CHECK(read_date("2024/12/15 9:30") == day(2024, 12, 15));
    CHECK(read_date("2024-12-15T08:00:00") == day(2024, 12, 15));  // as a JSON export writes it
    CHECK(read_date("已于2025年1月10日完成") == day(2025, 1, 10));
    CHECK(read_date("2024年12月31日前已完成") == day(2024, 12, 31));
    CHECK(read_date("2024年10月底前完成招标") == month(2024, 10, 31));
    CHECK(read_date("2024年第三季度") == month(2024, 9, 30));
    CHECK(read_date("2024年四季度") == month(2024, 12, 31));
    CHECK(read_date("2024年10月上旬") == day(2024, 10, 10));
    CHECK(read_date("2024年10月中旬") == day(2024, 10, 20));
    CHECK(read_date("2024年10月下旬") == month(2024, 10, 31));
    CHECK(model::read_month_number("2024.12") == month(2024, 12, 31));
    CHECK(model::read_month_number("≤2024.1") == month(2024, 1, 31));
    CHECK_FALSE(model::read_month_number("2024.13"));
    CHECK_FALSE(model::read_month_number("842.07"));
    CHECK_FALSE(model::read_month_number("2024.123"));
}

TEST_CASE("read_date refuses periods, impossible days and numbers", "[model][dates]") {
    for (const char* text : {"2024年1-12月",
                             "2024年1月-12月",
                             "2024年1月至12月",
                             "2024.10",
                             "2024",
                             "2024年",
                             "2023年2月29日",
                             "2024-13-01",
                             "2024-10-32",
                             "24年10月",
                             "1800年1月",
                             "2024/10-31",
                             "2024年10月31日至11月30日",
                             "2024-12-15 9:3",
                             "2024-12 10:00",
                             "2024-/12/31",
                             "2024年第五季度",
                             "2024年12月31日完成2期工程",
                             "2024年12月31日完成了全部的道路维修工作",
                             "每月按时发放",
                             "3个工作日内",
                             "2024年10月底前后"}) {
        INFO(text);
        CHECK_FALSE(read_date(text));
    }
}

TEST_CASE("read_date reads a date without its year when the text says it is one", "[model][dates]") {
    // Year 0: the year the other side of a comparison is in.
    CHECK(read_date("12月31日") == day(0, 12, 31));
    CHECK(read_date("12月31日前完成") == day(0, 12, 31));
    CHECK(read_date("12月底前") == month(0, 12, 31));
    CHECK(read_date("不晚于11月底") == month(0, 11, 30));
    CHECK(read_date("10月份前") == month(0, 10, 31));
    CHECK(read_date("6月前完成招标") == month(0, 6, 30));
    CHECK(read_date("11月中旬") == day(0, 11, 20));
    CHECK(read_date("2月29日") == day(0, 2, 29));  // some year has it
    CHECK(read_date("年底前") == month(0, 12, 31));
    CHECK(read_date("年内完成") == month(0, 12, 31));
    CHECK(read_date("11月完成") == month(0, 11, 30));
    CHECK(read_date("11月已完成") == month(0, 11, 30));
    CHECK(read_date("2024年内") == month(2024, 12, 31));
    // 12月 alone may be a count of months (实施周期 12月), and other words are no date.
    for (const char* text : {"12月", "12月份", "3月底前完成80%", "1-2月", "2年内", "12个月内", "年末余额", "本年度",
                             "年均增长", "13月底前", "12月32日"}) {
        INFO(text);
        CHECK_FALSE(read_date(text));
    }
    CHECK(model::date_text(day(0, 12, 31)) == "12月31日");
    CHECK(model::date_text(month(0, 12, 31)) == "12月");
    CHECK(model::date_text_en(day(0, 1, 5)) == "--01-05");
    CHECK(model::date_text_en(month(0, 12, 31)) == "month 12");
}

TEST_CASE("a date without its year takes the other's year, across a year end the next or last", "[model][dates]") {
    CHECK(model::year_beside(day(0, 11, 20), day(2024, 12, 31)) == day(2024, 11, 20));
    CHECK(model::year_beside(day(0, 1, 10), day(2024, 12, 31)) == day(2025, 1, 10));
    CHECK(model::year_beside(month(0, 12, 31), day(2025, 1, 10)) == month(2024, 12, 31));
    // Far from the other in its own year is still its year (the nearest year made these 2023's and 2025's).
    CHECK(model::year_beside(month(0, 12, 31), day(2024, 5, 10)) == month(2024, 12, 31));
    CHECK(model::year_beside(month(0, 3, 31), month(2024, 10, 31)) == month(2024, 3, 31));
    CHECK(model::year_beside(day(0, 10, 8), day(2024, 3, 31)) == day(2024, 10, 8));
    CHECK(model::year_beside(month(0, 2, 29), day(2023, 3, 1)) == month(2023, 2, 28));  // its last day that year
    CHECK(model::in_year(day(0, 2, 29), 2023) == day(2023, 2, 28));
    CHECK(model::in_year(month(0, 2, 29), 2024) == month(2024, 2, 29));
}

TEST_CASE("impossible_date tells a day the calendar has not from no date at all", "[model][dates]") {
    for (const char* text : {"2023年2月29日", "2024-04-31", "2024/6/31", "4月31日前", "2024年9月31日前完成"}) {
        INFO(text);
        CHECK(model::impossible_date(text));
    }
    for (const char* text : {"2024年2月29日", "2024-04-30", "有效保障", "95%", "2024年1-12月", "2024-13-01", "12月"}) {
        INFO(text);
        CHECK_FALSE(model::impossible_date(text));
    }
}

TEST_CASE("a date is read as a date, not a number with a unit", "[model][dates]") {
    const Quantity& end = model::read_quantity("2024年底");
    CHECK_FALSE(end.number);
    REQUIRE(end.date);
    CHECK(*end.date == month(2024, 12, 31));
    const Quantity& bounded = model::read_quantity("≤2024年10月31日");
    CHECK(bounded.comparator == Comparator::le);
    REQUIRE(bounded.date);
    CHECK(*bounded.date == day(2024, 10, 31));
    // A number is no date, and a plain one read after a date keeps none.
    CHECK_FALSE(model::read_quantity("2024年1-12月").date);
    CHECK_FALSE(model::read_quantity("95%").date);
    CHECK_FALSE(model::read_quantity("2024").date);
    CHECK(model::read_quantity("2024").number);
}

TEST_CASE("day numbers, texts and lateness", "[model][dates]") {
    CHECK(model::day_number(day(1970, 1, 1)) == 0);
    CHECK(model::day_number(day(2000, 3, 1)) - model::day_number(day(2000, 2, 28)) == 2);
    CHECK(model::date_text(day(2024, 10, 31)) == "2024年10月31日");
    CHECK(model::date_text(month(2024, 10, 31)) == "2024年10月");
    CHECK(model::date_text_en(day(2024, 1, 5)) == "2024-01-05");
    CHECK(model::date_text_en(month(2024, 10, 31)) == "2024-10");

    // On time, or early: nothing.
    CHECK(model::lateness(day(2024, 10, 31), day(2024, 10, 31)).days == 0);
    CHECK(model::lateness(day(2024, 10, 31), day(2024, 9, 1)).months == Decimal{});
    // A month's end to the next one's is a month (10月31日 → 11月30日), and the rest a share of the next.
    const auto l = model::lateness(day(2024, 10, 31), day(2024, 12, 15));
    CHECK(l.days == 45);
    CHECK(l.whole_months == 1);
    CHECK(l.rest_days == 15);
    CHECK(l.months == *Decimal::parse("0.48") + Decimal::from_int(1));  // 1 + 15/31
    // Whole months against whole months: their ends.
    const auto m = model::lateness(month(2024, 3, 31), month(2024, 5, 31));
    CHECK(m.whole_months == 2);
    CHECK(m.rest_days == 0);
    CHECK(m.months == Decimal::from_int(2));
    CHECK(model::lateness(day(2024, 1, 15), day(2024, 2, 15)).months == Decimal::from_int(1));
    CHECK(model::lateness(day(2024, 1, 31), day(2024, 2, 29)).months == Decimal::from_int(1));
}
