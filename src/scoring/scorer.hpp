// Annual scoring (SPEC §4): each indicator's actual against its target under the table's own deduction
// text (or the rule set's defaults), budget execution, total and grade, with every step of the arithmetic.
#pragma once

#include <optional>

#include "perf_check/model.hpp"
#include "perf_check/ruleset.hpp"
#include "perf_check/score.hpp"

namespace perf_check::scoring {

/// The languages the steps are written in: a run reports in one (--lang), so it asks for that one only
/// (writing the other is wasted work); `both` fills Text::zh and Text::en.
enum class StepLanguages { both, zh, en };

/// The steps a run reporting in `lang` needs.
inline StepLanguages steps_for(Lang lang) { return lang == Lang::en ? StepLanguages::en : StepLanguages::zh; }

/// Scores one real (non-placeholder) indicator. The result's score is clamped to [0, weight] and
/// rounded to RuleSet::scoring.rounding places; `formula` is the canonical form of what was applied
/// and `steps` explain target, actual, each deduction step and the result, in Chinese and English (or
/// in the one `langs` names; the other is left empty). An indicator without a weight is scored with
/// weight 0 (a step says so). Never throws.
IndicatorScore score_indicator(const Project& project, const Indicator& indicator, const RuleSet& rules,
                               StepLanguages langs = StepLanguages::both);

/// 预算执行率: budget and spent in 万元 from Project::budget / Project::spent, rate = spent ÷ budget
/// (unclamped), score = min(rate, 1) × RuleSet::budget_execution_weight rounded like an indicator.
/// Missing or non-positive budget, or missing spent: rate nullopt and score 0.
BudgetExecution score_budget_execution(const Project& project, const RuleSet& rules);

/// The grade of `total` from RuleSet::scoring.grades: the band with the highest minimum that the total
/// reaches; "" when no band applies.
std::string grade_for(Decimal total, const ScoringPolicy& policy);

/// Scores a project: every non-placeholder indicator (in table order), budget execution, total = sum of
/// the rounded indicator scores + the budget execution score, and the grade.
ProjectScore score_project(const Project& project, const RuleSet& rules, StepLanguages langs = StepLanguages::both);
/// score_project() written over `out`, every field replaced. Its indicators' strings and step lists keep
/// their room: a run that scores each project into the last one's score allocates only for texts longer
/// than before (freeing and allocating a score's hundred strings for every project was a tenth of a
/// score run's instructions).
void score_project_into(const Project& project, const RuleSet& rules, StepLanguages langs, ProjectScore& out);

}  // namespace perf_check::scoring
