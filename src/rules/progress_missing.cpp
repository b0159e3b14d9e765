// Rule progress-missing (monitoring): a monitored project with no 执行数 to date, or a quantitative
// indicator with no value to date — never judged as a silent zero.
#include "monitor/judge.hpp"
#include "rules/factories.hpp"
#include "rules/finding_text.hpp"
#include "rules/rule_util.hpp"

namespace perf_check::rules {

namespace {

class ProgressMissing final : public Rule {
public:
    ProgressMissing(std::optional<monitor::Clock> clock, ScoringPolicy policy)
        : m_clock(clock), m_policy(std::move(policy)) {}

    void check(const Project& project, FindingSink& sink) const override {
        if (!m_clock) return;  // not a monitor run
        // Only 执行数 matters here; the tolerance of execution-behind does not.
        const monitor::Execution e = monitor::judge_execution(project, *m_clock, monitor::ExecutionSettings{});
        int quantitative = 0;
        for (const auto& ind : project.indicators) quantitative += monitor::monitored(ind) ? 1 : 0;
        if (monitor::no_progress_at_all(project, e)) {
            // A project nobody reported on is one problem, not one per cell.
            Finding f = project_finding(project);
            f.message = monitor::missing_all_message(project, *m_clock, quantitative);
            f.hint = monitor::missing_hint();
            sink.add(std::move(f));
            return;
        }
        if (e.spent_missing) {
            Finding f = monitor::progress_finding(project, nullptr, project.spent);
            f.message = monitor::missing_spent_message(project, *m_clock);
            f.hint = monitor::missing_hint();
            sink.add(std::move(f));
        }
        if (e.budget_missing) {
            Finding f = project_finding(project);
            f.message = monitor::missing_budget_message(project);
            f.hint = {"在进度文件或目标表中填写预算数（万元），或更正资金总额。",
                      "Give the budget (万元) in the progress file or the table, or correct 资金总额."};
            sink.add(std::move(f));
        }
        for (const auto& ind : project.indicators) {
            if (!monitor::monitored(ind)) continue;
            const IndicatorProgress ip = monitor::judge_indicator(ind, *m_clock, monitor::RiskSettings{}, m_policy);
            if (!ip.missing) continue;
            Finding f = monitor::progress_finding(project, &ind, ind.actual);
            f.message = monitor::missing_value_message(project, ind, *m_clock);
            f.hint = monitor::missing_hint();
            sink.add(std::move(f));
        }
    }

private:
    std::optional<monitor::Clock> m_clock;
    ScoringPolicy m_policy;
};

}  // namespace

Expected<std::unique_ptr<Rule>> make_progress_missing(const RuleSet& rules, const Params& params) {
    if (auto err = monitor::check_progress_settings(params)) return *err;
    return std::unique_ptr<Rule>(std::make_unique<ProgressMissing>(monitor::clock_of(rules), rules.scoring));
}

}  // namespace perf_check::rules
