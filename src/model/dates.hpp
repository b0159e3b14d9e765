// Dates in cells (时效指标: a deadline as the target, the day or month it was done as the actual), and how
// late one is after another.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "perf_check/decimal.hpp"
#include "perf_check/model.hpp"

namespace perf_check::model {

/// The Gregorian calendar: a leap year, and a month's days (month 1–12).
bool leap_year(int year);
int days_in_month(int year, int month);

/// The one date `text` states, nullopt when it states none or a period. Read: 2024-10-31, 2024/10/31,
/// 2024.10.31, 2024-10, 2024年10月31日 (号), 2024年10月(份), 2024年10月上旬 / 中旬 / 下旬 (10, 20, the end),
/// 2024年第三季度 (its last month), 2024年底 / 年末 (12月); a time after a day (2024-12-15 00:00:00,
/// 2024-12-15T00:00:00); then 底 / 末 after a month, 前 / 之前 / 以前 / 止, and what was done by it (已完成,
/// 完成验收, 前完成招标: a word of doing and a few more characters, no digits); before it 不晚于, 不迟于, 截至,
/// 截止, 已于, 于, 在, 计划, 预计. A period (2024年1-12月, 2024年1月至12月) and an impossible day (2月30日) are no
/// date. Without its year (year 0) when the text says it is a date: 12月31日, 12月底前, 11月中旬, 10月份前,
/// 年底前, 年内完成, 11月完成 (12月 alone may be a count of months: no date).
std::optional<CalendarDate> read_date(std::string_view text);

/// True when `text` is written as a date but the calendar has no such day (2023年2月29日, 4月31日).
bool impossible_date(std::string_view text);

/// A month written as a number, YYYY.M or YYYY.MM (2024.12, ≤2024.10), as people write a month in a
/// 时效指标: the whole month. nullopt for any other text. (2024.1 may be 2024.10 that Excel shortened.)
std::optional<CalendarDate> read_month_number(std::string_view text);

/// Days from 1970-01-01 (a whole month counts as its last day). The year must be written (not 0).
std::int64_t day_number(const CalendarDate& date);

/// "2024年10月31日", or "2024年10月" for a whole month; in English "2024-10-31" or "2024-10". Without a
/// year: "10月31日", "10月"; "--10-31", "month 10".
std::string date_text(const CalendarDate& date);
std::string date_text_en(const CalendarDate& date);

/// `date` in `year` (a whole month's last day, and 2月29日 the 28th, as that year has them).
CalendarDate in_year(CalendarDate date, int year);
/// `date` (whose year is not written) in the year of `other`, but across a year end: 1月3日 beside
/// 2024年12月31日 is 2025年1月3日, 12月底 beside 2025年1月10日 is 2024年12月. (The nearest of three years misread
/// 12月底前 beside 2024年5月10日 as 2023's.)
CalendarDate year_beside(const CalendarDate& date, const CalendarDate& other);

/// How much later `actual` is than `deadline`: nothing when it is not later.
struct Lateness {
    std::int64_t days = 0;       ///< calendar days
    int whole_months = 0;        ///< months counted from the deadline (a month's end to the next one's)
    std::int64_t rest_days = 0;  ///< days beyond the whole months
    Decimal months;              ///< whole_months and the rest as a share of the month it falls in (2 places)
};
Lateness lateness(const CalendarDate& deadline, const CalendarDate& actual);

}  // namespace perf_check::model
