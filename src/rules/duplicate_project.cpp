// Rule duplicate-project: a project's block of rows pasted again right below itself (the same code and name,
// starting over at its first indicator).
#include <string>

#include <fmt/format.h>

#include "rules/factories.hpp"
#include "rules/finding_text.hpp"
#include "rules/rule_util.hpp"

namespace perf_check::rules {

namespace {

constexpr const char* k_id = "duplicate-project";

class DuplicateProject final : public Rule {
public:
    void check(const Project& project, FindingSink& sink) const override {
        if (project.namesake_row > 0) report_namesake(project, sink);
        if (project.repeats_row == 0) return;
        Finding f = make_finding(project, nullptr, project.name.empty() ? project.code : project.name);
        const std::string first = project.indicators.empty() ? std::string() : project.indicators.front().path();
        f.message = in_languages(
            sink,
            fmt::format(
                "{}在第{}行又从头出现一次（与第{}行起的项目代码、名称相同，指标又从“{}”开始），是同一项目重复粘贴；"
                "第{}–{}行按另一个项目检查。",
                project_zh(project), project.first_row, project.repeats_row, first, project.first_row,
                project.last_row),
            [&] {
                return fmt::format(
                    "{} starts again at row {} (the code and name of the project from row {}, its indicators again "
                    "from “{}”): the same project pasted twice. Rows {}–{} are checked as a project of their own.",
                    capitalise(project_en(project)), project.first_row, project.repeats_row, first, project.first_row,
                    project.last_row);
            });
        f.hint = in_languages(
            sink,
            fmt::format("删除重复的第{}–{}行；若确是另一个项目，请改用它自己的名称。", project.first_row,
                        project.last_row),
            [&] {
                return fmt::format(
                    "Delete the repeated rows {}–{}; if it really is another project, give it its own name.",
                    project.first_row, project.last_row);
            });
        sink.add(std::move(f));
    }

private:
    // The code and name of the project above, with other funds: read as a project of its own, and said.
    static void report_namesake(const Project& project, FindingSink& sink) {
        Finding f = make_finding(project, nullptr, project.funds);
        f.message = in_languages(
            sink,
            fmt::format(
                "{}在第{}行又出现一次（单位代码、名称与第{}行起的项目相同），资金总额却是“{}”：第{}–{}行按另一个项目"
                "检查，资金计入单位合计和重点评价项目清单。",
                project_zh(project), project.first_row, project.namesake_row, project.funds.shown(), project.first_row,
                project.last_row),
            [&] {
                return fmt::format(
                    "{} appears again at row {} (the code and name of the project from row {}) with other funds, "
                    "“{}”: rows {}–{} are checked as a project of their own, and their funds count in the unit's "
                    "total and the key-evaluation list.",
                    capitalise(project_en(project)), project.first_row, project.namesake_row, project.funds.shown(),
                    project.first_row, project.last_row);
            });
        f.hint = in_languages(
            sink,
            fmt::format("若是另一个项目，请改用它自己的名称；若是同一项目重复填写，请删除第{}–{}行，并核对资金总额。",
                        project.first_row, project.last_row),
            [&] {
                return fmt::format(
                    "If it is another project, give it its own name; if it is the same project entered twice, delete "
                    "rows {}–{} and check the funds.",
                    project.first_row, project.last_row);
            });
        sink.add(std::move(f));
    }
};

}  // namespace

Expected<std::unique_ptr<Rule>> make_duplicate_project(const RuleSet& rules, const Params& params) {
    (void)rules;
    if (auto err = reject_unknown(params, k_id, {})) return *err;
    return std::unique_ptr<Rule>(std::make_unique<DuplicateProject>());
}

}  // namespace perf_check::rules
