// Factory declarations, one per rule file; the catalog table refers to them.
#pragma once

#include <memory>

#include "perf_check/rule.hpp"
#include "perf_check/ruleset.hpp"

namespace perf_check::rules {

Expected<std::unique_ptr<Rule>> make_missing_column(const RuleSet& rules, const Params& params);
Expected<std::unique_ptr<Rule>> make_header_separator(const RuleSet& rules, const Params& params);
Expected<std::unique_ptr<Rule>> make_sheet_not_checked(const RuleSet& rules, const Params& params);
Expected<std::unique_ptr<Rule>> make_unit_code_format(const RuleSet& rules, const Params& params);
Expected<std::unique_ptr<Rule>> make_funds_invalid(const RuleSet& rules, const Params& params);
Expected<std::unique_ptr<Rule>> make_goal_missing(const RuleSet& rules, const Params& params);
Expected<std::unique_ptr<Rule>> make_project_name_missing(const RuleSet& rules, const Params& params);
Expected<std::unique_ptr<Rule>> make_duplicate_project(const RuleSet& rules, const Params& params);
Expected<std::unique_ptr<Rule>> make_template_example(const RuleSet& rules, const Params& params);
Expected<std::unique_ptr<Rule>> make_bad_cell(const RuleSet& rules, const Params& params);
Expected<std::unique_ptr<Rule>> make_indicator_level(const RuleSet& rules, const Params& params);
Expected<std::unique_ptr<Rule>> make_placeholder_required(const RuleSet& rules, const Params& params);
Expected<std::unique_ptr<Rule>> make_placeholder_weight(const RuleSet& rules, const Params& params);
Expected<std::unique_ptr<Rule>> make_cost_breakdown(const RuleSet& rules, const Params& params);
Expected<std::unique_ptr<Rule>> make_cost_exceeds_funds(const RuleSet& rules, const Params& params);
Expected<std::unique_ptr<Rule>> make_total_mismatch(const RuleSet& rules, const Params& params);
Expected<std::unique_ptr<Rule>> make_weight_missing(const RuleSet& rules, const Params& params);
Expected<std::unique_ptr<Rule>> make_weight_total(const RuleSet& rules, const Params& params);
Expected<std::unique_ptr<Rule>> make_value_not_numeric(const RuleSet& rules, const Params& params);
Expected<std::unique_ptr<Rule>> make_comparator_wording(const RuleSet& rules, const Params& params);
Expected<std::unique_ptr<Rule>> make_comparator_direction(const RuleSet& rules, const Params& params);
Expected<std::unique_ptr<Rule>> make_percent_range(const RuleSet& rules, const Params& params);
Expected<std::unique_ptr<Rule>> make_unit_missing(const RuleSet& rules, const Params& params);
Expected<std::unique_ptr<Rule>> make_unit_echoes_value(const RuleSet& rules, const Params& params);
Expected<std::unique_ptr<Rule>> make_duplicate_indicator(const RuleSet& rules, const Params& params);
Expected<std::unique_ptr<Rule>> make_deduction_missing(const RuleSet& rules, const Params& params);
Expected<std::unique_ptr<Rule>> make_deduction_discretionary(const RuleSet& rules, const Params& params);
Expected<std::unique_ptr<Rule>> make_deduction_weight_mismatch(const RuleSet& rules, const Params& params);
Expected<std::unique_ptr<Rule>> make_deduction_unparsed(const RuleSet& rules, const Params& params);
Expected<std::unique_ptr<Rule>> make_actual_missing(const RuleSet& rules, const Params& params);
Expected<std::unique_ptr<Rule>> make_actual_not_numeric(const RuleSet& rules, const Params& params);
Expected<std::unique_ptr<Rule>> make_deviation_reason_missing(const RuleSet& rules, const Params& params);
Expected<std::unique_ptr<Rule>> make_score_out_of_band(const RuleSet& rules, const Params& params);
Expected<std::unique_ptr<Rule>> make_actual_unmatched(const RuleSet& rules, const Params& params);
Expected<std::unique_ptr<Rule>> make_execution_low(const RuleSet& rules, const Params& params);
Expected<std::unique_ptr<Rule>> make_execution_behind(const RuleSet& rules, const Params& params);
Expected<std::unique_ptr<Rule>> make_execution_over_budget(const RuleSet& rules, const Params& params);
Expected<std::unique_ptr<Rule>> make_target_at_risk(const RuleSet& rules, const Params& params);
Expected<std::unique_ptr<Rule>> make_progress_missing(const RuleSet& rules, const Params& params);

}  // namespace perf_check::rules
