// Tests of rule bad-cell: every cell normalisation could not read becomes one finding.
#include <catch2/catch.hpp>

#include "rules/bad_cell.hpp"
#include "support/builders.hpp"

using namespace perf_check;

namespace {

const std::string k_goal = "保障我区内六类军退人员被妥善安置，依法享受各类社保权利及生活补贴。";

}  // namespace

TEST_CASE("bad-cell reports an unreadable weight at its cell", "[bad-cell]") {
    auto rows = test::seed_rows();
    rows[3].weight = "二十分";  // row 8, 享受补贴人数
    const Project p = test::project("301001", "部分军退人员岗位补贴资金", "842.07", k_goal, rows);
    const auto findings = test::run_rule("bad-cell", p);
    REQUIRE(findings.size() == 1);
    const Finding& f = findings[0];
    CHECK(f.rule == "bad-cell");
    CHECK(f.loc.row == 8);
    CHECK(f.loc.column == 13);
    CHECK(f.value == "二十分");
    CHECK(f.indicator == "产出指标/数量指标/享受补贴人数");
    CHECK_THAT(f.message.zh,
               Catch::StartsWith("项目“部分军退人员岗位补贴资金”中指标“享受补贴人数”（产出指标/数量指标）的“"));
    CHECK_THAT(f.message.zh, Catch::Contains("列填写的是“二十分”，无法读作分值数字，如“20分”或“20”。"));
    // In English throughout (a review found the expected type left in Chinese in both message and fix).
    CHECK_THAT(f.message.en, Catch::EndsWith("(expected: a weight in points, such as “20分” or “20”)."));
    CHECK_THAT(f.hint.en, Catch::StartsWith("Rewrite the cell as a weight in points, such as “20分” or “20”, "));
}

TEST_CASE("bad-cell reports project-level problems", "[bad-cell]") {
    Project p = test::project("301001", "部分军退人员岗位补贴资金", "842.07", k_goal, test::seed_rows());
    p.problems.push_back({"全年执行数", test::cell("见附件", 5, 15), "金额（数字）"});
    const auto findings = test::run_rule("bad-cell", p);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].loc.row == 5);
    CHECK(findings[0].loc.column == 15);
    CHECK(findings[0].indicator.empty());
    CHECK(findings[0].message.zh ==
          "项目“部分军退人员岗位补贴资金”的“全年执行数”列填写的是“见附件”，无法读作金额（数字）。");
    CHECK_THAT(findings[0].message.en, Catch::Contains("expected: 金额（数字）"));
    CHECK_THAT(findings[0].hint.zh, Catch::StartsWith("把这个单元格改为金额（数字）"));
}

TEST_CASE("bad-cell names a formula saved without its result, and says to save it in Excel", "[bad-cell]") {
    auto rows = test::seed_rows();
    rows[0].target = "";  // row 5: =C5 with no saved value reads as empty
    Project p = test::project("301001", "部分军退人员岗位补贴资金", "842.07", k_goal, rows);
    CellProblem formula{"指标值", test::cell("", 5, 8), ""};
    formula.cell.loc.sheet = "Sheet1";
    formula.kind = CellProblem::Kind::unsaved_formula;
    formula.formula = "C5";
    p.indicators[0].problems.push_back(formula);
    const auto findings = test::run_rule("bad-cell", p);
    REQUIRE(findings.size() == 1);
    const Finding& f = findings[0];
    CHECK(f.loc.cell_ref() == "Sheet1!H5");
    CHECK(f.value == "=C5");
    CHECK(f.message.zh ==
          "项目“部分军退人员岗位补贴资金”中指标“项目总成本”（成本指标/"
          "经济成本指标）的“指标值”列（Sheet1!H5）是公式“=C5”，"
          "文件中没有保存它的计算结果，无法读取它的值（Excel 里看得到的数字并不在文件中）。");
    CHECK_THAT(f.hint.zh, Catch::StartsWith("用 Excel 或 WPS 打开这个文件并保存"));
    CHECK_THAT(f.hint.en, Catch::StartsWith("Open the file in Excel or WPS and save it"));
    // A shared formula's later cells carry no text of their own.
    p.indicators[0].problems[0].formula.clear();
    const auto shared = test::run_rule("bad-cell", p);
    REQUIRE(shared.size() == 1);
    CHECK(shared[0].value.empty());
    CHECK_THAT(shared[0].message.zh, Catch::Contains("（Sheet1!H5）是公式，文件中没有保存"));
}

TEST_CASE("bad-cell reports a row with extra fields once, not its shifted cells", "[bad-cell]") {
    auto rows = test::seed_rows();
    rows[3].type = "人";  // row 8 shifted one column right by a comma in 指标值内容
    rows[3].weight = "<";
    Project p = test::project("301001", "部分军退人员岗位补贴资金", "842.07", k_goal, rows);
    REQUIRE(p.indicators[3].problems.size() == 2);  // 指标值类型 “人”, 备注 “<”
    CellProblem extra{"", test::cell("10分", 8, 14), ""};
    extra.kind = CellProblem::Kind::extra_fields;
    extra.fields = 14;
    extra.header_columns = 13;
    p.indicators[3].problems.push_back(extra);
    const auto findings = test::run_rule("bad-cell", p);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].loc.cell_ref() == "N8");
    CHECK(findings[0].value == "10分");
    CHECK(findings[0].message.zh ==
          "第8行有14个字段，表头只有13列（可能有未加引号的逗号）：这一行的单元格错了位，表头以外的 N8 还有“10分”；"
          "这一行没有逐列检查。");
    CHECK_THAT(findings[0].hint.zh, Catch::StartsWith("把含逗号的单元格用英文双引号括起来"));
    p.indicators[3].problems.back().separator = '\t';
    const auto tsv = test::run_rule("bad-cell", p);
    REQUIRE(tsv.size() == 1);
    CHECK_THAT(tsv[0].message.zh, Catch::Contains("（可能有未加引号的制表符）"));
}

TEST_CASE("bad-cell's unreadable cells drop the other rules' findings they explain", "[bad-cell]") {
    Project p = test::project("301001", "部分军退人员岗位补贴资金", "842.07", k_goal, test::seed_rows());
    p.file = "t.xlsx";
    CellProblem formula{"指标值", test::cell("", 5, 8), ""};
    formula.kind = CellProblem::Kind::unsaved_formula;
    formula.cell.loc.file = p.file;  // cells of the checked table (a cell of an actuals file names that file)
    p.indicators[0].problems.push_back(formula);
    CellProblem extra{"", test::cell("10分", 8, 14), ""};
    extra.kind = CellProblem::Kind::extra_fields;
    extra.cell.loc.file = p.file;
    p.indicators[3].problems.push_back(extra);
    const auto at = [](const char* rule, int row, int column, const char* file = "t.xlsx") {
        Finding f;
        f.rule = rule;
        f.loc.file = file;
        f.loc.row = row;
        f.loc.column = column;
        return f;
    };
    std::vector<Finding> findings = {at("bad-cell", 5, 8),
                                     at("value-not-numeric", 5, 8),
                                     at("comparator-wording", 5, 9),
                                     at("bad-cell", 8, 14),
                                     at("weight-missing", 8, 13),
                                     at("deduction-unparsed", 8, 10),
                                     at("actual-unmatched", 8, 3, "actuals.csv"),
                                     at("unit-missing", 9, 11)};
    rules::drop_explained_findings(p, findings);
    std::vector<std::string> kept;
    for (const auto& f : findings) kept.push_back(f.rule + "@" + f.loc.cell_ref());
    CHECK(kept == std::vector<std::string>{"bad-cell@H5", "comparator-wording@I5", "bad-cell@N8", "actual-unmatched@C8",
                                           "unit-missing@K9"});
    // Without bad-cell's findings (the rule disabled) nothing is dropped.
    std::vector<Finding> alone = {at("value-not-numeric", 5, 8), at("weight-missing", 8, 13)};
    rules::drop_explained_findings(p, alone);
    CHECK(alone.size() == 2);
}

TEST_CASE("bad-cell does not over-find", "[bad-cell]") {
    // The seed's cells are all readable: 20分, 90, 2024年1-12月 (a 定性 target), 无, empty weights.
    const Project p = test::project("301001", "部分军退人员岗位补贴资金", "842.07", k_goal, test::seed_rows());
    CHECK(test::run_rule("bad-cell", p).empty());
}

TEST_CASE("bad-cell rejects parameters", "[bad-cell]") {
    const auto rule = rules::find_rule("bad-cell")
                          ->factory(config::default_rule_set(), Params({{"columns", Param{{"备注"}, true, 3}}}));
    REQUIRE_FALSE(rule.has_value());
    CHECK(rule.error().line == 3);
}
