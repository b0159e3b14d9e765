// Rule percent-range: a percentage target outside a plausible range (default 0–100%).
#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "rules/factories.hpp"
#include "rules/finding_text.hpp"
#include "rules/rule_util.hpp"
#include "util/text.hpp"

namespace perf_check::rules {
namespace {

constexpr const char* k_id = "percent-range";

class PercentRange final : public Rule {
public:
    PercentRange(Decimal min, Decimal max, std::vector<std::string> growth_words)
        : m_min(min), m_max(max), m_growth_words(std::move(growth_words)) {}

    void check(const Project& project, FindingSink& sink) const override {
        const std::string_view pname = project_label(project);
        for (const auto& ind : project.indicators) {
            // The unit is canonical after normalisation: 百分比 and ％ are "%", whether written in the
            // value cell ("90%") or in 度量单位.
            if (ind.placeholder || !ind.value.number || ind.value.unit != "%") continue;
            const Decimal n = *ind.value.number;
            if (n >= m_min && n <= m_max) continue;
            // A growth rate (增长率 120%, 下降 -5%) is a percentage with no such bound.
            if (std::any_of(m_growth_words.begin(), m_growth_words.end(),
                            [&](const std::string& w) { return util::contains(ind.name.text, w); }))
                continue;
            const bool above = n > m_max;
            Finding f = make_finding(project, &ind, ind.target);
            f.message = {
                fmt::format("项目“{}”的指标“{}”是百分比指标，指标值 {}% {}允许范围 {}%–{}%。", pname, ind.name.shown(),
                            n.str(), above ? "高于" : "低于", m_min.str(), m_max.str()),
                fmt::format("Project “{}”, indicator “{}” is a percentage; its target {}% is {} the allowed range "
                            "{}%–{}%.",
                            pname, ind.name.shown(), n.str(), above ? "above" : "below", m_min.str(), m_max.str())};
            f.hint = {"请核对指标值：比率类指标通常在0到100%之间；若填的是人数、金额等绝对数，请改正度量单位。",
                      "Check the target: a rate is normally between 0 and 100%; if it is an absolute figure "
                      "(people, money), correct the unit."};
            sink.add(std::move(f));
        }
    }

private:
    Decimal m_min;
    Decimal m_max;
    std::vector<std::string> m_growth_words;
};

}  // namespace

Expected<std::unique_ptr<Rule>> make_percent_range(const RuleSet& rules, const Params& params) {
    (void)rules;
    if (auto err = reject_unknown(params, k_id, {"min", "max", "growth_words"})) return *err;
    auto min = decimal_param(params, k_id, "min", Decimal::from_int(0));
    if (!min) return min.error();
    auto max = decimal_param(params, k_id, "max", Decimal::from_int(100));
    if (!max) return max.error();
    if (*min > *max) {
        Error e;
        const Param* p = params.find("min");
        if (!p) p = params.find("max");
        e.line = p ? p->line : 0;
        e.message =
            fmt::format("parameters of rule {}: min ({}) is greater than max ({})", k_id, min->str(), max->str());
        return e;
    }
    return Expected<std::unique_ptr<Rule>>(std::make_unique<PercentRange>(
        *min, *max, list_param(params, "growth_words", {"增长率", "增幅", "增速", "增长", "下降率", "降幅"})));
}

}  // namespace perf_check::rules
