// Tests of rule missing-column: one finding per table listing the required columns not found.
#include <catch2/catch.hpp>

#include "support/builders.hpp"

using namespace perf_check;

namespace {

TableInfo table(std::vector<std::string> missing, int header_row) {
    TableInfo t;
    t.file = "test.csv";
    t.header_row = header_row;
    t.missing_columns = std::move(missing);
    return t;
}

}  // namespace

TEST_CASE("missing-column lists every missing column once, at the header row", "[missing-column]") {
    const TableInfo t = table({"指标值", "备注"}, 4);
    const auto findings = test::run_rule("missing-column", test::seed_project(), nullptr, &t);
    REQUIRE(findings.size() == 1);
    const Finding& f = findings[0];
    CHECK(f.rule == "missing-column");
    CHECK(f.loc.file == "test.csv");
    CHECK(f.loc.row == 4);
    CHECK(f.value == "指标值、备注");
    CHECK(f.indicator.empty());
    CHECK(f.message.zh ==
          "表头（第4行）缺少必需的列：指标值、备注。缺少这些列，项目和指标无法完整读取，表格会被退回。");
    CHECK_THAT(f.message.en, Catch::Contains("指标值 (target value), 备注 (weight in points)"));
    // The hint names the accepted aliases of each missing column.
    CHECK_THAT(f.hint.zh, Catch::Contains("“指标值”（也可写作：年度指标值）"));
    CHECK_THAT(f.hint.zh, Catch::Contains("“备注”（也可写作：分值、权重）"));
}

TEST_CASE("missing-column without a header row points at row 1", "[missing-column]") {
    const TableInfo t = table({"单位代码", "三级指标"}, 0);
    const auto findings = test::run_rule("missing-column", test::seed_project(), nullptr, &t);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].loc.row == 1);
    CHECK(findings[0].message.zh == "找不到可识别的表头行，缺少必需的列：单位代码、三级指标。");
    CHECK_THAT(findings[0].hint.zh, Catch::Contains("“单位代码”（也可写作：项目代码、具体项目代码）"));
    CHECK_THAT(findings[0].hint.zh, Catch::Contains("；“三级指标”。"));
}

TEST_CASE("missing-column after a header with the wrong separator says to re-save, not to add columns",
          "[missing-column]") {
    // A review found a semicolon-separated file told to add the columns it has.
    TableInfo t = table({"单位代码", "三级指标"}, 0);
    t.header_separator = ";";
    t.header_separator_row = 3;
    const auto findings = test::run_rule("missing-column", test::seed_project(), nullptr, &t);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].loc.row == 3);  // the header's line, not row 1
    CHECK(findings[0].hint.zh ==
          "第3行的表头用“;”而不是半角逗号分隔，所以一列也认不出：用Excel或WPS“另存为 → "
          "CSV（逗号分隔）”重新保存后再检查。");
    CHECK_THAT(findings[0].hint.en, Catch::Contains("re-save") && !Catch::Contains("Add these columns"));
}

TEST_CASE("missing-column does not over-find", "[missing-column]") {
    const TableInfo complete = table({}, 4);
    CHECK(test::run_rule("missing-column", test::seed_project(), nullptr, &complete).empty());
    // Projects themselves are never checked by this rule.
    CHECK(test::run_rule("missing-column", test::seed_project()).empty());
}

TEST_CASE("missing-column rejects parameters", "[missing-column]") {
    const auto rule = rules::find_rule("missing-column")
                          ->factory(config::default_rule_set(), Params({{"columns", Param{{"指标值"}, true, 9}}}));
    REQUIRE_FALSE(rule.has_value());
    CHECK(rule.error().line == 9);
    CHECK_THAT(rule.error().message, Catch::Contains("'columns'"));
}

TEST_CASE("missing-column names an actuals or progress file among the tables for what it is", "[missing-column]") {
    TableInfo t = table({"资金总额", "一级指标", "指标值"}, 1);
    t.values_only = true;
    t.actual_header = "实际完成值";
    auto findings = test::run_rule("missing-column", test::seed_project(), nullptr, &t);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].value == "实际完成值");
    CHECK(findings[0].hint.zh ==
          "评分时用 perf-check score 目标表 --actuals 此文件；检查目标表时不要把它和目标表放在一起。");
    t.actual_header.clear();
    t.spent_header = "1-7月执行数";
    findings = test::run_rule("missing-column", test::seed_project(), nullptr, &t);
    REQUIRE(findings.size() == 1);
    CHECK_THAT(findings[0].message.zh, Catch::Contains("是进度（执行数）文件"));
    CHECK_THAT(findings[0].hint.en, Catch::Contains("--progress"));
}
