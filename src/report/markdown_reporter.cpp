// Markdown output: totals, a findings table per file, scores, and the --summary section (per file, per
// unit, key-evaluation list). Also the text of the GitHub step summary.
#include <map>
#include <sstream>

#include "report/build.hpp"
#include "report/formats.hpp"
#include "report/monitor_sections.hpp"
#include "util/text.hpp"

namespace perf_check::report {

namespace {

struct Words {
    const char* title;
    const char* totals;  // files, projects, errors, warnings, infos, funds
    const char* unreadable;
    const char* none;
    const char* finding_headers[8];
    const char* severity[3];
    const char* scores;
    const char* score_headers[6];
    const char* summary;
    const char* per_file;
    const char* file_headers[7];
    const char* per_unit;
    const char* unit_headers[6];
    const char* key_projects;  // threshold
    const char* key_headers[5];
    const char* no_key_projects;
    const char* findings_left_out;
};

const Words k_zh = {
    "perf-check 检查报告",
    "共 %s 个文件、%s 个项目：**错误 %s**，警告 %s，提示 %s。资金总额 %s 万元。",
    "无法读取",
    "未发现问题。",
    {"行", "单元格", "级别", "规则", "项目", "指标", "问题", "修改建议"},
    {"提示", "警告", "错误"},
    "评分",
    {"文件", "单位代码", "项目", "总分", "等级", "预算执行率得分"},
    "汇总",
    "按文件",
    {"文件", "项目数", "指标数", "错误", "警告", "提示", "状态"},
    "按单位（单位代码）",
    {"单位代码", "项目数", "资金总额（万元）", "错误", "警告", "提示"},
    "重点评价项目（资金总额 ≥ %s 万元）",
    {"资金总额（万元）", "问题数", "单位代码", "项目", "文件"},
    "没有达到重点评价金额的项目。",
    "（各文件的问题明细从略，请查看完整报告。）",
};

const Words k_en = {
    "perf-check report",
    "%s files, %s projects: **%s errors**, %s warnings, %s infos. Total funds %s 万元.",
    "cannot be read",
    "No problems found.",
    {"row", "cell", "level", "rule", "project", "indicator", "problem", "fix"},
    {"info", "warning", "error"},
    "Scores",
    {"file", "unit code", "project", "total", "grade", "budget execution"},
    "Summary",
    "By file",
    {"file", "projects", "indicators", "errors", "warnings", "infos", "status"},
    "By unit (unit code)",
    {"unit code", "projects", "funds (万元)", "errors", "warnings", "infos"},
    "Projects for key evaluation (funds ≥ %s 万元)",
    {"funds (万元)", "findings", "unit code", "project", "file"},
    "No project reaches the key-evaluation amount.",
    "(Per-file findings left out; see the full report.)",
};

// Text inside a table cell or heading: no markup is interpreted, no cell boundary is broken.
std::string md(std::string_view s) {
    std::string out;
    for (const char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '|': out += "\\|"; break;
            case '\\': case '*': case '_': case '`': case '[': case ']': case '#':
                out += '\\';
                out += c;
                break;
            case '\n': out += "<br>"; break;
            case '\r': break;
            default: out += c;
        }
    }
    return out;
}

void table(std::ostream& out, const std::vector<std::string>& headers, const std::vector<std::vector<std::string>>& rows) {
    out << '|';
    for (const auto& h : headers) out << ' ' << md(h) << " |";
    out << "\n|";
    for (std::size_t i = 0; i < headers.size(); ++i) out << "---|";
    out << '\n';
    for (const auto& r : rows) {
        out << '|';
        for (const auto& c : r) out << ' ' << md(c) << " |";
        out << '\n';
    }
}

struct Counts {
    int errors = 0, warnings = 0, infos = 0;
};

std::map<std::string, Counts> counts_by_file(const Report& report) {
    std::map<std::string, Counts> out;
    for (const auto& f : report.findings) {
        Counts& c = out[f.loc.file];
        (f.severity == Severity::error ? c.errors : f.severity == Severity::warning ? c.warnings : c.infos)++;
    }
    return out;
}

void write_findings(const Report& report, const Words& w, std::ostream& out) {
    const auto per_file = findings_per_file(report);
    for (std::size_t i = 0; i < report.files.size(); ++i) {
        const FileResult& file = report.files[i];
        out << "\n## " << md(file.path) << "\n\n";
        if (file.error) {
            out << "**" << w.unreadable << "**：" << md(*file.error) << "\n";
            continue;
        }
        std::vector<std::vector<std::string>> rows;
        for (const Finding* fp : per_file[i]) {
            const Finding& f = *fp;
            std::string project = f.project_code;
            if (!f.project.empty()) project += (project.empty() ? "" : " ") + f.project;
            std::string problem = pick(f.message, report.lang);
            if (!f.value.empty()) problem += (report.lang == Lang::en ? "\nvalue: " : "\n值：") + f.value;
            rows.push_back({f.loc.row > 0 ? std::to_string(f.loc.row) : "", f.loc.cell_ref(),
                            w.severity[static_cast<int>(f.severity)], f.rule, project, f.indicator, problem,
                            pick(f.hint, report.lang)});
        }
        if (rows.empty()) {
            out << w.none << "\n";
        } else {
            table(out, {std::begin(w.finding_headers), std::end(w.finding_headers)}, rows);
        }
    }
}

void write_scores(const Report& report, const Words& w, std::ostream& out) {
    if (report.scores.empty()) return;
    out << "\n## " << w.scores << "\n\n";
    std::vector<std::vector<std::string>> rows;
    for (const auto& s : report.scores) {
        rows.push_back({s.file, s.project_code, s.project, s.total.fixed(2), s.grade, s.budget_execution.score.fixed(2)});
    }
    table(out, {std::begin(w.score_headers), std::end(w.score_headers)}, rows);
}

void write_summary(const Report& report, const Words& w, std::ostream& out) {
    const Summary& s = report.summary;
    out << "\n## " << w.summary << "\n\n### " << w.per_file << "\n\n";
    const auto counts = counts_by_file(report);
    std::vector<std::vector<std::string>> rows;
    for (const auto& f : report.files) {
        const auto it = counts.find(f.path);
        const Counts c = it == counts.end() ? Counts{} : it->second;
        rows.push_back({f.path, std::to_string(f.projects), std::to_string(f.indicators), std::to_string(c.errors),
                        std::to_string(c.warnings), std::to_string(c.infos),
                        f.error ? std::string(w.unreadable) + "：" + *f.error : ""});
    }
    table(out, {std::begin(w.file_headers), std::end(w.file_headers)}, rows);
    out << "\n### " << w.per_unit << "\n\n";
    rows.clear();
    for (const auto& u : s.units) {
        rows.push_back({u.code.empty() ? "-" : u.code, std::to_string(u.projects), u.funds_wan.fixed(2),
                        std::to_string(u.errors), std::to_string(u.warnings), std::to_string(u.infos)});
    }
    table(out, {std::begin(w.unit_headers), std::end(w.unit_headers)}, rows);
    out << "\n### " << md(util::subst(w.key_projects, {s.key_evaluation_threshold_wan.str()})) << "\n\n";
    if (s.key_projects.empty()) {
        out << w.no_key_projects << "\n";
        return;
    }
    rows.clear();
    for (const auto& k : s.key_projects) {
        rows.push_back({k.funds_wan.fixed(2), std::to_string(k.findings), k.project_code, k.project, k.file});
    }
    table(out, {std::begin(w.key_headers), std::end(w.key_headers)}, rows);
}

class MarkdownReporter final : public Reporter {
public:
    void write(const Report& report, std::ostream& out) const override { out << render_markdown(report, true); }
};

}  // namespace

std::string render_markdown(const Report& report, bool with_findings) {
    const Words& w = report.lang == Lang::en ? k_en : k_zh;
    const Summary& s = report.summary;
    std::ostringstream out;
    out << "# " << w.title << "\n\n"
        << util::subst(w.totals, {std::to_string(s.files), std::to_string(s.projects), std::to_string(s.errors),
                            std::to_string(s.warnings), std::to_string(s.infos), s.funds_wan.fixed(2)})
        << "\n";
    if (with_findings) {
        write_findings(report, w, out);
    } else {
        out << "\n" << w.findings_left_out << "\n";
    }
    write_scores(report, w, out);
    // perf-check monitor: the draft monitoring report, one heading level below our title (nothing otherwise).
    if (has_monitoring(report)) {
        out << "\n";
        write_monitor_markdown(report, out, 2);
    }
    if (report.with_summary || !with_findings) write_summary(report, w, out);
    return out.str();
}

std::unique_ptr<Reporter> make_markdown_reporter(const ReporterOptions& /*options*/) {
    return std::make_unique<MarkdownReporter>();
}

}  // namespace perf_check::report
