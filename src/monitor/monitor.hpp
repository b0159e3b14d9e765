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

/// Parses "YYYY-MM-DD" (also "YYYY/MM/DD", "YYYY年M月D日"); nullopt for anything else or an invalid date.
std::optional<Date> parse_date(std::string_view text);

/// The default --as-of: the last day of the last full month before today (local time).
Date default_as_of();

/// "YYYY-MM-DD".
std::string format_date(const Date& d);

/// Share of the calendar year elapsed at the end of `d` (31 July → 212/366 in 2024), as a Decimal 0..1.
Decimal time_progress(const Date& d);

/// Analyses one project with its progress data (Project::budget/spent, Indicator::actual = value to date)
/// as of RuleSet::monitoring.as_of.
ProjectProgress analyse_project(const Project& project, const RuleSet& rules);

}  // namespace perf_check::monitor
