// Tests of rule deduction-missing: real indicators need a 评（扣分标准）.
#include <catch2/catch.hpp>

#include "../support/builders.hpp"

using namespace perf_check;

namespace {

test::Row row(const std::string& name, const std::string& deduction) {
    return {"产出指标", "数量指标", name, "130", name, deduction, "人", "≥", "10分"};
}

}  // namespace

TEST_CASE("deduction-missing finds empty and placeholder standards", "[deduction-missing]") {
    const Project p = test::project("301001", "测试项目", "100", "保障区内退休人员待遇按时足额发放。",
                                    {row("享受补助人数", ""), row("培训人次", "无"), row("发放户数", "/")});
    const auto findings = test::run_rule("deduction-missing", p);
    REQUIRE(findings.size() == 3);
    CHECK(findings[0].rule == "deduction-missing");
    CHECK(findings[0].loc.row == 5);
    CHECK(findings[0].loc.column == 10);
    CHECK(findings[0].indicator == "产出指标/数量指标/享受补助人数");
    CHECK(findings[0].message.zh == "项目“测试项目”的指标“享受补助人数”未填写评（扣分）标准。");
    CHECK_THAT(findings[0].hint.zh, Catch::Contains("扣完为止"));
    CHECK(findings[1].loc.row == 6);
    CHECK(findings[1].value == "无");
    CHECK(findings[1].message.zh == "项目“测试项目”的指标“培训人次”评（扣分）标准只填了“无”。");
    CHECK(findings[2].loc.row == 7);
    CHECK(findings[2].value == "/");
}

TEST_CASE("deduction-missing does not over-find", "[deduction-missing]") {
    // The seed's placeholder rows (无 in every cell) have no standard, and need none.
    CHECK(test::run_rule("deduction-missing", test::project("301001", "部分军退人员岗位补贴资金", "842.07",
                                                            "保障我区内六类军退人员被妥善安置。", test::seed_rows()))
              .empty());
    const Project p = test::project("301001", "测试项目", "100", "保障区内退休人员待遇按时足额发放。",
                                    {row("享受补助人数", "视情况扣分"), row("培训人次", "无故未完成不得分")});
    CHECK(test::run_rule("deduction-missing", p).empty());
}

TEST_CASE("deduction-missing rejects parameters", "[deduction-missing]") {
    const auto rule = rules::find_rule("deduction-missing")
                          ->factory(config::default_rule_set(), Params({{"min_length", Param{{"5"}, false, 2}}}));
    REQUIRE_FALSE(rule.has_value());
    CHECK(rule.error().line == 2);
    CHECK_THAT(rule.error().message, Catch::Contains("'min_length'"));
}

TEST_CASE("deduction-missing: the example in the hint goes the indicator's way", "[deduction-missing]") {
    // A cost (≤) indicator was told "每低于1个百分点扣0.5分": points lost for falling short of a cap.
    const test::Row cost = {"成本指标", "经济成本指标", "项目总成本", "842.07", "项目总成本", "", "万元", "≤", "20分"};
    const test::Row count = {"产出指标", "数量指标", "享受补助人数", "130", "享受补助人数", "", "人", "≥", "10分"};
    const test::Row timing = {"产出指标", "时效指标", "发放时间", "按时发放", "发放时间", "", "-", "定性", "10分"};
    const auto findings = test::run_rule(
        "deduction-missing", test::project("301001", "测试项目", "842.07", "保障区内退休人员待遇按时足额发放。",
                                           {cost, count, timing}, 5, &config::default_rule_set()));
    REQUIRE(findings.size() == 3);
    CHECK_THAT(findings[0].hint.zh, Catch::Contains("每超过目标值5万元扣1分") && !Catch::Contains("每低于"));
    CHECK_THAT(findings[0].hint.en, Catch::Contains("per 5万元 over"));
    CHECK_THAT(findings[1].hint.zh, Catch::Contains("每低于目标值1个百分点扣0.5分"));
    CHECK_THAT(findings[2].hint.zh, Catch::Contains("每延迟1个月扣2分"));
    CHECK_THAT(findings[0].hint.zh, Catch::EndsWith("；否则自评时只能按默认公式计分。"));
    // The example counts in the indicator's unit: a ≤ in % by percentage points, in 个 by one.
    const test::Row rate = {"成本指标", "经济成本指标", "差错率", "3%", "差错率", "", "%", "≤", "10分"};
    const test::Row errors = {"产出指标", "质量指标", "差错数", "2", "差错数", "", "个", "≤", "10分"};
    const auto by_unit = test::run_rule(
        "deduction-missing", test::project("301001", "测试项目", "842.07", "保障区内退休人员待遇按时足额发放。",
                                           {rate, errors}, 5, &config::default_rule_set()));
    REQUIRE(by_unit.size() == 2);
    CHECK_THAT(by_unit[0].hint.zh, Catch::Contains("“每超过目标值1个百分点扣1分，扣完为止”"));
    CHECK_THAT(by_unit[1].hint.zh, Catch::Contains("“每超过目标值1个扣1分，扣完为止”"));
    CHECK_THAT(by_unit[1].hint.en, Catch::Contains("(1 point off per 1个 over)"));
}

TEST_CASE("deduction-missing suggests a deadline's standard for a date target", "[deduction-missing][dates]") {
    const Project p =
        test::project("301001", "测试项目", "100", "保障区内退休人员待遇按时足额发放。",
                      {{"产出指标", "时效指标", "完工时间", "2024-10-31", "完工时间", "", "", "≤", "10分"}});
    const auto findings = test::run_rule("deduction-missing", p);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].hint.zh ==
          "请写明如何扣分，例如“按期完成得满分，每延迟1个月扣2分，扣完为止”；否则自评时只能按默认公式计分。");
}

TEST_CASE("deduction-missing asks nothing of the national self-evaluation form, which has no such column",
          "[deduction-missing][form]") {
    Project p = test::project("", "乡镇卫生院基本公共卫生服务补助", "350", "目标",
                              {{"产出指标", "数量指标", "建档率", "≥90%", "", "", "%", "", "50"}});
    REQUIRE(test::run_rule("deduction-missing", p).size() == 1);
    p.form = true;
    // A province's form (申报表) that has the column is asked, as any table is.
    CHECK(test::run_rule("deduction-missing", p).size() == 1);
    p.indicators[0].deduction.loc.column = 0;  // no such column
    CHECK(test::run_rule("deduction-missing", p).empty());
}
