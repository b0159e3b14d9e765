// Rule deduction-missing: a real indicator whose 评（扣分标准） is empty or only a placeholder.
#include <string>
#include <vector>

#include <fmt/format.h>

#include "rules/factories.hpp"
#include "rules/finding_text.hpp"
#include "rules/rule_util.hpp"
#include "scoring/actuals.hpp"

namespace perf_check::rules {
namespace {

class DeductionMissing final : public Rule {
public:
    explicit DeductionMissing(Placeholders placeholders) { m_tokens.placeholders = std::move(placeholders); }

    void check(const Project& project, FindingSink& sink) const override {
        const std::string_view pname = project_label(project);
        for (const auto& ind : project.indicators) {
            if (ind.placeholder || !m_tokens.is_placeholder(ind.deduction.text)) continue;
            // The national self-evaluation form has no column for it (a province's 申报表 that adds one is asked).
            if (project.form && ind.deduction.loc.column == 0) continue;
            Finding f = make_finding(project, &ind, ind.deduction);
            if (ind.deduction.empty()) {
                f.message = {
                    fmt::format("项目“{}”的指标“{}”未填写评（扣分）标准。", pname, ind.name.shown()),
                    fmt::format("Project “{}”, indicator “{}” has no deduction standard.", pname, ind.name.shown())};
            } else {
                f.message = {fmt::format("项目“{}”的指标“{}”评（扣分）标准只填了“{}”。", pname, ind.name.shown(),
                                         ind.deduction.shown()),
                             fmt::format("Project “{}”, indicator “{}”: the deduction standard is only “{}”.", pname,
                                         ind.name.shown(), ind.deduction.shown())};
            }
            // The example fits the indicator's direction: a cost loses points for going over, not short.
            // A deadline (a date for a target) loses points for lateness.
            const Text example =
                scoring::deadline_of(ind) ? deadline_example() : deduction_example(ind.comparator, ind.value.unit);
            f.hint = {"请写明如何扣分，例如" + example.zh + "；否则自评时只能按默认公式计分。",
                      "State how points are lost, e.g. " + example.en +
                          "; otherwise scoring falls back to the default formula."};
            sink.add(std::move(f));
        }
    }

private:
    // Only the placeholder tokens are copied, so the rule does not depend on the set's lifetime.
    RuleSet m_tokens;
};

}  // namespace

Expected<std::unique_ptr<Rule>> make_deduction_missing(const RuleSet& rules, const Params& params) {
    if (auto err = reject_unknown(params, "deduction-missing", {})) return *err;
    return Expected<std::unique_ptr<Rule>>(std::make_unique<DeductionMissing>(rules.placeholders));
}

}  // namespace perf_check::rules
