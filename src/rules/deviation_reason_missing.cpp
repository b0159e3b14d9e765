// Rule deviation-reason-missing: in a self-evaluation, an actual that falls short of its target (per the
// comparator, or a 定性 label below 达成) with no 偏差原因分析及改进措施.
#include <string>

#include "rules/factories.hpp"
#include "rules/finding_text.hpp"
#include "rules/rule_util.hpp"
#include "scoring/actuals.hpp"

namespace perf_check::rules {
namespace {

class DeviationReasonMissing final : public Rule {
public:
    explicit DeviationReasonMissing(const RuleSet& rules) {
        m_rules.placeholders = rules.placeholders;
        m_rules.scoring = rules.scoring;
    }

    void check(const Project& project, FindingSink& sink) const override {
        if (!scoring::has_actuals(project)) return;
        const std::string_view pname = project_label(project);
        for (const auto& ind : project.indicators) {
            // "无" explains nothing: a placeholder counts as no reason.
            if (ind.placeholder || !m_rules.is_placeholder(ind.deviation.text)) continue;
            if (m_rules.is_placeholder(ind.actual.text)) continue;  // actual-missing reports it
            const scoring::ActualReading a = scoring::read_actual(ind, m_rules.scoring);
            if (!scoring::falls_short(ind, a, m_rules.scoring)) continue;
            const std::string target = scoring::target_display(ind);
            Finding f = scoring::self_evaluation_finding(project, &ind, ind.deviation);
            f.value = ind.actual.as_read();
            f.message = in_languages(
                sink,
                format_text("项目“{}”的指标“{}”实际完成值“{}”未达到指标值“{}”，但未填写偏差原因分析及改进措施。", pname,
                            ind.name.shown(), ind.actual.shown(), target),
                [&] {
                    return format_text(
                        "Project “{}”, indicator “{}”: the actual “{}” falls short of the target “{}”, "
                        "but no deviation reason (偏差原因分析及改进措施) is given.",
                        pname, ind.name.shown(), ind.actual.shown(), target);
                });
            f.hint = in_languages(
                sink,
                "请在“偏差原因分析及改进措施”列说明未完成的原因（政策调整、资金拨付、项目实施等）和下一步改进措施。",
                [] {
                    return std::string(
                        "In 偏差原因分析及改进措施, explain why the target was missed (policy change, funding, "
                        "implementation…) and what will be done about it.");
                });
            sink.add(std::move(f));
        }
    }

private:
    // The placeholder tokens and the scoring policy (bands) are copied, not the whole set.
    RuleSet m_rules;
};

}  // namespace

Expected<std::unique_ptr<Rule>> make_deviation_reason_missing(const RuleSet& rules, const Params& params) {
    if (auto err = reject_unknown(params, "deviation-reason-missing", {})) return *err;
    return Expected<std::unique_ptr<Rule>>(std::make_unique<DeviationReasonMissing>(rules));
}

}  // namespace perf_check::rules
