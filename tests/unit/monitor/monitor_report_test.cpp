// End-to-end monitoring: the seed with its progress sample (findings and figures worked by hand), and a
// generated bureau of a few hundred projects whose Markdown report must agree with its JSON.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <tuple>

#include "config/rule_set_loader.hpp"
#include "io/actuals_file.hpp"
#include "monitor/monitor.hpp"
#include "pipeline/pipeline.hpp"
#include "report/monitor_sections.hpp"
#include "report/reporters.hpp"
#include "rules/active.hpp"
#include "support/paths.hpp"
#include "util/text.hpp"

using namespace perf_check;
using nlohmann::json;

namespace {

// The report of `perf-check monitor TARGETS --progress PROGRESS --as-of AS_OF`, built the way pipeline::run
// builds it (the test below checks that run() prints the same JSON).
Report monitor_report(const std::string& targets, const std::string& progress, const std::string& as_of) {
    RuleSet rs = config::default_rule_set();
    rs.monitoring.as_of = as_of;
    auto active = rules::build_active_rules(rs);
    REQUIRE(active);
    active->erase(std::remove_if(active->begin(), active->end(),
                                 [](const rules::ActiveRule& r) { return std::string(r.entry->category) == "self-evaluation"; }),
                  active->end());
    RunOptions opts;
    opts.paths = {targets};
    opts.monitor = true;
    opts.as_of = as_of;
    opts.actuals_path = progress;
    opts.jobs = 1;
    auto index = io::ActualsIndex::load(progress, opts.read, rs);
    REQUIRE(index);
    return pipeline::check_inputs(opts, rs, *active, &*index);
}

std::string render(const Report& report, const std::string& format) {
    std::ostringstream out;
    report::find_reporter(format)->factory(report::ReporterOptions{})->write(report, out);
    return out.str();
}

std::string markdown(const Report& report) {
    std::ostringstream out;
    report::write_monitor_markdown(report, out);
    return out.str();
}

using Key = std::tuple<std::string, std::string, std::string>;  // rule, project, indicator

std::multiset<Key> monitoring_findings(const Report& r) {
    std::multiset<Key> out;
    for (const auto& f : r.findings) {
        if (f.rule == "execution-behind" || f.rule == "target-at-risk" || f.rule == "progress-missing")
            out.insert({f.rule, f.project, f.indicator});
    }
    return out;
}

// The cells of the Markdown table rows that follow `heading` (up to the next blank line after the table).
std::vector<std::vector<std::string>> table_after(const std::string& md, const std::string& heading) {
    std::vector<std::vector<std::string>> rows;
    const auto at = md.find(heading);
    if (at == std::string::npos) return rows;
    std::istringstream in(md.substr(at));
    std::string line;
    bool in_table = false;
    int seen = 0;
    while (std::getline(in, line)) {
        if (util::starts_with(line, "|")) {
            in_table = true;
            if (++seen <= 2) continue;  // header and alignment rows
            std::vector<std::string> cells;
            for (auto& c : util::split(line.substr(1, line.size() - 2), '|')) cells.push_back(util::trim(c));
            rows.push_back(cells);
        } else if (in_table) {
            break;
        }
    }
    return rows;
}

std::string money(const json& j) { return Decimal::parse(j.dump())->fixed(2); }
std::string rate(const json& j) {
    if (j.is_null()) return "—";
    return (*Decimal::parse(j.dump()) * Decimal::from_int(100)).round(2).fixed(2) + "%";
}

const std::string k_p1 = "部分军退人员岗位补贴资金";
const std::string k_p2 = "机关事业单位养老保险财政预留补助";
const std::string k_p3 = "社区及改制企业人员养老金补差";
const std::string k_p4 = "同级财政对城乡居民养老保险的补助";

}  // namespace

TEST_CASE("monitor on the seed with its progress sample: findings and figures as worked by hand", "[monitor][seed]") {
    const Report r = monitor_report(test::source_path("samples/targets-2024.csv"),
                                    test::source_path("samples/monitor/progress-2024.csv"), "2024-07-31");
    CHECK(r.as_of == "2024-07-31");
    REQUIRE(r.progress.size() == 4);
    // samples/monitor/EXPECTED.md has the arithmetic.
    const std::multiset<Key> expected = {
        {"execution-behind", k_p1, ""},
        {"target-at-risk", k_p2, "产出指标/数量指标/社会保险征缴收入"},
        {"target-at-risk", k_p2, "满意度指标/服务对象满意度指标/领待人员满意度"},
        {"progress-missing", k_p3, "产出指标/数量指标/享受补助人数"},
        {"progress-missing", k_p3, "产出指标/质量指标/资金到位率"},
        {"execution-behind", k_p4, ""},
        {"target-at-risk", k_p4, "产出指标/数量指标/城乡居民社会保险年待遇支出"},
        {"target-at-risk", k_p4, "效益指标/经济效益指标/城乡居民养老保险预算执行率"},
        {"target-at-risk", k_p4, "满意度指标/服务对象满意度指标/城乡居保参保人员满意度"},
    };
    CHECK(monitoring_findings(r) == expected);
    // No self-evaluation rule runs on values to date.
    for (const auto& f : r.findings) CHECK(f.rule != "actual-missing");

    const json doc = json::parse(render(r, "json"));
    const json& m = doc.at("monitoring");
    CHECK(m.at("as_of") == "2024-07-31");
    CHECK(m.at("time_progress").dump() == "0.581967");
    const json& p1 = m.at("projects").at(0);
    CHECK(p1.at("project") == k_p1);
    CHECK(p1.at("execution_rate").dump() == "0.299999");
    CHECK(p1.at("gap_points").dump() == "28.2");
    CHECK(p1.at("catch_up").dump() == "237.44");
    CHECK(p1.at("behind") == true);
    const json& p4 = m.at("projects").at(3);
    CHECK(p4.at("budget").dump() == "180");  // 预算数 180 (adjusted), not 资金总额 158.62
    CHECK(p4.at("budget_from_funds") == false);
    CHECK(p4.at("execution_rate").dump() == "0.35");
    CHECK(p4.at("catch_up").dump() == "41.75");  // 180 × 213 ÷ 366 = 104.75 − 63
    const json& cost = p4.at("indicators").at(0);
    CHECK(cost.at("value").dump() == "63");  // 630,000元 → 63万元
    CHECK(cost.at("projected").dump() == "108.25");
    CHECK(cost.at("at_risk") == false);
    const json& t = m.at("totals");
    CHECK(t.at("budget").dump() == "5754.07");
    CHECK(t.at("spent").dump() == "3019.82");
    CHECK(rate(t.at("execution_rate")) == "52.48%");
    CHECK(t.at("behind") == 2);
    CHECK(t.at("catch_up").dump() == "279.19");
    CHECK(t.at("at_risk_indicators") == 5);
    CHECK(t.at("at_risk_projects") == 2);
    CHECK(t.at("missing") == 1);
    CHECK(t.at("rectification") == 4);

    const std::string md = markdown(r);
    CHECK(util::starts_with(md, "# 绩效运行监控综合报告（草稿）\n\n监控截止日期：2024-07-31　时间进度：58.20%（全年366天，已过213天）"));
    CHECK_THAT(md, Catch::Contains("本次对1个单位（按单位代码）的4个项目开展绩效运行监控。纳入监控的项目预算数合计5754.07万元，"
                                   "截至2024-07-31累计执行3019.82万元，预算执行率52.48%，低于时间进度5.72个百分点。"));
    CHECK_THAT(md, Catch::Contains("| 301001 | 4 | 5754.07 | 3019.82 | 52.48% | -5.72 | 2 | 5 | 1 | 4 |"));
    CHECK_THAT(md, Catch::Contains("| 1 | 部分军退人员岗位补贴资金 | 842.07 | 252.62 | 30.00% | -28.20 | — | 执行进度落后 |"));
    CHECK_THAT(md, Catch::Contains("| 2 | 机关事业单位养老保险财政预留补助 | 4500.00 | 2565.00 | 57.00% | -1.20 | "
                                   "社会保险征缴收入、领待人员满意度 | 目标预计难以实现 |"));
    CHECK_THAT(md, Catch::Contains("指标“社会保险征缴收入”截至目前完成2450万元（目标≥4900万元），按时间进度推算全年约4209.86万元，预计少690.14万元。"));
    CHECK_THAT(md, Catch::Contains("整改期限：____"));
}

TEST_CASE("pipeline::run prints the same monitoring JSON as the report it builds", "[monitor]") {
    RunOptions opts;
    opts.paths = {test::source_path("samples/targets-2024.csv")};
    opts.monitor = true;
    opts.as_of = "2024-07-31";
    opts.actuals_path = test::source_path("samples/monitor/progress-2024.csv");
    opts.reports = {{"json", ""}};
    opts.jobs = 1;
    std::ostringstream out;
    std::ostringstream err;
    pipeline::run(opts, out, err);
    CHECK(err.str().empty());
    const json via_run = json::parse(out.str());
    const Report r = monitor_report(opts.paths[0], opts.actuals_path, opts.as_of);
    const json direct = json::parse(render(r, "json"));
    CHECK(via_run.at("monitoring") == direct.at("monitoring"));
}

TEST_CASE("a monitoring date other than the end of the progress data's 1-N月 is said on standard error", "[monitor]") {
    // A review ran the 2024 sample without --as-of: every project was 39 points behind by 2026-11-30, unsaid.
    RunOptions opts;
    opts.paths = {test::source_path("samples/targets-2024.csv")};
    opts.monitor = true;
    opts.actuals_path = test::source_path("samples/monitor/progress-2024.csv");
    opts.reports = {{"json", ""}};
    opts.jobs = 1;
    for (const auto& [as_of, given] : {std::pair<std::string, bool>{"2026-11-30", false}, {"2024-06-30", true}}) {
        INFO(as_of);
        opts.as_of = as_of;
        opts.as_of_given = given;
        std::ostringstream out;
        std::ostringstream err;
        pipeline::run(opts, out, err);
        CHECK_THAT(err.str(),
                   Catch::Contains("progress-2024.csv: 注意：进度数据的“1-7月执行数”是截至7月底的累计数，监控日期却是" +
                                   as_of) &&
                       Catch::Contains("请加 --as-of 2024-07-31 重新运行"));
        CHECK((err.str().find("未指定 --as-of") != std::string::npos) == !given);
    }
    opts.as_of = "2024-07-31";
    opts.as_of_given = true;
    std::ostringstream out;
    std::ostringstream err;
    pipeline::run(opts, out, err);
    CHECK(err.str().empty());
}

TEST_CASE("monitoring counts a project two files give once", "[monitor]") {
    // A review found a resubmitted table beside the first doubling the spending (1636.48 = 2 × 818.24), the
    // projects behind and the indicators at risk.
    test::TempDir dir;
    const std::string targets = test::slurp(test::source_path("samples/targets-2024.csv"));
    dir.write("t/a.csv", targets);
    dir.write("t/b.csv", targets);
    const Report once = monitor_report(test::source_path("samples/targets-2024.csv"),
                                       test::source_path("samples/monitor/progress-2024.csv"), "2024-07-31");
    const Report twice =
        monitor_report(dir.path("t"), test::source_path("samples/monitor/progress-2024.csv"), "2024-07-31");
    REQUIRE(twice.progress.size() == 2 * once.progress.size());
    const json a = json::parse(render(once, "json")).at("monitoring");
    const json b = json::parse(render(twice, "json")).at("monitoring");
    CHECK(b.at("totals") == a.at("totals"));
    CHECK(b.at("repeated") == once.progress.size());
    CHECK(a.at("repeated") == 0);
    CHECK_THAT(render(twice, "markdown"),
               Catch::Contains("另有4个项目在后面的文件中重复出现（单位代码、名称相同），只按第一次计入。"));
}

TEST_CASE("a generated bureau: the Markdown report agrees with the JSON", "[monitor][bureau]") {
    const test::TempDir dir;
    const std::string command = "/usr/bin/python3 " + test::source_path("samples/monitor/make_bureau.py") +
                                " --projects 260 --departments 21 --seed 8 --out " + dir.path("") + " > /dev/null";
    REQUIRE(std::system(command.c_str()) == 0);
    const Report r = monitor_report(dir.path("bureau-targets-2024.csv"), dir.path("bureau-progress-2024.csv"), "2024-07-31");
    REQUIRE(r.files.size() == 2);  // the targets and the progress file
    CHECK_FALSE(r.files[0].error);
    REQUIRE(r.progress.size() == 260);

    const json doc = json::parse(render(r, "json"));
    const json& m = doc.at("monitoring");
    const json& projects = m.at("projects");
    const json& departments = m.at("departments");
    REQUIRE(projects.size() == 260);
    REQUIRE(departments.size() == 21);

    // The JSON's totals are the sums of its projects.
    std::map<std::string, std::tuple<int, Decimal, Decimal, int, int, int>> sums;  // projects, budget, spent, behind, at risk, rectify
    int behind = 0, at_risk = 0, missing = 0, rectify = 0;
    for (const auto& p : projects) {
        auto& s = sums[p.at("project_code").get<std::string>()];
        ++std::get<0>(s);
        if (!p.at("budget").is_null()) std::get<1>(s) += *Decimal::parse(p.at("budget").dump());
        if (!p.at("spent").is_null()) std::get<2>(s) += *Decimal::parse(p.at("spent").dump());
        std::get<3>(s) += p.at("behind").get<bool>() ? 1 : 0;
        std::get<4>(s) += p.at("indicators_at_risk").get<int>();
        std::get<5>(s) += p.at("needs_rectification").get<bool>() ? 1 : 0;
        behind += p.at("behind").get<bool>() ? 1 : 0;
        at_risk += p.at("indicators_at_risk").get<int>();
        missing += p.at("data_missing").get<bool>() ? 1 : 0;
        rectify += p.at("needs_rectification").get<bool>() ? 1 : 0;
    }
    for (const auto& d : departments) {
        const auto& s = sums.at(d.at("code").get<std::string>());
        CHECK(d.at("projects") == std::get<0>(s));
        CHECK(money(d.at("budget")) == std::get<1>(s).fixed(2));
        CHECK(money(d.at("spent")) == std::get<2>(s).fixed(2));
        CHECK(d.at("behind") == std::get<3>(s));
        CHECK(d.at("at_risk_indicators") == std::get<4>(s));
        CHECK(d.at("rectification") == std::get<5>(s));
    }
    const json& t = m.at("totals");
    CHECK(t.at("behind") == behind);
    CHECK(t.at("at_risk_indicators") == at_risk);
    CHECK(t.at("missing") == missing);
    CHECK(t.at("rectification") == rectify);
    // The mix the generator promises, so the report has something to say and does not flag everything.
    CHECK(behind > 20);
    CHECK(at_risk > 20);
    CHECK(missing > 3);
    CHECK(rectify < 260);
    // And the findings say the same as the report.
    int behind_findings = 0, risk_findings = 0;
    std::set<std::string> missing_projects;
    for (const auto& f : r.findings) {
        behind_findings += f.rule == "execution-behind" ? 1 : 0;
        risk_findings += f.rule == "target-at-risk" ? 1 : 0;
        if (f.rule == "progress-missing") missing_projects.insert(f.project_code + "/" + f.project);
    }
    CHECK(behind_findings == behind);
    CHECK(risk_findings == at_risk);
    CHECK(static_cast<int>(missing_projects.size()) == missing);

    const std::string md = markdown(r);
    // PERF_CHECK_MONITOR_DUMP=DIR keeps the drafts for a person to read (as the golden tests' rewrite switch).
    if (const char* dump = std::getenv("PERF_CHECK_MONITOR_DUMP")) {
        std::ofstream(std::string(dump) + "/bureau-monitor.md") << md;
        std::ofstream(std::string(dump) + "/bureau-monitor.html")
            << "<!doctype html><meta charset=\"utf-8\"><style>" << report::monitor_css() << "</style>"
            << report::monitor_html(r);
        std::ofstream(std::string(dump) + "/bureau-monitor.json") << doc.dump(2);
    }
    // Overview: one row per department and the 合计 row, each equal to the JSON.
    const auto overview = table_after(md, "## 一、总体情况");
    REQUIRE(overview.size() == departments.size() + 1);
    for (std::size_t i = 0; i <= departments.size(); ++i) {
        const json& d = i < departments.size() ? departments.at(i) : t;
        const auto& row = overview[i];
        INFO("overview row " << i);
        REQUIRE(row.size() == 10);
        CHECK(row[0] == (i < departments.size() ? d.at("code").get<std::string>() : std::string("合计")));
        CHECK(row[1] == std::to_string(d.at("projects").get<int>()));
        CHECK(row[2] == money(d.at("budget")));
        CHECK(row[3] == money(d.at("spent")));
        // A rate over fewer projects than the row's says what it is over (a review found 51.02% beside 5781.75
        // and 1683.32, which make 29.11%).
        const int with_rate = d.at("with_rate").get<int>();
        CHECK(row[4] ==
              rate(d.at("execution_rate")) + (with_rate < d.at("projects").get<int>()
                                                  ? "（按有执行数的" + std::to_string(with_rate) + "个项目、预算数" +
                                                        money(d.at("rated_budget")) + "万元计）"
                                                  : std::string()));
        CHECK(row[6] == std::to_string(d.at("behind").get<int>()));
        CHECK(row[7] == std::to_string(d.at("at_risk_indicators").get<int>()));
        CHECK(row[8] == std::to_string(d.at("missing").get<int>()));
        CHECK(row[9] == std::to_string(d.at("rectification").get<int>()));
    }
    CHECK_THAT(md, Catch::Contains("纳入监控的项目预算数合计" + money(t.at("budget")) + "万元"));
    CHECK_THAT(md, Catch::Contains("累计执行" + money(t.at("spent")) + "万元"));
    // Each department's table lists its projects with the JSON's figures, then its total.
    std::size_t next = 0;
    for (const auto& d : departments) {
        const std::string code = d.at("code").get<std::string>();
        const auto rows = table_after(md, "### 单位代码 " + code + "（");
        INFO("department " << code);
        REQUIRE(rows.size() == static_cast<std::size_t>(d.at("projects").get<int>()) + 1);
        for (std::size_t i = 0; i + 1 < rows.size(); ++i, ++next) {
            const json& p = projects.at(next);
            CHECK(p.at("project_code") == code);  // departments in code order, projects in table order
            CHECK(rows[i][1] == p.at("project").get<std::string>());
            CHECK(rows[i][2] == (p.at("budget").is_null() ? "—" : money(p.at("budget"))));
            CHECK(rows[i][3] == (p.at("spent").is_null() ? "—" : money(p.at("spent"))));
            CHECK(rows[i][4] == rate(p.at("execution_rate")));
        }
        CHECK(rows.back()[2] == money(d.at("budget")));
        CHECK(rows.back()[3] == money(d.at("spent")));
    }
    CHECK(next == projects.size());
    // The rectification list: as many entries, each with its deadline placeholder.
    CHECK_THAT(md, Catch::Contains("以下" + std::to_string(rectify) + "个项目需对照问题限期整改"));
    std::size_t deadlines = 0;
    for (auto at = md.find("整改期限：____"); at != std::string::npos; at = md.find("整改期限：____", at + 1)) ++deadlines;
    CHECK(deadlines == static_cast<std::size_t>(rectify));
    for (const auto& p : projects) {
        if (!p.at("needs_rectification").get<bool>()) continue;
        const std::string label = p.at("project_code").get<std::string>() + " " + p.at("project").get<std::string>();
        CHECK_THAT(md, Catch::Contains(". " + label + "\n\n**存在问题**"));
    }
}
