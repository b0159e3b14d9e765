// Tests of rule actual-not-numeric: a quantitative indicator's actual must be a number.
#include <catch2/catch.hpp>

#include "support/builders.hpp"

using namespace perf_check;

namespace {

Project one(const test::Row& row, const std::string& actual) {
    Project p = test::project("301001", "测试项目", "100", "保障区内退休人员待遇按时足额发放。", {row});
    p.indicators[0].actual = test::cell(actual, 5, 16);
    p.budget = test::cell("100", 5, 4);
    p.spent = test::cell("95", 5, 5);
    return p;
}

const test::Row k_rate = {"产出指标", "质量指标", "资金到位率", "90", "资金到位率", "少于1%扣0.5分", "%", "≥", "15分"};

}  // namespace

TEST_CASE("actual-not-numeric finds text actuals on quantitative rows", "[actual-not-numeric]") {
    const auto findings = test::run_rule("actual-not-numeric", one(k_rate, "基本到位"));
    REQUIRE(findings.size() == 1);
    const Finding& f = findings[0];
    CHECK(f.rule == "actual-not-numeric");
    CHECK(f.loc.row == 5);
    CHECK(f.loc.column == 16);
    CHECK(f.value == "基本到位");
    CHECK(f.indicator == "产出指标/质量指标/资金到位率");
    CHECK(f.message.zh ==
          "项目“测试项目”的指标“资金到位率”是定量指标（指标值≥90%），实际完成值“基本到位”却不是数字，无法与指标值比较；本项按0分计。");
    CHECK(f.message.en ==
          "Project “测试项目”, indicator “资金到位率” is quantitative (target ≥90%) but the actual “基本到位” is not a "
          "number and cannot be compared with the target; it scores 0.");
    CHECK_THAT(f.hint.zh, Catch::Contains("“90%”"));

    // A label is scored by its band, and still reported.
    const auto label = test::run_rule("actual-not-numeric", one(k_rate, "达成年度指标"));
    REQUIRE(label.size() == 1);
    CHECK_THAT(label[0].message.zh, Catch::EndsWith("评分暂按等级“达成年度指标”计。"));
}

TEST_CASE("actual-not-numeric finds an actual in a unit that does not convert to the target's",
          "[actual-not-numeric]") {
    const test::Row people = {"产出指标", "数量指标", "受益人数", "100", "受益人数", "", "人", "≥", "10分"};
    const auto findings = test::run_rule("actual-not-numeric", one(people, "95名"));
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].loc.column == 16);
    CHECK(findings[0].message.zh ==
          "项目“测试项目”的指标“受益人数”实际完成值“95名”的单位“名”与指标单位“人”不同，无法换算；评分暂按95人计。");
    CHECK(findings[0].hint.zh == "请按指标的度量单位“人”填写实际完成值（如“95人”）。");
    // Units of one kind convert, and are not reported.
    for (const char* actual : {"1.2万人", "1.2万", "120人", "120"}) {
        INFO(actual);
        CHECK(test::run_rule("actual-not-numeric", one(people, actual)).empty());
    }
}

TEST_CASE("actual-not-numeric finds a fraction typed for a percentage", "[actual-not-numeric]") {
    // 0.95 against ≥90% was read as 0.95% and scored near 0 without a word.
    const auto findings = test::run_rule("actual-not-numeric", one(k_rate, "0.95"));
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message.zh ==
          "项目“测试项目”的指标“资金到位率”目标为≥90%，实际完成值“0.95”看起来是小数形式的比例"
          "（即95%），但按百分数读作0.95%，评分按0.95%计。");
    CHECK(findings[0].hint.zh == "百分比指标请填写百分数，如“95%”；若实际确为0.95%，请写明百分号。");
    // Written with its sign, or above 1, it is a percentage as meant.
    for (const char* actual : {"0.95%", "1.5", "95"}) {
        INFO(actual);
        CHECK(test::run_rule("actual-not-numeric", one(k_rate, actual)).empty());
    }
    // A small rate against a small target is what it says (故障率 0.8% against ≤2%).
    const test::Row failures = {"产出指标", "质量指标", "故障率", "2", "故障率", "", "%", "≤", "10分"};
    CHECK(test::run_rule("actual-not-numeric", one(failures, "0.8")).empty());
}

TEST_CASE("actual-not-numeric finds budget figures that are not amounts", "[actual-not-numeric]") {
    Project p = one(k_rate, "92%");
    p.spent = test::cell("已全部支出", 5, 5);
    const auto findings = test::run_rule("actual-not-numeric", p);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].loc.column == 5);
    CHECK(findings[0].indicator.empty());
    CHECK(findings[0].message.zh == "项目“测试项目”的全年执行数“已全部支出”不是金额，无法计算预算执行率，预算执行率按0分计。");
}

TEST_CASE("actual-not-numeric does not over-find", "[actual-not-numeric]") {
    for (const char* actual : {"92%", "92", "86.5 %", "８６．５％", "", "无"}) {
        INFO(actual);
        CHECK(test::run_rule("actual-not-numeric", one(k_rate, actual)).empty());
    }
    // money with its unit, a number followed by the row's own unit, 元 on a 万元 row
    CHECK(test::run_rule("actual-not-numeric", one({"成本指标", "经济成本指标", "总成本", "842.07", "总成本", "", "万元", "≤", "20分"},
                                                   "1,700,000元"))
              .empty());
    CHECK(test::run_rule("actual-not-numeric", one({"产出指标", "数量指标", "养护里程", "50", "养护里程", "", "公里", "≥", "15分"},
                                                   "42公里"))
              .empty());
    // 定性 rows take labels and text
    CHECK(test::run_rule("actual-not-numeric", one({"效益指标", "社会效益指标", "保民生", "应保尽保", "保民生", "", "-", "定性", "20分"},
                                                   "基本做到应保尽保"))
              .empty());
    // a table without actuals is not checked
    Project bare = test::project("301001", "测试项目", "100", "保障区内退休人员待遇按时足额发放。", {k_rate});
    CHECK(test::run_rule("actual-not-numeric", bare).empty());
}

TEST_CASE("actual-not-numeric rejects parameters", "[actual-not-numeric]") {
    const auto rule = rules::find_rule("actual-not-numeric")
                          ->factory(config::default_rule_set(), Params({{"units", Param{{"%"}, true, 4}}}));
    REQUIRE_FALSE(rule.has_value());
    CHECK(rule.error().line == 4);
    CHECK_THAT(rule.error().message, Catch::Contains("'units'"));
}

TEST_CASE("actual-not-numeric takes a date against a month of 时效指标 written as a number",
          "[actual-not-numeric][dates]") {
    const test::Row due = {"产出指标",         "时效指标", "完工时间", "2024.12", "完工时间",
                           "每延迟1个月扣2分", "",         "≤",        "10分"};
    CHECK(test::run_rule("actual-not-numeric", one(due, "2024年12月20日")).empty());
    CHECK(test::run_rule("actual-not-numeric", one(due, "2025.1")).empty());
    CHECK(test::run_rule("actual-not-numeric", one(due, "基本按期")).size() == 1);
}

TEST_CASE("actual-not-numeric names an actual date the calendar has not, and takes one without its year",
          "[actual-not-numeric][dates]") {
    const test::Row due = {"产出指标", "时效指标", "完工时间", "2024年10月底前", "完工时间", "每延迟1个月扣2分",
                           "",         "≤",        "10分"};
    CHECK(test::run_rule("actual-not-numeric", one(due, "10月20日")).empty());
    CHECK(test::run_rule("actual-not-numeric", one(due, "11月")).empty());
    const auto impossible = test::run_rule("actual-not-numeric", one(due, "2024年9月31日"));
    REQUIRE(impossible.size() == 1);
    CHECK(impossible[0].message.zh ==
          "项目“测试项目”的指标“完工时间”的实际完成值“2024年9月31日”不是日历上存在的日期，无法与期限2024年10月底前比较"
          "；本项按0分计。");
}

TEST_CASE("actual-not-numeric leaves a label row of the text's tier table to the scorer",
          "[actual-not-numeric][tiers]") {
    const test::Row graded = {"产出指标", "质量指标",   "资金到位率",
                              "90",       "资金到位率", "达成得满分，部分达成得10分，未达成不得分",
                              "%",        "≥",          "15分"};
    // The text gives 部分达成 its points: nothing to report.
    CHECK(test::run_rule("actual-not-numeric", one(graded, "部分达成")).empty());
    // A label of no row is still not a number.
    REQUIRE(test::run_rule("actual-not-numeric", one(graded, "基本到位")).size() == 1);
}
