// Mid-year monitoring (1–7月): execution against time and year-end projections of indicators.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "perf_check/monitor.hpp"
#include "perf_check/ruleset.hpp"

namespace perf_check::monitor {

/// A calendar date.
struct Date {
    int year = 0;
    int month = 0;
    int day = 0;
};

/// Parses "YYYY-MM-DD" (also "YYYY/MM/DD", "YYYY.MM.DD", "YYYY年M月D日", one- or two-digit month and
/// day, full-width digits); nullopt for anything else or a date that does not exist (2023-02-29).
std::optional<Date> parse_date(std::string_view text);

/// The default --as-of: the last day of the last full month before today (local time); on 15 August
/// 2024 that is 2024-07-31, in January the last day of the previous December.
Date default_as_of();

/// "YYYY-MM-DD", zero-padded.
std::string format_date(const Date& d);

/// The period a column header names: "1-7月执行数" → months 1–7, "2024年1至7月执行数" → 2024 too.
struct HeaderPeriod {
    std::optional<int> year;
    int last_month = 0;
};
std::optional<HeaderPeriod> period_in_header(std::string_view header);

/// Whether a column header names part of a year: a period ending before December ("1-7月执行数"), "截至目前",
/// "目前完成值" or "截至7月底".
bool names_part_of_year(std::string_view header);

/// What to tell a run whose --actuals / --progress file is the other kind, as "English (中文)" for
/// Error::render; "" when its headers agree with the run. A score run (`monitoring` false) is told when
/// the 全年执行数 or 实际完成值 header names part of a year (mid-year progress scored as the year's results);
/// a monitoring run when one says 全年 (year-end results taken for progress to date).
std::string period_mismatch(bool monitoring, std::string_view spent_header, std::string_view actual_header);

/// What to tell a user whose --as-of (or the default one, `given` false) is not the end of the period the
/// progress data's header names ("1-7月执行数" against 2026-11-30), as "English (中文)" for Error::render;
/// "" when they agree or the header names no period.
/// The year of the date it suggests is the header's, else `year` (one named elsewhere, e.g. in the file's
/// name), else the date's own.
std::string as_of_disagreement(std::string_view header, const Date& as_of, bool given,
                               std::optional<int> year = std::nullopt);

/// A budget year written in `name` (a file name such as "progress-2024.csv" or "2024年1-7月进度.xlsx"): four
/// digits 2000–2099 standing apart from other digits; nullopt when none or several differ.
std::optional<int> year_in_name(std::string_view name);

/// 366 in leap years, else 365.
int days_in_year(int year);

/// 1 for 1 January … 213 for 31 July 2024 (days elapsed at the end of `d`, `d` included).
int day_of_year(const Date& d);

/// Share of the calendar year elapsed at the end of `d`: day_of_year ÷ days_in_year, rounded to 6 places.
/// 31 July 2024 → 213/366 = 0.581967 (58.20%); 31 July 2023 → 212/365 = 0.580822.
Decimal time_progress(const Date& d);

/// Analyses one project with its progress data (Project::budget/spent, Indicator::actual = value to date)
/// as of RuleSet::monitoring.as_of: execution rate against time, every quantitative indicator's value to
/// date and judgement, the problems found and the bureau's suggestions. The judgements are the ones the
/// rules execution-behind, target-at-risk and progress-missing make with the same rule set (a disabled
/// rule's judgement is left out). With no or an unreadable as_of only the identity fields are filled.
ProjectProgress analyse_project(const Project& project, const RuleSet& rules);

}  // namespace perf_check::monitor
