// Tests of rule total-mismatch: 合计/总计 rows must equal what they total.
#include <catch2/catch.hpp>

#include "support/builders.hpp"

using namespace perf_check;

namespace {

const std::string k_goal = "保障我区内六类军退人员被妥善安置，依法享受各类社保权利及生活补贴。";

// The seed's first project (weights 90 in all, funds 842.07) followed by a total row on row 16.
Project with_total(const std::string& label, const std::string& funds, const std::string& weight, int row = 16) {
    Project p = test::project("301001", "部分军退人员岗位补贴资金", "842.07", k_goal, test::seed_rows());
    TotalRow t;
    t.label = label;
    t.row = row;
    t.funds = test::cell(funds, row, 3);
    t.weight = test::cell(weight, row, 13);
    p.totals.push_back(t);
    p.last_row = row;  // the reader counts a project's own total row in its span
    return p;
}

}  // namespace

TEST_CASE("total-mismatch finds a weight total that disagrees", "[total-mismatch]") {
    const auto findings = test::run_rule("total-mismatch", with_total("合计", "", "95分"));
    REQUIRE(findings.size() == 1);
    const Finding& f = findings[0];
    CHECK(f.rule == "total-mismatch");
    CHECK(f.loc.row == 16);
    CHECK(f.loc.column == 13);
    CHECK(f.value == "95分");
    CHECK(f.indicator.empty());
    CHECK(f.message.zh ==
          "项目“部分军退人员岗位补贴资金”的“合计”行分值为95分，但各指标分值之和为90分"
          "（加预算执行率10分为100分），相差5分。");

    // A total left at 0 while the rows hold 90 points.
    const auto zero = test::run_rule("total-mismatch", with_total("总分", "", "0"));
    REQUIRE(zero.size() == 1);
    CHECK_THAT(zero[0].message.zh, Catch::Contains("“总分”行分值为0分"));
    CHECK_THAT(zero[0].message.zh, Catch::EndsWith("相差90分。"));
}

TEST_CASE("total-mismatch finds a money total that disagrees with 资金总额", "[total-mismatch]") {
    const auto findings = test::run_rule("total-mismatch", with_total("合计", "840", ""));
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].loc.row == 16);
    CHECK(findings[0].loc.column == 3);
    CHECK(findings[0].value == "840");
    CHECK(findings[0].message.zh ==
          "项目“部分军退人员岗位补贴资金”的“合计”行金额为840万元，与资金总额842.07万元不符，相差2.07万元。");
}

TEST_CASE("total-mismatch does not over-find", "[total-mismatch]") {
    CHECK(test::run_rule("total-mismatch", with_total("合计", "842.07", "90分")).empty());
    // The national form's total includes 预算执行率's 10 points.
    CHECK(test::run_rule("total-mismatch", with_total("总分", "", "100")).empty());
    CHECK(test::run_rule("total-mismatch", with_total("合计", "842.075", "90.005")).empty());  // within 0.01
    // A 总计 over several projects is not compared with one project's funds.
    CHECK(test::run_rule("total-mismatch", with_total("总计", "5732.69", "")).empty());
    // A total row outside the project's rows, and an unreadable total, are not compared.
    Project outside = with_total("合计", "5732.69", "", 30);
    outside.last_row = 15;
    CHECK(test::run_rule("total-mismatch", outside).empty());
    CHECK(test::run_rule("total-mismatch", with_total("合计", "见上", "")).empty());
    // No total rows at all.
    CHECK(test::run_rule("total-mismatch",
                         test::project("301001", "部分军退人员岗位补贴资金", "842.07", k_goal, test::seed_rows()))
              .empty());
}

TEST_CASE("total-mismatch leaves a table's grand total alone", "[total-mismatch]") {
    // The reader marks a 合计 after the last project that states every project's funds together
    // (model::GrandTotals): it is not this project's total, so neither its money nor its points are compared.
    Project p = with_total("合计", "5732.69", "390分");
    p.totals[0].grand = true;
    CHECK(test::run_rule("total-mismatch", p).empty());
}

TEST_CASE("total-mismatch compares a table's total with the projects' sum", "[total-mismatch]") {
    // A 总计, or a total above the first project (row 3 < first row 5), totals the table: the reader
    // (model::GrandTotals) gives it the funds of the projects it totals.
    for (const auto& [label, row] : {std::pair{"总计", 16}, std::pair{"合计", 3}}) {
        INFO(label << " at row " << row);
        Project p = with_total(label, "5000", "390分", row);
        p.last_row = 16;
        p.totals[0].table_funds = *Decimal::parse("5732.69");
        p.totals[0].table_projects = 4;
        const auto findings = test::run_rule("total-mismatch", p);
        REQUIRE(findings.size() == 1);  // its points total nothing: not compared with this project's
        CHECK(findings[0].loc.row == row);
        CHECK(findings[0].loc.column == 3);
        CHECK(findings[0].project.empty());  // the table's finding, not the project's
        CHECK(findings[0].project_code.empty());
        CHECK(findings[0].message.zh == std::string("表中“") + label +
                                            "”行金额为5000万元，与所合计的4个项目资金总额之和5732.69万元不符，"
                                            "相差732.69万元。");
        p.totals[0].funds = test::cell("5732.69", row, 3);
        CHECK(test::run_rule("total-mismatch", p).empty());
        // A project's funds unreadable: the sum is not the table's, so nothing is compared.
        p.totals[0].funds = test::cell("0", row, 3);
        p.totals[0].table_projects = 0;
        CHECK(test::run_rule("total-mismatch", p).empty());
    }
}

TEST_CASE("total-mismatch accepts a 总计 that closes its own project with that project's funds", "[total-mismatch]") {
    // Tables that end every project with its own 总计: the second project's was compared with both together.
    Project p = with_total("总计", "842.07", "");
    p.totals[0].table_funds = *Decimal::parse("1342.07");
    p.totals[0].table_projects = 2;
    CHECK(test::run_rule("total-mismatch", p).empty());
    p.totals[0].funds = test::cell("900", 16, 3);  // neither the project's nor the table's
    CHECK(test::run_rule("total-mismatch", p).size() == 1);
}

TEST_CASE("total-mismatch names the projects' sum when a project's 合计 matches neither", "[total-mismatch]") {
    Project p = with_total("合计", "600", "");
    p.totals[0].table_funds = *Decimal::parse("1342.07");
    p.totals[0].table_projects = 2;
    const auto findings = test::run_rule("total-mismatch", p);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message.zh ==
          "项目“部分军退人员岗位补贴资金”的“合计”行金额为600万元，与资金总额842.07万元不符，相差242.07万元，"
          "也不等于前2个项目资金总额之和1342.07万元。");
    CHECK_THAT(findings[0].message.en, Catch::EndsWith("; nor do the 2 projects so far, 1342.07 万元."));
}

TEST_CASE("total-mismatch rejects a bad tolerance", "[total-mismatch]") {
    const auto* entry = rules::find_rule("total-mismatch");
    const auto bad = entry->factory(config::default_rule_set(), Params({{"tolerance", Param{{"一分"}, false, 13}}}));
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().line == 13);
    CHECK_THAT(bad.error().message, Catch::Contains("must be a number"));
    const auto unknown = entry->factory(config::default_rule_set(), Params({{"tol", Param{{"1"}, false, 14}}}));
    REQUIRE_FALSE(unknown.has_value());
    CHECK(unknown.error().line == 14);
}

TEST_CASE("total-mismatch finds a 总分 that disagrees with the scores", "[total-mismatch][form]") {
    Project p = test::project("", "乡镇卫生院基本公共卫生服务补助", "350", k_goal,
                              {{"产出指标", "数量指标", "建档率", "≥90%", "", "", "%", "", "50"},
                               {"满意度指标", "服务对象满意度指标", "满意度", "≥90%", "", "", "%", "", "40"}});
    p.indicators[0].score = test::cell("50", 5, 8);
    p.indicators[1].score = test::cell("39.5", 6, 8);
    p.budget = test::cell("350", 3, 4);
    p.spent = test::cell("336", 3, 5);  // 96% of 10 points: 9.6
    TotalRow t;
    t.label = "总分";
    t.row = 7;
    t.score = test::cell("98.28", 7, 8);
    p.totals.push_back(t);
    p.last_row = 7;
    const auto findings = test::run_rule("total-mismatch", p);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].loc.row == 7);
    CHECK(findings[0].loc.column == 8);
    CHECK(findings[0].message.zh ==
          "项目“乡镇卫生院基本公共卫生服务补助”的“总分”行得分为98.28分，但各指标得分之和为89.5分"
          "（加预算执行率得分9.6分为99.1分），相差0.82分。");
    // With or without budget execution's points, the right sum is no finding.
    p.totals[0].score = test::cell("99.1", 7, 8);
    CHECK(test::run_rule("total-mismatch", p).empty());
    p.totals[0].score = test::cell("89.5", 7, 8);
    CHECK(test::run_rule("total-mismatch", p).empty());
    // A total written to fewer places is compared at its precision: 99.1 as 99, but 89.5 is no 88.
    p.totals[0].score = test::cell("99", 7, 8);
    CHECK(test::run_rule("total-mismatch", p).empty());
    p.totals[0].score = test::cell("88", 7, 8);
    CHECK(test::run_rule("total-mismatch", p).size() == 1);
    // No 全年预算数: budget execution unknown, a total above the scores' sum is not called wrong.
    p.totals[0].score = test::cell("98.28", 7, 8);
    p.budget = test::cell("", 3, 4);
    CHECK(test::run_rule("total-mismatch", p).empty());
    p.budget = test::cell("350", 3, 4);
    // An indicator without a 得分: nothing to add up.
    p.totals[0].score = test::cell("98.28", 7, 8);
    p.indicators[1].score = test::cell("", 6, 8);
    CHECK(test::run_rule("total-mismatch", p).empty());
}
