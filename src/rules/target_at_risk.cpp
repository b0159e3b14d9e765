// Rule target-at-risk (monitoring): a quantitative indicator whose value to date — projected linearly to the
// year end when it accumulates, taken as it is when it is a rate or satisfaction — misses its annual target;
// and a deadline (时效指标) already missed: done after it, or past it with no day of completion reported.
#include "monitor/judge.hpp"
#include "rules/factories.hpp"
#include "rules/finding_text.hpp"
#include "rules/rule_util.hpp"

namespace perf_check::rules {

namespace {

class TargetAtRisk final : public Rule {
public:
    TargetAtRisk(std::optional<monitor::Clock> clock, monitor::RiskSettings settings, ScoringPolicy policy)
        : m_clock(clock), m_settings(std::move(settings)), m_policy(std::move(policy)) {}

    void check(const Project& project, FindingSink& sink) const override {
        if (!m_clock) return;  // not a monitor run
        for (const auto& ind : project.indicators) {
            std::optional<IndicatorProgress> judged;
            if (monitor::monitored(ind)) {
                judged = monitor::judge_indicator(ind, *m_clock, m_settings, m_policy);
            } else {
                judged = monitor::judge_deadline(ind, *m_clock, m_policy);  // a 时效指标's date
            }
            if (!judged || !judged->at_risk) continue;  // also when the value is missing: progress-missing reports that
            const IndicatorProgress& ip = *judged;
            Finding f = monitor::progress_finding(project, &ind, ind.actual);
            f.message = monitor::risk_message(project, ind, ip, *m_clock);
            f.hint = monitor::risk_hint(ip);
            sink.add(std::move(f));
        }
    }

private:
    std::optional<monitor::Clock> m_clock;
    monitor::RiskSettings m_settings;
    ScoringPolicy m_policy;  // how values to date are read (qualitative bands are irrelevant here)
};

}  // namespace

Expected<std::unique_ptr<Rule>> make_target_at_risk(const RuleSet& rules, const Params& params) {
    auto settings = monitor::read_risk_settings(params);
    if (!settings) return settings.error();
    return std::unique_ptr<Rule>(
        std::make_unique<TargetAtRisk>(monitor::clock_of(rules), std::move(*settings), rules.scoring));
}

}  // namespace perf_check::rules
