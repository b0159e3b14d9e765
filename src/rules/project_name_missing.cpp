// Rule project-name-missing: a project whose 单位（专项）名称 is empty or a placeholder.
#include <string>

#include <fmt/format.h>

#include "rules/factories.hpp"
#include "rules/finding_text.hpp"
#include "rules/rule_util.hpp"

namespace perf_check::rules {

namespace {

constexpr const char* k_id = "project-name-missing";

class ProjectNameMissing final : public Rule {
public:
    explicit ProjectNameMissing(Placeholders placeholders) : m_placeholders(std::move(placeholders)) {}

    void check(const Project& project, FindingSink& sink) const override {
        if (!m_placeholders.match(project.name.text)) return;
        Finding f = make_finding(project, nullptr, project.name);
        const std::string code = project.code.empty() ? std::string() : std::string(project.code.shown());
        const std::string& written = project.name.text;
        f.message = in_languages(
            sink,
            fmt::format("第{}行起的项目{}{}。", project.first_row, code.empty() ? "" : "（单位代码“" + code + "”）",
                        written.empty() ? "没有填写项目名称" : "的项目名称只填了“" + written + "”"),
            [&] {
                return fmt::format("The project starting at row {}{} has no name{}.", project.first_row,
                                   code.empty() ? std::string() : " (unit code " + code + ")",
                                   written.empty() ? std::string() : " (only “" + written + "”)");
            });
        // The national form names its project in its 项目名称 row, not in a column.
        const std::string where_zh = project.form ? "在表头“项目名称”一栏" : "在“单位（专项）名称”列";
        const std::string where_en = project.form ? "in the form's 项目名称 row" : "in 单位（专项）名称";
        f.hint = in_languages(sink, where_zh + "填写项目全称：审核、重点评价名单和自评都按名称识别项目。", [&] {
            return "Fill in the project's full name " + where_en +
                   ": review, the key-evaluation list and the self-evaluation identify projects by it.";
        });
        sink.add(std::move(f));
    }

private:
    Placeholders m_placeholders;
};

}  // namespace

Expected<std::unique_ptr<Rule>> make_project_name_missing(const RuleSet& rules, const Params& params) {
    if (auto err = reject_unknown(params, k_id, {})) return *err;
    return std::unique_ptr<Rule>(std::make_unique<ProjectNameMissing>(rules.placeholders));
}

}  // namespace perf_check::rules
