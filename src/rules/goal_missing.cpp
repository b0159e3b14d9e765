// Rule goal-missing: a project's 实施期绩效目标 is empty, a placeholder, or too short to say anything.
#include <fmt/format.h>

#include "rules/factories.hpp"
#include "rules/finding_text.hpp"
#include "rules/rule_util.hpp"
#include "util/text.hpp"

namespace perf_check::rules {

namespace {

constexpr const char* k_id = "goal-missing";
constexpr std::int64_t k_default_min_length = 10;

// The characters of `s` other than spaces (which say nothing), counted up to `limit`: whether a goal
// is long enough is decided at its tenth character, however long it is.
std::size_t letters_up_to(std::string_view s, std::size_t limit) {
    std::size_t n = 0;
    std::size_t p = 0;
    while (p < s.size() && n < limit) {
        if (!util::is_space(util::next_code_point(s, p))) ++n;
    }
    return n;
}

class GoalMissing final : public Rule {
public:
    // Only the placeholder tokens are kept, so the rule does not depend on the rule set outliving it.
    GoalMissing(const RuleSet& rules, std::size_t min_length) : m_min_length(min_length) {
        m_rules.placeholders = rules.placeholders;
    }

    void check(const Project& project, FindingSink& sink) const override {
        const std::string& goal = project.goal.text;
        // Most goals pass: that is known before a finding is made.
        const bool placeholder = !goal.empty() && m_rules.is_placeholder(goal);
        const std::size_t length = goal.empty() || placeholder ? 0 : letters_up_to(goal, m_min_length);
        if (!goal.empty() && !placeholder && length >= m_min_length) return;
        Finding f = make_finding(project, nullptr, project.goal);
        if (goal.empty()) {
            f.message.zh = fmt::format("{}没有填写绩效目标。", project_zh(project));
            f.message.en = fmt::format("{} has no performance goal.", capitalise(project_en(project)));
        } else if (placeholder) {
            f.message.zh = fmt::format("{}的绩效目标只填了“{}”，没有实际内容。", project_zh(project), goal);
            f.message.en =
                fmt::format("The performance goal of {} is only the placeholder “{}”.", project_en(project), goal);
        } else {
            f.message.zh = fmt::format("{}的绩效目标“{}”只有{}个字，过于简略（至少应有{}个字）。", project_zh(project),
                                       goal, length, m_min_length);
            f.message.en =
                fmt::format("The performance goal of {} (“{}”) is only {} characters long; at least {} are expected.",
                            project_en(project), goal, length, m_min_length);
        }
        f.hint.zh =
            "写明项目本年度要达到的产出和效果，尽量量化，并与下面的绩效指标对应，例如"
            "“保障我区内六类军退人员被妥善安置，依法享受各类社保权利及生活补贴。”";
        f.hint.en =
            "State what the project is to achieve this year (outputs and effects), quantified where possible "
            "and matching the indicators below.";
        sink.add(std::move(f));
    }

private:
    RuleSet m_rules;
    std::size_t m_min_length;
};

}  // namespace

Expected<std::unique_ptr<Rule>> make_goal_missing(const RuleSet& rules, const Params& params) {
    if (auto err = reject_unknown(params, k_id, {"min_length"})) return *err;
    auto min_length = decimal_param(params, k_id, "min_length", Decimal::from_int(k_default_min_length));
    if (!min_length) return min_length.error();
    if (*min_length < Decimal{} || min_length->floor() != *min_length || *min_length > Decimal::from_int(10000)) {
        Error e;
        e.line = params.find("min_length")->line;
        e.message = std::string("parameter 'min_length' of rule ") + k_id +
                    " must be a whole number of characters from 0 to 10000, got '" + min_length->str() + "'";
        return e;
    }
    const auto n = static_cast<std::size_t>(min_length->raw() / Decimal::k_scale);
    return std::unique_ptr<Rule>(std::make_unique<GoalMissing>(rules, n));
}

}  // namespace perf_check::rules
