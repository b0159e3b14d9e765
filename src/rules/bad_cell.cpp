// Rule bad-cell: one finding per cell that normalisation could not read as its column's type.
#include <fmt/format.h>

#include "rules/factories.hpp"
#include "rules/finding_text.hpp"
#include "rules/rule_util.hpp"

namespace perf_check::rules {

namespace {

constexpr const char* k_id = "bad-cell";

class BadCell final : public Rule {
public:
    void check(const Project& project, FindingSink& sink) const override {
        for (const auto& problem : project.problems) report(project, nullptr, problem, sink);
        for (const auto& indicator : project.indicators) {
            for (const auto& problem : indicator.problems) report(project, &indicator, problem, sink);
        }
    }

private:
    static void report(const Project& project, const Indicator* indicator, const CellProblem& problem,
                       FindingSink& sink) {
        Finding f = make_finding(project, indicator, problem.cell);
        const std::string where_zh =
            indicator ? project_zh(project) + "中" + indicator_zh(*indicator) + "的" : project_zh(project) + "的";
        const std::string where_en =
            indicator ? indicator_en(*indicator) + " of " + project_en(project) : project_en(project);
        const std::string held_zh = f.value.empty() ? std::string("为空") : "填写的是“" + f.value + "”";
        const std::string held_en = f.value.empty() ? std::string("is empty") : "holds “" + f.value + "”";
        f.message.zh = fmt::format("{}“{}”列{}，无法读作{}。", where_zh, problem.column, held_zh, problem.expected);
        f.message.en = fmt::format("The “{}” cell of {} {}, which cannot be read as the column's type (expected: {}).",
                                   problem.column, where_en, held_en, problem.expected);
        f.hint.zh = fmt::format(
            "把这个单元格改为{}，去掉多余的文字和符号；需要说明的内容请写在“指标值内容”等文字列中。", problem.expected);
        f.hint.en = fmt::format(
            "Rewrite the cell as {}, without extra words or signs; put explanations in a text "
            "column such as 指标值内容.",
            problem.expected);
        sink.add(std::move(f));
    }
};

}  // namespace

Expected<std::unique_ptr<Rule>> make_bad_cell(const RuleSet& rules, const Params& params) {
    (void)rules;
    if (auto err = reject_unknown(params, k_id, {})) return *err;
    return std::unique_ptr<Rule>(std::make_unique<BadCell>());
}

}  // namespace perf_check::rules
