// Tests of rule placeholder-required: each required slot needs one real indicator.
#include <catch2/catch.hpp>

#include "support/builders.hpp"

using namespace perf_check;

namespace {

const std::string k_goal = "保障我区内六类军退人员被妥善安置，依法享受各类社保权利及生活补贴。";

Project project_of(const std::vector<test::Row>& rows) {
    return test::project("301001", "部分军退人员岗位补贴资金", "842.07", k_goal, rows);
}

test::Row placeholder(const std::string& l1, const std::string& l2) {
    return {l1, l2, "无", "无", "无", "无", "无", "无", ""};
}

}  // namespace

TEST_CASE("placeholder-required finds a slot holding only 无", "[placeholder-required]") {
    auto rows = test::seed_rows();
    rows[5] = placeholder("产出指标", "时效指标");  // row 10
    const auto findings = test::run_rule("placeholder-required", project_of(rows));
    REQUIRE(findings.size() == 1);
    const Finding& f = findings[0];
    CHECK(f.rule == "placeholder-required");
    CHECK(f.loc.row == 10);
    CHECK(f.loc.column == 7);
    CHECK(f.value == "无");
    CHECK(f.indicator == "产出指标/时效指标/无");
    CHECK(f.message.zh == "项目“部分军退人员岗位补贴资金”的必填指标“时效”只填了占位符“无”，没有实际指标。");
    CHECK_THAT(f.hint.zh, Catch::StartsWith("在产出指标/时效指标下至少填写一个实际指标"));
}

TEST_CASE("placeholder-required needs one real 效益 indicator among its 二级", "[placeholder-required]") {
    auto rows = test::seed_rows();
    rows[7] = placeholder("效益指标", "社会效益指标");  // now all four 效益 rows (11–14) are 无
    const auto findings = test::run_rule("placeholder-required", project_of(rows));
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].loc.row == 11);  // the slot's first row
    CHECK_THAT(findings[0].message.zh, Catch::Contains("必填指标“效益”"));
}

TEST_CASE("placeholder-required finds an absent slot at the project's first row", "[placeholder-required]") {
    auto rows = test::seed_rows();
    rows.pop_back();  // no 满意度指标 row at all
    const auto findings = test::run_rule("placeholder-required", project_of(rows));
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].loc.row == 5);
    CHECK(findings[0].indicator.empty());
    CHECK(findings[0].message.zh ==
          "项目“部分军退人员岗位补贴资金”缺少必填指标“服务对象满意度”（满意度指标/服务对象满意度指标下都没有指标）。");
}

TEST_CASE("placeholder-required does not over-find", "[placeholder-required]") {
    // The seed fills only optional slots (社会成本, 生态环境成本, 经济效益…) with 无.
    CHECK(test::run_rule("placeholder-required", project_of(test::seed_rows())).empty());
    // The older framework's 产出指标/成本指标 fills the 经济成本 slot.
    auto rows = test::seed_rows();
    rows[0].level1 = "产出指标";
    rows[0].level2 = "成本指标";
    CHECK(test::run_rule("placeholder-required", project_of(rows)).empty());
}

TEST_CASE("placeholder-required rejects parameters", "[placeholder-required]") {
    const auto rule = rules::find_rule("placeholder-required")
                          ->factory(config::default_rule_set(), Params({{"slots", Param{{"数量"}, true, 7}}}));
    REQUIRE_FALSE(rule.has_value());
    CHECK(rule.error().line == 7);
}
