// Tests of rule indicator-level: 一级 within the framework, 二级 under its 一级, both frameworks accepted.
#include <catch2/catch.hpp>

#include "support/builders.hpp"

using namespace perf_check;

namespace {

const std::string k_goal = "保障我区内六类军退人员被妥善安置，依法享受各类社保权利及生活补贴。";

Project project_of(const std::vector<test::Row>& rows) {
    return test::project("301001", "部分军退人员岗位补贴资金", "842.07", k_goal, rows);
}

}  // namespace

TEST_CASE("indicator-level finds an unknown 一级 once per run of rows", "[indicator-level]") {
    auto rows = test::seed_rows();
    rows[3].level1 = "产出指票";  // rows 8–10 repeat the misspelt 一级, as filled-down merged cells do
    rows[4].level1 = "产出指票";
    rows[5].level1 = "产出指票";
    const auto findings = test::run_rule("indicator-level", project_of(rows));
    REQUIRE(findings.size() == 1);
    const Finding& f = findings[0];
    CHECK(f.rule == "indicator-level");
    CHECK(f.loc.row == 8);
    CHECK(f.loc.column == 5);
    CHECK(f.value == "产出指票");
    CHECK(f.message.zh ==
          "项目“部分军退人员岗位补贴资金”（三级指标“享受补贴人数”）的一级指标“产出指票”不在指标体系内。");
    CHECK(f.hint.zh == "是否应为“产出指标”？一级指标只能是：成本指标、产出指标、效益指标、满意度指标。");
}

TEST_CASE("indicator-level finds a 二级 in the 一级 column", "[indicator-level]") {
    auto rows = test::seed_rows();
    rows[3].level1 = "数量指标";
    const auto findings = test::run_rule("indicator-level", project_of(rows));
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].loc.row == 8);
    CHECK_THAT(findings[0].hint.zh, Catch::StartsWith("“数量指标”是二级指标，属于一级指标“产出指标”"));
}

TEST_CASE("indicator-level finds a 二级 under the wrong 一级", "[indicator-level]") {
    auto rows = test::seed_rows();
    rows[10].level1 = "效益指标";  // 服务对象满意度指标 under 效益指标, row 15
    const auto findings = test::run_rule("indicator-level", project_of(rows));
    REQUIRE(findings.size() == 1);
    const Finding& f = findings[0];
    CHECK(f.loc.row == 15);
    CHECK(f.loc.column == 6);
    CHECK(f.value == "服务对象满意度指标");
    CHECK(f.message.zh ==
          "项目“部分军退人员岗位补贴资金”（三级指标“享受补贴对象满意度”）的二级指标“服务对象满意度指标”不属于一级指标“"
          "效益指标”。");
    CHECK_THAT(f.hint.zh, Catch::StartsWith("“服务对象满意度指标”属于一级指标“满意度指标”"));
}

TEST_CASE("indicator-level checks placeholder rows and suggests the closest 二级", "[indicator-level]") {
    auto rows = test::seed_rows();
    rows[6].level2 = "经济效果指标";  // a placeholder row (无), row 11
    const auto findings = test::run_rule("indicator-level", project_of(rows));
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].loc.row == 11);
    CHECK(findings[0].value == "经济效果指标");
    CHECK_THAT(findings[0].hint.zh, Catch::StartsWith("是否应为“经济效益指标”？"));
    CHECK_THAT(findings[0].hint.zh, Catch::Contains("“效益指标”下的二级指标只能是：经济效益指标、社会效益指标"));
}

TEST_CASE("indicator-level finds an empty 二级", "[indicator-level]") {
    auto rows = test::seed_rows();
    rows[4].level2 = "";
    const auto findings = test::run_rule("indicator-level", project_of(rows));
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].loc.row == 9);
    CHECK_THAT(findings[0].message.zh, Catch::Contains("没有二级指标"));
}

TEST_CASE("indicator-level does not over-find", "[indicator-level]") {
    // The seed, with "效益指标 " (trailing space) on its 效益 rows.
    CHECK(test::run_rule("indicator-level", project_of(test::seed_rows())).empty());
    // The older framework: 成本指标 (or 成本控制数) as a 二级 under 产出指标; 一级 without the 指标 suffix.
    auto rows = test::seed_rows();
    rows[0].level1 = "产出指标";
    rows[0].level2 = "成本指标";
    rows[1].level1 = "产出指标";
    rows[1].level2 = "成本控制数";
    rows[2].level1 = "产出";
    rows[2].level2 = " 质量指标";
    rows[3].level1 = "产出指标";  // a 二级 without the suffix too
    rows[3].level2 = "时效";
    CHECK(test::run_rule("indicator-level", project_of(rows)).empty());
    // Without the suffix, a 二级 of another 一级 is still out of place.
    rows[3].level2 = "社会效益";
    CHECK(test::run_rule("indicator-level", project_of(rows)).size() == 1);
}

TEST_CASE("a 一级 merged across the 二级 column means its only 二级", "[indicator-level]") {
    // 满意度指标 merged across E:F (it has one 二级): a review found indicator-level and placeholder-required
    // report two errors for this layout in every project.
    auto rows = test::seed_rows();
    bool found = false;
    for (auto& row : rows) {
        if (row.level2 != "服务对象满意度指标") continue;
        row.level1 = "满意度指标";
        row.level2 = "满意度指标";
        found = true;
    }
    REQUIRE(found);
    const Project p = project_of(rows);
    CHECK(test::run_rule("indicator-level", p).empty());
    CHECK(test::run_rule("placeholder-required", p).empty());
    for (const auto& ind : p.indicators) {
        if (ind.level1_name == "满意度指标") CHECK(ind.path().rfind("满意度指标/服务对象满意度指标/", 0) == 0);
    }
    // A 一级 with several 二级 merged across says nothing of which: still reported.
    rows[0].level2 = rows[0].level1;
    CHECK_FALSE(test::run_rule("indicator-level", project_of(rows)).empty());
}

TEST_CASE("indicator-level rejects parameters", "[indicator-level]") {
    const auto rule = rules::find_rule("indicator-level")
                          ->factory(config::default_rule_set(), Params({{"levels", Param{{"成本指标"}, true, 6}}}));
    REQUIRE_FALSE(rule.has_value());
    CHECK(rule.error().line == 6);
    CHECK_THAT(rule.error().message, Catch::Contains("'levels'"));
}

TEST_CASE("indicator-level finds a target without an indicator name", "[indicator-level]") {
    // A review found a row with 质量指标, 95, %, ≥ and 10分 but no name passed as clean.
    auto rows = test::seed_rows();
    rows[4].name = "";
    rows[4].level2 = "质量指标";
    rows[4].target = "95";
    const auto findings = test::run_rule("indicator-level", project_of(rows));
    REQUIRE(findings.size() == 1);
    const Finding& f = findings[0];
    CHECK(f.loc.row == 9);
    CHECK(f.loc.column == 7);
    CHECK(f.value.empty());
    CHECK(f.message.zh == "项目“部分军退人员岗位补贴资金”“质量指标”下第9行填了指标值“95”，但没有三级指标名称。");
    CHECK_THAT(f.hint.zh, Catch::Contains("在三级指标列写明"));
    // A placeholder row (no name, 无 for the target) is not one.
    auto placeholder = test::seed_rows();
    placeholder[4].name = "";
    placeholder[4].target = "无";
    CHECK(test::run_rule("indicator-level", project_of(placeholder)).empty());
}
