// Tests of the monitoring analysis: dates and time progress, one project's analysis, and the totals.
#include <catch2/catch.hpp>

#include "monitor/monitor.hpp"
#include "monitor/summary.hpp"
#include "support/builders.hpp"
#include "unit/report/sample_report.hpp"

using namespace perf_check;
using monitor::Date;

namespace {

const std::string k_goal = "保障我区内六类军退人员被妥善安置，依法享受各类社保权利及生活补贴。";

RuleSet monitoring(const std::string& as_of = "2024-07-31") {
    RuleSet rs = config::default_rule_set();
    rs.monitoring.as_of = as_of;
    return rs;
}

void set_value(Project& p, int row, const std::string& value) {
    for (auto& ind : p.indicators)
        if (ind.row == row) ind.actual = test::cell(value, row, 14);
}

// The seed's first project, 30% spent by 31 July, 享受补贴人数 written "<136" in the seed (kept as is),
// 到位率 at 80% (point-in-time, 10 short of ≥90), satisfaction 92%.
Project slow_project() {
    Project p = test::project("301001", "部分军退人员岗位补贴资金", "842.07", k_goal, test::seed_rows());
    p.budget = test::cell("842.07", 5, 15);
    p.spent = test::cell("252.62", 5, 16);
    set_value(p, 5, "252.62万元");
    set_value(p, 8, "78");
    set_value(p, 9, "80%");
    set_value(p, 15, "92%");
    return p;
}

}  // namespace

TEST_CASE("parse_date reads the forms people write and rejects dates that do not exist", "[monitor]") {
    const auto check = [](const char* text, int y, int m, int d) {
        INFO(text);
        const auto date = monitor::parse_date(text);
        REQUIRE(date);
        CHECK(date->year == y);
        CHECK(date->month == m);
        CHECK(date->day == d);
    };
    check("2024-07-31", 2024, 7, 31);
    check("2024/7/31", 2024, 7, 31);
    check("2024.07.31", 2024, 7, 31);
    check("2024年7月31日", 2024, 7, 31);
    check("２０２４－０７－３１", 2024, 7, 31);
    check("2024-02-29", 2024, 2, 29);
    for (const char* bad : {"", "2024-07", "2024-13-01", "2023-02-29", "2024-07-32", "24-07-31", "2024-07/31",
                            "2024-07-31x", "July 31", "2024年7月"}) {
        INFO(bad);
        CHECK_FALSE(monitor::parse_date(bad));
    }
    CHECK(monitor::format_date(Date{2024, 7, 1}) == "2024-07-01");
}

TEST_CASE("time progress counts days: 31 July 2024 is 213/366", "[monitor]") {
    CHECK(monitor::day_of_year(Date{2024, 7, 31}) == 213);  // 31+29+31+30+31+30+31
    CHECK(monitor::day_of_year(Date{2023, 7, 31}) == 212);
    CHECK(monitor::days_in_year(2024) == 366);
    CHECK(monitor::days_in_year(1900) == 365);
    CHECK(monitor::days_in_year(2000) == 366);
    CHECK(monitor::time_progress(Date{2024, 7, 31}) == Decimal::from_raw(581967));  // 213 ÷ 366
    CHECK(monitor::time_progress(Date{2023, 7, 31}) == Decimal::from_raw(580822));  // 212 ÷ 365
    CHECK(monitor::time_progress(Date{2024, 12, 31}) == Decimal::from_int(1));
    CHECK(monitor::time_progress(Date{2024, 1, 1}) == Decimal::from_raw(2732));     // 1 ÷ 366
}

TEST_CASE("default_as_of is the end of a full month", "[monitor]") {
    const Date d = monitor::default_as_of();
    REQUIRE(monitor::parse_date(monitor::format_date(d)));
    Date next = d;
    next.day += 1;
    CHECK_FALSE(monitor::parse_date(monitor::format_date(next)));  // the last day of its month
}

TEST_CASE("the period a progress header names, a year in a file name, and a date that disagrees", "[monitor]") {
    const auto p = monitor::period_in_header("1-7月执行数");
    REQUIRE(p);
    CHECK(p->last_month == 7);
    CHECK_FALSE(p->year);
    const auto q = monitor::period_in_header(" 2024年1至12月 执行数");
    REQUIRE(q);
    CHECK(q->last_month == 12);
    CHECK(q->year == 2024);
    CHECK(monitor::period_in_header("1－6月累计执行数")->last_month == 6);  // a full-width dash
    for (const char* none : {"全年执行数", "执行数", "11-7月", "1-13月", "截至目前执行数"}) {
        INFO(none);
        CHECK_FALSE(monitor::period_in_header(none));
    }
    CHECK(monitor::year_in_name("progress-2024.csv") == 2024);
    CHECK(monitor::year_in_name("2023年1-7月进度.xlsx") == 2023);
    CHECK_FALSE(monitor::year_in_name("progress.csv"));
    CHECK_FALSE(monitor::year_in_name("p-20245.csv"));
    CHECK_FALSE(monitor::year_in_name("2023-2024.csv"));  // two years: none is the one
    const monitor::Date july{2024, 7, 31};
    CHECK(monitor::as_of_disagreement("1-7月执行数", july, true).empty());
    CHECK(monitor::as_of_disagreement("全年执行数", monitor::Date{2026, 11, 30}, false).empty());
    const std::string said = monitor::as_of_disagreement("2024年1-7月执行数", monitor::Date{2025, 7, 31}, true);
    CHECK_THAT(said, Catch::Contains("--as-of 2024-07-31") && Catch::Contains("截至2024年7月底"));
    CHECK_THAT(monitor::as_of_disagreement("1-7月执行数", monitor::Date{2026, 11, 30}, false, 2024),
               Catch::Contains("--as-of 2024-07-31") && Catch::Contains("未指定 --as-of"));
}

TEST_CASE("headers that name part of a year, and a file of the other kind than the run", "[monitor]") {
    // A review found a progress file accepted as score --actuals without a word: mid-year figures scored as the
    // year's results (budget execution 30% of the budget scored 3 of 10).
    for (const char* part : {"1-7月执行数", "2024年1至6月执行数", "截至目前完成值", "目前完成值", "截至7月底完成值",
                             "截止6月执行数", "上半年执行数"}) {
        INFO(part);
        CHECK(monitor::names_part_of_year(part));
    }
    for (const char* whole : {"全年执行数", "执行数", "实际完成值", "1-12月执行数", "截至12月底完成值", "累计执行数"}) {
        INFO(whole);
        CHECK_FALSE(monitor::names_part_of_year(whole));
    }
    const std::string score = monitor::period_mismatch(false, "1-7月执行数", "截至目前完成值");
    CHECK_THAT(score, Catch::Contains("“1-7月执行数”") && Catch::Contains("perf-check monitor") &&
                          Catch::Contains("年中进度数据"));
    CHECK_THAT(monitor::period_mismatch(false, "全年执行数", "截至目前完成值"), Catch::Contains("“截至目前完成值”"));
    CHECK(monitor::period_mismatch(false, "全年执行数", "实际完成值").empty());
    CHECK(monitor::period_mismatch(false, "", "").empty());
    // Monitoring: year-end figures are the other kind; progress headers are its own.
    CHECK_THAT(monitor::period_mismatch(true, "全年执行数", "实际完成值"),
               Catch::Contains("perf-check score") && Catch::Contains("全年数据"));
    CHECK(monitor::period_mismatch(true, "1-7月执行数", "截至目前完成值").empty());
    CHECK(monitor::period_mismatch(true, "执行数", "完成值").empty());
}

TEST_CASE("analyse_project: a slow project with a rate below target", "[monitor]") {
    const RuleSet rs = monitoring();
    const ProjectProgress p = monitor::analyse_project(slow_project(), rs);
    CHECK(p.project_code == "301001");
    CHECK(p.project == "部分军退人员岗位补贴资金");
    CHECK(p.row == 5);
    CHECK(p.time_progress == Decimal::from_raw(581967));
    REQUIRE(p.budget);
    CHECK(*p.budget == Decimal::from_raw(842070000));
    CHECK_FALSE(p.budget_from_funds);
    REQUIRE(p.spent);
    CHECK(p.spent->str() == "252.62");
    REQUIRE(p.execution_rate);
    CHECK(p.execution_rate->str() == "0.299999");  // 252.62 ÷ 842.07 = 0.29999881…, shown as 30.00%
    REQUIRE(p.gap_points);
    CHECK(p.gap_points->str() == "28.2");
    REQUIRE(p.catch_up);
    CHECK(p.catch_up->str() == "237.44");
    CHECK(p.tolerance_points == Decimal::from_int(10));
    CHECK(p.behind);
    CHECK_FALSE(p.data_missing);

    // Four quantitative indicators, in table order; the two 定性 rows are not monitored.
    REQUIRE(p.indicators.size() == 4);
    const IndicatorProgress& cost = p.indicators[0];
    CHECK(cost.indicator == "成本指标/经济成本指标/项目总成本");
    CHECK(cost.cumulative);
    CHECK(cost.comparator == "≤");
    REQUIRE(cost.projected);
    CHECK(cost.projected->str() == "434.08");  // 252.62 × 366 ÷ 213 = 434.0794
    CHECK_FALSE(cost.at_risk);
    const IndicatorProgress& people = p.indicators[1];
    CHECK(people.target == "<136人");
    CHECK(people.cumulative);
    CHECK(people.projected->str() == "134.03");  // 78 × 366 ÷ 213, below 136 as "<" asks
    CHECK_FALSE(people.at_risk);
    const IndicatorProgress& rate = p.indicators[2];
    CHECK_FALSE(rate.cumulative);
    CHECK_FALSE(rate.projected);
    CHECK(rate.at_risk);
    REQUIRE(rate.shortfall);
    CHECK(rate.shortfall->str() == "10");
    CHECK(rate.unit == "%");
    CHECK(rate.loc.row == 9);
    const IndicatorProgress& satisfaction = p.indicators[3];
    CHECK_FALSE(satisfaction.cumulative);
    CHECK_FALSE(satisfaction.at_risk);
    CHECK(satisfaction.to_date == "92%");
    CHECK(p.indicators_at_risk == 1);

    REQUIRE(p.problems.size() == 2);
    CHECK(p.problems[0].zh ==
          "预算执行率30.00%（执行数252.62万元／预算数842.07万元），低于时间进度58.20%达28.20个百分点，按时间进度还需支出237.44万元。");
    CHECK(p.problems[1].zh == "指标“补贴资金到位率”目前为80%，低于目标≥90%，相差10个百分点。");
    REQUIRE(p.suggestions.size() == 2);
    CHECK(p.suggestions[0].zh == "加快预算执行进度，按时间进度尚需支出237.44万元，防止资金沉淀和年底突击花钱。");
    CHECK(p.suggestions[1].zh ==
          "分析“补贴资金到位率”等指标目标难以实现的原因，从加强和改进内部管理入手加快实施；确因客观情况变化无法实现的，"
          "按程序申请调整绩效目标。");
}

TEST_CASE("analyse_project: missing data, a disabled rule, no as-of", "[monitor]") {
    RuleSet rs = monitoring();
    Project p = slow_project();
    p.spent = Cell{};
    set_value(p, 8, "");
    const ProjectProgress missing = monitor::analyse_project(p, rs);
    CHECK(missing.spent_missing);
    CHECK_FALSE(missing.execution_rate);
    CHECK_FALSE(missing.behind);
    CHECK(missing.data_missing);
    CHECK(missing.indicators_missing == 1);
    REQUIRE(missing.problems.size() == 3);
    CHECK(missing.problems[1].zh == "未报送截至监控日的执行数。");
    CHECK(missing.problems[2].zh == "指标“享受补贴人数”未报送截至目前完成值（或不是数字）。");
    CHECK(missing.suggestions.back().zh == "补充报送监控数据（截至监控日的执行数和各定量指标完成值），确保监控信息真实、完整。");

    // A disabled rule's judgement is left out, so the report agrees with the findings.
    rs.rules["execution-behind"].enabled = false;
    rs.rules["target-at-risk"].enabled = false;
    const ProjectProgress quiet = monitor::analyse_project(slow_project(), rs);
    CHECK_FALSE(quiet.behind);
    CHECK(quiet.indicators_at_risk == 0);
    CHECK(quiet.problems.empty());
    CHECK(quiet.execution_rate);  // the figures are still there

    const ProjectProgress none = monitor::analyse_project(slow_project(), config::default_rule_set());
    CHECK(none.project == "部分军退人员岗位补贴资金");
    CHECK_FALSE(none.execution_rate);
    CHECK(none.indicators.empty());
    CHECK(none.problems.empty());
}

TEST_CASE("analyse_project: a 预算数 of 0 is none, and 资金总额 stands in for it", "[monitor]") {
    // A review found 预算数 0 said "缺少预算数，资金总额也无法读取" beside a readable 资金总额 of 842.07.
    Project p = slow_project();
    p.budget = test::cell("0", 5, 15);
    const ProjectProgress zero = monitor::analyse_project(p, monitoring());
    REQUIRE(zero.budget);
    CHECK(*zero.budget == Decimal::from_raw(842070000));
    CHECK(zero.budget_from_funds);
    CHECK_FALSE(zero.data_missing);
    REQUIRE(zero.execution_rate);
    CHECK(zero.execution_rate->str() == "0.299999");
    // With no 资金总额 either, it is missing, and said so.
    p.funds = Cell{};
    p.funds_wan.reset();
    const ProjectProgress none = monitor::analyse_project(p, monitoring());
    CHECK_FALSE(none.budget);
    CHECK(none.data_missing);
}

TEST_CASE("analyse_project: spending above the budget is a problem of the project", "[monitor]") {
    // The finding came, but the report called the project 正常 and left it off the rectification list.
    RuleSet rs = monitoring();
    Project p = slow_project();
    p.spent = test::cell("1000", 5, 16);
    const ProjectProgress over = monitor::analyse_project(p, rs);
    CHECK(over.over_budget);
    REQUIRE_FALSE(over.problems.empty());
    CHECK(over.problems[0].zh == "执行数1000万元超过全年预算数842.07万元（执行率118.76%），超出157.93万元。");
    CHECK(over.suggestions[0].zh == "核实执行数和预算数；确需增加支出的，应按程序调整预算，不得超预算支出。");
    rs.rules["execution-over-budget"].enabled = false;  // the report agrees with the findings
    CHECK_FALSE(monitor::analyse_project(p, rs).over_budget);
    CHECK_FALSE(monitor::analyse_project(slow_project(), monitoring()).over_budget);
}

TEST_CASE("summarise: totals per department and overall", "[monitor]") {
    const auto make = [](const char* code, const char* budget, const char* spent, bool behind, int at_risk) {
        ProjectProgress p;
        p.project_code = code;
        p.budget = Decimal::parse(budget);
        if (spent[0] != '\0') p.spent = Decimal::parse(spent);
        p.spent_missing = !p.spent;
        p.data_missing = !p.spent;
        if (p.spent) p.execution_rate = *p.spent / *p.budget;
        p.behind = behind;
        p.catch_up = behind ? Decimal::parse("10.5") : Decimal::parse("0");
        p.indicators_at_risk = at_risk;
        if (behind || at_risk > 0 || !p.spent) p.problems.push_back({"问题", "problem"});
        p.time_progress = Decimal::from_raw(581967);
        return p;
    };
    Report r;
    r.as_of = "2024-07-31";
    r.progress = {make("302001", "100", "30", true, 0), make("301001", "200", "150", false, 2),
                  make("302001", "50", "", false, 0), make("301001", "300", "150", true, 1)};
    const monitor::Overview o = monitor::summarise(r);
    CHECK(o.as_of == "2024-07-31");
    CHECK(o.time_progress == Decimal::from_raw(581967));
    REQUIRE(o.departments.size() == 2);
    const monitor::Department& d1 = o.departments[0];
    CHECK(d1.code == "301001");
    CHECK(d1.totals.projects == 2);
    CHECK(d1.totals.budget.str() == "500");
    CHECK(d1.totals.spent.str() == "300");
    CHECK(d1.totals.rate->str() == "0.6");
    CHECK(d1.totals.behind == 1);
    CHECK(d1.totals.at_risk_projects == 2);
    CHECK(d1.totals.at_risk_indicators == 3);
    CHECK(d1.totals.rectification == 2);
    const monitor::Department& d2 = o.departments[1];
    CHECK(d2.code == "302001");
    CHECK(d2.totals.budget.str() == "150");     // both budgets
    CHECK(d2.totals.spent.str() == "30");
    CHECK(d2.totals.with_rate == 1);
    CHECK(d2.totals.rated_budget.str() == "100");  // the rate leaves out the project without 执行数
    CHECK(d2.totals.rate->str() == "0.3");
    CHECK(d2.totals.missing == 1);
    CHECK(o.totals.projects == 4);
    CHECK(o.totals.budget.str() == "650");
    CHECK(o.totals.spent.str() == "330");
    CHECK(o.totals.rated_budget.str() == "600");
    CHECK(o.totals.rate->str() == "0.55");
    CHECK(o.totals.catch_up.str() == "21");
    CHECK(o.totals.behind == 2);
    CHECK(o.totals.rectification == 4);
    CHECK(monitor::summarise(Report{}).departments.empty());
}

TEST_CASE("analyse_project: a ≤ target an accumulating value is over already is missed now, not projected",
          "[monitor]") {
    // A review found 1 accident against =0次 worded as "全年预计1.72次，超过目标=0次共1.72次".
    Project p = slow_project();
    // The cost to date is past its ≤842.07万元 target already, beyond the rule's 10% allowance.
    set_value(p, 5, "1000万元");
    const RuleSet monitoring_rules = monitoring();
    const ProjectProgress pr = monitor::analyse_project(p, monitoring_rules);
    const IndicatorProgress& cost = pr.indicators[0];
    CHECK(cost.at_risk);
    CHECK(cost.already_missed);
    REQUIRE(cost.shortfall);
    CHECK(cost.shortfall->str() == "157.93");  // 1000 − 842.07, not the projection's excess
    Report report;
    report.as_of = "2024-07-31";
    report.progress.push_back(pr);
    CHECK_THAT(test::render(report, "json"), Catch::Contains("\"already_missed\": true"));
    bool said = false;
    for (const auto& problem : pr.problems) {
        if (problem.zh.find("项目总成本") == std::string::npos) continue;
        said = true;
        CHECK(problem.zh ==
              "指标“项目总成本”截至目前已为1000万元，超过目标≤842.07万元共157.93万元，年度目标已无法实现。");
    }
    CHECK(said);
    const auto findings = test::run_rule("target-at-risk", p, &monitoring_rules);
    REQUIRE_FALSE(findings.empty());
    CHECK_THAT(findings[0].message.zh,
               Catch::EndsWith("截至2024-07-31已为1000万元，超过目标≤842.07万元共157.93万元，年度目标已无法实现。"));
    // Over the target by less than the allowance (900 against 842.07, 6.9%): not missed yet; the projection decides.
    set_value(p, 5, "900万元");
    CHECK_FALSE(monitor::analyse_project(p, monitoring_rules).indicators[0].already_missed);
    // Below the target now, though the projection is over it: at risk, not missed.
    set_value(p, 5, "600万元");
    const ProjectProgress later = monitor::analyse_project(p, monitoring_rules);
    CHECK(later.indicators[0].at_risk);
    CHECK_FALSE(later.indicators[0].already_missed);
}

TEST_CASE("analyse_project: a deadline past with no day of completion is a target at risk", "[monitor][dates]") {
    auto rows = test::seed_rows();
    rows[5].target = "2024年6月底前";  // the seed's 补助资金发放时间 (row 10), a period there
    Project p = test::project("301001", "部分军退人员岗位补贴资金", "842.07", k_goal, rows);
    p.budget = test::cell("842.07", 5, 15);
    p.spent = test::cell("500", 5, 16);
    set_value(p, 10, "进行中");
    const ProjectProgress missed = monitor::analyse_project(p, monitoring());
    CHECK(missed.indicators_at_risk == 1);
    REQUIRE(missed.indicators.size() == 5);  // the four quantitative ones, and the deadline after its row
    const IndicatorProgress& due = missed.indicators[3];
    CHECK(due.indicator == "产出指标/时效指标/补助资金发放时间");
    CHECK(due.deadline);
    CHECK(due.at_risk);
    CHECK(due.days_late == 31);
    CHECK_FALSE(due.value);
    std::vector<std::string> problems;
    for (const auto& t : missed.problems) problems.push_back(t.zh);
    CHECK_THAT(problems, Catch::VectorContains(
                             std::string("指标“补助资金发放时间”期限2024年6月，已过期限31天，没有报告完成日期。")));
    // Not due yet: nothing listed, nothing said.
    const ProjectProgress early = monitor::analyse_project(p, monitoring("2024-06-30"));
    CHECK(early.indicators_at_risk == 0);
    CHECK(early.indicators.size() == 4);
}
