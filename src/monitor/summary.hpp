// Totals of a monitoring run, overall and per department (单位代码), computed once so that every report
// format — text, JSON, Markdown, HTML, xlsx — prints the same figures.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "perf_check/decimal.hpp"
#include "perf_check/monitor.hpp"
#include "perf_check/report.hpp"

namespace perf_check::monitor {

/// Sums over a set of monitored projects. Money in 万元.
struct Totals {
    int projects = 0;
    Decimal budget;              ///< sum of the projects' budgets (预算数, else 资金总额) where known
    Decimal spent;               ///< sum of 执行数 where reported
    int with_rate = 0;           ///< projects with both a budget and 执行数
    Decimal rated_budget;        ///< budget of those projects: the base of `rate`
    Decimal rated_spent;         ///< 执行数 of those projects
    std::optional<Decimal> rate; ///< rated_spent ÷ rated_budget (6 places); nullopt when no project has both
    Decimal catch_up;            ///< sum of ProjectProgress::catch_up over the projects behind
    int behind = 0;              ///< projects with execution behind time
    int at_risk_projects = 0;    ///< projects with at least one indicator at risk
    int at_risk_indicators = 0;
    int missing = 0;             ///< projects with monitoring data missing (ProjectProgress::data_missing)
    int rectification = 0;       ///< projects with at least one problem
};

/// One department: its code and the projects under it, in report order.
struct Department {
    std::string code;  ///< 单位代码; "" when the table gives none
    Totals totals;
    std::vector<const ProjectProgress*> projects;
};

struct Overview {
    std::string as_of;
    Decimal time_progress;
    Totals totals;
    std::vector<Department> departments;  ///< sorted by code
    /// Projects (code and name) a later file gave again: monitored once, in the first file's, and left out
    /// of the totals and departments here.
    int repeated = 0;
    std::vector<const ProjectProgress*> projects;  ///< those counted, in report order
};

/// Adds one project to `t`.
void add(Totals& t, const ProjectProgress& p);

/// The overview of report.progress (pointers into it: the report must outlive the result).
Overview summarise(const Report& report);

/// True when the project has at least one problem and goes on the rectification list.
inline bool needs_rectification(const ProjectProgress& p) { return !p.problems.empty(); }

}  // namespace perf_check::monitor
