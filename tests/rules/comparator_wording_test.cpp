// Tests of rule comparator-wording: ≥/≤ against 不少于/不超过… in the wording.
#include <catch2/catch.hpp>

#include "../support/builders.hpp"

using namespace perf_check;

namespace {

Project rows(const std::vector<test::Row>& r) {
    return test::project("301001", "测试项目", "100", "保障区内退休人员待遇按时足额发放。", r);
}

test::Row row(const std::string& name, const std::string& target, const std::string& content, const std::string& unit,
              const std::string& type) {
    return {"产出指标", "数量指标", name, target, content, "视情况扣分", unit, type, "10分"};
}

}  // namespace

TEST_CASE("comparator-wording finds the seed's 项目总成本 ≤ described as 不少于", "[comparator-wording]") {
    const auto findings =
        test::run_rule("comparator-wording", test::project("301001", "部分军退人员岗位补贴资金", "842.07",
                                                           "保障我区内六类军退人员被妥善安置。", test::seed_rows()));
    REQUIRE(findings.size() == 1);
    const Finding& f = findings[0];
    CHECK(f.rule == "comparator-wording");
    CHECK(f.loc.row == 5);
    CHECK(f.loc.column == 9);
    CHECK(f.indicator == "成本指标/经济成本指标/项目总成本");
    CHECK(f.value == "发放岗位补贴实际金额不少于500万元");
    CHECK(f.message.zh ==
          "项目“部分军退人员岗位补贴资金”的指标“项目总成本”指标值类型为“≤”（上限，不超过目标值），但指标值内容"
          "“发放岗位补贴实际金额不少于500万元”中的“不少于”表示下限（应为“≥”），两者方向矛盾。");
    CHECK_THAT(f.message.en, Catch::Contains("“不少于”"));
    CHECK_THAT(f.hint.zh, Catch::Contains("“≥”"));
}

TEST_CASE("comparator-wording finds upper-bound wording under ≥ and symbols in the target", "[comparator-wording]") {
    const Project p = rows({
        row("培训人次", "100", "培训人次不超过100人次", "人次", "≥"),  // row 5
        row("满意度", "90", "服务对象满意度90%以下", "%", ">"),        // row 6: target's own number
        row("达标率", "≥95", "达标率", "%", "≤"),                      // row 7: symbol in the value
        row("投诉处理时长", "3", "投诉处理时长达到3天", "天", "<"),    // row 8: 达到 + number
        row("参保人数", "1000", "参保人数不得少于上年", "人", "≤"),    // row 9
    });
    const auto findings = test::run_rule("comparator-wording", p);
    REQUIRE(findings.size() == 5);
    CHECK(findings[0].loc.row == 5);
    CHECK_THAT(findings[0].message.zh, Catch::Contains("“不超过”表示上限（应为“≤”）"));
    CHECK(findings[1].loc.row == 6);
    CHECK_THAT(findings[1].message.zh, Catch::Contains("“以下”"));
    CHECK(findings[2].loc.row == 7);
    CHECK(findings[2].value == "≥95");
    CHECK_THAT(findings[2].message.zh, Catch::Contains("指标值“≥95”中的“≥”"));
    CHECK(findings[3].loc.row == 8);
    CHECK_THAT(findings[3].message.zh, Catch::Contains("“达到”"));
    CHECK(findings[4].loc.row == 9);
    CHECK_THAT(findings[4].message.zh, Catch::Contains("“不得少于”"));
}

TEST_CASE("comparator-wording reads a comparator written in the value cell against the wording",
          "[comparator-wording]") {
    // ≤842.07 with no 指标值类型: the symbol the comparator came from agreed with itself and hid the
    // contradiction (a review found the seed's finding lost in that layout).
    const Project p = rows({
        row("项目总成本", "≤842.07", "发放岗位补贴实际金额不少于500万元", "万元", ""),  // row 5
        row("培训人次", "≥100", "培训人次不超过100人次", "人次", ""),                   // row 6
        row("达标率", "≥95", "达标率不低于95%", "%", ""),                               // row 7: agrees
    });
    const auto findings = test::run_rule("comparator-wording", p);
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].loc.row == 5);
    CHECK_THAT(findings[0].message.zh, Catch::Contains("指标“项目总成本”指标值为“≤842.07”（上限，不超过目标值）"));
    CHECK_THAT(findings[0].message.zh, Catch::Contains("“不少于”"));
    CHECK_THAT(findings[0].hint.zh, Catch::Contains("把指标值前的符号改为“≥”"));
    CHECK(findings[1].loc.row == 6);
}

TEST_CASE("comparator-wording does not over-find", "[comparator-wording]") {
    const Project p = rows({
        row("项目总支出", "4500", "项目总支出", "万元", "≤"),                                  // no wording at all
        row("代缴社保缴费基数", "不低于上年度平均工资", "不低于上年度平均工资", "-", "定性"),  // 定性: no direction
        row("达标率", "90", "达标率控制在90%以上", "%", "≤"),                                  // mixed: ambiguous
        row("健康管理率", "5", "65岁以上老年人跌倒发生率", "%", "≤"),              // a population, not a bound
        row("超支金额", "5", "每超过5万元扣1分", "万元", "≥"),                     // a deduction step
        row("超过期限天数", "0", "超过期限天数", "天", "≥"),                       // 超过 with no number
        row("参保人数", "1000", "参保人数不少于1000人", "人", "="),                // = has no direction
        row("成本", "800", "项目成本不超过800万元，控制在预算以内", "万元", "≤"),  // agrees
        row("到位率", "100", "资金到位率达到100%", "%", "≥"),                      // agrees
        row("发放时间", "12", "未达到12个月的视情况扣分", "月", "≤"),              // 未达到 is not a bound
    });
    CHECK(test::run_rule("comparator-wording", p).empty());
}

TEST_CASE("comparator-wording rejects parameters", "[comparator-wording]") {
    const auto* entry = rules::find_rule("comparator-wording");
    REQUIRE(entry != nullptr);
    const auto rule = entry->factory(config::default_rule_set(), Params({{"words", Param{{"不少于"}, true, 12}}}));
    REQUIRE_FALSE(rule.has_value());
    CHECK(rule.error().line == 12);
    CHECK_THAT(rule.error().message, Catch::Contains("'words'"));
}
