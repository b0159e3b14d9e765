// Markdown output: totals, a findings table per file, scores, and the --summary section (per file, per
// unit, key-evaluation list). Also the text of the GitHub step summary. Written as results arrive.
#include <sstream>

#include "report/build.hpp"
#include "report/formats.hpp"
#include "report/monitor_sections.hpp"
#include "util/temp_stream.hpp"
#include "util/text.hpp"

namespace perf_check::report {

namespace {

struct Words {
    const char* title;
    const char* totals;  // files, projects, errors, warnings, infos, funds
    const char* totals_unreadable;  // the same with the files that could not be read second
    const char* unreadable;
    const char* read_before;
    const char* none;
    const char* finding_headers[8];
    const char* severity[3];
    const char* scores;
    const char* score_headers[6];
    const char* score_details;
    const char* detail_headers[6];
    const char* budget_execution;
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
    "共 %s 个文件（**其中 %s 个无法读取**）、%s 个项目：**错误 %s**，警告 %s，提示 %s。资金总额 %s 万元。",
    "无法读取",
    "读取中断前已检查的 %d 个项目中发现的问题：",
    "未发现问题。",
    {"行", "单元格", "级别", "规则", "项目", "指标", "问题", "修改建议"},
    {"提示", "警告", "错误"},
    "评分",
    {"文件", "单位代码", "项目", "总分", "等级", "预算执行率得分"},
    "逐项得分",
    {"指标", "分值", "目标值", "实际值", "得分", "计算过程"},
    "预算执行率",
    "汇总",
    "按文件",
    {"文件", "项目数", "指标数", "错误", "警告", "提示", "状态"},
    "按单位（问题多的在前）",
    {"单位代码", "项目数", "资金总额（万元）", "错误", "警告", "提示"},
    "重点评价项目（资金总额 ≥ %s 万元）",
    {"资金总额（万元）", "问题数", "单位代码", "项目", "文件"},
    "没有达到重点评价金额的项目。",
    "（各文件的问题明细从略，请查看完整报告。）",
};

const Words k_en = {
    "perf-check report",
    "Files: %s, projects: %s; **errors: %s**, warnings: %s, infos: %s. Total funds %s 万元.",
    "Files: %s (**%s cannot be read**), projects: %s; **errors: %s**, warnings: %s, infos: %s. Total funds %s 万元.",
    "cannot be read",
    "Findings in the projects checked before reading stopped (%d):",
    "No problems found.",
    {"row", "cell", "level", "rule", "project", "indicator", "problem", "fix"},
    {"info", "warning", "error"},
    "Scores",
    {"file", "unit code", "project", "total", "grade", "budget execution"},
    "Scores by indicator",
    {"indicator", "weight", "target", "actual", "score", "working"},
    "budget execution",
    "Summary",
    "By file",
    {"file", "projects", "indicators", "errors", "warnings", "infos", "status"},
    "By unit (most problems first)",
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

void table_header(std::ostream& out, const std::vector<std::string>& headers) {
    out << '|';
    for (const auto& h : headers) out << ' ' << md(h) << " |";
    out << "\n|";
    for (std::size_t i = 0; i < headers.size(); ++i) out << "---|";
    out << '\n';
}

void table_row(std::ostream& out, const std::vector<std::string>& cells) {
    out << '|';
    for (const auto& c : cells) out << ' ' << md(c) << " |";
    out << '\n';
}

void table(std::ostream& out, const std::vector<std::string>& headers,
           const std::vector<std::vector<std::string>>& rows) {
    table_header(out, headers);
    for (const auto& r : rows) table_row(out, r);
}

// A file's line in the summary: its counts, and its findings counted as they passed.
struct FileLine {
    FileResult file;
    int errors = 0, warnings = 0, infos = 0;
};

// The report written as results arrive. The totals head the document, so everything below them waits:
// each file's table in one util::SpillBuffer until the file ends, the files in another, the scores in a
// third (memory to 1 MiB each, then unlinked temporary files), until the run ends.
class MarkdownStream final : public ReportStream {
public:
    MarkdownStream(std::ostream& out, Lang lang, bool with_summary, bool with_findings)
        : m_out(out),
          m_lang(lang),
          m_w(lang == Lang::en ? k_en : k_zh),
          m_with_summary(with_summary),
          m_with_findings(with_findings) {}

    void begin_file(const std::string& path) override {
        m_file = FileLine{FileResult{path, "", 0, 0, std::nullopt}};
        m_rows.clear();
    }
    void finding(const Finding& f) override {
        if (f.loc.file != m_file.file.path) return;  // placed in no file of the run: no table to go in
        count_severity(f.severity, m_file.errors, m_file.warnings, m_file.infos);
        if (!m_with_findings) return;
        std::string project = f.project_code;
        if (!f.project.empty()) project += (project.empty() ? "" : " ") + f.project;
        std::string problem = pick(f.message, m_lang);
        if (!f.value.empty()) problem += (m_lang == Lang::en ? "\nvalue: " : "\n值：") + f.value;
        std::ostringstream row;
        table_row(row, {row_shown(f.loc, m_lang), f.loc.cell_ref(), m_w.severity[static_cast<int>(f.severity)], f.rule,
                        project, f.indicator, problem, pick(f.hint, m_lang)});
        m_rows.append(row.str());
    }
    void end_file(const FileResult& file) override {
        m_file.file = file;
        m_files.push_back(m_file);
        if (!m_with_findings) return;
        std::ostringstream head;
        head << "\n## " << md(file.path) << "\n\n";
        if (file.error) {
            head << "**" << m_w.unreadable << "**" << (m_lang == Lang::en ? ": " : "：") << md(*file.error) << "\n";
            // The findings of the projects read before the failure stay (the totals count them).
            if (!m_rows.empty()) {
                head << "\n" << util::subst(m_w.read_before, {std::to_string(file.projects)}) << "\n\n";
                table_header(head, {std::begin(m_w.finding_headers), std::end(m_w.finding_headers)});
            }
        } else if (m_rows.empty()) {
            head << m_w.none << "\n";
        } else {
            table_header(head, {std::begin(m_w.finding_headers), std::end(m_w.finding_headers)});
        }
        m_body.append(head.str());
        if (!m_rows.drain_into(m_body)) m_lost = true;
    }
    void score(const ProjectScore& s) override {
        std::ostringstream row;
        table_row(row,
                  {s.file, s.project_code, s.project, s.total.fixed(2), s.grade, s.budget_execution.score.fixed(2)});
        m_scores.append(row.str());
        // Every score explained (SPEC §4): each indicator with its working, under the project's heading.
        std::ostringstream detail;
        const bool en = m_lang == Lang::en;
        detail << "\n### " << md(util::trim(s.project_code + " " + s.project)) << " — " << s.total.fixed(2)
               << (en ? " (" : "（") << md(s.grade) << (en ? ")" : "）") << (en ? " · " : "·") << md(s.file) << "\n\n";
        table_header(detail, {std::begin(m_w.detail_headers), std::end(m_w.detail_headers)});
        for (const auto& i : s.indicators) {
            table_row(detail,
                      {i.indicator, i.weight.str(), i.target, i.actual, i.score.fixed(2), score_working(i, m_lang)});
        }
        const BudgetExecution& b = s.budget_execution;
        table_row(detail, {m_w.budget_execution, b.weight.str(), "", execution_rate_text(b), b.score.fixed(2),
                           execution_working(b, m_lang)});
        m_score_details.append(detail.str());
    }
    void finish(const Report& rest) override {
        const Summary& s = rest.summary;
        // Unreadable files are no findings: the headline names them, or "错误 0" would read as a clean batch.
        std::vector<std::string> counts = {std::to_string(s.files),  std::to_string(s.projects),
                                           std::to_string(s.errors), std::to_string(s.warnings),
                                           std::to_string(s.infos),  money_text(s.funds_wan)};
        if (s.unreadable_files > 0) counts.insert(counts.begin() + 1, std::to_string(s.unreadable_files));
        m_out << "# " << m_w.title << "\n\n"
              << util::subst(s.unreadable_files > 0 ? m_w.totals_unreadable : m_w.totals, counts);
        // The total funds leave out what could not be read: said, or the figure looks complete.
        if (s.funds_unreadable > 0) {
            m_out << (m_lang == Lang::en ? " Not in it: " : "另有 ")
                  << funds_unreadable_note(s.funds_unreadable, m_lang) << (m_lang == Lang::en ? "." : "。");
        }
        m_out << "\n";
        if (m_with_findings) {
            if (!m_body.drain_to(m_out)) m_lost = true;
        } else {
            m_out << "\n" << m_w.findings_left_out << "\n";
        }
        if (!m_scores.empty()) {
            m_out << "\n## " << m_w.scores << "\n\n";
            table_header(m_out, {std::begin(m_w.score_headers), std::end(m_w.score_headers)});
            if (!m_scores.drain_to(m_out)) m_lost = true;
            m_out << "\n## " << m_w.score_details << "\n";
            if (!m_score_details.drain_to(m_out)) m_lost = true;
        }
        // perf-check monitor: the draft monitoring report, one heading level below our title (nothing otherwise).
        if (has_monitoring(rest)) {
            m_out << "\n";
            write_monitor_markdown(rest, m_out, 2);
        }
        if (m_with_summary || rest.with_summary || !m_with_findings) write_summary(s);
        if (m_lost) {
            m_out << (m_lang == Lang::en
                          ? "\n**Part of this report was lost: a temporary file in $TMPDIR could not be "
                            "written; run again with more space there.**\n"
                          : "\n**本报告有内容未能写出：$TMPDIR 中的临时文件写入失败，请清理空间后重新运行。**\n");
        }
    }

private:
    void write_summary(const Summary& s) {
        m_out << "\n## " << m_w.summary << "\n\n### " << m_w.per_file << "\n\n";
        std::vector<std::vector<std::string>> rows;
        for (const auto& l : m_files) {
            const FileResult& f = l.file;
            rows.push_back({f.path, std::to_string(f.projects), std::to_string(f.indicators), std::to_string(l.errors),
                            std::to_string(l.warnings), std::to_string(l.infos),
                            f.error ? std::string(m_w.unreadable) + "：" + *f.error : ""});
        }
        table(m_out, {std::begin(m_w.file_headers), std::end(m_w.file_headers)}, rows);
        m_out << "\n### " << m_w.per_unit << "\n\n";
        rows.clear();
        for (const auto& u : s.units) {
            rows.push_back({u.code.empty() ? "-" : u.code, std::to_string(u.projects),
                            funds_total_text(u.funds_wan, u.funds_unreadable, m_lang, u.repeated),
                            std::to_string(u.errors), std::to_string(u.warnings), std::to_string(u.infos)});
        }
        table(m_out, {std::begin(m_w.unit_headers), std::end(m_w.unit_headers)}, rows);
        m_out << "\n### " << md(util::subst(m_w.key_projects, {s.key_evaluation_threshold_wan.str()})) << "\n\n";
        if (s.key_projects.empty()) {
            m_out << m_w.no_key_projects << "\n";
        } else {
            rows.clear();
            for (const auto& k : s.key_projects) {
                rows.push_back({money_text(k.funds_wan), std::to_string(k.findings), k.project_code, k.project,
                                project_place(k, m_lang)});
            }
            table(m_out, {std::begin(m_w.key_headers), std::end(m_w.key_headers)}, rows);
        }
        // Projects whose funds could not be read may be ones for key evaluation: a person decides.
        if (!s.funds_to_review.empty()) {
            m_out << "\n### " << md(funds_review_title(s, m_lang)) << "\n\n";
            rows.clear();
            for (const auto& k : s.funds_to_review) {
                rows.push_back({funds_as_written(k, m_lang), std::to_string(k.findings), k.project_code, k.project,
                                project_place(k, m_lang)});
            }
            table(m_out, funds_review_headers(m_lang), rows);
        }
        if (s.repeated.empty()) return;
        m_out << "\n### " << md(repeated_title(s, m_lang)) << "\n\n";
        rows.clear();
        for (const auto& k : s.repeated) {
            rows.push_back({k.project_code, k.project, project_place(k, m_lang), first_place(k, m_lang),
                            repeated_funds_text(k, m_lang)});
        }
        table(m_out, repeated_headers(m_lang), rows);
    }

    std::ostream& m_out;
    Lang m_lang;
    const Words& m_w;
    bool m_with_summary;
    bool m_with_findings;
    FileLine m_file;
    std::vector<FileLine> m_files;
    util::SpillBuffer m_rows;
    util::SpillBuffer m_body;
    util::SpillBuffer m_scores;
    util::SpillBuffer m_score_details;
    bool m_lost = false;
};

}  // namespace

std::unique_ptr<ReportStream> make_markdown_stream(std::ostream& out, Lang lang, bool with_summary,
                                                   bool with_findings) {
    return std::make_unique<MarkdownStream>(out, lang, with_summary, with_findings);
}

std::string render_markdown(const Report& report, bool with_findings) {
    std::ostringstream out;
    MarkdownStream s(out, report.lang, report.with_summary, with_findings);
    replay(report, s);
    return out.str();
}

std::unique_ptr<Reporter> make_markdown_reporter(const ReporterOptions& /*options*/) {
    return streaming_reporter([](std::ostream& out, Lang lang, bool with_summary) {
        return make_markdown_stream(out, lang, with_summary, true);
    });
}

}  // namespace perf_check::report
