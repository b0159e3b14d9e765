// The monitoring judgements shared by the rules (execution-behind, target-at-risk, progress-missing) and
// the monitoring report, so a finding and the report's line about it always agree: their settings, the
// clock of the run, execution against time, one indicator's value to date against its target, and wording.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "monitor/monitor.hpp"
#include "perf_check/expected.hpp"
#include "perf_check/finding.hpp"
#include "perf_check/model.hpp"
#include "perf_check/monitor.hpp"
#include "perf_check/rule.hpp"
#include "perf_check/ruleset.hpp"

namespace perf_check::monitor {

inline constexpr const char* k_execution_behind = "execution-behind";
inline constexpr const char* k_execution_over_budget = "execution-over-budget";
inline constexpr const char* k_target_at_risk = "target-at-risk";
inline constexpr const char* k_progress_missing = "progress-missing";

/// Parameters of execution-behind.
struct ExecutionSettings {
    /// Percentage points by which the execution rate may trail the time progress before it is "behind".
    Decimal tolerance = Decimal::from_int(10);
};

/// Parameters of target-at-risk: how far a projection may miss, and which indicators are point-in-time
/// (judged on their value now) rather than cumulative (projected linearly to the year end).
struct RiskSettings {
    /// Percent of the target by which the judged figure may fall short of a ≥ / > / = target.
    Decimal tolerance;
    /// Percent of the target by which the judged figure may exceed a ≤ / < target (cost indicators): the
    /// budget caps spending, so spending a little ahead of time is not yet an overrun.
    Decimal over_tolerance = Decimal::from_int(10);
    /// Names containing one of these are cumulative even though they are rates (预算执行率 grows all year).
    std::vector<std::string> cumulative_names = {"执行率", "完成率", "进度"};
    /// Indicators under one of these "一级" or "一级/二级" paths are point-in-time.
    std::vector<std::string> point_in_time_levels = {"满意度指标", "产出指标/时效指标"};
    /// Indicators whose target is in one of these units are point-in-time.
    std::vector<std::string> point_in_time_units = {"%", "‰"};
    /// Names containing one of these are point-in-time.
    std::vector<std::string> point_in_time_names = {"率",   "满意度", "比例", "占比", "比重", "平均",
                                                    "人均", "指数",   "系数", "等级", "浓度", "密度"};
};

/// Reads and validates execution-behind's parameters (unknown key, non-number, negative → Error with line).
Expected<ExecutionSettings> read_execution_settings(const Params& params);
/// Reads and validates target-at-risk's parameters.
Expected<RiskSettings> read_risk_settings(const Params& params);
/// progress-missing takes no parameters besides enabled and severity.
std::optional<Error> check_progress_settings(const Params& params);

/// The settings of the rule set (defaults for an absent rule or, since the factories reject them before
/// any project is read, a bad parameter).
ExecutionSettings execution_settings(const RuleSet& rules);
RiskSettings risk_settings(const RuleSet& rules);
/// True when the rule set has the rule and it is enabled.
bool rule_enabled(const RuleSet& rules, const char* id);

/// The monitoring date of a run and how much of its year has passed.
struct Clock {
    Date as_of;
    int elapsed = 0;    ///< day_of_year(as_of)
    int year_days = 0;  ///< days_in_year(as_of.year)
    Decimal progress;   ///< time_progress(as_of)
};

/// The clock of RuleSet::monitoring.as_of; nullopt when it is empty or not a date (not a monitor run).
std::optional<Clock> clock_of(const RuleSet& rules);
std::optional<Clock> clock_of(const std::string& as_of);

/// A ratio 0..1+ as a percentage rounded to 2 places: 0.581967 → 58.20.
Decimal percent(Decimal ratio);

/// Budget execution of one project at the clock.
struct Execution {
    std::optional<Decimal> budget;  ///< 万元: 预算数, else 资金总额
    bool budget_from_funds = false;
    std::optional<Decimal> spent;   ///< 万元, 执行数 to date (negative read as 0)
    std::optional<Decimal> rate;    ///< spent ÷ budget (6 places); nullopt without both or with budget ≤ 0
    std::optional<Decimal> gap_points;  ///< percent(time) − percent(rate): positive = behind time
    std::optional<Decimal> expected;    ///< budget × elapsed ÷ year_days, rounded to 2 places: spending at time pace
    std::optional<Decimal> catch_up;    ///< max(expected − spent, 0), 2 places
    bool spent_missing = false;     ///< 执行数 empty or not a number
    bool budget_missing = false;    ///< neither 预算数 nor 资金总额 readable (or ≤ 0)
    bool behind = false;            ///< gap_points > tolerance
};

Execution judge_execution(const Project& project, const Clock& clock, const ExecutionSettings& settings);

/// True for the indicators monitoring judges: real (not placeholder) and scored on a number (≥ ≤ > < =).
bool monitored(const Indicator& indicator);

/// Judges one monitored indicator: its value to date (Indicator::actual, money converted to the
/// target's unit, negative read as 0), cumulative or point-in-time per the settings, the projection
/// value × year_days ÷ elapsed (2 places) for cumulative ones, and at risk when the judged figure
/// misses the target by more than the tolerance. A missing or non-numeric value is `missing`.
IndicatorProgress judge_indicator(const Indicator& indicator, const Clock& clock, const RiskSettings& settings,
                                  const ScoringPolicy& policy);

/// Judges a deadline (a 时效指标 whose target is a date, not monitored() as a number) at the clock: missed
/// when the value to date is a day after it, or when the clock is past it and the value reports no day of
/// completion (未开工, 进行中, empty). nullopt when it is not a deadline, or nothing says it is missed (done in
/// time, or not due yet). A deadline without its year is in the clock's year.
std::optional<IndicatorProgress> judge_deadline(const Indicator& indicator, const Clock& clock,
                                                const ScoringPolicy& policy);

/// True when the project carries no monitoring data at all: no 执行数 and no value to date on any
/// monitored indicator (progress-missing then reports the project once instead of every cell).
bool no_progress_at_all(const Project& project, const Execution& execution);

/// A finding about `project` (and `indicator`) located at `cell` — in the progress file when the cell came
/// from there (make_finding alone would put that file's row under the targets table's name); a cell with no
/// location falls back to the indicator's name cell, or the project's first row.
Finding progress_finding(const Project& project, const Indicator* indicator, const Cell& cell);

// Wording. *_message name the project and indicator (findings); *_problem are the report's lines
// under the project's own heading; both state the same numbers.

Text execution_message(const Project& project, const Execution& e, const Clock& clock);
Text execution_hint();
/// execution-over-budget: spent to date above the year's budget by what a message shows (a cent or more).
bool over_budget(const Execution& e);
Text over_budget_message(const Project& project, const Execution& e, const Clock& clock);
Text over_budget_hint();
/// The same for the monitoring report's list of problems (no project name: it heads the entry).
Text over_budget_problem(const Execution& e);
Text execution_problem(const Execution& e, const Clock& clock);

Text risk_message(const Project& project, const Indicator& indicator, const IndicatorProgress& ip, const Clock& clock);
Text risk_hint(const IndicatorProgress& ip);
Text risk_problem(const Indicator& indicator, const IndicatorProgress& ip);

Text missing_spent_message(const Project& project, const Clock& clock);
Text missing_budget_message(const Project& project);
Text missing_value_message(const Project& project, const Indicator& indicator, const Clock& clock);
Text missing_all_message(const Project& project, const Clock& clock, int indicators);
Text missing_hint();

}  // namespace perf_check::monitor
