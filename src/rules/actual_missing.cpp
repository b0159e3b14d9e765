// Rule actual-missing: in a self-evaluation, a real indicator with no 实际完成值, or a project with
// indicator actuals but no 全年预算数 / 全年执行数 (or a budget of 0) — never a silent zero.
#include <string>
#include <vector>

#include <fmt/format.h>

#include "rules/factories.hpp"
#include "rules/finding_text.hpp"
#include "rules/rule_util.hpp"
#include "scoring/actuals.hpp"

namespace perf_check::rules {
namespace {

class ActualMissing final : public Rule {
public:
    ActualMissing(Placeholders placeholders, bool every_project_scored) : m_every_project_scored(every_project_scored) {
        m_tokens.placeholders = std::move(placeholders);
    }

    void check(const Project& project, FindingSink& sink) const override {
        // Only a project that is being self-evaluated needs actuals; in a score run, every project is.
        if (!scoring::has_actuals(project)) {
            if (m_every_project_scored && !project.indicators.empty()) report_unevaluated(project, sink);
            return;
        }
        const std::string_view pname = project_label(project);
        bool any_indicator_actual = false;
        for (const auto& ind : project.indicators) {
            if (ind.placeholder) continue;
            if (!ind.actual.empty()) any_indicator_actual = true;
            if (!m_tokens.is_placeholder(ind.actual.text)) continue;
            Finding f = scoring::self_evaluation_finding(project, &ind, ind.actual);
            // A 定性 indicator with a reviewer's 得分 is scored by it (scoring::score_indicator); any other
            // indicator without an actual scores 0.
            const auto reviewer = scoring::is_numeric_target(ind) ? std::nullopt : scoring::read_reviewer_score(ind);
            const std::string scored_zh =
                reviewer ? fmt::format("评分暂按自评得分{}分计", reviewer->str()) : "本项按0分计";
            const std::string scored_en =
                reviewer ? fmt::format("it is scored by the reviewer's {} for now", reviewer->str()) : "it scores 0";
            if (ind.actual.empty()) {
                f.message = {
                    fmt::format("项目“{}”的指标“{}”未填写实际完成值，{}。", pname, ind.name.shown(), scored_zh),
                    fmt::format("Project “{}”, indicator “{}” has no actual value; {}.", pname, ind.name.shown(),
                                scored_en)};
            } else {
                f.message = {fmt::format("项目“{}”的指标“{}”实际完成值只填了“{}”，{}。", pname, ind.name.shown(),
                                         ind.actual.shown(), scored_zh),
                             fmt::format("Project “{}”, indicator “{}”: the actual value is only “{}”; {}.", pname,
                                         ind.name.shown(), ind.actual.shown(), scored_en)};
            }
            f.hint = {
                fmt::format("请在“实际完成值”列填写全年实际完成情况：定量指标填数字（如与指标值“{}”同口径），"
                            "定性指标填“达成年度指标”“部分达成年度指标并具有一定效果”或“未达成年度指标且效果较差”。",
                            ind.target.shown()),
                fmt::format("Fill in 实际完成值 with the year's actual: a number for a quantitative indicator "
                            "(on the same basis as the target “{}”), or a label (达成年度指标 / "
                            "部分达成年度指标并具有一定效果 / 未达成年度指标且效果较差) for a qualitative one.",
                            ind.target.shown())};
            sink.add(std::move(f));
        }
        // Indicator actuals without the budget figures leave 预算执行率 (10 points) unscored.
        if (any_indicator_actual) {
            std::vector<std::string> zh;
            std::vector<std::string> en;
            // A placeholder (-, 无, /) is as empty as an empty cell: no number, a silent 0 otherwise.
            if (m_tokens.is_placeholder(project.budget.text)) {
                zh.push_back("全年预算数");
                en.push_back("全年预算数 (annual budget)");
            }
            if (m_tokens.is_placeholder(project.spent.text)) {
                zh.push_back("全年执行数");
                en.push_back("全年执行数 (amount spent)");
            }
            // Made once: every project with actuals comes here, few are reported.
            static const Text hint = {
                "请填写调整后的全年预算数和全年执行数（与资金总额同一金额单位），预算执行率 = 执行数 ÷ 预算数。",
                "Fill in the adjusted annual budget and the amount spent (in the table's money unit); "
                "budget execution = spent ÷ budget."};
            if (!zh.empty()) {
                Finding f = scoring::self_evaluation_finding(
                    project, nullptr, m_tokens.is_placeholder(project.spent.text) ? project.spent : project.budget);
                f.message = {fmt::format("项目“{}”已填写指标实际完成值，但未填写{}，预算执行率按0分计。", pname,
                                         fmt::join(zh, "、")),
                             fmt::format("Project “{}” has indicator actuals but no {}; budget execution scores 0.",
                                         pname, fmt::join(en, " or "))};
                f.hint = hint;
                sink.add(std::move(f));
            } else if (const auto budget = scoring::money_wan(project.budget, project.money_unit);
                       budget && *budget <= Decimal{}) {
                // A budget of 0 gives no rate (spent ÷ 0): as much a missing figure as an empty cell.
                Finding f = scoring::self_evaluation_finding(project, nullptr, project.budget);
                f.message = {
                    fmt::format(
                        "项目“{}”的全年预算数为“{}”，无法计算预算执行率（执行数 ÷ 预算数），预算执行率按0分计。", pname,
                        project.budget.shown()),
                    fmt::format("Project “{}”: the annual budget (全年预算数) is “{}”, so budget execution "
                                "(spent ÷ budget) cannot be computed; it scores 0.",
                                pname, project.budget.shown())};
                f.hint = hint;
                sink.add(std::move(f));
            }
        }
    }

private:
    // `perf-check score` on a project with nothing to score: every indicator and 预算执行率 would be a
    // silent 0 (the rules above stand down for a project that is not being self-evaluated).
    static void report_unevaluated(const Project& project, FindingSink& sink) {
        const std::string_view pname = project_label(project);
        Finding f = project_finding(project);
        f.message = {fmt::format("项目“{}”没有任何自评数据（各指标实际完成值、全年预算数、全年执行数均为空），"
                                 "总分按0分计。",
                                 pname),
                     fmt::format("Project “{}” has no self-evaluation data at all (no indicator actual, no annual "
                                 "budget or amount spent); its total scores 0.",
                                 pname)};
        f.hint = {
            "请填写各指标的实际完成值和项目的全年预算数、全年执行数；若实际值在单独的文件中（--actuals），"
            "请核对该文件中的单位代码、项目名称、三级指标是否与绩效目标表一致。",
            "Fill in each indicator's actual and the project's annual budget and amount spent; if the actuals "
            "come from a separate file (--actuals), check that its 单位代码, project name and 三级指标 match "
            "the target table."};
        sink.add(std::move(f));
    }

    // Only the placeholder tokens are kept, so the rule does not depend on the set's lifetime.
    RuleSet m_tokens;
    bool m_every_project_scored;
};

}  // namespace

Expected<std::unique_ptr<Rule>> make_actual_missing(const RuleSet& rules, const Params& params) {
    if (auto err = reject_unknown(params, "actual-missing", {})) return *err;
    return Expected<std::unique_ptr<Rule>>(
        std::make_unique<ActualMissing>(rules.placeholders, rules.scoring.every_project_scored));
}

}  // namespace perf_check::rules
