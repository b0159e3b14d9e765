// Rule funds-invalid: a project's 资金总额 is empty, not a number, or not positive.
#include <fmt/format.h>

#include "rules/factories.hpp"
#include "rules/finding_text.hpp"
#include "rules/rule_util.hpp"

namespace perf_check::rules {

namespace {

constexpr const char* k_id = "funds-invalid";

class FundsInvalid final : public Rule {
public:
    void check(const Project& project, FindingSink& sink) const override {
        if (project.funds_wan && *project.funds_wan > Decimal{}) return;
        const bool yuan = project.money_unit == MoneyUnit::yuan;
        const char* unit_zh = yuan ? "元" : "万元";
        const char* unit_en = yuan ? "yuan" : "10,000 yuan (万元)";

        Finding f = make_finding(project, nullptr, project.funds);
        if (project.funds.empty()) {
            f.message.zh = fmt::format("{}的资金总额为空。", project_zh(project));
            f.message.en = fmt::format("The total funds (资金总额) of {} are empty.", project_en(project));
        } else if (!project.funds_wan) {
            f.message.zh = fmt::format("{}的资金总额“{}”不是数字。", project_zh(project), f.value);
            f.message.en = fmt::format("The total funds (资金总额) of {} read “{}”, which is not a number.",
                                       project_en(project), f.value);
        } else if (*project.funds_wan == Decimal{}) {
            f.message.zh = fmt::format("{}的资金总额为0，项目资金应大于0。", project_zh(project));
            f.message.en = fmt::format("The total funds (资金总额) of {} are 0; a project's funds must be positive.",
                                       project_en(project));
        } else {
            f.message.zh = fmt::format("{}的资金总额“{}”是负数，项目资金应大于0。", project_zh(project), f.value);
            f.message.en = fmt::format("The total funds (资金总额) of {} are negative (“{}”); they must be positive.",
                                       project_en(project), f.value);
        }
        f.hint.zh = fmt::format(
            "在“资金总额”列填写项目的资金总额，只填数字，单位为本表的金额单位（{}），如 842.07；"
            "不要写文字、区间或“待定”。",
            unit_zh);
        f.hint.en = fmt::format(
            "Write the project's total funds as a plain number in the table's money unit ({}), e.g. "
            "842.07; no words, ranges or \"to be decided\".",
            unit_en);
        sink.add(std::move(f));
    }
};

}  // namespace

Expected<std::unique_ptr<Rule>> make_funds_invalid(const RuleSet& rules, const Params& params) {
    (void)rules;
    if (auto err = reject_unknown(params, k_id, {})) return *err;
    return std::unique_ptr<Rule>(std::make_unique<FundsInvalid>());
}

}  // namespace perf_check::rules
