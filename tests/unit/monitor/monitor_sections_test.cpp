// Tests of the monitoring part of the reports (src/report/monitor_sections): text, HTML, workbook tables,
// English wording, and nothing at all outside a monitor run; progress given as columns of the table itself.
#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

#include "config/rule_set_loader.hpp"
#include "io/actuals_file.hpp"
#include "pipeline/pipeline.hpp"
#include "report/monitor_sections.hpp"
#include "rules/active.hpp"
#include "support/paths.hpp"
#include "util/text.hpp"

using namespace perf_check;

namespace {

Report seed_report(Lang lang = Lang::zh) {
    RuleSet rs = config::default_rule_set();
    rs.monitoring.as_of = "2024-07-31";
    auto active = rules::build_active_rules(rs);
    REQUIRE(active);
    RunOptions opts;
    opts.paths = {test::source_path("samples/targets-2024.csv")};
    opts.monitor = true;
    opts.as_of = rs.monitoring.as_of;
    opts.lang = lang;
    opts.jobs = 1;
    auto index = io::ActualsIndex::load(test::source_path("samples/monitor/progress-2024.csv"), opts.read, rs);
    REQUIRE(index);
    return pipeline::check_inputs(opts, rs, *active, &*index);
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("monitoring sections print nothing outside a monitor run", "[monitor]") {
    const Report plain;
    CHECK_FALSE(report::has_monitoring(plain));
    std::ostringstream text;
    std::ostringstream md;
    report::write_monitor_text(plain, text);
    report::write_monitor_markdown(plain, md);
    CHECK(text.str().empty());
    CHECK(md.str().empty());
    CHECK(report::monitor_html(plain).empty());
    CHECK(report::monitor_sheets(plain).empty());
}

TEST_CASE("the text view: overview, a table per department, the rectification list", "[monitor]") {
    const Report r = seed_report();
    std::ostringstream out;
    report::write_monitor_text(r, out);
    const std::string s = out.str();
    CHECK(util::starts_with(s, "绩效运行监控综合报告（草稿）\n  监控截止日期：2024-07-31　时间进度：58.20%（全年366天，已过213天）\n"));
    // Columns aligned by display width: the 合计 row lines up under the 301001 row.
    CHECK_THAT(s, Catch::Contains("  301001    4       5754.07         3019.82         52.48%  -5.72"));
    CHECK_THAT(s, Catch::Contains("  合计      4       5754.07         3019.82         52.48%  -5.72"));
    CHECK_THAT(s, Catch::Contains("\n  ■ 单位代码 301001（4个项目）\n"));
    CHECK_THAT(s, Catch::Contains("\n需整改项目清单\n"));
    CHECK(count(s, "\n  ■ 301001 ") == 4);
    CHECK_THAT(s, Catch::Contains("      存在问题：指标“领待人员满意度”目前为88%，低于目标≥90%，相差2个百分点。\n"));
}

TEST_CASE("the Markdown draft: headings below a reporter's own title, deadline blanks as is", "[monitor]") {
    const Report r = seed_report();
    std::ostringstream out;
    report::write_monitor_markdown(r, out, 2);
    const std::string s = out.str();
    CHECK(util::starts_with(s, "## 绩效运行监控综合报告（草稿）\n"));
    CHECK_THAT(s, Catch::Contains("\n### 一、总体情况\n"));
    CHECK_THAT(s, Catch::Contains("\n#### 单位代码 301001（4个项目）\n"));
    CHECK_THAT(s, Catch::Contains("\n### 四、需整改项目清单\n"));
    CHECK_THAT(s, Catch::Contains("\n#### 1. 301001 部分军退人员岗位补贴资金\n"));
    CHECK(count(s, "\n整改期限：____\n") == 4);
    CHECK_THAT(s, Catch::Contains("| 序号 | 项目名称 | 预算数（万元） |"));
    CHECK_THAT(s, Catch::Contains("|---:|---|---:|---:|---:|---:|---|---|"));
    CHECK_THAT(s, Catch::Contains("|  | 合计 | 5754.07 | 3019.82 | 52.48% | -5.72 | 5项 |  |"));
    CHECK_THAT(s, Catch::Contains("落后较多的有：部分军退人员岗位补贴资金（301001，执行率30.00%，低于时间进度28.20个百分点）、"
                                  "同级财政对城乡居民养老保险的补助（301001，执行率35.00%，低于时间进度23.20个百分点）。"));
    CHECK_THAT(s, Catch::Contains("其中数量、金额等累计类指标按时间进度线性推算全年达不到目标的3项，比率、满意度等指标当前值未达到目标的2项。"));
    CHECK_THAT(s, Catch::Contains("- 时间进度按天计算：截至2024-07-31，全年366天已过213天，时间进度为58.20%。"));
}

TEST_CASE("the HTML fragment: one section, a chart, escaped text, its CSS", "[monitor]") {
    Report r = seed_report();
    r.progress[0].project = "A<b>&\"项目\"";
    const std::string html = report::monitor_html(r);
    CHECK(util::starts_with(html, "<section id=\"monitoring\" class=\"monitoring\">\n<h2>绩效运行监控综合报告（草稿）</h2>"));
    CHECK(util::ends_with(html, "</section>\n"));
    CHECK(count(html, "<section") == 1);
    CHECK_THAT(html, Catch::Contains("<svg class=\"chart\" id=\"monitor-chart\""));
    CHECK_THAT(html, Catch::Contains("<table id=\"monitor-departments\">"));
    CHECK_THAT(html, Catch::Contains("A&lt;b&gt;&amp;&quot;项目&quot;"));
    CHECK_FALSE(util::contains(html, "A<b>"));
    CHECK(count(html, "<p class=\"deadline\">整改期限：____</p>") == 4);
    CHECK_THAT(html, Catch::Contains("<tr class=\"total\"><td>合计</td><td class=\"num\">4</td><td class=\"num\">5754.07</td>"));
    CHECK_THAT(report::monitor_css(), Catch::Contains(".monitoring .chart line.time"));
}

TEST_CASE("the workbook tables hold numbers as numbers", "[monitor]") {
    const Report r = seed_report();
    const auto sheets = report::monitor_sheets(r);
    REQUIRE(sheets.size() == 3);
    CHECK(sheets[0].name == "监控汇总");
    CHECK(sheets[1].name == "项目监控");
    CHECK(sheets[2].name == "指标监控");
    for (const auto& s : sheets) {
        CHECK(s.prose.size() == s.headers.size());
        for (const auto& row : s.rows) CHECK(row.size() == s.headers.size());
    }
    CHECK(sheets[0].total_last_row);
    CHECK_FALSE(sheets[1].total_last_row);
    REQUIRE(sheets[0].rows.size() == 2);  // 301001 and 合计
    const auto& total = sheets[0].rows[1];
    CHECK(total[0].text == "合计");
    REQUIRE(total[2].number);
    CHECK(total[2].number->str() == "5754.07");
    REQUIRE(total[4].number);
    CHECK(total[4].number->str() == "0.524815");  // a fraction: the sheet formats it as a percentage
    CHECK(total[4].percent);
    CHECK(total[4].text == "52.48%");
    CHECK_FALSE(total[2].percent);
    CHECK(total[7].number->str() == "279.19");
    // What the rate is over (a review found it unsaid in the workbook): the projects with spending, their budget.
    CHECK(sheets[0].headers[11] == "计入执行率的项目数");
    REQUIRE(total[11].number);
    REQUIRE(total[12].number);
    CHECK(total[12].number->str() == "5754.07");  // every project of the seed reported
    REQUIRE(sheets[1].rows.size() == 4);
    const auto& p1 = sheets[1].rows[0];
    CHECK(p1[3].text == "部分军退人员岗位补贴资金");
    CHECK(p1[11].text == "是");
    CHECK(p1[15].text == "____");
    CHECK_THAT(p1[13].text, Catch::StartsWith("1. 预算执行率30.00%"));
    // 4 + 4 + 4 + 5 quantitative indicators.
    CHECK(sheets[2].rows.size() == 17);
    const auto& missing = sheets[2].rows[9];  // project 3, 享受补助人数
    CHECK(missing[2].text == "产出指标/数量指标/享受补助人数");
    CHECK(missing[11].text == "缺报");
    // Each indicator row names the file its row is in: the progress file's rows are not the table's.
    for (const auto& row : sheets[2].rows) CHECK_FALSE(row[3].text.empty());
    CHECK_THAT(sheets[2].rows[0][3].text, Catch::EndsWith("progress-2024.csv"));
}

TEST_CASE("the monitoring report in English", "[monitor]") {
    const Report r = seed_report(Lang::en);
    std::ostringstream out;
    report::write_monitor_markdown(r, out);
    const std::string s = out.str();
    CHECK(util::starts_with(s, "# Performance monitoring report (draft)\n\nAs of: 2024-07-31   Time elapsed: 58.20% (213 of 366 days)"));
    CHECK_THAT(s, Catch::Contains("Monitored: 4 projects of 1 unit(s) (by unit code). Their budgets total 5754.07 万元; by "
                                  "2024-07-31 they had spent 3019.82 万元, an execution rate of 52.48%, 5.72 percentage "
                                  "points behind the time elapsed."));
    CHECK_THAT(s, Catch::Contains("Deadline: ____"));
    CHECK_FALSE(util::contains(s, "存在问题"));
}

TEST_CASE("progress as extra columns of the targets table", "[monitor]") {
    // The seed's layout with 预算数 / 1-7月执行数 after 资金总额 and 截至目前完成值 after 备注.
    const test::TempDir dir;
    const std::string table =
        "项目支出绩效目标表\n金额单位：万元\n"
        "单位代码,单位（专项）名称,资金总额,预算数,1-7月执行数,实施期绩效目标,一级指标,二级指标,三级指标,指标值,指标值内容,"
        "评（扣分标准）,度量单位,指标值类型,备注,截至目前完成值\n"
        "301001,部分军退人员岗位补贴资金,842.07,842.07,252.62,保障我区内六类军退人员被妥善安置，依法享受各类社保权利及生活补贴。,"
        "成本指标,经济成本指标,项目总成本,842.07,项目总成本,每超过5万元，扣1分，扣完为止,万元,≤,20分,252.62\n"
        ",,,,,,产出指标,数量指标,享受补贴人数,136,享受补贴人数,达到指标值得满分，未达到指标值视情况扣分，扣完为止。,人,≥,10分,54\n"
        ",,,,,,满意度指标,服务对象满意度指标,享受补贴对象满意度,90,享受补贴对象满意度,达到指标值得满分，少于1%扣0.5分，扣完为止。,%,≥,10分,92%\n";
    const std::string path = dir.write("progress-in-table.csv", table);
    RuleSet rs = config::default_rule_set();
    rs.monitoring.as_of = "2024-07-31";
    auto active = rules::build_active_rules(rs);
    REQUIRE(active);
    RunOptions opts;
    opts.paths = {path};
    opts.monitor = true;
    opts.as_of = rs.monitoring.as_of;
    const Report r = pipeline::check_inputs(opts, rs, *active);
    REQUIRE(r.progress.size() == 1);
    const ProjectProgress& p = r.progress[0];
    REQUIRE(p.spent);
    CHECK(p.spent->str() == "252.62");
    CHECK_FALSE(p.budget_from_funds);
    CHECK(p.behind);
    REQUIRE(p.indicators.size() == 3);
    // 54 × 366 ÷ 213 = 92.79: 43.21 short of 136.
    CHECK(p.indicators[1].projected->str() == "92.79");
    CHECK(p.indicators[1].shortfall->str() == "43.21");
    CHECK(p.indicators[1].at_risk);
    CHECK_FALSE(p.indicators[2].at_risk);
    std::vector<std::string> monitoring;
    for (const auto& f : r.findings)
        if (f.rule == "execution-behind" || f.rule == "target-at-risk" || f.rule == "progress-missing")
            monitoring.push_back(f.rule + " " + std::to_string(f.loc.row) + " " + f.loc.file);
    CHECK(monitoring == std::vector<std::string>{"execution-behind 4 " + path, "target-at-risk 5 " + path});
}
