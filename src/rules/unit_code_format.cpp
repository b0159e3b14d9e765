// Rule unit-code-format: a project's 单位代码 is empty or does not match the rule set's pattern.
#include <regex>

#include <fmt/format.h>

#include "rules/factories.hpp"
#include "rules/finding_text.hpp"
#include "rules/rule_util.hpp"

namespace perf_check::rules {

namespace {

constexpr const char* k_id = "unit-code-format";
constexpr const char* k_default_pattern = "^[0-9A-Za-z]{3,20}$";

bool is_default_code(std::string_view code) {
    if (code.size() < 3 || code.size() > 20) return false;
    for (const char c : code) {
        if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) return false;
    }
    return true;
}

class UnitCodeFormat final : public Rule {
public:
    UnitCodeFormat(std::string pattern, std::regex re) : m_pattern(std::move(pattern)), m_re(std::move(re)) {}

    void check(const Project& project, FindingSink& sink) const override {
        const std::string& code = project.code.text;
        // The national self-evaluation form has no 单位代码: a 项目编码 row, if any, is a project's code of
        // another format (51000024T000001234567).
        if (project.form) return;
        if (code.empty()) {
            Finding f = make_finding(project, nullptr, project.code);
            f.message.zh = fmt::format("{}没有填写单位代码。", project_zh(project));
            f.message.en = fmt::format("{} has no unit code.", capitalise(project_en(project)));
            f.hint.zh = "在“单位代码”列填写预算单位代码（如 301001）；合并单元格时把代码写在项目的第一行。";
            f.hint.en =
                "Fill in the budget unit code (e.g. 301001) in the 单位代码 column; with merged cells, write it "
                "on the project's first row.";
            sink.add(std::move(f));
            return;
        }
        if (matches(code)) return;
        Finding f = make_finding(project, nullptr, project.code);
        f.message.zh = fmt::format("{}的单位代码“{}”不符合规定格式。", project_zh(project), code);
        f.message.en =
            fmt::format("The unit code “{}” of {} does not match the required format.", code, project_en(project));
        if (m_pattern == k_default_pattern) {
            f.hint.zh =
                "单位代码应为3–20位数字或字母，不含空格、横线等符号；请按预算系统中的单位代码填写（如 301001）。";
            f.hint.en =
                "A unit code is 3–20 digits or letters with no spaces, dashes or other signs; copy it from the "
                "budget system (e.g. 301001).";
        } else {
            f.hint.zh = fmt::format("单位代码须整体符合规则集规定的格式 {}；请按预算系统中的单位代码填写。", m_pattern);
            f.hint.en = fmt::format(
                "The whole unit code must match the rule set's pattern {}; copy it from the budget "
                "system.",
                m_pattern);
        }
        sink.add(std::move(f));
    }

private:
    bool matches(const std::string& code) const {
        // The default pattern, ^[0-9A-Za-z]{3,20}$, by hand: std::regex_match cost as much as three of
        // the other rules together (every project is asked).
        if (m_pattern == k_default_pattern) return is_default_code(code);
        // A pathological pattern can make std::regex throw at match time; rules never throw, and a code
        // that cannot be checked is reported rather than passed.
        try {
            return std::regex_match(code, m_re);
        } catch (const std::regex_error&) {
            return false;
        }
    }

    std::string m_pattern;
    std::regex m_re;
};

}  // namespace

Expected<std::unique_ptr<Rule>> make_unit_code_format(const RuleSet& rules, const Params& params) {
    (void)rules;
    if (auto err = reject_unknown(params, k_id, {"pattern"})) return *err;
    const Param* p = params.find("pattern");
    std::string pattern = k_default_pattern;
    if (p) {
        if (p->is_list || p->values.size() != 1 || p->values[0].empty()) {
            Error e;
            e.line = p->line;
            e.message = std::string("parameter 'pattern' of rule ") + k_id +
                        " must be one non-empty regular expression (ECMAScript), e.g. \"^[0-9]{6}$\"";
            return e;
        }
        pattern = p->values[0];
    }
    try {
        std::regex re(pattern, std::regex::ECMAScript);
        return std::unique_ptr<Rule>(std::make_unique<UnitCodeFormat>(pattern, std::move(re)));
    } catch (const std::regex_error& ex) {
        Error e;
        e.line = p ? p->line : 0;
        e.message = std::string("parameter 'pattern' of rule ") + k_id + " is not a valid regular expression: '" +
                    pattern + "' (" + ex.what() + ")";
        return e;
    }
}

}  // namespace perf_check::rules
