// Tests of rule bad-cell: every cell normalisation could not read becomes one finding.
#include <catch2/catch.hpp>

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
    CHECK_THAT(f.message.zh, Catch::Contains("列填写的是“二十分”，无法读作"));
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
