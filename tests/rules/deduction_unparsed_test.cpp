// Tests of rule deduction-unparsed: the parts of a deduction text the grammar does not understand are named.
#include <catch2/catch.hpp>

#include "support/builders.hpp"

using namespace perf_check;

namespace {

test::Row row(const std::string& name, const std::string& deduction) {
    return {"产出指标", "数量指标", name, "130", name, deduction, "人", "≥", "10分"};
}

Project with(const std::vector<test::Row>& rows) {
    return test::project("301001", "测试项目", "100", "保障区内退休人员待遇按时足额发放。", rows);
}

}  // namespace

TEST_CASE("deduction-unparsed names the part not understood", "[deduction-unparsed]") {
    const auto findings = test::run_rule("deduction-unparsed", with({row("享受补助人数", "每少1人扣0.5分，扣完为止，另行考核")}));
    REQUIRE(findings.size() == 1);
    const Finding& f = findings[0];
    CHECK(f.rule == "deduction-unparsed");
    CHECK(f.loc.row == 5);
    CHECK(f.loc.column == 10);
    CHECK(f.indicator == "产出指标/数量指标/享受补助人数");
    CHECK(f.value == "每少1人扣0.5分，扣完为止，另行考核");
    CHECK(f.message.zh ==
          "项目“测试项目”的指标“享受补助人数”扣分标准中“另行考核”无法理解。评分只按已理解的部分进行：“每少1人扣0."
          "5分，扣完为止”。");
    CHECK(f.message.en ==
          "Project “测试项目”, indicator “享受补助人数”: in the deduction standard “另行考核” could not be understood. "
          "Scoring uses only the part understood: step(under 1人: -0.5); floor(0).");
    CHECK_THAT(f.hint.zh, Catch::Contains("perf-check explain"));
}

TEST_CASE("deduction-unparsed reports unsupported forms and several parts", "[deduction-unparsed]") {
    const auto findings = test::run_rule(
        "deduction-unparsed",
        with({row("甲", "按全市排名计分"), row("乙", "按完成情况分三档计分"),
              row("丙", "按季度考核，视情况扣分，年终汇总"), row("丁", "每少1人扣1分，每多1人加0.5分")}));
    REQUIRE(findings.size() == 4);
    CHECK(findings[0].message.zh == "项目“测试项目”的指标“甲”扣分标准中写的是按排名计分，不支持自动计分。评分将采用规则集的默认公式。");
    CHECK(findings[0].loc.row == 5);
    CHECK(findings[1].message.zh == "项目“测试项目”的指标“乙”扣分标准中写的是分档计分表，不支持自动计分。评分将采用规则集的默认公式。");
    CHECK_THAT(findings[1].message.en, Catch::Contains("a tiered scoring table"));
    CHECK(findings[2].message.zh == "项目“测试项目”的指标“丙”扣分标准中“按季度考核”、“年终汇总”无法理解。评分将采用规则集的默认公式。");
    CHECK(findings[3].message.zh ==
          "项目“测试项目”的指标“丁”扣分标准中“每多1人加0."
          "5分”是加分，不计（得分不超过分值）。评分只按已理解的部分进行：“每少1人扣1分”。");
    CHECK(findings[3].loc.row == 8);
}

TEST_CASE("deduction-unparsed does not over-find", "[deduction-unparsed]") {
    // Every deduction text of the seed reads completely.
    CHECK(test::run_rule("deduction-unparsed", test::project("301001", "部分军退人员岗位补贴资金", "842.07",
                                                             "保障我区内六类军退人员被妥善安置。", test::seed_rows()))
              .empty());
    // Nor does any phrasing listed in DOMAIN.md; empty and placeholder texts are deduction-missing's.
    std::vector<test::Row> rows;
    for (const char* text : {"按完成比例计算得分,满分为止", "每降低1个百分点扣1分", "未按要求落实到位的，每项扣2分",
                             "每缺1项扣3分", "完成年度投资计划任务得标准分,未完成的按实际完成率乘以标准分计分",
                             "每超平均年龄1岁的，扣0.5分", "低于100%每1%扣2分，不满1%按1%计算", "最低零分", "未完成不得分",
                             "完成得满分，未完成按比例扣分", "每延迟1个月扣1分", "满意度每低于目标1个百分点扣0.5分",
                             "视情况，扣分，扣完为止", "", "无", "/"}) {
        rows.push_back(row(std::string("指标") + std::to_string(rows.size()), text));
    }
    CHECK(test::run_rule("deduction-unparsed", with(rows)).empty());
}

TEST_CASE("deduction-unparsed rejects parameters", "[deduction-unparsed]") {
    const auto rule = rules::find_rule("deduction-unparsed")
                          ->factory(config::default_rule_set(), Params({{"strict", Param{{"true"}, false, 7}}}));
    REQUIRE_FALSE(rule.has_value());
    CHECK(rule.error().line == 7);
    CHECK_THAT(rule.error().message, Catch::Contains("'strict'"));
}

TEST_CASE("deduction-unparsed quotes the parts understood as one phrase where they follow each other",
          "[deduction-unparsed]") {
    const auto findings =
        test::run_rule("deduction-unparsed", with({row("享受补助人数", "达到指标值得满分，每少1人扣1分，另行考核")}));
    REQUIRE(findings.size() == 1);
    CHECK_THAT(findings[0].message.zh, Catch::EndsWith("评分只按已理解的部分进行：“达到指标值得满分，每少1人扣1分”。"));
}
