// Tests of rule deviation-reason-missing: a missed target needs a deviation reason.
#include <catch2/catch.hpp>

#include "support/builders.hpp"
#include "support/languages.hpp"

using namespace perf_check;

namespace {

struct Line {
    test::Row row;
    std::string actual, deviation, score;
};

Project with(const std::vector<Line>& lines) {
    std::vector<test::Row> rows;
    for (const auto& l : lines) rows.push_back(l.row);
    Project p = test::project("301001", "测试项目", "100", "保障区内退休人员待遇按时足额发放。", rows);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        Indicator& ind = p.indicators[i];
        ind.actual = test::cell(lines[i].actual, ind.row, 16);
        ind.score = test::cell(lines[i].score, ind.row, 17);
        ind.deviation = test::cell(lines[i].deviation, ind.row, 18);
    }
    return p;
}

const test::Row k_rate = {"产出指标", "质量指标", "资金到位率", "90", "资金到位率", "少于1%扣0.5分", "%", "≥", "15分"};
const test::Row k_cost = {"成本指标", "经济成本指标", "项目总成本", "842.07", "项目总成本", "每超过5万元，扣1分", "万元", "≤", "20分"};
const test::Row k_qual = {"效益指标", "社会效益指标", "有效保障", "有效保障", "有效保障", "视情况扣分", "-", "定性", "20分"};

}  // namespace

TEST_CASE("deviation-reason-missing finds missed targets with no reason", "[deviation-reason-missing]") {
    const auto findings = test::run_rule(
        "deviation-reason-missing",
        with({{k_rate, "88%", ""}, {k_cost, "855.00万元", "无"}, {k_qual, "部分达成年度指标并具有一定效果", "", "14"}}));
    REQUIRE(findings.size() == 3);
    CHECK(findings[0].rule == "deviation-reason-missing");
    CHECK(findings[0].loc.row == 5);
    CHECK(findings[0].loc.column == 18);
    CHECK(findings[0].value == "88%");
    CHECK(findings[0].indicator == "产出指标/质量指标/资金到位率");
    CHECK(findings[0].message.zh == "项目“测试项目”的指标“资金到位率”实际完成值“88%”未达到指标值“≥90%”，但未填写偏差原因分析及改进措施。");
    CHECK(findings[0].message.en ==
          "Project “测试项目”, indicator “资金到位率”: the actual “88%” falls short of the target “≥90%”, but no deviation "
          "reason (偏差原因分析及改进措施) is given.");
    CHECK(findings[1].loc.row == 6);
    CHECK(findings[1].message.zh == "项目“测试项目”的指标“项目总成本”实际完成值“855.00万元”未达到指标值“≤842.07万元”，但未填写偏差原因分析及改进措施。");
    CHECK(findings[2].loc.row == 7);
    CHECK(findings[2].value == "部分达成年度指标并具有一定效果");
}

TEST_CASE("deviation-reason-missing does not over-find", "[deviation-reason-missing]") {
    CHECK(test::run_rule("deviation-reason-missing",
                         with({{k_rate, "90%", ""},                         // met exactly
                               {k_rate, "88%", "年末部分资金未及时拨付"},  // explained
                               {k_cost, "800万元", ""},                    // under a ≤ target
                               {k_qual, "达成年度指标", ""},                // the top band
                               {k_qual, "有效保障", ""},                    // equal to the target text
                               {k_rate, "", ""}}))                          // missing: actual-missing's
              .empty());
}

TEST_CASE("deviation-reason-missing rejects parameters", "[deviation-reason-missing]") {
    const auto rule = rules::find_rule("deviation-reason-missing")
                          ->factory(config::default_rule_set(), Params({{"min_length", Param{{"5"}, false, 9}}}));
    REQUIRE_FALSE(rule.has_value());
    CHECK(rule.error().line == 9);
    CHECK_THAT(rule.error().message, Catch::Contains("'min_length'"));
}

TEST_CASE("deviation-reason-missing points into the actuals file the values came from", "[deviation-reason-missing]") {
    Project p = with({{k_rate, "88%", ""}});
    Cell actual = test::cell("88%", 15, 4);
    actual.loc.file = "actuals.csv";
    Cell deviation = test::cell("", 15, 6);
    deviation.loc.file = "actuals.csv";
    p.indicators[0].actual = actual;
    p.indicators[0].deviation = deviation;
    const auto findings = test::run_rule("deviation-reason-missing", p);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].loc.file == "actuals.csv");
    CHECK(findings[0].loc.row == 15);
    CHECK(findings[0].loc.column == 6);
    CHECK(findings[0].project == "测试项目");
    CHECK(findings[0].indicator == "产出指标/质量指标/资金到位率");
}

TEST_CASE("deviation-reason-missing writes no English for a Chinese-only run", "[deviation-reason-missing]") {
    CHECK(test::check_chinese_only_run("deviation-reason-missing",
                                       with({{k_rate, "88%", ""}, {k_cost, "855.00万元", "无"}})) == 2);
}

TEST_CASE("deviation-reason-missing finds a deadline met late with no reason", "[deviation-reason-missing][dates]") {
    const test::Row due = {"产出指标",         "时效指标", "完工时间", "≤2024-10-31", "完工时间",
                           "每延迟1个月扣2分", "",         "",         "10分"};
    const auto findings = test::run_rule(
        "deviation-reason-missing",
        with({{due, "2024-12-15", "", ""}, {due, "2024-10-31", "", ""}, {due, "2025年1月", "施工受雨季影响", ""}}));
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].loc.row == 5);
    // Under <, the day itself is late, as the scorer counts it.
    const test::Row strict = {"产出指标",       "时效指标", "完工时间", "<2024-10-31", "完工时间",
                              "每延迟1天扣1分", "",         "",         "10分"};
    CHECK(test::run_rule("deviation-reason-missing", with({{strict, "2024-10-31", "", ""}})).size() == 1);
}

TEST_CASE("deviation-reason-missing asks the reason of a tier label scoring below the weight",
          "[deviation-reason-missing][tiers]") {
    const test::Row graded = {
        "效益指标", "社会效益指标", "服务质量", "好", "服务质量", "好得满分，较好得8分，一般得5分", "", "定性", "10分"};
    Project p = test::project("301001", "测试项目", "100", "目标", {graded});
    p.indicators[0].actual = test::cell("较好", 5, 16);
    CHECK(test::run_rule("deviation-reason-missing", p).size() == 1);
    p.indicators[0].actual = test::cell("好", 5, 16);
    CHECK(test::run_rule("deviation-reason-missing", p).empty());
}
