// Tests of rule deduction-discretionary: 视情况扣分 with nothing computable, and the default it falls back to.
#include <catch2/catch.hpp>

#include "../support/builders.hpp"
#include "support/languages.hpp"

using namespace perf_check;

namespace {

test::Row row(const std::string& target, const std::string& deduction, const std::string& type) {
    return {"产出指标", "数量指标", "享受补助人数", target, "享受补助人数", deduction, "人", type, "10分"};
}

Project rows(const std::vector<test::Row>& r, const RuleSet* rules = nullptr) {
    return test::project("301001", "测试项目", "100", "保障区内退休人员待遇按时足额发放。", r, 5, rules);
}

}  // namespace

TEST_CASE("deduction-discretionary finds the seed's discretionary standards", "[deduction-discretionary]") {
    const auto findings = test::run_rule("deduction-discretionary",
                                         test::project("301001", "部分军退人员岗位补贴资金", "842.07",
                                                       "保障我区内六类军退人员被妥善安置。", test::seed_rows()));
    REQUIRE(findings.size() == 3);
    CHECK(findings[0].rule == "deduction-discretionary");
    CHECK(findings[0].loc.row == 8);
    CHECK(findings[0].loc.column == 10);
    CHECK(findings[0].value == "达到指标值得满分，未达到指标值视情况扣分，扣完为止。");
    CHECK(findings[0].message.zh ==
          "项目“部分军退人员岗位补贴资金”的指标“享受补贴人数”扣分标准“达到指标值得满分，未达到指标值视情况扣分，扣完为"
          "止。”"
          "只说视情况扣分，没有可计算的扣分办法；评分将采用规则集“<”指标的默认公式："
          "按超支比例扣分（分值×(1−(实际值−目标值)÷目标值)，达到目标值2倍时为0分）。");
    // A “<” indicator counted in 人: its example counts in 人 too, not in 万元.
    CHECK(findings[0].hint.zh == "请写明具体扣分办法，例如“每超过目标值1人扣1分，扣完为止”。");
    CHECK(findings[1].loc.row == 10);
    CHECK(findings[1].value == "视情况，扣分，扣完为止");
    CHECK_THAT(findings[1].message.zh,
               Catch::Contains("“定性”指标的默认公式：按等级区间计分（达成年度指标80%–100%、"
                               "部分达成年度指标并具有一定效果60%–80%、未达成年度指标且效果较差0%–60%）"));
    CHECK(findings[2].loc.row == 12);
    CHECK_THAT(findings[2].message.en, Catch::Contains("grade band"));
}

TEST_CASE("deduction-discretionary names the default for ≥, =, and the ratio variant for ≤",
          "[deduction-discretionary]") {
    const auto ge = test::run_rule("deduction-discretionary", rows({row("130", "视情况扣2分", "≥")}));
    REQUIRE(ge.size() == 1);
    CHECK_THAT(ge[0].message.zh, Catch::Contains("“≥”指标的默认公式：按完成比例计分（分值×实际值÷目标值"));

    const auto eq = test::run_rule("deduction-discretionary", rows({row("0", "酌情扣分", "=")}));
    REQUIRE(eq.size() == 1);
    CHECK_THAT(eq[0].message.zh, Catch::Contains("等于目标值得满分"));

    RuleSet rs = config::default_rule_set();
    rs.scoring.reverse = ReverseVariant::ratio;
    const auto le = test::run_rule("deduction-discretionary", rows({row("130", "视情况扣分", "≤")}, &rs), &rs);
    REQUIRE(le.size() == 1);
    CHECK_THAT(le[0].message.zh, Catch::Contains("按超支比例扣分（分值×目标值÷实际值"));
}

TEST_CASE("deduction-discretionary does not over-find", "[deduction-discretionary]") {
    const Project p = rows({
        row("842.07", "每超过5万元，扣1分，扣完为止", "≤"),
        row("90", "达到指标值得满分，少于1%扣0.5分，扣完为止。", "≥"),
        row("90", "未达到的视情况扣分；每低于1个百分点扣0.5分", "≥"),  // a concrete step besides
        row("90", "完成得满分，未完成视情况按比例扣分", "≥"),          // proportional
        row("90", "视情况，未完成不得分", "≥"),                        // all or nothing
        row("90", "未按要求落实到位的，视情况每项扣2分", "≥"),         // per item
        row("90", "", "≥"),                                            // deduction-missing's finding
        row("90", "无", "≥"),
    });
    CHECK(test::run_rule("deduction-discretionary", p).empty());
}

TEST_CASE("deduction-discretionary rejects parameters", "[deduction-discretionary]") {
    const auto rule = rules::find_rule("deduction-discretionary")
                          ->factory(config::default_rule_set(), Params({{"fallback", Param{{"ratio"}, false, 13}}}));
    REQUIRE_FALSE(rule.has_value());
    CHECK(rule.error().line == 13);
    CHECK_THAT(rule.error().message, Catch::Contains("'fallback'"));
}

TEST_CASE("deduction-discretionary writes no English for a Chinese-only run", "[deduction-discretionary]") {
    CHECK(test::check_chinese_only_run("deduction-discretionary",
                                       test::project("301001", "部分军退人员岗位补贴资金", "842.07",
                                                     "保障我区内六类军退人员被妥善安置。", test::seed_rows())) == 3);
}

TEST_CASE("deduction-discretionary names a deadline's default and example", "[deduction-discretionary][dates]") {
    const auto findings = test::run_rule("deduction-discretionary",
                                         rows({{"产出指标", "时效指标", "完工时间", "2024年12月31日前", "完工时间",
                                                "按时完成得满分，否则视情况扣分", "", "≤", "10分"}}));
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message.zh ==
          "项目“测试项目”的指标“完工时间”扣分标准“按时完成得满分，否则视情况扣分”只说视情况扣分，没有可计算的扣分办法；"
          "评分将采用规则集期限（日期）指标的默认公式：按期完成得满分，逾期按0分计。");
    CHECK(findings[0].hint.zh == "请写明具体扣分办法，例如“按期完成得满分，每延迟1个月扣2分，扣完为止”。");
    CHECK_THAT(findings[0].message.en,
               Catch::Contains("for deadlines (a date for a target): full marks on time, 0 when late"));
}
