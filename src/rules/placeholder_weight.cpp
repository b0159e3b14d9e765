// Rule placeholder-weight: a placeholder row (无 …) that nonetheless carries a weight.
#include <fmt/format.h>

#include "rules/factories.hpp"
#include "rules/finding_text.hpp"
#include "rules/rule_util.hpp"

namespace perf_check::rules {

namespace {

constexpr const char* k_id = "placeholder-weight";

class PlaceholderWeight final : public Rule {
public:
    void check(const Project& project, FindingSink& sink) const override {
        for (const auto& ind : project.indicators) {
            if (!ind.placeholder || !ind.weight_points || *ind.weight_points <= Decimal{}) continue;
            Finding f = make_finding(project, &ind, ind.weight);
            const std::string points = amount(*ind.weight_points);
            f.message.zh = fmt::format("{}的{}是占位行（只填了“无”等），却填写了分值{}分；这些分值不会计入指标合计。",
                                       project_zh(project), indicator_zh(ind), points);
            f.message.en = fmt::format(
                "{} of {} is a placeholder row (only 无 or the like) but carries {} points, "
                "which count towards no indicator.",
                capitalise(indicator_en(ind)), project_en(project), points);
            f.hint.zh =
                "删除占位行的分值，把这些分值分配给实际指标；若该二级指标确实需要考核，请填写实际的三级指标和指标值。";
            f.hint.en =
                "Remove the weight from the placeholder row and give the points to real indicators; if this "
                "slot is really assessed, fill in a real indicator and target.";
            sink.add(std::move(f));
        }
    }
};

}  // namespace

Expected<std::unique_ptr<Rule>> make_placeholder_weight(const RuleSet& rules, const Params& params) {
    (void)rules;
    if (auto err = reject_unknown(params, k_id, {})) return *err;
    return std::unique_ptr<Rule>(std::make_unique<PlaceholderWeight>());
}

}  // namespace perf_check::rules
