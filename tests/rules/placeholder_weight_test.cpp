// Tests of rule placeholder-weight: a placeholder row must not carry points.
#include <catch2/catch.hpp>

#include "support/builders.hpp"

using namespace perf_check;

namespace {

const std::string k_goal = "保障我区内六类军退人员被妥善安置，依法享受各类社保权利及生活补贴。";

Project project_of(const std::vector<test::Row>& rows) {
    return test::project("301001", "部分军退人员岗位补贴资金", "842.07", k_goal, rows);
}

}  // namespace

TEST_CASE("placeholder-weight finds a weighted placeholder row", "[placeholder-weight]") {
    auto rows = test::seed_rows();
    rows[1].weight = "5分";  // 成本指标/社会成本指标, row 6
    const auto findings = test::run_rule("placeholder-weight", project_of(rows));
    REQUIRE(findings.size() == 1);
    const Finding& f = findings[0];
    CHECK(f.rule == "placeholder-weight");
    CHECK(f.loc.row == 6);
    CHECK(f.loc.column == 13);
    CHECK(f.value == "5分");
    CHECK(f.indicator == "成本指标/社会成本指标/无");
    CHECK(f.message.zh ==
          "项目“部分军退人员岗位补贴资金”的“成本指标/社会成本指标”是占位行（只填了“无”等），"
          "却填写了分值5分；这些分值不会计入指标合计。");
}

TEST_CASE("placeholder-weight does not over-find", "[placeholder-weight]") {
    // Seed: placeholder rows have empty weights, real rows have weights.
    CHECK(test::run_rule("placeholder-weight", project_of(test::seed_rows())).empty());
    auto rows = test::seed_rows();
    rows[1].weight = "0";  // zero points are harmless
    rows[2].weight = "无";
    CHECK(test::run_rule("placeholder-weight", project_of(rows)).empty());
}

TEST_CASE("placeholder-weight rejects parameters", "[placeholder-weight]") {
    const auto rule = rules::find_rule("placeholder-weight")
                          ->factory(config::default_rule_set(), Params({{"max", Param{{"0"}, false, 2}}}));
    REQUIRE_FALSE(rule.has_value());
    CHECK(rule.error().line == 2);
}
