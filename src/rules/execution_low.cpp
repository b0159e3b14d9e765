// Rule execution-low: 预算执行率 (全年执行数 ÷ 全年预算数) below the rule set's threshold (default 90%)
// with no explanation. The table has no project-level reason column, so the project's 偏差原因 cells
// stand in: one that mentions the budget, spending or funds (预算, 执行, 资金 by default) explains it.
#include <string>
#include <vector>

#include "rules/factories.hpp"
#include "rules/finding_text.hpp"
#include "rules/rule_util.hpp"
#include "scoring/actuals.hpp"
#include "util/text.hpp"

namespace perf_check::rules {
namespace {

class ExecutionLow final : public Rule {
public:
    ExecutionLow(Decimal threshold, std::vector<std::string> keywords)
        : m_threshold(threshold), m_keywords(std::move(keywords)) {}

    void check(const Project& project, FindingSink& sink) const override {
        const auto budget = scoring::money_wan(project.budget, project.money_unit);
        const auto spent = scoring::money_wan(project.spent, project.money_unit);
        // Nothing to compute (actual-missing), or a negative amount spent (actual-not-numeric).
        if (!budget || !spent || *budget <= Decimal{} || *spent < Decimal{}) return;
        const Decimal rate = *spent / *budget;
        if (rate >= m_threshold) return;
        for (const auto& ind : project.indicators) {
            for (const auto& k : m_keywords)
                if (util::contains(ind.deviation.text, k)) return;
        }
        const std::string_view pname = project_label(project);
        const Decimal hundred = Decimal::from_int(100);
        const std::string pct = (rate * hundred).round(2).str();
        const std::string limit = (m_threshold * hundred).str();
        Finding f = scoring::self_evaluation_finding(project, nullptr, project.spent);
        f.message = in_languages(
            sink,
            format_text("项目“{}”预算执行率为{}%（全年执行数{}万元 ÷ 全年预算数{}万元），低于{}%，且未说明原因。",
                        pname, pct, spent->str(), budget->str(), limit),
            [&] {
                return format_text(
                    "Project “{}”: budget execution is {}% (spent {}万元 ÷ budget {}万元), below {}%, "
                    "with no explanation.",
                    pname, pct, spent->str(), budget->str(), limit);
            });
        f.hint = in_languages(
            sink,
            format_text(
                "请在“偏差原因分析及改进措施”中说明预算执行率偏低的原因（如资金结余、项目延期、预算调整）及改进措施"
                "（说明中写到{}之一即视为已说明）。",
                util::join(m_keywords, "、")),
            [&] {
                return format_text(
                    "Explain the low execution (funds left over, delays, budget changes…) and the remedy "
                    "in 偏差原因分析及改进措施; a reason mentioning {} counts as an explanation.",
                    util::join(m_keywords, " / "));
            });
        sink.add(std::move(f));
    }

private:
    Decimal m_threshold;
    std::vector<std::string> m_keywords;
};

}  // namespace

Expected<std::unique_ptr<Rule>> make_execution_low(const RuleSet& rules, const Params& params) {
    if (auto err = reject_unknown(params, "execution-low", {"explained_by"})) return *err;
    std::vector<std::string> keywords = list_param(params, "explained_by", {"预算", "执行", "资金"});
    bool blank = keywords.empty();
    for (const auto& k : keywords) blank = blank || util::strip_spaces(k).empty();
    if (blank) {
        // An empty word would be found in every reason and silence the rule.
        Error e;
        e.line = params.find("explained_by")->line;
        e.message = "parameter 'explained_by' of rule execution-low must list non-empty words, e.g. [预算, 执行, 资金]";
        return e;
    }
    return Expected<std::unique_ptr<Rule>>(
        std::make_unique<ExecutionLow>(rules.scoring.execution_threshold, std::move(keywords)));
}

}  // namespace perf_check::rules
