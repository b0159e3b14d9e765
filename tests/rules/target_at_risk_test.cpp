// Tests of rule target-at-risk: values to date projected to the year end (cumulative) or judged as they are
// (rates, satisfaction), against the annual target, with the numbers worked by hand.
#include <catch2/catch.hpp>

#include "support/builders.hpp"

using namespace perf_check;

namespace {

const std::string k_goal = "保障区内社区及改制企业退休人员，退役士兵，66号文及中华人民共和国成立前老工人的生活补助。";
const std::string k_project = "社区及改制企业人员养老金补差";
const std::string k_full = "达到指标值得满分，少于1%扣0.5分，扣完为止。";

RuleSet monitoring(const std::string& as_of = "2024-07-31", Params params = {}) {
    RuleSet rs = config::default_rule_set();
    rs.monitoring.as_of = as_of;
    if (!params.items().empty()) rs.rules["target-at-risk"].params = std::move(params);
    return rs;
}

// One indicator (plus the seed's placeholders) with its value to date in column 14.
Project with_value(const test::Row& row, const std::string& to_date) {
    auto rows = test::seed_rows();
    rows[3] = row;  // the 产出/数量 slot, row 8
    Project p = test::project("301001", k_project, "232.00", k_goal, rows);
    Indicator& ind = p.indicators[3];
    if (!to_date.empty()) ind.actual = test::cell(to_date, 8, 14);
    // The other quantitative rows of the seed stay without values: this rule ignores them.
    return p;
}

const test::Row k_count = {"产出指标", "数量指标", "享受补助人数", "130", "享受补助人数", "视情况扣分", "人", "≥", "10分"};
const test::Row k_satisfaction = {"满意度指标", "服务对象满意度指标", "领待人员满意度", "90", "领待人员满意度",
                                  k_full, "%", "≥", "10分"};
const test::Row k_cost = {"成本指标", "经济成本指标", "养老金补差项目总支出", "232.00", "养老金补差项目总支出",
                          "每超过10万元，扣1分，扣完为止", "万元", "≤", "20分"};

}  // namespace

TEST_CASE("target-at-risk: a count at 40% of target on 31 July is at risk", "[target-at-risk]") {
    // 52 of 130 = 40%. Projected: 52 × 366 / 213 = 89.35 (i.e. 40% / 58.20% = 68.73% of the target);
    // 130 − 89.35 = 40.65 people short.
    const RuleSet rs = monitoring();
    const auto findings = test::run_rule("target-at-risk", with_value(k_count, "52"), &rs);
    REQUIRE(findings.size() == 1);
    const Finding& f = findings[0];
    CHECK(f.rule == "target-at-risk");
    CHECK(f.loc.row == 8);
    CHECK(f.loc.column == 14);
    CHECK(f.value == "52");
    CHECK(f.indicator == "产出指标/数量指标/享受补助人数");
    CHECK(f.message.zh ==
          "项目“社区及改制企业人员养老金补差”的指标“享受补助人数”（产出指标/数量指标）截至2024-07-31完成52人，"
          "为目标≥130人的40.00%；按时间进度58.20%线性推算，全年预计完成89.35人，比目标少40.65人，年度目标预计难以实现。");
    CHECK_THAT(f.message.en, Catch::Contains("it reaches 89.35人 by year end, 40.65 人 short of the target"));
    CHECK_THAT(f.hint.zh, Catch::Contains("按程序申请调整绩效目标"));
}

TEST_CASE("target-at-risk: a count at 70% of target on 31 July is not at risk", "[target-at-risk]") {
    // 91 of 130 = 70%; 91 × 366 / 213 = 156.37 ≥ 130 (70% / 58.20% = 120%).
    const RuleSet rs = monitoring();
    CHECK(test::run_rule("target-at-risk", with_value(k_count, "91"), &rs).empty());
    // Already met, and a projection just reaching the target: 76 × 366 / 213 = 130.59.
    CHECK(test::run_rule("target-at-risk", with_value(k_count, "130"), &rs).empty());
    CHECK(test::run_rule("target-at-risk", with_value(k_count, "76"), &rs).empty());
    // 75 × 366 / 213 = 128.87 < 130: just short.
    CHECK(test::run_rule("target-at-risk", with_value(k_count, "75"), &rs).size() == 1);
}

TEST_CASE("target-at-risk: a satisfaction rate is judged on its value, not extrapolated", "[target-at-risk]") {
    const RuleSet rs = monitoring();
    // 88%: extrapolated it would be 88 × 366 / 213 = 151.21 ≥ 90, but satisfaction does not accumulate:
    // 88 < 90 now, 2 points short.
    const auto findings = test::run_rule("target-at-risk", with_value(k_satisfaction, "88%"), &rs);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message.zh ==
          "项目“社区及改制企业人员养老金补差”的指标“领待人员满意度”（满意度指标/服务对象满意度指标）截至2024-07-31为88%，"
          "低于目标≥90%，相差2个百分点（该指标按当前值判断，不按时间外推），年度目标预计难以实现。");
    // 92% meets it now, and is not extrapolated either way.
    CHECK(test::run_rule("target-at-risk", with_value(k_satisfaction, "92%"), &rs).empty());
    CHECK(test::run_rule("target-at-risk", with_value(k_satisfaction, "90"), &rs).empty());
    // A 质量 rate in % is point-in-time too: 60% of a ≥90% 到位率 is 30 points short, not 60 × 1.72.
    const test::Row rate = {"产出指标", "质量指标", "资金到位率", "90", "资金到位率", k_full, "百分比", "≥", "15分"};
    const auto low = test::run_rule("target-at-risk", with_value(rate, "60%"), &rs);
    REQUIRE(low.size() == 1);
    CHECK_THAT(low[0].message.zh, Catch::Contains("为60%，低于目标≥90%，相差30个百分点"));
}

TEST_CASE("target-at-risk: execution rates accumulate and are projected", "[target-at-risk]") {
    const RuleSet rs = monitoring();
    const test::Row exec = {"效益指标", "经济效益指标", "城乡居民养老保险预算执行率", "90", "预算执行率", k_full, "百分比",
                            "≥", "10分"};
    // 55% × 366 / 213 = 94.51 ≥ 90: on course although 55 < 90 today.
    CHECK(test::run_rule("target-at-risk", with_value(exec, "55%"), &rs).empty());
    // 35% × 366 / 213 = 60.14: 29.86 points short.
    const auto findings = test::run_rule("target-at-risk", with_value(exec, "35%"), &rs);
    REQUIRE(findings.size() == 1);
    CHECK_THAT(findings[0].message.zh, Catch::Contains("全年预计完成60.14%，比目标少29.86个百分点"));
}

TEST_CASE("target-at-risk: a ≤ cost target is at risk when spending projects clearly above it", "[target-at-risk]") {
    const RuleSet rs = monitoring();
    // 160 × 366 / 213 = 274.93 > 232 × 1.1 = 255.2: 42.93 万元 over.
    const auto findings = test::run_rule("target-at-risk", with_value(k_cost, "160万元"), &rs);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].indicator == "成本指标/经济成本指标/养老金补差项目总支出");
    CHECK(findings[0].message.zh ==
          "项目“社区及改制企业人员养老金补差”的指标“养老金补差项目总支出”（成本指标/经济成本指标）截至2024-07-31为160万元；"
          "按时间进度58.20%线性推算，全年预计274.93万元，超过目标≤232.00万元共42.93万元，年度目标预计难以实现。");
    // The hint fits any indicator that runs over (安全事故 =0起 too), not only costs.
    CHECK(findings[0].hint.zh ==
          "分析超出目标的原因，加强过程管控（成本类指标控制支出）；确因客观情况变化无法实现的，"
          "按程序申请调整绩效目标；若完成值填报有误，请更正。");
    // The same in 元.
    CHECK(test::run_rule("target-at-risk", with_value(k_cost, "1,600,000元"), &rs).size() == 1);
    // 139.20 × 366 / 213 = 239.19: above 232 but within over_tolerance (10% → 255.2).
    CHECK(test::run_rule("target-at-risk", with_value(k_cost, "139.20万元"), &rs).empty());
    CHECK(test::run_rule("target-at-risk", with_value(k_cost, "100万元"), &rs).empty());
    // With over_tolerance 0, any projected overrun counts: 239.19 − 232 = 7.19.
    const RuleSet strict = monitoring("2024-07-31", Params({{"over_tolerance", Param{{"0"}, false, 4}}}));
    const auto over = test::run_rule("target-at-risk", with_value(k_cost, "139.20万元"), &strict);
    REQUIRE(over.size() == 1);
    CHECK_THAT(over[0].message.zh, Catch::Contains("全年预计239.19万元，超过目标≤232.00万元共7.19万元"));
}

TEST_CASE("target-at-risk does not over-find", "[target-at-risk]") {
    const RuleSet rs = monitoring();
    // No value to date: progress-missing reports it.
    CHECK(test::run_rule("target-at-risk", with_value(k_count, ""), &rs).empty());
    CHECK(test::run_rule("target-at-risk", with_value(k_count, "进行中"), &rs).empty());
    // Qualitative indicators are not judged here.
    const test::Row qualitative = {"效益指标", "社会效益指标", "保民生", "应保尽保", "保障基本生活补助",
                                   "视情况，扣分，扣完为止", "-", "定性", "20分"};
    CHECK(test::run_rule("target-at-risk", with_value(qualitative, "部分达成"), &rs).empty());
    // Outside a monitor run.
    CHECK(test::run_rule("target-at-risk", with_value(k_count, "10")).empty());
    // At the year end nothing is extrapolated: 129 of 130 on 31 December is short by 1.
    const RuleSet year_end = monitoring("2024-12-31");
    const auto end = test::run_rule("target-at-risk", with_value(k_count, "129"), &year_end);
    REQUIRE(end.size() == 1);
    CHECK_THAT(end[0].message.zh, Catch::Contains("全年预计完成129人，比目标少1人"));
}

TEST_CASE("target-at-risk: tolerance and the point-in-time lists are parameters", "[target-at-risk]") {
    // 70 of 130 projects to 120.28: short of 130, but within a 10% tolerance (117).
    const RuleSet tolerant = monitoring("2024-07-31", Params({{"tolerance", Param{{"10"}, false, 4}}}));
    CHECK(test::run_rule("target-at-risk", with_value(k_count, "70"), &tolerant).empty());
    const RuleSet strict = monitoring();
    CHECK(test::run_rule("target-at-risk", with_value(k_count, "70"), &strict).size() == 1);
    // With every point-in-time criterion emptied, satisfaction is extrapolated: 88 → 151.21, not at risk.
    const RuleSet all_cumulative = monitoring(
        "2024-07-31", Params({{"point_in_time_levels", Param{{}, true, 5}},
                              {"point_in_time_units", Param{{}, true, 6}},
                              {"point_in_time_names", Param{{}, true, 7}}}));
    CHECK(test::run_rule("target-at-risk", with_value(k_satisfaction, "88%"), &all_cumulative).empty());
    // Naming 人数 as point-in-time makes a head count a stock judged now: 120 < 130 today.
    const RuleSet stock = monitoring("2024-07-31", Params({{"point_in_time_names", Param{{"人数"}, true, 5}}}));
    const auto findings = test::run_rule("target-at-risk", with_value(k_count, "120"), &stock);
    REQUIRE(findings.size() == 1);
    CHECK_THAT(findings[0].message.zh, Catch::Contains("为120人，低于目标≥130人，相差10人"));
}

TEST_CASE("target-at-risk rejects bad parameters", "[target-at-risk]") {
    const auto* entry = rules::find_rule("target-at-risk");
    const RuleSet& rs = config::default_rule_set();
    const auto big = entry->factory(rs, Params({{"tolerance", Param{{"150"}, false, 21}}}));
    REQUIRE_FALSE(big.has_value());
    CHECK(big.error().line == 21);
    const auto over = entry->factory(rs, Params({{"over_tolerance", Param{{"-5"}, false, 22}}}));
    REQUIRE_FALSE(over.has_value());
    CHECK(over.error().line == 22);
    const auto empty_item = entry->factory(rs, Params({{"point_in_time_names", Param{{"率", " "}, true, 23}}}));
    REQUIRE_FALSE(empty_item.has_value());
    CHECK(empty_item.error().line == 23);
    const auto unknown = entry->factory(rs, Params({{"point_in_time_unit", Param{{"%"}, true, 24}}}));
    REQUIRE_FALSE(unknown.has_value());
    CHECK_THAT(unknown.error().message, Catch::Contains("did you mean 'point_in_time_units'"));
    CHECK(entry->factory(rs, Params({{"point_in_time_units", Param{{"百分比", "分"}, true, 25}}})).has_value());
}

TEST_CASE("target-at-risk: a deadline done late, or past with no day of completion, is missed",
          "[target-at-risk][dates]") {
    const test::Row start = {"产出指标",         "时效指标", "项目开工时间", "2024年4月底前", "项目开工时间",
                             "每延迟1个月扣2分", "",         "定性",         "10分"};
    const RuleSet july = monitoring("2024-07-31");
    // Done after it: 2024年6月15日 is 46 days after 30 April.
    const auto late = test::run_rule("target-at-risk", with_value(start, "2024年6月15日"), &july);
    REQUIRE(late.size() == 1);
    CHECK(late[0].loc.column == 14);
    CHECK(late[0].message.zh ==
          "项目“社区及改制企业人员养老金补差”的指标“项目开工时间”（产出指标/时效指标）的期限为2024年4月，"
          "截至2024-07-31报告2024年6月15日完成，逾期46天，未按期实现。");
    CHECK_THAT(late[0].hint.zh, Catch::StartsWith("核实完成情况：已完成的，填报实际完成日期"));
    // Past it, and 未开工: 92 days after 30 April on 31 July.
    const auto open = test::run_rule("target-at-risk", with_value(start, "未开工"), &july);
    REQUIRE(open.size() == 1);
    CHECK(open[0].message.zh ==
          "项目“社区及改制企业人员养老金补差”的指标“项目开工时间”（产出指标/时效指标）的期限为2024年4月，"
          "截至2024-07-31已过期限92天，完成情况为“未开工”，没有报告完成日期，已无法按期实现。");
    // Past it with nothing written: said too (progress-missing leaves deadlines alone).
    CHECK(test::run_rule("target-at-risk", with_value(start, ""), &july).size() == 1);
    // Done in time, or not due yet: nothing. A deadline without its year is the monitoring year's.
    CHECK(test::run_rule("target-at-risk", with_value(start, "2024-04-20"), &july).empty());
    CHECK(test::run_rule("target-at-risk", with_value(start, "4月28日"), &july).empty());
    const RuleSet april = monitoring("2024-04-30");
    CHECK(test::run_rule("target-at-risk", with_value(start, "进行中"), &april).empty());
    test::Row yearless = start;
    yearless.target = "12月底前";
    CHECK(test::run_rule("target-at-risk", with_value(yearless, "进行中"), &july).empty());
    yearless.target = "6月底前";
    const auto passed = test::run_rule("target-at-risk", with_value(yearless, "进行中"), &july);
    REQUIRE(passed.size() == 1);
    CHECK_THAT(passed[0].message.zh, Catch::Contains("的期限为2024年6月，截至2024-07-31已过期限31天"));
}

TEST_CASE("target-at-risk: a coefficient, a grade or a concentration is judged as it is now", "[target-at-risk]") {
    // A review found 灌溉水有效利用系数 0.58 against ≥0.6 projected to about 1.0 and judged fine.
    const RuleSet rs = monitoring();
    for (const char* name : {"灌溉水有效利用系数", "耕地质量等级", "PM2.5平均浓度", "林木密度"}) {
        INFO(name);
        const test::Row row = {"效益指标", "生态效益指标", name, "0.6", name, "视情况扣分", "", "≥", "10分"};
        const auto findings = test::run_rule("target-at-risk", with_value(row, "0.58"), &rs);
        REQUIRE(findings.size() == 1);
        CHECK_THAT(findings[0].message.zh, Catch::Contains("按当前值判断"));
    }
}
