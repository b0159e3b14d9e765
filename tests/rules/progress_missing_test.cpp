// Tests of rule progress-missing: monitoring data that is missing is a finding, never a silent zero.
#include <catch2/catch.hpp>

#include "support/builders.hpp"

using namespace perf_check;

namespace {

const std::string k_goal = "保障我区内六类军退人员被妥善安置，依法享受各类社保权利及生活补贴。";
const std::string k_project = "部分军退人员岗位补贴资金";

RuleSet monitoring() {
    RuleSet rs = config::default_rule_set();
    rs.monitoring.as_of = "2024-07-31";
    return rs;
}

// The seed's first project: quantitative rows 5 (项目总成本), 8 (享受补贴人数), 9 (补贴资金到位率),
// 15 (享受补贴对象满意度); 定性 rows 10 and 12 need no value.
Project seed_project() { return test::project("301001", k_project, "842.07", k_goal, test::seed_rows()); }

void set_value(Project& p, int row, const std::string& value) {
    for (auto& ind : p.indicators)
        if (ind.row == row) ind.actual = test::cell(value, row, 14);
}

Project complete() {
    Project p = seed_project();
    p.budget = test::cell("842.07", 5, 15);
    p.spent = test::cell("505.24", 5, 16);
    set_value(p, 5, "505.24万元");
    set_value(p, 8, "100");
    set_value(p, 9, "95%");
    set_value(p, 15, "92%");
    return p;
}

}  // namespace

TEST_CASE("progress-missing finds a missing 执行数 and missing values to date", "[progress-missing]") {
    const RuleSet rs = monitoring();
    Project p = complete();
    p.spent = test::cell("", 5, 16);
    set_value(p, 8, "");
    set_value(p, 9, "进行中");
    const auto findings = test::run_rule("progress-missing", p, &rs);
    REQUIRE(findings.size() == 3);
    CHECK(findings[0].indicator.empty());
    CHECK(findings[0].loc.row == 5);
    CHECK(findings[0].loc.column == 16);
    CHECK(findings[0].message.zh == "项目“部分军退人员岗位补贴资金”未填报截至2024-07-31的执行数，无法判断预算执行进度。");
    CHECK(findings[1].indicator == "产出指标/数量指标/享受补贴人数");
    CHECK(findings[1].loc.row == 8);
    CHECK(findings[1].message.zh ==
          "项目“部分军退人员岗位补贴资金”的指标“享受补贴人数”（产出指标/数量指标）未填报截至2024-07-31的完成值（目标<136人），"
          "无法判断年度目标能否实现。");
    CHECK(findings[2].indicator == "产出指标/质量指标/补贴资金到位率");
    CHECK(findings[2].value == "进行中");
    CHECK(findings[2].loc.column == 14);
    CHECK_THAT(findings[2].message.zh, Catch::Contains("的完成值“进行中”不是数字（目标≥90%）"));
    CHECK_THAT(findings[2].hint.zh, Catch::Contains("补充报送监控数据"));
}

TEST_CASE("progress-missing reports a project with no data at all once", "[progress-missing]") {
    const RuleSet rs = monitoring();
    const auto findings = test::run_rule("progress-missing", seed_project(), &rs);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].loc.row == 5);
    CHECK(findings[0].message.zh ==
          "项目“部分军退人员岗位补贴资金”没有截至2024-07-31的任何监控数据（执行数和4项定量指标的完成值均未填报），"
          "可能未报送，或进度文件中的单位代码、项目名称与目标表不一致。");
}

TEST_CASE("progress-missing does not over-find", "[progress-missing]") {
    const RuleSet rs = monitoring();
    // Everything reported; the 定性 rows (补助资金发放时间, 代缴社保缴费基数) need no value.
    CHECK(test::run_rule("progress-missing", complete(), &rs).empty());
    // No 预算数 is fine while 资金总额 can stand in for it.
    Project no_budget = complete();
    no_budget.budget = Cell{};
    CHECK(test::run_rule("progress-missing", no_budget, &rs).empty());
    // Outside a monitor run nothing is required.
    CHECK(test::run_rule("progress-missing", seed_project()).empty());
}

TEST_CASE("progress-missing: no 预算数 and an unreadable 资金总额", "[progress-missing]") {
    const RuleSet rs = monitoring();
    Project p = test::project("301001", k_project, "待定", k_goal, test::seed_rows());
    p.spent = test::cell("100", 5, 16);
    set_value(p, 5, "100万元");
    set_value(p, 8, "100");
    set_value(p, 9, "95%");
    set_value(p, 15, "92%");
    const auto findings = test::run_rule("progress-missing", p, &rs);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message.zh == "项目“部分军退人员岗位补贴资金”没有预算数，资金总额也无法读取，无法计算预算执行率。");
}

TEST_CASE("progress-missing takes no parameters", "[progress-missing]") {
    const auto* entry = rules::find_rule("progress-missing");
    const auto bad = entry->factory(config::default_rule_set(), Params({{"tolerance", Param{{"1"}, false, 9}}}));
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().line == 9);
    CHECK(entry->factory(config::default_rule_set(), Params{}).has_value());
}
