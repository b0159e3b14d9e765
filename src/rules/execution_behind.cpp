// Rule execution-behind (monitoring): budget execution to date trails the share of the year elapsed by more
// than a tolerance in percentage points.
#include "monitor/judge.hpp"
#include "rules/factories.hpp"
#include "rules/finding_text.hpp"
#include "rules/rule_util.hpp"

namespace perf_check::rules {

namespace {

class ExecutionBehind final : public Rule {
public:
    ExecutionBehind(std::optional<monitor::Clock> clock, monitor::ExecutionSettings settings)
        : m_clock(clock), m_settings(settings) {}

    void check(const Project& project, FindingSink& sink) const override {
        if (!m_clock) return;  // not a monitor run
        const monitor::Execution e = monitor::judge_execution(project, *m_clock, m_settings);
        if (!e.behind) return;  // also when 执行数 or 预算数 is missing: progress-missing reports that
        // The 执行数 cell is the evidence; it lies in the progress file when the data came from there.
        Finding f = monitor::progress_finding(project, nullptr, project.spent);
        f.message = monitor::execution_message(project, e, *m_clock);
        f.hint = monitor::execution_hint();
        sink.add(std::move(f));
    }

private:
    std::optional<monitor::Clock> m_clock;
    monitor::ExecutionSettings m_settings;
};

}  // namespace

Expected<std::unique_ptr<Rule>> make_execution_behind(const RuleSet& rules, const Params& params) {
    auto settings = monitor::read_execution_settings(params);
    if (!settings) return settings.error();
    return std::unique_ptr<Rule>(std::make_unique<ExecutionBehind>(monitor::clock_of(rules), *settings));
}

}  // namespace perf_check::rules
