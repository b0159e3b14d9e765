// Tests of rule score-out-of-band: a reviewer's 得分 must fit the weight and its label's band.
#include <catch2/catch.hpp>

#include "support/builders.hpp"
#include "support/languages.hpp"

using namespace perf_check;

namespace {

struct Line {
    test::Row row;
    std::string actual, score;
};

Project with(const std::vector<Line>& lines) {
    std::vector<test::Row> rows;
    for (const auto& l : lines) rows.push_back(l.row);
    Project p = test::project("301001", "测试项目", "100", "保障区内退休人员待遇按时足额发放。", rows);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        Indicator& ind = p.indicators[i];
        ind.actual = test::cell(lines[i].actual, ind.row, 16);
        ind.score = test::cell(lines[i].score, ind.row, 17);
    }
    return p;
}

const test::Row k_qual = {"产出指标", "时效指标", "发放时间", "每月按时发放", "发放时间", "视情况扣分", "-", "定性", "15分"};
const test::Row k_rate = {"产出指标", "质量指标", "资金到位率", "90", "资金到位率", "少于1%扣0.5分", "%", "≥", "15分"};

}  // namespace

TEST_CASE("score-out-of-band finds scores outside the label's band", "[score-out-of-band]") {
    const auto findings = test::run_rule(
        "score-out-of-band", with({{k_qual, "部分达成年度指标并具有一定效果", "13"}, {k_qual, "达成年度指标", "11"}}));
    REQUIRE(findings.size() == 2);
    const Finding& f = findings[0];
    CHECK(f.rule == "score-out-of-band");
    CHECK(f.loc.row == 5);
    CHECK(f.loc.column == 17);
    CHECK(f.value == "13");
    CHECK(f.message.zh ==
          "项目“测试项目”的指标“发放时间”实际完成情况为“部分达成年度指标并具有一定效果”，其得分区间为9–12分（分值15的60%–80%），"
          "但得分为13；评分按区间边界12分计。");
    CHECK(f.message.en ==
          "Project “测试项目”, indicator “发放时间”: the result “部分达成年度指标并具有一定效果” allows a score of 9–12 (60%–80% "
          "of the weight 15), but the score is 13; scoring takes the band's edge, 12.");
    CHECK_THAT(findings[1].message.zh, Catch::EndsWith("但得分为11；评分按区间边界12分计。"));
}

TEST_CASE("score-out-of-band finds scores above the weight, negative or not numbers", "[score-out-of-band]") {
    const auto findings =
        test::run_rule("score-out-of-band", with({{k_rate, "92%", "16"}, {k_qual, "达成年度指标", "-1"}, {k_qual, "达成年度指标", "满分"}}));
    REQUIRE(findings.size() == 3);
    CHECK(findings[0].message.zh == "项目“测试项目”的指标“资金到位率”得分16超过该项分值15。");
    CHECK(findings[1].message.zh == "项目“测试项目”的指标“发放时间”得分-1为负数。");
    CHECK(findings[2].message.zh == "项目“测试项目”的指标“发放时间”得分“满分”不是数字。");
}

TEST_CASE("score-out-of-band finds 定性 results the scorer cannot place without a score", "[score-out-of-band]") {
    const auto findings = test::run_rule(
        "score-out-of-band",
        with({{k_qual, "部分达成年度指标并具有一定效果", ""}, {k_qual, "未达成年度指标且效果较差", ""}, {k_qual, "基本按时", ""}}));
    REQUIRE(findings.size() == 3);
    CHECK(findings[0].loc.column == 17);
    CHECK(findings[0].value == "部分达成年度指标并具有一定效果");
    CHECK(findings[0].message.zh ==
          "项目“测试项目”的指标“发放时间”实际完成情况为“部分达成年度指标并具有一定效果”，但未填写得分；评分按默认比例0.7计10.5分。");
    CHECK(findings[0].hint.zh == "请按实际效果在“得分”列填写9–12分之间的得分。");
    CHECK(findings[1].message.zh ==
          "项目“测试项目”的指标“发放时间”实际完成情况为“未达成年度指标且效果较差”，但未填写得分；评分按默认比例0.3计4.5分。");
    CHECK(findings[2].message.zh ==
          "项目“测试项目”的定性指标“发放时间”实际完成值“基本按时”既不是完成等级，也不等于指标值“每月按时发放”，且未填写得分，无法评分，本项按0分计。");
}

TEST_CASE("score-out-of-band does not over-find", "[score-out-of-band]") {
    CHECK(test::run_rule("score-out-of-band", with({{k_qual, "部分达成年度指标并具有一定效果", "9"},   // low edge
                                                    {k_qual, "部分达成年度指标并具有一定效果", "12"},  // high edge
                                                    {k_qual, "达成年度指标", ""},                      // full marks
                                                    {k_qual, "每月按时发放", ""},                      // = target
                                                    {k_qual, "基本按时", "13"},                        // scored by hand
                                                    {k_rate, "86.5%", ""},                             // computed
                                                    {k_rate, "86.5%", "13.5"},
                                                    {k_qual, "", ""}}))  // actual-missing's
              .empty());
    // no self-evaluation data at all
    CHECK(test::run_rule("score-out-of-band",
                         test::project("301001", "测试项目", "100", "保障区内退休人员待遇按时足额发放。", {k_qual}))
              .empty());
}

TEST_CASE("score-out-of-band rejects parameters", "[score-out-of-band]") {
    const auto rule = rules::find_rule("score-out-of-band")
                          ->factory(config::default_rule_set(), Params({{"bands", Param{{"x"}, true, 11}}}));
    REQUIRE_FALSE(rule.has_value());
    CHECK(rule.error().line == 11);
    CHECK_THAT(rule.error().message, Catch::Contains("'bands'"));
}

TEST_CASE("score-out-of-band writes no English for a Chinese-only run (定性 results without a score)",
          "[score-out-of-band]") {
    CHECK(test::check_chinese_only_run("score-out-of-band", with({{k_qual, "部分达成年度指标并具有一定效果", ""},
                                                                  {k_qual, "未达成年度指标且效果较差", ""}})) == 2);
}

TEST_CASE("score-out-of-band leaves a date against a deadline to the scorer", "[score-out-of-band][dates]") {
    const test::Row due = {"产出指标", "时效指标", "完工时间", "2024年10月底前", "完工时间", "每延迟1个月扣2分",
                           "",         "定性",     "10分"};
    CHECK(test::run_rule("score-out-of-band", with({{due, "2024年12月15日", ""}, {due, "2024-10-20", ""}})).empty());
    // A date without its year, and a day the calendar has not (actual-not-numeric's).
    CHECK(test::run_rule("score-out-of-band", with({{due, "10月20日", ""}, {due, "2024年9月31日", ""}})).empty());
    // Not a date: still a result the scorer cannot place.
    CHECK(test::run_rule("score-out-of-band", with({{due, "按时", ""}})).size() == 1);
}

TEST_CASE("score-out-of-band leaves a label row of the text's tier table to the text", "[score-out-of-band][tiers]") {
    const test::Row graded = {
        "效益指标", "社会效益指标", "服务质量",
        "好",       "服务质量",     "好得满分，较好得15分，一般得10分，达成得满分，部分达成得10分",
        "-",        "定性",         "20分"};
    // 较好 with no 得分: the text gives 15, not "neither a label nor the target".
    CHECK(test::run_rule("score-out-of-band", with({{graded, "较好", ""}})).empty());
    // 部分达成 with 10: the row's points, not outside the 部分达成 band (12–16 of 20).
    CHECK(test::run_rule("score-out-of-band", with({{graded, "部分达成", "10"}})).empty());
    // Without the row, the same 10 is outside the band, and 较好 cannot be placed.
    const test::Row plain = {"效益指标", "社会效益指标", "服务质量", "好", "服务质量", "视情况扣分",
                             "-",        "定性",         "20分"};
    CHECK(test::run_rule("score-out-of-band", with({{plain, "部分达成", "10"}})).size() == 1);
    CHECK(test::run_rule("score-out-of-band", with({{plain, "较好", ""}})).size() == 1);
}
