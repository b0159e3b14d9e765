// Reading the self-evaluation cells of a project (actuals, reviewer scores, budget and spending) the
// same way for the scorer and the self-evaluation rules.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "perf_check/decimal.hpp"
#include "perf_check/finding.hpp"
#include "perf_check/model.hpp"
#include "perf_check/ruleset.hpp"

namespace perf_check::scoring {

/// True when the project carries self-evaluation data: a non-empty 实际完成值 on any indicator, or a
/// non-empty 全年预算数 / 全年执行数. The self-evaluation rules act only on such projects.
bool has_actuals(const Project& project);

/// The comparator scoring uses: the stated one; when none is stated but the target has a number, ≤ for
/// cost indicators and ≥ otherwise; qualitative when the target has no number.
Comparator scoring_comparator(const Indicator& indicator);

/// The target as people read it: "≤842.07万元" (comparator and unit added when the cell lacks them),
/// the cell text as written for 定性 targets.
std::string target_display(const Indicator& indicator);
/// target_display() written over `out`, which keeps its room.
void target_display_into(const Indicator& indicator, std::string& out);

/// True when the indicator is scored on numbers (its scoring comparator is ≥ ≤ > < =).
bool is_numeric_target(const Indicator& indicator);

/// True when `actual` meets `target` under `c`. `=` with a non-zero target counts as met at or above it
/// (like ≥); `=` with target 0 is met at or below 0.
bool target_met(Comparator c, Decimal actual, Decimal target);

/// The qualitative band whose label the text names: the exact label, with `aliases` one of a band's
/// aliases (已完成 → 达成年度指标), or the label sharing the longest common prefix of at least two
/// characters (部分达成… → 部分达成年度指标并具有一定效果); nullptr if none.
const QualitativeBand* match_band(std::string_view text, const ScoringPolicy& policy, bool aliases);

/// The band of full achievement (the one reaching the highest fraction; 达成年度指标 by default).
const QualitativeBand* top_band(const ScoringPolicy& policy);

/// An indicator's 实际完成值 as read for scoring.
struct ActualReading {
    bool present = false;            ///< the cell is not empty
    std::string_view text;           ///< the normalised cell text (a view of the indicator's cell)
    std::optional<Decimal> number;   ///< in the target's unit (model::convert_unit); may be negative
    std::string unit;                ///< the unit written in the cell (canonical), "" if none
    bool converted = false;  ///< the unit was converted to the target's (万人 → 人, 元 → 万元, 米 → 公里)
    /// No unit written, and 度量单位's differs from the target's (whose value cell said 万 or 亿): the number
    /// is in 度量单位's unit, converted (11000 against 1.2万 人次 is 11000人次 = 1.1万人次).
    bool in_column_unit = false;
    bool unit_mismatch = false;             ///< the cell's unit is of another kind than the target's: number as written
    const QualitativeBand* band = nullptr;  ///< the label it names, or the top band when equal to the target text
    bool equals_target = false;      ///< the text equals the target text (counts as 达成)
    std::optional<CalendarDate> date;  ///< the day or month it was done, when the text is a date
};

/// Reads the 实际完成值 cell of `indicator` ("95%", "855.00万元", "1,700,000元", "42公里", "达成年度指标").
/// A number followed by the indicator's own 度量单位 is read even when the unit is not a known one.
ActualReading read_actual(const Indicator& indicator, const ScoringPolicy& policy);

/// The deadline an indicator's target states: a date (≤2024年10月31日, 2024年11月底前, 2024年第三季度), or
/// under 时效指标 a month written as a number (2024.12) with no unit but a month's (not 2000.5小时). nullopt
/// for any other target.
std::optional<CalendarDate> month_deadline(const Indicator& indicator);  ///< the month-as-a-number case
inline std::optional<CalendarDate> deadline_of(const Indicator& indicator) {
    // Asked by several rules of every indicator: inline, and most answer at once.
    if (indicator.value.date) return indicator.value.date;
    if (!indicator.value.number || indicator.target.text.size() < 6) return std::nullopt;
    return month_deadline(indicator);
}

/// A deadline and the date it was met: the target is one (deadline_of; whatever the comparator says, a
/// wrong one being comparator-direction's business) and the actual a date, a month written as a number
/// (2025.1), or a month of the year alone (11月, 11月份). nullopt otherwise (an actual that is a label is
/// scored as a 定性 one).
/// A side whose year is not written (12月底前, 11月20日) takes the other's, but across a year end (January
/// beside December: model::year_beside); both without, the same year (2000, a leap year, so 2月29日 stands).
struct DeadlineDates {
    CalendarDate due;
    CalendarDate done;
    bool due_year_assumed = false;   ///< the target wrote no year: due.year is the actual's
    bool done_year_assumed = false;  ///< the actual wrote no year: done.year is the deadline's
};
std::optional<DeadlineDates> deadline_dates(const Indicator& indicator, const ActualReading& actual);

/// True when the indicator is a deadline and its actual is written as a day the calendar has not
/// (2024年9月31日): actual-not-numeric reports it, and it scores 0.
bool impossible_actual_date(const Indicator& indicator);

/// True when the deadline was met: on or before it, before it under < (早于).
bool deadline_met(const Indicator& indicator, const DeadlineDates& dates);

/// The reviewer's 得分 ("10.5", "10.5分"), nullopt when empty or not a number.
std::optional<Decimal> read_reviewer_score(const Indicator& indicator);

/// A project-level money cell (全年预算数 / 全年执行数) in 万元: an explicit 元/万元/亿元 unit wins,
/// otherwise the table's money unit applies. nullopt when empty or not a number.
std::optional<Decimal> money_wan(const Cell& cell, MoneyUnit table_unit);

/// A finding about a self-evaluation cell, located where the cell really is: in the `--actuals` file
/// (its name, row and column) when the cell came from one, else in the table; a cell without a position
/// (an absent column) points at the indicator's row, or the project's first row.
Finding self_evaluation_finding(const Project& project, const Indicator* indicator, const Cell& cell);

/// True when the actual falls short of the target: a number that does not meet the target per the
/// scoring comparator, or a qualitative label below the top band.
bool falls_short(const Indicator& indicator, const ActualReading& actual, const ScoringPolicy& policy);

}  // namespace perf_check::scoring
