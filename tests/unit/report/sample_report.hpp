// Test helpers for the report formats: one small in-memory report with every awkward case the formats
// must survive (Chinese and spaces in paths, markup and workflow-command characters in messages, an
// xlsx cell, an unreadable file, a clean file, scores), and running the seed through the real pipeline.
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <sstream>
#include <string>

#include "config/rule_set_loader.hpp"
#include "pipeline/pipeline.hpp"
#include "report/build.hpp"
#include "report/reporters.hpp"
#include "rules/active.hpp"
#include "support/paths.hpp"

namespace perf_check::test {

inline Finding sample_finding(const std::string& rule, Severity sev, const std::string& file, int row, int column,
                              const std::string& code, const std::string& project, const std::string& indicator,
                              const std::string& message_zh, const std::string& sheet = "") {
    Finding f;
    f.rule = rule;
    f.severity = sev;
    f.loc.file = file;
    f.loc.sheet = sheet;
    f.loc.row = row;
    f.loc.column = column;
    f.project_code = code;
    f.project = project;
    f.indicator = indicator;
    f.value = "≥50个";
    f.message = {message_zh, "EN " + message_zh};
    f.hint = {"请修改" + indicator, "Fix " + indicator};
    return f;
}

inline const std::string k_file_a = "data/局 A/targets.csv";
inline const std::string k_file_b = "b.xlsx";
inline const std::string k_file_broken = "broken.csv";
inline const std::string k_file_clean = "clean.csv";
inline const std::string k_project_1 = "部分军退人员岗位补贴资金";
inline const std::string k_project_2 = "养老保险补助";
inline const std::string k_project_3 = "设备购置";
inline const std::string k_cost = "成本指标/经济成本指标/项目总成本";
inline const std::string k_count = "产出指标/数量指标/享受补贴人数";
// Everything a format must escape: XML/HTML markup, quotes, workflow-command characters, a newline,
// Markdown's table bar and a CSV comma.
inline const std::string k_nasty = "合计<842.07> & \"多\" 'x' 100% a:b, c|d\n第二行";

/// Files: a (2 errors, 1 warning, 1 info), b.xlsx (1 warning on Sheet1!C12), broken (unreadable),
/// clean (no findings). Units 301001 (projects 1 and 2, 1000 万元) and 302002 (project 3, 50 万元).
inline Report sample_report(bool with_scores = false) {
    Report r;
    r.with_summary = true;
    r.files.push_back({k_file_a, "UTF-8", 2, 20, std::nullopt});
    r.files.push_back({k_file_b, "", 1, 8, std::nullopt});
    r.files.push_back({k_file_broken, "", 0, 0, std::string("broken.csv: 文件不是表格 & <无法读取>")});
    r.files.push_back({k_file_clean, "UTF-8", 0, 0, std::nullopt});
    r.findings.push_back(sample_finding("cost-breakdown", Severity::error, k_file_a, 5, 8, "301001", k_project_1, k_cost, k_nasty));
    r.findings.push_back(sample_finding("comparator-wording", Severity::error, k_file_a, 5, 12, "301001", k_project_1, k_cost,
                                        "指标值类型“≤”与“不少于”矛盾"));
    r.findings.push_back(sample_finding("comparator-direction", Severity::warning, k_file_a, 8, 12, "301001", k_project_1,
                                        k_count, "数量指标应为≥"));
    r.findings.push_back(sample_finding("deduction-discretionary", Severity::info, k_file_a, 16, 10, "301001", k_project_2,
                                        k_count, "仅“视情况扣分”"));
    r.findings.push_back(sample_finding("unit-missing", Severity::warning, k_file_b, 12, 3, "302002", k_project_3,
                                        "产出指标/质量指标/验收合格率", "缺少度量单位", "Sheet1"));
    if (with_scores) {
        ProjectScore s;
        s.file = k_file_a;
        s.project_code = "301001";
        s.project = k_project_1;
        s.row = 5;
        s.total = Decimal::from_raw(87'500000);
        s.grade = "良";
        s.budget_execution.weight = Decimal::from_int(10);
        s.budget_execution.score = Decimal::from_int(10);
        s.budget_execution.budget = Decimal::from_raw(842'070000);
        s.budget_execution.spent = Decimal::from_int(855);
        s.budget_execution.rate = s.budget_execution.spent.value() / s.budget_execution.budget.value();
        IndicatorScore i;
        i.indicator = k_cost;
        i.weight = Decimal::from_int(20);
        i.target = "≤842.07万元";
        i.actual = "855";
        i.score = Decimal::from_int(18);
        i.formula = "step(5,1)";
        i.loc.row = 5;
        i.loc.column = 7;
        i.steps = {{"超出目标：855 − 842.07 = 12.93万元", "Over the target: 855 − 842.07 = 12.93万元"},
                   {"本项得分：18分", "Score: 18"}};
        s.indicators.push_back(i);
        r.scores.push_back(s);
    }
    const std::vector<report::ProjectStat> projects = {
        {0, k_file_a, "301001", k_project_1, Decimal::from_raw(842'070000)},
        {0, k_file_a, "301001", k_project_2, Decimal::from_raw(157'930000)},
        {1, k_file_b, "302002", k_project_3, Decimal::from_int(50)},
    };
    report::finalize(r, projects, Decimal::from_int(100));
    return r;
}

/// The report of the real pipeline on the given inputs (paths relative to the source tree are resolved).
inline Report pipeline_report(const std::vector<std::string>& paths, bool summary = true,
                              const std::string& sheet = "") {
    RunOptions opts;
    opts.paths = paths;
    opts.summary = summary;
    opts.read.sheet = sheet;
    const RuleSet& rules = config::default_rule_set();
    auto active = rules::build_active_rules(rules);
    if (!active) throw std::runtime_error(active.error().render());
    return pipeline::check_inputs(opts, rules, *active);
}

/// `report` rendered in `format` through the reporter table.
inline std::string render(const Report& report, const std::string& format,
                          const report::ReporterOptions& options = {}) {
    const auto* entry = report::find_reporter(format);
    if (entry == nullptr) throw std::runtime_error("no reporter " + format);
    std::ostringstream out;
    entry->factory(options)->write(report, out);
    return out.str();
}

/// Exit status of a shell command run with std::system (-1 when it could not be started).
inline int run_command(const std::string& command) {
    const int status = std::system(command.c_str());
    if (status == -1) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/// The text with its single quotes escaped for a POSIX shell single-quoted word.
inline std::string shell_quote(const std::string& s) {
    std::string out = "'";
    for (const char c : s) {
        if (c == '\'') out += "'\\''";
        else out += c;
    }
    return out + "'";
}

}  // namespace perf_check::test
