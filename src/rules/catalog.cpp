// The rule catalog: one row per rule. It drives `perf-check rules`, rule-set validation and SARIF.
#include "rules/catalog.hpp"

#include "rules/factories.hpp"

namespace perf_check::rules {

const std::vector<CatalogEntry>& catalog() {
    static const std::vector<CatalogEntry> k_catalog = {
        {"missing-column", "structure", Severity::error,
         {"缺少必需的列（如单位代码、三级指标、指标值）", "A required column (unit code, indicator, target…) is absent"},
         make_missing_column},
        {"header-separator", "structure", Severity::warning,
         {"表头行仅以全角逗号“，”分隔，无法识别列", "The header line is separated only by full-width commas '，'"},
         make_header_separator},
        {"unit-code-format", "structure", Severity::warning,
         {"单位代码格式不符合要求", "Unit code does not match the expected format"},
         make_unit_code_format},
        {"funds-invalid", "structure", Severity::error,
         {"资金总额不是数字或不大于0", "Total funds is not a number or not positive"},
         make_funds_invalid},
        {"goal-missing", "structure", Severity::error,
         {"绩效目标为空、为占位符或过于简略", "Performance goal is empty, a placeholder or too short"},
         make_goal_missing},
        {"bad-cell", "structure", Severity::error,
         {"单元格内容无法按该列的类型读取", "A cell cannot be read as its column's type"},
         make_bad_cell},
        {"indicator-level", "framework", Severity::error,
         {"一级指标不在指标体系内，或二级指标不属于其一级指标", "Level-1 indicator unknown, or level-2 not under its level-1"},
         make_indicator_level},
        {"placeholder-required", "placeholders", Severity::error,
         {"必填指标（经济成本、数量、质量、时效、效益、满意度）只填了“无”等占位符", "A required indicator slot holds only placeholders such as 无"},
         make_placeholder_required},
        {"placeholder-weight", "placeholders", Severity::warning,
         {"占位行（“无”）却填写了分值", "A placeholder row carries a weight"},
         make_placeholder_weight},
        {"cost-breakdown", "cost", Severity::error,
         {"经济成本未细化测算，或分项合计与资金总额不符", "Economic cost is not itemised, or the items do not sum to the total funds"},
         make_cost_breakdown},
        {"cost-exceeds-funds", "cost", Severity::error,
         {"成本指标值超过资金总额", "A cost target exceeds the project's total funds"},
         make_cost_exceeds_funds},
        {"total-mismatch", "structure", Severity::error,
         {"合计/总计行与其所合计的各项之和不符", "A total row does not equal the sum of what it totals"},
         make_total_mismatch},
        {"weight-missing", "weights", Severity::error,
         {"实际指标未填写分值（权重）", "A real indicator has no weight"},
         make_weight_missing},
        {"weight-total", "weights", Severity::error,
         {"指标分值加预算执行率分值不等于100", "Indicator weights plus budget execution do not total 100"},
         make_weight_total},
        {"value-not-numeric", "values", Severity::error,
         {"定量指标的指标值不是数字", "A quantitative indicator's target is not a number"},
         make_value_not_numeric},
        {"comparator-wording", "values", Severity::error,
         {"指标值类型与文字表述方向矛盾（如“不少于”却填“≤”）", "Comparator contradicts the wording (e.g. 不少于 with ≤)"},
         make_comparator_wording},
        {"comparator-direction", "values", Severity::warning,
         {"指标方向与指标类别不符（数量、质量、满意度应为≥或=，成本应为≤）", "Comparator direction unusual for the category (output ≥/=, cost ≤)"},
         make_comparator_direction},
        {"percent-range", "values", Severity::warning,
         {"百分比指标值超出0–100", "A percentage target is outside 0–100"},
         make_percent_range},
        {"unit-missing", "values", Severity::warning,
         {"定量指标缺少度量单位", "A quantitative indicator has no unit"},
         make_unit_missing},
        {"unit-echoes-value", "values", Severity::warning,
         {"度量单位只是把指标值重复了一遍", "The unit merely repeats the target value"},
         make_unit_echoes_value},
        {"duplicate-indicator", "values", Severity::warning,
         {"同一项目内三级指标重复", "The same indicator appears twice in a project"},
         make_duplicate_indicator},
        {"deduction-missing", "deduction", Severity::warning,
         {"缺少评（扣）分标准", "No deduction standard"},
         make_deduction_missing},
        {"deduction-discretionary", "deduction", Severity::info,
         {"扣分标准仅为“视情况扣分”，评分将采用默认公式", "Deduction is only discretionary (视情况扣分): scoring uses defaults"},
         make_deduction_discretionary},
        {"deduction-unparsed", "deduction", Severity::warning,
         {"扣分标准有无法理解的部分", "Part of the deduction standard could not be understood"},
         make_deduction_unparsed},
        {"actual-missing", "self-evaluation", Severity::error,
         {"自评时指标缺少实际完成值", "An indicator has no actual value in the self-evaluation"},
         make_actual_missing},
        {"actual-not-numeric", "self-evaluation", Severity::error,
         {"定量指标的实际完成值不是数字", "A quantitative indicator's actual value is not a number"},
         make_actual_not_numeric},
        {"deviation-reason-missing", "self-evaluation", Severity::warning,
         {"未完成目标却未填写偏差原因分析", "Actual falls short of target with no deviation reason"},
         make_deviation_reason_missing},
        {"score-out-of-band", "self-evaluation", Severity::error,
         {"自评得分超出其等级区间或超过分值", "A reviewer's score is outside its label's band or above the weight"},
         make_score_out_of_band},
        {"execution-low", "self-evaluation", Severity::warning,
         {"预算执行率低于90%且未说明原因", "Budget execution below 90% with no explanation"},
         make_execution_low},
    };
    return k_catalog;
}

const CatalogEntry* find_rule(std::string_view id) {
    for (const auto& e : catalog()) {
        if (id == e.id) return &e;
    }
    return nullptr;
}

}  // namespace perf_check::rules
