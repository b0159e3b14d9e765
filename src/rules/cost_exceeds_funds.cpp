// Rule cost-exceeds-funds: a cost indicator whose money target is larger than the project's 资金总额.
#include <fmt/format.h>

#include "rules/cost_items.hpp"
#include "rules/factories.hpp"
#include "rules/finding_text.hpp"
#include "rules/rule_util.hpp"

namespace perf_check::rules {

namespace {

constexpr const char* k_id = "cost-exceeds-funds";

class CostExceedsFunds final : public Rule {
public:
    explicit CostExceedsFunds(Decimal tolerance) : m_tolerance(tolerance) {}

    void check(const Project& project, FindingSink& sink) const override {
        // funds-invalid reports a total that is unreadable or not above 0 (every cost would "exceed" 0).
        if (!project.funds_wan || *project.funds_wan <= Decimal{}) return;
        const Decimal funds = *project.funds_wan;
        for (const auto& ind : project.indicators) {
            if (ind.placeholder || !is_cost(ind)) continue;
            const auto wan = target_wan(ind);  // nullopt for 人, %, 元/人 …: not money, nothing to compare
            if (!wan || *wan <= funds + m_tolerance) continue;
            Finding f = make_finding(project, &ind, ind.target);
            const std::string unit = target_unit(ind);
            const std::string target = amount(*ind.value.number) + unit;
            const std::string target_zh = unit == "万元" ? target : fmt::format("{}（即{}万元）", target, amount(*wan));
            const std::string target_en = unit == "万元" ? target : fmt::format("{} (= {} 万元)", target, amount(*wan));
            f.message.zh = fmt::format("{}的{}指标值为{}，超过了资金总额{}万元，多出{}万元。", project_zh(project),
                                       indicator_zh(ind), target_zh, amount(funds), amount(*wan - funds));
            f.message.en =
                fmt::format("The target of {} of {} is {}, more than the total funds of {} 万元 (by {} 万元).",
                            indicator_en(ind), project_en(project), target_en, amount(funds), amount(*wan - funds));
            f.hint.zh =
                "成本不能超过项目资金总额：核对指标值和度量单位（元/万元）是否写错；若资金总额有误，请更正资金总额。";
            f.hint.en =
                "A cost cannot exceed the project's total funds: check the target and its unit (元 vs 万元); if "
                "the total funds are wrong, correct them.";
            sink.add(std::move(f));
        }
    }

private:
    Decimal m_tolerance;
};

}  // namespace

Expected<std::unique_ptr<Rule>> make_cost_exceeds_funds(const RuleSet& rules, const Params& params) {
    (void)rules;
    if (auto err = reject_unknown(params, k_id, {"tolerance"})) return *err;
    auto tolerance = decimal_param(params, k_id, "tolerance", Decimal::from_raw(10000));
    if (!tolerance) return tolerance.error();
    if (*tolerance < Decimal{}) {
        Error e;
        e.line = params.find("tolerance")->line;
        e.message = std::string("parameter 'tolerance' of rule ") + k_id + " must be ≥ 0 (万元), got '" +
                    tolerance->str() + "'";
        return e;
    }
    return std::unique_ptr<Rule>(std::make_unique<CostExceedsFunds>(*tolerance));
}

}  // namespace perf_check::rules
