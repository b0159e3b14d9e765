// Tests of rule unit-missing: quantitative targets need a unit, in 度量单位 or in the value cell.
#include <catch2/catch.hpp>

#include "../support/builders.hpp"

using namespace perf_check;

namespace {

test::Row row(const std::string& name, const std::string& target, const std::string& unit, const std::string& type) {
    return {"产出指标", "数量指标", name, target, name, "达到指标值得满分，未达到视情况扣分", unit, type, "10分"};
}

Project rows(const std::vector<test::Row>& r) {
    return test::project("301001", "测试项目", "100", "保障区内退休人员待遇按时足额发放。", r);
}

}  // namespace

TEST_CASE("unit-missing finds numbers without a unit", "[unit-missing]") {
    const Project p =
        rows({row("享受补助人数", "130", "", "≥"), row("培训人次", "50", "-", "≥"), row("发放批次", "12", "", "")});
    const auto findings = test::run_rule("unit-missing", p);
    REQUIRE(findings.size() == 3);
    CHECK(findings[0].rule == "unit-missing");
    CHECK(findings[0].loc.row == 5);
    CHECK(findings[0].indicator == "产出指标/数量指标/享受补助人数");
    CHECK(findings[0].message.zh == "项目“测试项目”的指标“享受补助人数”是定量指标（≥ 130），但没有度量单位。");
    CHECK_THAT(findings[0].hint.zh, Catch::Contains("“130人”"));
    CHECK(findings[1].loc.row == 6);
    CHECK(findings[1].loc.column == 11);  // the placeholder unit cell
    CHECK(findings[1].value == "-");
    CHECK(findings[2].loc.row == 7);
    CHECK_THAT(findings[2].message.zh, Catch::Contains("是定量指标（12）"));
}

TEST_CASE("unit-missing: a bare 万/亿 is a multiple, not a unit, except for costs", "[unit-missing]") {
    // A review found 1.2万 with no 度量单位 silent: read as 万元, and a step in 人次 then did not apply.
    const auto findings =
        test::run_rule("unit-missing", rows({row("服务人次", "1.2万", "", "≥"), row("受益人数", "3亿", "无", "≥")}));
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].message.zh == "项目“测试项目”的指标“服务人次”是定量指标（1.2万），但没有度量单位。");
    CHECK_THAT(findings[0].hint.zh, Catch::Contains("“1.2万人”"));
    CHECK_THAT(findings[1].hint.zh, Catch::Contains("“3亿人”"));
    // With 元 written, or a unit in the column, or a cost (money is what a cost's 万 means): no finding.
    CHECK(test::run_rule("unit-missing",
                         rows({row("服务人次", "1.2万元", "", "≥"), row("服务人次", "1.2万", "人次", "≥")}))
              .empty());
    test::Row cost = row("培训成本", "1.2万", "", "≤");
    cost.level1 = "成本指标";
    cost.level2 = "经济成本指标";
    CHECK(test::run_rule("unit-missing", rows({cost})).empty());
}

TEST_CASE("unit-missing does not over-find", "[unit-missing]") {
    CHECK(test::run_rule("unit-missing", test::project("301001", "部分军退人员岗位补贴资金", "842.07",
                                                       "保障我区内六类军退人员被妥善安置。", test::seed_rows()))
              .empty());
    const Project p = rows({
        row("到位率", "90%", "", "≥"),     // unit inside the value
        row("培训人次", "≥50个", "", ""),  // comparator and unit inside the value
        row("成本", "≤202.6万元", "-", ""), row("完成时间", "2024年1-12月", "", "定性"),  // 定性
        row("保障效果", "有效保障", "", "≥"),  // no number: value-not-numeric's finding
    });
    CHECK(test::run_rule("unit-missing", p).empty());
}

TEST_CASE("unit-missing rejects parameters", "[unit-missing]") {
    const auto rule = rules::find_rule("unit-missing")
                          ->factory(config::default_rule_set(), Params({{"units", Param{{"人"}, true, 4}}}));
    REQUIRE_FALSE(rule.has_value());
    CHECK(rule.error().line == 4);
    CHECK_THAT(rule.error().message, Catch::Contains("'units'"));
}

TEST_CASE("unit-missing leaves a month written as a number under 时效指标 alone", "[unit-missing][dates]") {
    const Project p =
        test::project("301001", "测试项目", "100", "保障区内退休人员待遇按时足额发放。",
                      {{"产出指标", "时效指标", "完工时间", "2024.10", "完工时间", "每延迟1个月扣2分", "", "≤", "10分"},
                       {"产出指标", "数量指标", "维修里程", "2024.10", "维修里程", "每少1公里扣1分", "", "≥", "10分"}});
    const auto findings = test::run_rule("unit-missing", p);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].loc.row == 6);
}
