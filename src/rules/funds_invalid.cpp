// Rule funds-invalid: a project's 资金总额 is empty, not a number, or not positive.
#include <string_view>

#include <fmt/format.h>

#include "model/normalize.hpp"
#include "rules/factories.hpp"
#include "rules/finding_text.hpp"
#include "rules/rule_util.hpp"

namespace perf_check::rules {

namespace {

constexpr const char* k_id = "funds-invalid";

// Written as a number yet unreadable because of its size: more than 15 digits before the point (grouping
// commas aside), or a power of ten beyond that (1e308). "1,2,3" is not a number, just a bad one.
bool too_large_number(std::string_view t) {
    std::size_t i = (!t.empty() && (t[0] == '+' || t[0] == '-')) ? 1 : 0;
    std::size_t integer_digits = 0;
    bool point = false;
    for (; i < t.size(); ++i) {
        const char c = t[i];
        if (c >= '0' && c <= '9') {
            if (!point) ++integer_digits;
        } else if (c == '.' && !point) {
            point = true;
        } else if (c == ',' && !point) {
            continue;
        } else if ((c == 'e' || c == 'E') && integer_digits > 0) {
            std::size_t j = i + 1;
            if (j < t.size() && (t[j] == '+' || t[j] == '-')) {
                if (t[j] == '-') return false;
                ++j;
            }
            if (j == t.size() || t.size() - j > 4) return j < t.size();
            int exponent = 0;
            for (; j < t.size(); ++j) {
                if (t[j] < '0' || t[j] > '9') return false;
                exponent = exponent * 10 + (t[j] - '0');
            }
            return exponent + static_cast<int>(integer_digits) > 15;
        } else {
            return false;
        }
    }
    return integer_digits > 15;
}

class FundsInvalid final : public Rule {
public:
    void check(const Project& project, FindingSink& sink) const override {
        if (project.funds_wan && *project.funds_wan > Decimal{}) return;
        const std::string_view unit_zh = model::money_unit_name(project.money_unit);
        const char* unit_en = project.money_unit == MoneyUnit::yuan        ? "yuan"
                              : project.money_unit == MoneyUnit::qian_yuan ? "1,000 yuan (千元)"
                                                                           : "10,000 yuan (万元)";

        Finding f = make_finding(project, nullptr, project.funds);
        if (project.funds.empty()) {
            f.message.zh = fmt::format("{}的资金总额为空。", project_zh(project));
            f.message.en = fmt::format("The total funds (资金总额) of {} are empty.", project_en(project));
        } else if (!project.funds_wan && too_large_number(project.funds.text)) {
            f.message.zh = fmt::format("{}的资金总额“{}”数值过大，无法读取：请检查是否多写了位数或弄错了金额单位。",
                                       project_zh(project), f.value);
            f.message.en = fmt::format(
                "The total funds (资金总额) of {} read “{}”, a number too large to be an amount: check for extra "
                "digits or the wrong money unit.",
                project_en(project), f.value);
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
