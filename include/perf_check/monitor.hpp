// The result of mid-year monitoring of one project: execution against time, indicators at risk, suggestions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "perf_check/decimal.hpp"
#include "perf_check/finding.hpp"
#include "perf_check/model.hpp"

namespace perf_check {

/// One quantitative indicator of a monitored project: its value to date and what it promises for the year.
struct IndicatorProgress {
    std::string indicator;  ///< "一级/二级/三级"
    SourceLocation loc;
    std::string target;     ///< as written
    std::string to_date;    ///< value reached to date, as written
    std::optional<Decimal> projected;  ///< year-end projection (cumulative indicators); nullopt when not extrapolated
    bool cumulative = false;           ///< counts and amounts accumulate; rates and satisfaction do not
    bool at_risk = false;
    std::vector<Text> notes;           ///< how the judgement was made

    std::string comparator;                ///< "≥", "≤", ">", "<", "="
    std::optional<Decimal> target_value;   ///< the target's number, in `unit`
    std::optional<Decimal> value;          ///< the value to date as a number in `unit`; nullopt when missing/unreadable
    std::string unit;                      ///< canonical unit of the target ("人", "万元", "%", …), "" if none
    /// How far the judged figure (projection for cumulative, value now for point-in-time) misses the target,
    /// in `unit` and positive (short of a ≥ target, or over a ≤ target); nullopt when it does not miss.
    std::optional<Decimal> shortfall;
    bool missing = false;  ///< no value to date (or not a number): nothing could be judged
    /// A ≤ (or =0) target of an accumulating count or amount that the value to date is already over: missed
    /// whatever the rest of the year brings (1 accident against =0次), judged on the value, not a projection.
    bool already_missed = false;
    /// A deadline (时效指标, a date as the target) that the value to date shows missed: done after it, or the
    /// monitoring date past it with no day of completion reported. `days_late` counts the days after it (to
    /// the day done, or to the monitoring date).
    bool deadline = false;
    std::int64_t days_late = 0;
    std::string due;   ///< the deadline as read ("2024年4月30日", "2024年4月")
    std::string done;  ///< the day it was done as read, "" when none is reported
};

struct ProjectProgress {
    std::string file;
    std::string project_code;
    std::string project;
    int row = 0;
    std::optional<Decimal> budget;          ///< 万元
    std::optional<Decimal> spent;           ///< 万元, to date
    std::optional<Decimal> execution_rate;  ///< spent / budget, 0..1+
    Decimal time_progress;                  ///< share of the year elapsed at as-of, 0..1
    bool behind = false;                    ///< execution behind time beyond the tolerance
    bool over_budget = false;               ///< spent to date above the budget by a cent or more
    std::vector<IndicatorProgress> indicators;
    std::vector<Text> suggestions;          ///< 加快预算执行进度, 调整绩效目标, …

    std::optional<Decimal> funds;           ///< 资金总额, 万元
    bool budget_from_funds = false;         ///< no 预算数 given: the budget is the table's 资金总额
    /// Time progress minus execution rate, in percentage points, each rounded to 2 places first
    /// (positive = behind); nullopt without a rate.
    std::optional<Decimal> gap_points;
    /// 万元 still to spend to reach the time progress: budget × time − spent, rounded to 2 places;
    /// nullopt without a rate, 0 when not behind time at all.
    std::optional<Decimal> catch_up;
    Decimal tolerance_points;               ///< execution-behind's tolerance that `behind` was judged with
    bool spent_missing = false;             ///< no (readable) 执行数 to date
    /// progress-missing's judgement: 执行数, a usable budget or an indicator's value to date is missing.
    bool data_missing = false;
    int indicators_at_risk = 0;
    int indicators_missing = 0;
    /// What the monitoring found (behind, indicators at risk, data missing), worded for the rectification
    /// list; non-empty means the project needs rectification.
    std::vector<Text> problems;
};

}  // namespace perf_check
