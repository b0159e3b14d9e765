// Rule value-not-numeric: a quantitative target (≥ ≤ > < =) whose 指标值 holds no number (nor a date: a
// deadline of a 时效指标 is compared as one).
#include <fmt/format.h>

#include "model/dates.hpp"
#include "rules/factories.hpp"
#include "rules/finding_text.hpp"
#include "rules/rule_util.hpp"

namespace perf_check::rules {
namespace {

bool states_quantity(Comparator c) {
    return c == Comparator::ge || c == Comparator::gt || c == Comparator::le || c == Comparator::lt ||
           c == Comparator::eq;
}

/// Finds indicators whose comparator asks for a number while the target is text or empty.
class ValueNotNumeric final : public Rule {
public:
    void check(const Project& project, FindingSink& sink) const override {
        const std::string_view pname = project_label(project);
        for (const auto& ind : project.indicators) {
            // Placeholder rows are another rule's business; 定性 and unstated comparators need no number.
            if (ind.placeholder || !states_quantity(ind.comparator) || ind.value.number || ind.value.date) continue;
            const std::string sym = comparator_symbol(ind.comparator);
            Finding f = make_finding(project, &ind, ind.target);
            if (ind.target.empty()) {
                f.message = {fmt::format("项目“{}”的指标“{}”指标值类型为“{}”（定量），但指标值为空。", pname,
                                         ind.name.shown(), sym),
                             fmt::format("Project “{}”, indicator “{}”: the comparator is “{}” (quantitative) but "
                                         "the target is empty.",
                                         pname, ind.name.shown(), sym)};
            } else if (model::impossible_date(ind.target.text)) {
                f.message = {fmt::format("项目“{}”的指标“{}”的指标值“{}”不是日历上存在的日期。", pname,
                                         ind.name.shown(), ind.target.shown()),
                             fmt::format("Project “{}”, indicator “{}”: the target “{}” is no day of the calendar.",
                                         pname, ind.name.shown(), ind.target.shown())};
                f.hint = {"请改为存在的日期（如该月最后一天，或写“X月底前”）。",
                          "Write a day that exists (such as the month's last day, or “X月底前”)."};
                sink.add(std::move(f));
                continue;
            } else {
                f.message = {fmt::format("项目“{}”的指标“{}”指标值类型为“{}”（定量），但指标值“{}”不是数字。", pname,
                                         ind.name.shown(), sym, ind.target.shown()),
                             fmt::format("Project “{}”, indicator “{}”: the comparator is “{}” (quantitative) but "
                                         "the target “{}” is not a number.",
                                         pname, ind.name.shown(), sym, ind.target.shown())};
            }
            f.hint = {
                "定量指标的指标值应填写数字（如“95”，单位写在度量单位列）；若该指标无法量化，请把指标值类型改为“定性”"
                "。",
                "Write a number as the target of a quantitative indicator (e.g. “95”, with the unit in the "
                "unit column); if it cannot be quantified, set the comparator to 定性."};
            sink.add(std::move(f));
        }
    }
};

}  // namespace

Expected<std::unique_ptr<Rule>> make_value_not_numeric(const RuleSet& rules, const Params& params) {
    (void)rules;
    if (auto err = reject_unknown(params, "value-not-numeric", {})) return *err;
    return Expected<std::unique_ptr<Rule>>(std::make_unique<ValueNotNumeric>());
}

}  // namespace perf_check::rules
