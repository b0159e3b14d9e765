// Rule weight-missing: a real (non-placeholder) indicator with no readable weight, or one of 0 or less.
#include "rules/factories.hpp"
#include "rules/finding_text.hpp"
#include "rules/rule_util.hpp"
#include "util/text.hpp"

namespace perf_check::rules {

namespace {

constexpr const char* k_id = "weight-missing";

class WeightMissing final : public Rule {
public:
    WeightMissing(Decimal weight_total, Decimal budget_execution)
        : m_indicator_total(weight_total - budget_execution), m_budget_execution(budget_execution) {
        // The hints depend on the rule set only: worded once, not per finding.
        m_hint.zh = format_text("在“备注”（分值）列填写该指标的分值，如“10分”；各指标分值合计应为{}分。",
                                amount(m_indicator_total));
        m_hint.en = format_text(
            "Write the indicator's weight in the 备注 (weight) column, e.g. “10分”; the "
            "indicator weights must total {} points.",
            amount(m_indicator_total));
        m_budget_hint.zh = format_text(
            "预算执行率在自评中单独计{}"
            "分，一般不作为绩效指标列出；如需保留，请为其分配分值并相应调整其他指标。",
            amount(m_budget_execution));
        m_budget_hint.en = format_text(
            " Budget execution is scored separately ({} points) in the self-evaluation "
            "and is usually not listed as an indicator; if you keep it, give it points "
            "and adjust the others.",
            amount(m_budget_execution));
    }

    void check(const Project& project, FindingSink& sink) const override {
        // English only for a run that shows it (FindingSink::wants_english).
        const bool english = sink.wants_english();
        for (const auto& ind : project.indicators) {
            // 0分 is no weight either: the indicator can never score (a review found 0分 passed).
            if (ind.placeholder || (ind.weight_points && *ind.weight_points > Decimal{})) continue;
            Finding f = make_finding(project, &ind, ind.weight);
            if (ind.weight_points) {
                f.message.zh = format_text("{}的{}分值为“{}”：分值不大于0的指标在自评中得不到分，等于没有分值。",
                                           project_zh(project), indicator_zh(ind), f.value);
                if (english) {
                    f.message.en = format_text(
                        "The weight “{}” of {} of {} is not above 0: the indicator can never score, as if it had "
                        "no weight.",
                        f.value, indicator_en(ind), project_en(project));
                }
            } else if (ind.weight.empty()) {
                f.message.zh = format_text("{}的{}没有填写分值。", project_zh(project), indicator_zh(ind));
                if (english) {
                    f.message.en =
                        format_text("{} of {} has no weight.", capitalise(indicator_en(ind)), project_en(project));
                }
            } else {
                f.message.zh = format_text("{}的{}分值“{}”不是有效的分数，该指标等于没有分值。", project_zh(project),
                                           indicator_zh(ind), f.value);
                if (english) {
                    f.message.en = format_text(
                        "The weight “{}” of {} of {} is not a number of points, so the indicator "
                        "has no weight.",
                        f.value, indicator_en(ind), project_en(project));
                }
            }
            f.hint.zh = m_hint.zh;
            if (english) f.hint.en = m_hint.en;
            // 预算执行率 listed as an indicator is usually the form's separate budget-execution item.
            if (util::contains(ind.name.text, "预算执行率") && m_budget_execution > Decimal{}) {
                f.hint.zh += m_budget_hint.zh;
                if (english) f.hint.en += m_budget_hint.en;
            }
            sink.add(std::move(f));
        }
    }

private:
    Decimal m_indicator_total;
    Decimal m_budget_execution;
    Text m_hint;         ///< every finding's
    Text m_budget_hint;  ///< added for an indicator named 预算执行率
};

}  // namespace

Expected<std::unique_ptr<Rule>> make_weight_missing(const RuleSet& rules, const Params& params) {
    if (auto err = reject_unknown(params, k_id, {})) return *err;
    return std::unique_ptr<Rule>(std::make_unique<WeightMissing>(rules.weight_total, rules.budget_execution_weight));
}

}  // namespace perf_check::rules
