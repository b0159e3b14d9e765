// The default human-readable report: grouped by file and project, columns aligned for CJK double width.
// Written as results arrive (one project's findings held at a time), so a run of any size keeps flat memory.
#include <optional>
#include <sstream>

#include "report/build.hpp"
#include "report/formats.hpp"
#include "report/monitor_sections.hpp"
#include "util/temp_stream.hpp"
#include "util/text.hpp"

namespace perf_check::report {

namespace {

struct Words {
    const char* file_line;  // "{path}：{encoding}，{n} 个项目，{m} 条指标"
    const char* file_line_no_encoding;  // the same for a workbook or JSON model, which have no text encoding
    const char* joined_file[2];         // "{path}：…" of the --actuals and --progress files
    const char* unreadable;
    const char* read_before;
    const char* file_level;
    const char* funds;
    const char* headers[5];
    const char* value;
    const char* fix;
    const char* severity[3];
    const char* totals;
    const char* totals_unreadable;  // the same when some files could not be read: their number second
    const char* none;
    const char* score_title;
    const char* score_headers[5];
    const char* budget_execution;
    const char* total;
    const char* summary_title;
    const char* per_file;
    const char* per_unit;
    const char* key_projects;
    const char* file_headers[6];
    const char* unit_headers[6];
    const char* key_headers[5];
};

const Words k_zh = {
    "%s：%s，%d 个项目，%d 条指标",
    "%s：%d 个项目，%d 条指标",
    {"%s：实际完成值文件（按单位代码、项目名称、三级指标并入评分）",
     "%s：进度文件（按单位代码、项目名称、三级指标并入监控）"},
    "无法读取",
    "读取中断前已检查的 %d 个项目中发现的问题：",
    "（整个文件）",
    "资金总额",
    {"行", "单元格", "级别", "规则", "指标"},
    "值：",
    "修改：",
    {"提示", "警告", "错误"},
    "共 %d 个文件，%d 个项目：错误 %d，警告 %d，提示 %d。",
    "共 %d 个文件（其中 %d 个无法读取），%d 个项目：错误 %d，警告 %d，提示 %d。",
    "未发现问题。",
    "评分",
    {"指标", "分值", "目标值", "实际值", "得分"},
    "预算执行率",
    "总分",
    "汇总",
    "按文件：",
    "按单位（问题多的在前）：",
    "重点评价项目（资金总额 ≥ %s万元）：",
    {"文件", "项目数", "指标数", "错误", "警告", "提示"},
    {"单位代码", "项目数", "资金总额（万元）", "错误", "警告", "提示"},
    {"资金总额（万元）", "问题数", "单位代码", "项目", "文件"},
};

const Words k_en = {
    "%s: %s, projects: %d, indicators: %d",
    "%s: projects: %d, indicators: %d",
    {"%s: actuals file (joined into the scores by unit code, project and indicator)",
     "%s: progress file (joined into the monitoring by unit code, project and indicator)"},
    "cannot be read",
    "Findings in the projects checked before reading stopped (%d):",
    "(whole file)",
    "funds",
    {"row", "cell", "level", "rule", "indicator"},
    "value: ",
    "fix: ",
    {"info", "warning", "error"},
    "Files: %d, projects: %d; errors: %d, warnings: %d, infos: %d.",
    "Files: %d (%d cannot be read), projects: %d; errors: %d, warnings: %d, infos: %d.",
    "No problems found.",
    "Score",
    {"indicator", "weight", "target", "actual", "score"},
    "budget execution",
    "total",
    "Summary",
    "By file:",
    "By unit (most problems first):",
    "Projects for key evaluation (funds ≥ %s 万元):",
    {"file", "projects", "indicators", "errors", "warnings", "infos"},
    {"unit code", "projects", "funds (万元)", "errors", "warnings", "infos"},
    {"funds (万元)", "findings", "unit code", "project", "file"},
};

// A text on one line: a cell's line breaks (a goal written over three lines in Excel) as ↵, so that a
// finding's lines stay its own and aligned.
std::string one_line(std::string_view s) {
    if (s.find_first_of("\r\n") == std::string_view::npos) return std::string(s);
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\r' || s[i] == '\n') {
            out += "↵";
            if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
        } else {
            out += s[i];
        }
    }
    return out;
}

std::string pad(const std::string& s, std::size_t width) {
    const std::size_t w = util::display_width(s);
    return w >= width ? s : s + std::string(width - w, ' ');
}

// A small table whose columns are padded to the widest cell by display width (CJK counts 2).
class Table {
public:
    void add(std::vector<std::string> row) { m_rows.push_back(std::move(row)); }
    /// The rows as aligned lines (no line end), in the order added.
    [[nodiscard]] std::vector<std::string> lines(const std::string& indent) const {
        std::vector<std::size_t> widths;
        for (const auto& r : m_rows) {
            if (widths.size() < r.size()) widths.resize(r.size(), 0);
            for (std::size_t i = 0; i < r.size(); ++i) widths[i] = std::max(widths[i], util::display_width(r[i]));
        }
        std::vector<std::string> out;
        for (const auto& r : m_rows) {
            std::string line = indent;
            for (std::size_t i = 0; i < r.size(); ++i) line += (i + 1 < r.size() ? pad(r[i], widths[i] + 2) : r[i]);
            while (!line.empty() && line.back() == ' ') line.pop_back();
            out.push_back(std::move(line));
        }
        return out;
    }
    void write(std::ostream& out, const std::string& indent) const {
        for (const auto& line : lines(indent)) out << line << '\n';
    }

private:
    std::vector<std::vector<std::string>> m_rows;
};

// A file's line in the summary: its findings counted as they passed.
struct FileCounts {
    std::string path;
    std::optional<int> projects;  ///< none: the file could not be read
    int indicators = 0;
    int errors = 0;
    int warnings = 0;
    int infos = 0;
};

// The report written as results arrive. A file's line (which counts its projects) heads its findings,
// so each file's sections wait in a SpillBuffer until the file ends; scores, which follow every file,
// wait in another. A section is one project's findings in a row (a project listed twice in a file is
// two sections): memory holds one project's findings, however many a run has.
class TextStream final : public ReportStream {
public:
    TextStream(std::ostream& out, Lang lang, bool with_summary, bool colour)
        : m_out(out),
          m_lang(lang),
          m_w(lang == Lang::en ? k_en : k_zh),
          m_with_summary(with_summary),
          m_colour(colour) {}

    void begin_file(const std::string& path) override {
        m_file = FileCounts{};
        m_file.path = path;
        m_section.clear();
        m_body.clear();
    }
    void finding(const Finding& f) override {
        if (f.loc.file != m_file.path) return;  // placed in no file of the run: no section to go in
        const bool file_level = f.project_code.empty() && f.project.empty();
        std::string title = file_level ? std::string(m_w.file_level) : util::trim(f.project_code + " " + f.project);
        // Two projects of one name on two sheets (a workbook of forms without codes) are two sections.
        const bool new_sheet = !file_level && !f.loc.sheet.empty() && f.loc.sheet != m_section_sheet;
        if (!m_section.empty() && (title != m_section_title || (new_sheet && !m_section_sheet.empty())))
            write_section();
        if (title != m_section_title || new_sheet) m_section_sheet = file_level ? std::string() : f.loc.sheet;
        m_section_title = std::move(title);
        m_section.push_back(f);
        count_severity(f.severity, m_file.errors, m_file.warnings, m_file.infos);
    }
    void end_file(const FileResult& file) override {
        if (!m_section.empty()) write_section();
        m_file.projects = file.error ? std::nullopt : std::optional<int>(file.projects);
        m_file.indicators = file.indicators;
        m_files.push_back(m_file);
        if (file.error) {
            m_out << paint(file.path + (m_lang == Lang::en ? ": " : "：") + m_w.unreadable, Severity::error) << '\n'
                  << "  " << *file.error << '\n';
            // A file that fails part-way keeps the findings of the projects read before (they are counted
            // in the totals below, and every other format lists them).
            if (!m_body.empty()) {
                m_out << "  " << util::subst(m_w.read_before, {std::to_string(file.projects)}) << '\n';
                drain(m_body);
            }
            m_out << '\n';
            return;
        }
        if (file.role != FileRole::table) {
            m_out << util::subst(m_w.joined_file[file.role == FileRole::actuals ? 0 : 1], {file.path});
        } else if (file.encoding.empty()) {
            m_out << util::subst(m_w.file_line_no_encoding,
                                 {file.path, std::to_string(file.projects), std::to_string(file.indicators)});
        } else {
            m_out << util::subst(m_w.file_line, {file.path, file.encoding, std::to_string(file.projects),
                                                 std::to_string(file.indicators)});
        }
        m_out << '\n';
        if (m_body.empty()) m_out << "  " << m_w.none << '\n';
        drain(m_body);
        m_out << '\n';
    }
    void score(const ProjectScore& s) override {
        std::ostringstream text;
        write_score(s, text);
        m_scores.append(text.str());
    }
    void finish(const Report& rest) override {
        drain(m_scores);
        write_monitor_text(rest, m_out);
        if (m_with_summary || rest.with_summary) write_summary(rest.summary);
        const Summary& s = rest.summary;
        // Files that could not be read are no findings, yet the run failed on them: the last line says so,
        // or "错误 0" would read as a clean batch.
        std::vector<std::string> counts = {std::to_string(s.files), std::to_string(s.projects),
                                           std::to_string(s.errors), std::to_string(s.warnings),
                                           std::to_string(s.infos)};
        if (s.unreadable_files > 0) counts.insert(counts.begin() + 1, std::to_string(s.unreadable_files));
        m_out << util::subst(s.unreadable_files > 0 ? m_w.totals_unreadable : m_w.totals, counts) << '\n';
    }

private:
    [[nodiscard]] std::string paint(const std::string& text, Severity sev) const {
        if (!m_colour) return text;
        const char* code = sev == Severity::error ? "\x1b[31m" : sev == Severity::warning ? "\x1b[33m" : "\x1b[36m";
        return code + text + "\x1b[0m";
    }

    // What waited goes out; if its temporary file failed (a full $TMPDIR), the report says so in place.
    void drain(util::SpillBuffer& buffer) {
        if (!buffer.drain_to(m_out)) {
            m_out << (m_lang == Lang::en
                          ? "  (part of this report was lost: a temporary file in $TMPDIR could not be "
                            "written; run again with more space there)\n"
                          : "  （此处有内容未能写出：$TMPDIR 中的临时文件写入失败，请清理空间后重新运行）\n");
        }
    }

    // One project's findings: an aligned table, each row followed by the finding's message lines.
    void write_section() {
        std::ostringstream out;
        out << "\n  ■ " << m_section_title << '\n';
        Table table;
        table.add({m_w.headers[0], m_w.headers[1], m_w.headers[2], m_w.headers[3], m_w.headers[4]});
        for (const Finding& f : m_section) {
            table.add({row_shown(f.loc, m_lang), f.loc.cell_ref(), m_w.severity[static_cast<int>(f.severity)], f.rule,
                       one_line(f.indicator)});
        }
        const auto lines = table.lines("    ");
        out << lines[0] << '\n';
        for (std::size_t k = 0; k < m_section.size(); ++k) {
            const Finding& f = m_section[k];
            out << paint(lines[k + 1], f.severity) << '\n';
            out << "        " << one_line(pick(f.message, m_lang)) << '\n';
            if (!f.value.empty()) out << "        " << m_w.value << one_line(f.value) << '\n';
            if (!pick(f.hint, m_lang).empty()) out << "        " << m_w.fix << one_line(pick(f.hint, m_lang)) << '\n';
        }
        m_body.append(out.str());
        m_section.clear();
    }

    void write_score(const ProjectScore& s, std::ostream& out) const {
        const bool en = m_lang == Lang::en;
        out << "■ " << m_w.score_title << (en ? ": " : "：") << util::trim(s.project_code + " " + s.project)
            << (en ? " (" : "（") << s.file;
        // The sheet, where a workbook's sheets hold a project each (forms of one name tell apart by it).
        if (!s.sheet.empty()) out << (en ? ", sheet “" : "，工作表“") << s.sheet << "”";
        out << (en ? ") — " : "）— ") << m_w.total << " " << s.total.fixed(2) << (en ? " (" : "（") << s.grade
            << (en ? ")\n" : "）\n");
        Table table;
        table.add({m_w.score_headers[0], m_w.score_headers[1], m_w.score_headers[2], m_w.score_headers[3],
                   m_w.score_headers[4]});
        for (const auto& i : s.indicators) {
            table.add({i.indicator, i.weight.str(), i.target, i.actual, i.score.fixed(2)});
        }
        const auto& b = s.budget_execution;
        table.add({m_w.budget_execution, b.weight.str(), b.budget ? b.budget->str() : "-",
                   b.spent ? b.spent->str() : "-", b.score.fixed(2)});
        const auto lines = table.lines("    ");
        out << lines[0] << '\n';
        for (std::size_t k = 0; k < s.indicators.size(); ++k) {
            out << lines[k + 1] << '\n';
            for (const auto& step : s.indicators[k].steps) out << "        " << pick(step, m_lang) << '\n';
        }
        out << lines.back() << '\n';
        out << "        " << execution_working(b, m_lang) << '\n';
        out << '\n';
    }

    void write_summary(const Summary& s) {
        m_out << m_w.summary_title << "\n" << m_w.per_file << '\n';
        Table files;
        files.add({std::begin(m_w.file_headers), std::end(m_w.file_headers)});
        for (const auto& f : m_files) {
            files.add({f.path, f.projects ? std::to_string(*f.projects) : m_w.unreadable,
                       f.projects ? std::to_string(f.indicators) : "", std::to_string(f.errors),
                       std::to_string(f.warnings), std::to_string(f.infos)});
        }
        files.write(m_out, "  ");
        m_out << m_w.per_unit << '\n';
        Table units;
        units.add({m_w.unit_headers[0], m_w.unit_headers[1], m_w.unit_headers[2], m_w.unit_headers[3],
                   m_w.unit_headers[4], m_w.unit_headers[5]});
        for (const auto& u : s.units) {
            units.add({u.code.empty() ? "-" : u.code, std::to_string(u.projects),
                       funds_total_text(u.funds_wan, u.funds_unreadable, m_lang, u.repeated), std::to_string(u.errors),
                       std::to_string(u.warnings), std::to_string(u.infos)});
        }
        // The units' total: the projects counted once and the funds of all (no other line of the text gives them).
        units.add({m_lang == Lang::en ? "Total" : "合计", std::to_string(s.projects),
                   funds_total_text(s.funds_wan, s.funds_unreadable, m_lang, repeated_count(s)),
                   std::to_string(s.errors), std::to_string(s.warnings), std::to_string(s.infos)});
        units.write(m_out, "  ");
        m_out << util::subst(m_w.key_projects, {s.key_evaluation_threshold_wan.str()}) << '\n';
        Table keys;
        keys.add({m_w.key_headers[0], m_w.key_headers[1], m_w.key_headers[2], m_w.key_headers[3], m_w.key_headers[4]});
        for (const auto& k : s.key_projects) {
            keys.add({money_text(k.funds_wan), std::to_string(k.findings), k.project_code, k.project,
                      project_place(k, m_lang)});
        }
        keys.write(m_out, "  ");
        // Projects whose funds could not be read may be ones for key evaluation: a person decides.
        if (!s.funds_to_review.empty()) {
            m_out << funds_review_title(s, m_lang) << (m_lang == Lang::en ? ":" : "：") << '\n';
            Table review;
            review.add(funds_review_headers(m_lang));
            for (const auto& k : s.funds_to_review) {
                review.add({funds_as_written(k, m_lang), std::to_string(k.findings), k.project_code, k.project,
                            project_place(k, m_lang)});
            }
            review.write(m_out, "  ");
        }
        if (!s.repeated.empty()) {
            m_out << repeated_title(s, m_lang) << (m_lang == Lang::en ? ":" : "：") << '\n';
            Table repeated;
            repeated.add(repeated_headers(m_lang));
            for (const auto& k : s.repeated) {
                repeated.add({k.project_code, k.project, project_place(k, m_lang), first_place(k, m_lang),
                              repeated_funds_text(k, m_lang)});
            }
            repeated.write(m_out, "  ");
        }
        m_out << '\n';
    }

    std::ostream& m_out;
    Lang m_lang;
    const Words& m_w;
    bool m_with_summary;
    bool m_colour;
    FileCounts m_file;
    std::vector<FileCounts> m_files;
    std::string m_section_title;
    std::string m_section_sheet;  ///< the sheet of the section's project findings
    std::vector<Finding> m_section;
    util::SpillBuffer m_body;
    util::SpillBuffer m_scores;
};

}  // namespace

std::unique_ptr<Reporter> make_text_reporter(const ReporterOptions& options) {
    const bool colour = options.colour;
    return streaming_reporter([colour](std::ostream& out, Lang lang, bool with_summary) {
        return std::make_unique<TextStream>(out, lang, with_summary, colour);
    });
}

}  // namespace perf_check::report
