// The result of scoring one project, with the arithmetic of every indicator shown.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "perf_check/decimal.hpp"
#include "perf_check/finding.hpp"
#include "perf_check/model.hpp"

namespace perf_check {

struct IndicatorScore {
    std::string indicator;  ///< "一级/二级/三级"
    SourceLocation loc;
    Decimal weight;
    std::string target;   ///< as written, e.g. "≤842.07万元"
    std::string actual;   ///< as written
    Decimal score;        ///< clamped to [0, weight], rounded per the policy
    std::string formula;  ///< canonical, language-neutral form of the formula used
    std::vector<Text> steps;  ///< each step of the arithmetic, human-readable

    friend bool operator==(const IndicatorScore&, const IndicatorScore&) = default;
};

struct BudgetExecution {
    std::optional<Decimal> budget;
    std::optional<Decimal> spent;
    std::optional<Decimal> rate;  ///< spent / budget, 0..1 (unclamped for display; score uses min(rate,1))
    Decimal weight;
    Decimal score;

    friend bool operator==(const BudgetExecution&, const BudgetExecution&) = default;
};

struct ProjectScore {
    std::string file;
    std::string sheet;  ///< the project's sheet ("" for CSV and JSON without one)
    std::string project_code;
    std::string project;
    int row = 0;
    Decimal total;      ///< sum of the printed indicator scores + budget execution score
    std::string grade;  ///< 优 / 良 / 中 / 差
    BudgetExecution budget_execution;
    std::vector<IndicatorScore> indicators;

    friend bool operator==(const ProjectScore&, const ProjectScore&) = default;
};

}  // namespace perf_check
