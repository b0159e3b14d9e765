// Tests of rule value-not-numeric: quantitative comparators need a numeric target.
#include <catch2/catch.hpp>

#include "../support/builders.hpp"

using namespace perf_check;

namespace {

Project one_row(const test::Row& row) {
    return test::project("301001", "测试项目", "100", "保障区内退休人员待遇按时足额发放。", {row});
}

}  // namespace

TEST_CASE("value-not-numeric finds a text target under a quantitative comparator", "[value-not-numeric]") {
    const auto findings =
        test::run_rule("value-not-numeric", one_row({"效益指标", "社会效益指标", "退休人员生活保障", "有效保障",
                                                     "退休人员生活保障", "视情况，扣分，扣完为止", "-", "≥", "20分"}));
    REQUIRE(findings.size() == 1);
    const Finding& f = findings[0];
    CHECK(f.rule == "value-not-numeric");
    CHECK(f.loc.row == 5);
    CHECK(f.loc.column == 8);
    CHECK(f.project == "测试项目");
    CHECK(f.indicator == "效益指标/社会效益指标/退休人员生活保障");
    CHECK(f.value == "有效保障");
    CHECK(f.message.zh ==
          "项目“测试项目”的指标“退休人员生活保障”指标值类型为“≥”（定量），但指标值“有效保障”不是数字。");
    CHECK_THAT(f.message.en, Catch::Contains("“有效保障” is not a number"));
    CHECK_THAT(f.hint.zh, Catch::Contains("定性"));
}

TEST_CASE("value-not-numeric finds an empty target and a comparator spelled in the value", "[value-not-numeric]") {
    const Project p =
        test::project("301001", "测试项目", "100", "保障区内退休人员待遇按时足额发放。",
                      {{"成本指标", "经济成本指标", "项目总成本", "", "项目总成本", "每超过5万元，扣1分，扣完为止",
                        "万元", "≤", "20分"},
                       {"产出指标", "时效指标", "发放时间", "≤每月底前", "按月发放", "视情况扣分", "", "", "10分"}});
    const auto findings = test::run_rule("value-not-numeric", p);
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].loc.row == 5);
    CHECK(findings[0].message.zh == "项目“测试项目”的指标“项目总成本”指标值类型为“≤”（定量），但指标值为空。");
    CHECK(findings[1].loc.row == 6);
    CHECK(findings[1].value == "≤每月底前");
}

TEST_CASE("value-not-numeric does not over-find", "[value-not-numeric]") {
    // The seed: numbers under ≥ ≤ <, and text targets ("2024年1-12月", "不低于上年度…") typed 定性.
    CHECK(test::run_rule("value-not-numeric", test::project("301001", "部分军退人员岗位补贴资金", "842.07",
                                                            "保障我区内六类军退人员被妥善安置。", test::seed_rows()))
              .empty());
    const Project p = test::project(
        "301001", "测试项目", "100", "保障区内退休人员待遇按时足额发放。",
        {{"产出指标", "数量指标", "培训人次", "≥50个", "培训人次", "每少1个扣1分", "", "", "10分"},
         {"产出指标", "时效指标", "完成时间", "2024年1-12月", "完成时间", "视情况扣分", "月", "定性", "10分"},
         {"效益指标", "社会效益指标", "社会效益", "效果明显", "社会效益", "视情况扣分", "-", "", "20分"}});
    CHECK(test::run_rule("value-not-numeric", p).empty());
}

TEST_CASE("value-not-numeric rejects parameters", "[value-not-numeric]") {
    const auto* entry = rules::find_rule("value-not-numeric");
    REQUIRE(entry != nullptr);
    const auto rule = entry->factory(config::default_rule_set(), Params({{"strict", Param{{"true"}, false, 7}}}));
    REQUIRE_FALSE(rule.has_value());
    CHECK(rule.error().line == 7);
    CHECK_THAT(rule.error().message, Catch::Contains("'strict'"));
}

TEST_CASE("value-not-numeric takes a date under ≤ for a deadline, not a period", "[value-not-numeric][dates]") {
    const Project p = one_row(
        {"产出指标", "时效指标", "完工时间", "2024年10月底前", "完工时间", "每延迟1个月扣2分", "", "≤", "10分"});
    CHECK(test::run_rule("value-not-numeric", p).empty());
    const auto period = test::run_rule("value-not-numeric", one_row({"产出指标", "时效指标", "发放时间", "2024年1-12月",
                                                                     "发放时间", "视情况扣分", "月", "≤", "10分"}));
    REQUIRE(period.size() == 1);
    CHECK(period[0].value == "2024年1-12月");
}

TEST_CASE("value-not-numeric takes a deadline without its year, and names a day the calendar has not",
          "[value-not-numeric][dates]") {
    const Project yearless =
        one_row({"产出指标", "时效指标", "完工时间", "12月底前", "完工时间", "每延迟1个月扣2分", "", "≤", "10分"});
    CHECK(test::run_rule("value-not-numeric", yearless).empty());
    const auto impossible =
        test::run_rule("value-not-numeric", one_row({"产出指标", "时效指标", "完工时间", "2023年2月29日", "完工时间",
                                                     "每延迟1个月扣2分", "", "≤", "10分"}));
    REQUIRE(impossible.size() == 1);
    CHECK(impossible[0].message.zh == "项目“测试项目”的指标“完工时间”的指标值“2023年2月29日”不是日历上存在的日期。");
    CHECK(impossible[0].hint.zh == "请改为存在的日期（如该月最后一天，或写“X月底前”）。");
}
