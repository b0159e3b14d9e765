// Rule execution-over-budget (monitoring): spending to date above the year's budget — money spent that
// the budget does not cover, and a project that lifts the department's execution rate while others lag.
#include "monitor/judge.hpp"
#include "rules/factories.hpp"
#include "rules/rule_util.hpp"

namespace perf_check::rules {

namespace {

class ExecutionOverBudget final : public Rule {
public:
    ExecutionOverBudget(std::optional<monitor::Clock> clock, monitor::ExecutionSettings settings)
        : m_clock(clock), m_settings(settings) {}

    void check(const Project& project, FindingSink& sink) const override {
        if (!m_clock) return;  // not a monitor run
        const monitor::Execution e = monitor::judge_execution(project, *m_clock, m_settings);
        if (!monitor::over_budget(e)) return;
        Finding f = monitor::progress_finding(project, nullptr, project.spent);
        f.message = monitor::over_budget_message(project, e, *m_clock);
        f.hint = monitor::over_budget_hint();
        sink.add(std::move(f));
    }

private:
    std::optional<monitor::Clock> m_clock;
    monitor::ExecutionSettings m_settings;
};

}  // namespace

Expected<std::unique_ptr<Rule>> make_execution_over_budget(const RuleSet& rules, const Params& params) {
    if (auto err = reject_unknown(params, "execution-over-budget", {})) return *err;
    return std::unique_ptr<Rule>(
        std::make_unique<ExecutionOverBudget>(monitor::clock_of(rules), monitor::ExecutionSettings{}));
}

}  // namespace perf_check::rules
