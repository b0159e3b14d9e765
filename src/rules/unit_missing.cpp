// Rule unit-missing: a quantitative target with a number but no unit, neither in 度量单位 nor in the
// value cell ("≥136" with 度量单位 empty: 136 what?).
#include <string>
#include <vector>

#include <fmt/format.h>

#include "model/normalize.hpp"
#include "rules/factories.hpp"
#include "rules/finding_text.hpp"
#include "rules/rule_util.hpp"
#include "scoring/actuals.hpp"

namespace perf_check::rules {
namespace {

class UnitMissing final : public Rule {
public:
    explicit UnitMissing(Placeholders placeholders) { m_tokens.placeholders = std::move(placeholders); }

    void check(const Project& project, FindingSink& sink) const override {
        const std::string_view pname = project_label(project);
        for (const auto& ind : project.indicators) {
            if (ind.placeholder || !is_quantitative(ind) || !ind.value.number) continue;
            if (scoring::deadline_of(ind)) continue;  // a month written 2024.12 under 时效指标: a date, no unit
            // value.unit already takes the unit from the value cell ("90%", "≥50个") or from 度量单位;
            // a placeholder such as "-" or "无" is no unit either. A bare 万/亿 (1.2万) is a multiple, not a
            // unit: read as 万元, which only a cost indicator is sure to mean.
            const std::string_view multiple = is_cost(ind) ? std::string_view() : model::bare_multiple(ind.value);
            if (multiple.empty() && !m_tokens.is_placeholder(ind.value.unit)) continue;
            if (!m_tokens.is_placeholder(ind.unit.text)) continue;
            const std::string sym = comparator_symbol(ind.comparator);
            const std::string shown = !multiple.empty() ? std::string(ind.target.shown())
                                      : sym.empty()     ? ind.value.number->str()
                                                        : sym + " " + ind.value.number->str();
            Finding f = make_finding(project, &ind, ind.unit.empty() ? ind.target : ind.unit);
            f.message = {
                fmt::format("项目“{}”的指标“{}”是定量指标（{}），但没有度量单位。", pname, ind.name.shown(), shown),
                fmt::format("Project “{}”, indicator “{}” is quantitative ({}) but has no unit.", pname,
                            ind.name.shown(), shown)};
            const std::string example = ind.value.number->str() + std::string(multiple);
            f.hint = {
                fmt::format("请在度量单位列填写计量单位（如“人”“万元”“%”），或在指标值中写明（如“{}人”）。", example),
                fmt::format("Fill in the unit column (e.g. 人, 万元, %), or write the unit in the target "
                            "(e.g. “{}人”).",
                            example)};
            sink.add(std::move(f));
        }
    }

private:
    // Only the placeholder tokens are copied, so the rule does not depend on the set's lifetime.
    RuleSet m_tokens;
};

}  // namespace

Expected<std::unique_ptr<Rule>> make_unit_missing(const RuleSet& rules, const Params& params) {
    if (auto err = reject_unknown(params, "unit-missing", {})) return *err;
    return Expected<std::unique_ptr<Rule>>(std::make_unique<UnitMissing>(rules.placeholders));
}

}  // namespace perf_check::rules
