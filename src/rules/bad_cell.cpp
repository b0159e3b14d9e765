// Rule bad-cell: one finding per cell that could not be read as its column's type, or not at all (a formula
// without its saved result, a text row with more fields than the header).
#include "rules/bad_cell.hpp"

#include <algorithm>
#include <string_view>
#include <tuple>
#include <utility>

#include <fmt/format.h>

#include "rules/factories.hpp"
#include "rules/finding_text.hpp"
#include "rules/rule_util.hpp"
#include "scoring/actuals.hpp"

namespace perf_check::rules {

namespace {

constexpr const char* k_id = "bad-cell";

using Kind = CellProblem::Kind;

// The problems of `project` and its indicators, with the indicator each belongs to (nullptr: the project).
template <class Fn>
void each_problem(const Project& project, Fn&& fn) {
    for (const auto& problem : project.problems) fn(nullptr, problem);
    for (const auto& indicator : project.indicators) {
        for (const auto& problem : indicator.problems) fn(&indicator, problem);
    }
}

class BadCell final : public Rule {
public:
    void check(const Project& project, FindingSink& sink) const override {
        // A row with more fields than the header is reported once: its shifted cells' own types are moot.
        std::vector<int> shifted_rows;
        each_problem(project, [&](const Indicator*, const CellProblem& problem) {
            if (problem.kind == Kind::extra_fields) shifted_rows.push_back(problem.cell.loc.row);
        });
        std::sort(shifted_rows.begin(), shifted_rows.end());  // a project may have thousands
        each_problem(project, [&](const Indicator* indicator, const CellProblem& problem) {
            const bool shifted = std::binary_search(shifted_rows.begin(), shifted_rows.end(), problem.cell.loc.row);
            if (problem.kind == Kind::type && shifted) return;
            switch (problem.kind) {
                case Kind::type:
                    report_type(project, indicator, problem, sink);
                    break;
                case Kind::unsaved_formula:
                    report_formula(project, indicator, problem, sink);
                    break;
                case Kind::extra_fields:
                    report_extra_fields(project, indicator, problem, sink);
                    break;
            }
        });
    }

private:
    // Whose cell it is, for messages: "项目“X”中指标“Y”的" / "indicator “Y” of project “X”".
    static Text owner(const Project& project, const Indicator* indicator) {
        if (!indicator) return {project_zh(project) + "的", project_en(project)};
        return {project_zh(project) + "中" + indicator_zh(*indicator) + "的",
                indicator_en(*indicator) + " of " + project_en(project)};
    }

    static void report_type(const Project& project, const Indicator* indicator, const CellProblem& problem,
                            FindingSink& sink) {
        Finding f = scoring::self_evaluation_finding(project, indicator, problem.cell);  // where the cell is
        const Text where = owner(project, indicator);
        const std::string& where_zh = where.zh;
        const std::string& where_en = where.en;
        const std::string held_zh = f.value.empty() ? std::string("为空") : "填写的是“" + f.value + "”";
        const std::string held_en = f.value.empty() ? std::string("is empty") : "holds “" + f.value + "”";
        f.message.zh = fmt::format("{}“{}”列{}，无法读作{}。", where_zh, problem.column, held_zh, problem.expected);
        const std::string& expected_en = problem.expected_en.empty() ? problem.expected : problem.expected_en;
        f.message.en = fmt::format("The “{}” cell of {} {}, which cannot be read as the column's type (expected: {}).",
                                   problem.column, where_en, held_en, expected_en);
        f.hint.zh = fmt::format(
            "把这个单元格改为{}，去掉多余的文字和符号；需要说明的内容请写在“指标值内容”等文字列中。", problem.expected);
        f.hint.en = fmt::format(
            "Rewrite the cell as {}, without extra words or signs; put explanations in a text "
            "column such as 指标值内容.",
            expected_en);
        sink.add(std::move(f));
    }

    // A formula the file holds no result of: the sheet shows a value, the file has none to read.
    static void report_formula(const Project& project, const Indicator* indicator, const CellProblem& problem,
                               FindingSink& sink) {
        Finding f = scoring::self_evaluation_finding(project, indicator, problem.cell);  // where the cell is
        if (!problem.formula.empty()) f.value = "=" + problem.formula;
        const Text where = owner(project, indicator);
        const std::string& where_zh = where.zh;
        const std::string& where_en = where.en;
        const std::string ref = problem.cell.loc.cell_ref();
        const std::string formula_zh = problem.formula.empty() ? std::string("公式") : "公式“=" + problem.formula + "”";
        const std::string formula_en =
            problem.formula.empty() ? std::string("a formula") : "the formula “=" + problem.formula + "”";
        f.message.zh = fmt::format(
            "{}“{}”列（{}）是{}，文件中没有保存它的计算结果，无法读取它的值（Excel 里看得到的数字并不在文件中）。",
            where_zh, problem.column, ref, formula_zh);
        f.message.en = fmt::format(
            "The “{}” cell ({}) of {} is {} saved without its result: the file holds no value to read (the number "
            "Excel shows is not in the file).",
            problem.column, ref, where_en, formula_en);
        f.hint.zh =
            "用 Excel 或 WPS 打开这个文件并保存（保存时会算出并存下公式的结果），然后重新检查；预算系统或脚本导出的"
            "文件常有这种情况，不必把公式改为手填的数字。";
        f.hint.en =
            "Open the file in Excel or WPS and save it (saving computes and stores every formula's result), then "
            "check it again; files exported by budget systems or scripts often lack the results.";
        sink.add(std::move(f));
    }

    // A text row with more fields than the header: a separator inside a cell that is not quoted.
    static void report_extra_fields(const Project& project, const Indicator* indicator, const CellProblem& problem,
                                    FindingSink& sink) {
        Finding f = scoring::self_evaluation_finding(project, indicator, problem.cell);  // where the cell is
        const SourceLocation& at = problem.cell.loc;
        const int row = at.sheet_row > 0 ? at.sheet_row : at.row;
        const bool tab = problem.separator == '\t';
        f.message.zh = fmt::format(
            "第{}行有{}个字段，表头只有{}列（可能有未加引号的{}）：这一行的单元格错了位，表头以外的 {} 还有“{}”；"
            "这一行没有逐列检查。",
            row, problem.fields, problem.header_columns, tab ? "制表符" : "逗号", at.cell_ref(), f.value);
        f.message.en = fmt::format(
            "Row {} has {} fields but the header has only {} columns (probably an unquoted {} in a cell): the row's "
            "cells are shifted, and {} beyond the header holds “{}”. The row was not checked column by column.",
            row, problem.fields, problem.header_columns, tab ? "tab" : "comma", at.cell_ref(), f.value);
        f.hint.zh = tab ? std::string(
                              "删去单元格中的制表符，或把含制表符的单元格用英文双引号括起来；在 Excel 或 WPS "
                              "中打开原表重新另存，会自动加上引号。")
                        : std::string(
                              "把含逗号的单元格用英文双引号括起来（如 \"按月,足额发放\"），或把其中的"
                              "逗号改为全角“，”；在 Excel 或 WPS 中打开原表重新另存为 CSV，会自动加上引号。");
        f.hint.en = tab ? std::string(
                              "Remove the tab from the cell or put the cell in double quotes; re-saving the "
                              "table from Excel or WPS quotes such cells.")
                        : std::string(
                              "Put the cell holding a comma in double quotes (\"a,b\") or replace the comma "
                              "with a full-width '，'; re-saving the table as CSV from Excel or WPS quotes "
                              "such cells.");
        sink.add(std::move(f));
    }
};

}  // namespace

Expected<std::unique_ptr<Rule>> make_bad_cell(const RuleSet& rules, const Params& params) {
    (void)rules;
    if (auto err = reject_unknown(params, k_id, {})) return *err;
    return std::unique_ptr<Rule>(std::make_unique<BadCell>());
}

void drop_explained_findings(const Project& project, std::vector<Finding>& findings) {
    // Cheap for the common project, which has no unreadable cell at all.
    bool any = false;
    each_problem(project, [&](const Indicator*, const CellProblem& p) { any = any || p.kind != Kind::type; });
    if (!any) return;
    // Every lookup halves a sorted list: a project may hold tens of thousands of unreadable cells (a sheet
    // of formulas saved without their results), and comparing each with every finding took minutes.
    using CellKey = std::tuple<std::string_view, int, int>;  // sheet, row, column
    using RowKey = std::pair<std::string_view, int>;
    const auto cell_key = [](const SourceLocation& at) { return CellKey{at.sheet, at.row, at.column}; };
    std::vector<CellKey> reported;  // bad-cell's own findings
    for (const auto& f : findings) {
        if (f.rule == k_id) reported.push_back(cell_key(f.loc));
    }
    std::sort(reported.begin(), reported.end());
    std::vector<CellKey> cells;  // unsaved formulas
    std::vector<RowKey> rows;    // rows with extra fields
    each_problem(project, [&](const Indicator*, const CellProblem& p) {
        // A cell of another file (a row of the actuals file) explains nothing in this one: its row 3 is not ours.
        if (!p.cell.loc.file.empty() && p.cell.loc.file != project.file) return;
        if (p.kind == Kind::type || !std::binary_search(reported.begin(), reported.end(), cell_key(p.cell.loc))) return;
        if (p.kind == Kind::unsaved_formula)
            cells.push_back(cell_key(p.cell.loc));
        else
            rows.emplace_back(p.cell.loc.sheet, p.cell.loc.row);
    });
    std::sort(cells.begin(), cells.end());
    std::sort(rows.begin(), rows.end());
    const auto explained = [&](const Finding& f) {
        // bad-cell's own stay (it left out the type findings of a shifted row itself), and so do findings
        // placed in another file (a row of an actuals file).
        if (f.rule == k_id || (!f.loc.file.empty() && f.loc.file != project.file)) return false;
        return std::binary_search(cells.begin(), cells.end(), cell_key(f.loc)) ||
               std::binary_search(rows.begin(), rows.end(), RowKey{f.loc.sheet, f.loc.row});
    };
    findings.erase(std::remove_if(findings.begin(), findings.end(), explained), findings.end());
}

}  // namespace perf_check::rules
