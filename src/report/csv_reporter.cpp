// CSV: one finding per row for people who sort and filter in Excel. UTF-8 with a BOM (so Excel reads
// Chinese correctly), CRLF line ends, RFC 4180 quoting, header in the report's language. Written as
// findings arrive, so a run of any size keeps flat memory; a score run's scores follow the findings in
// the same columns (rule "score" per indicator, "score-total" per project: filter on it), then the
// unreadable files, then with --summary the summary's rows, again in the same columns (level 汇总; rule
// summary-file, summary-unit, key-project, funds-to-review, summary-total), so the findings table keeps
// its shape for tools and a person filters the 规则 column for the key-evaluation list.
#include <sstream>

#include "report/build.hpp"
#include "report/formats.hpp"
#include "util/temp_stream.hpp"
#include "util/text.hpp"

namespace perf_check::report {

namespace {

struct Words {
    const char* headers[11];
    const char* severity[3];
    const char* unreadable;
    const char* score;             // the 级别 of a score row
    const char* budget_execution;  // the 指标 of the budget execution row
    const char* total_line;        // total, grade, budget execution score
    const char* summary;           // the 级别 of a summary row
    const char* file_line;         // projects, indicators, errors, warnings, infos
    const char* unit_line;         // projects, funds, errors, warnings, infos
    const char* key_line;          // funds, threshold, findings
    const char* review_line;       // funds as written, threshold, findings
    const char* total_summary;     // files, unreadable files, projects, errors, warnings, infos, funds
};

const Words k_zh = {{"文件", "行", "单元格", "级别", "规则", "单位代码", "项目", "指标", "值", "问题", "修改建议"},
                    {"提示", "警告", "错误"},
                    "无法读取文件",
                    "得分",
                    "预算执行率",
                    "总分%s（%s），其中预算执行率得分%s",
                    "汇总",
                    "%s 个项目，%s 条指标：错误 %s，警告 %s，提示 %s",
                    "%s 个项目，资金总额（万元）%s：错误 %s，警告 %s，提示 %s",
                    "重点评价项目：资金总额 %s 万元（≥ %s 万元），问题 %s 条",
                    "资金总额“%s”缺失或无效，需人工核定是否纳入重点评价（≥ %s 万元）；问题 %s 条",
                    "共 %s 个文件（其中 %s 个无法读取），%s 个项目：错误 %s，警告 %s，提示 %s；资金总额（万元）%s"};
const Words k_en = {
    {"file", "row", "cell", "level", "rule", "unit code", "project", "indicator", "value", "problem", "fix"},
    {"info", "warning", "error"},
    "cannot read the file",
    "score",
    "budget execution",
    "total %s (%s), of which budget execution %s",
    "summary",
    "projects: %s, indicators: %s; errors: %s, warnings: %s, infos: %s",
    "projects: %s, funds (万元) %s; errors: %s, warnings: %s, infos: %s",
    "for key evaluation: funds %s 万元 (≥ %s 万元), findings: %s",
    "funds “%s” missing or invalid: decide by hand whether it is for key evaluation (≥ %s 万元); findings: %s",
    "files: %s (%s cannot be read), projects: %s; errors: %s, warnings: %s, infos: %s; funds (万元) %s"};

bool is_plain_number(std::string_view s) {
    if (s.empty()) return false;
    std::size_t i = s[0] == '-' || s[0] == '+' ? 1 : 0;
    bool digit = false;
    for (; i < s.size(); ++i) {
        if (s[i] >= '0' && s[i] <= '9') digit = true;
        else if (s[i] != '.') return false;
    }
    return digit;
}

// RFC 4180: quote fields holding a comma, quote or line break, doubling inner quotes. Cells Excel would
// run as a formula (=, +, -, @ followed by more than a number: `=8个` is a real target value) get a
// leading apostrophe, Excel's own marker for "this is text".
std::string field(std::string_view s) {
    const bool formula = !s.empty() && (s[0] == '=' || s[0] == '@' ||
                                        ((s[0] == '+' || s[0] == '-') && s.size() > 1 && !is_plain_number(s)));
    // Appended, not insert(0, "'") or "'" + s: g++ 12 warns about those (-Wrestrict, a known false alarm).
    std::string v;
    v.reserve(s.size() + 1);
    if (formula) v += '\'';
    v += s;
    return util::csv_quoted(v);
}

void row(std::ostream& out, const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) out << (i ? "," : "") << field(cells[i]);
    out << "\r\n";
}

// Rows are written as findings arrive; unreadable files (not findings, but a reviewer filtering the
// sheet must still see them) follow, once each file has been tried.
class CsvStream final : public ReportStream {
public:
    CsvStream(std::ostream& out, Lang lang, bool with_summary)
        : m_out(out), m_lang(lang), m_words(lang == Lang::en ? k_en : k_zh), m_with_summary(with_summary) {}
    void begin_file(const std::string& path) override { m_file = FileLine{FileResult{path, "", 0, 0, std::nullopt}}; }
    void end_file(const FileResult& file) override {
        m_file.file = file;
        // Only the summary's rows need them: a few numbers a file, however many projects it has.
        if (m_with_summary) m_files.push_back(m_file);
    }
    void finding(const Finding& f) override {
        if (f.loc.file == m_file.file.path) count_severity(f.severity, m_file.errors, m_file.warnings, m_file.infos);
        start();
        row(m_out, {f.loc.file, f.loc.row > 0 ? std::to_string(f.loc.row) : "", f.loc.cell_ref(),
                    m_words.severity[static_cast<int>(f.severity)], f.rule, f.project_code, f.project, f.indicator,
                    f.value, pick(f.message, m_lang), pick(f.hint, m_lang)});
    }
    void score(const ProjectScore& s) override {
        // Held until the findings are all out: one table, findings first, then the scores.
        std::ostringstream out;
        for (const auto& i : s.indicators) {
            row(out, {s.file, i.loc.row > 0 ? std::to_string(i.loc.row) : "", i.loc.cell_ref(), m_words.score, "score",
                      s.project_code, s.project, i.indicator, i.score.fixed(2), score_working(i, m_lang), ""});
        }
        row(out, {s.file, s.row > 0 ? std::to_string(s.row) : "", "", m_words.score, "score", s.project_code, s.project,
                  m_words.budget_execution, s.budget_execution.score.fixed(2),
                  execution_working(s.budget_execution, m_lang), ""});
        row(out, {s.file, s.row > 0 ? std::to_string(s.row) : "", "", m_words.score, "score-total", s.project_code,
                  s.project, "", s.total.fixed(2),
                  util::subst(m_words.total_line, {s.total.fixed(2), s.grade, s.budget_execution.score.fixed(2)}), ""});
        m_scores.append(out.str());
    }
    void finish(const Report& rest) override {
        start();
        if (!m_scores.drain_to(m_out)) {
            row(m_out, {"", "", "", m_words.severity[2], "report-incomplete", "", "", "", "",
                        m_lang == Lang::en ? "scores lost: a temporary file in $TMPDIR could not be written"
                                           : "部分评分未能写出：$TMPDIR 中的临时文件写入失败",
                        ""});
        }
        for (const auto& f : rest.files) {
            if (!f.error) continue;
            row(m_out, {f.path, "", "", m_words.severity[2], "unreadable-file", "", "", "", "",
                        std::string(m_words.unreadable) + "：" + *f.error, ""});
        }
        if (m_with_summary) write_summary(rest.summary);
    }

private:
    // A file's line in the summary: its counts, and its findings counted as they passed.
    struct FileLine {
        FileResult file;
        int errors = 0, warnings = 0, infos = 0;
    };

    // The --summary part as rows of the findings' columns: per file, per unit, the key-evaluation list,
    // the projects whose funds could not be read, and the run's totals.
    void write_summary(const Summary& s) {
        const std::string level = m_words.summary;
        const std::string threshold = s.key_evaluation_threshold_wan.str();
        for (const auto& l : m_files) {
            const FileResult& f = l.file;
            const std::string what =
                f.error ? std::string(m_words.unreadable) + "：" + *f.error
                        : util::subst(m_words.file_line,
                                      {std::to_string(f.projects), std::to_string(f.indicators),
                                       std::to_string(l.errors), std::to_string(l.warnings), std::to_string(l.infos)});
            row(m_out, {f.path, "", "", level, "summary-file", "", "", "", f.error ? "" : std::to_string(f.projects),
                        what, ""});
        }
        for (const auto& u : s.units) {
            const std::string funds = funds_total_text(u.funds_wan, u.funds_unreadable, m_lang, u.repeated);
            row(m_out, {"", "", "", level, "summary-unit", u.code, "", "", money_text(u.funds_wan),
                        util::subst(m_words.unit_line, {std::to_string(u.projects), funds, std::to_string(u.errors),
                                                        std::to_string(u.warnings), std::to_string(u.infos)}),
                        ""});
        }
        // A project's sheet, where it has one, stands in the cell column: two forms of one name in a workbook.
        for (const auto& k : s.key_projects) {
            row(m_out,
                {k.file, "", k.sheet, level, "key-project", k.project_code, k.project, "", money_text(k.funds_wan),
                 util::subst(m_words.key_line, {money_text(k.funds_wan), threshold, std::to_string(k.findings)}), ""});
        }
        for (const auto& k : s.funds_to_review) {
            const std::string funds = funds_as_written(k, m_lang);
            row(m_out, {k.file, "", k.sheet, level, "funds-to-review", k.project_code, k.project, "", funds,
                        util::subst(m_words.review_line, {funds, threshold, std::to_string(k.findings)}), ""});
        }
        for (const auto& k : s.repeated) {
            row(m_out, {k.file, "", k.sheet, level, "repeated-project", k.project_code, k.project, "",
                        repeated_funds_text(k, m_lang),
                        repeated_title(s, m_lang) + (m_lang == Lang::en ? ": first in " : "：首次出现于") +
                            first_place(k, m_lang),
                        ""});
        }
        row(m_out, {"", "", "", level, "summary-total", "", "", "", "",
                    util::subst(m_words.total_summary,
                                {std::to_string(s.files), std::to_string(s.unreadable_files),
                                 std::to_string(s.projects), std::to_string(s.errors), std::to_string(s.warnings),
                                 std::to_string(s.infos), funds_total_text(s.funds_wan, s.funds_unreadable, m_lang)}),
                    ""});
    }

    // The header goes out with the first row, so a stream that is made and dropped writes nothing.
    void start() {
        if (m_started) return;
        m_started = true;
        m_out << "\xEF\xBB\xBF";
        row(m_out, {std::begin(m_words.headers), std::end(m_words.headers)});
    }

    bool m_started = false;
    util::SpillBuffer m_scores;
    std::ostream& m_out;
    Lang m_lang;
    const Words& m_words;
    bool m_with_summary;
    FileLine m_file;
    std::vector<FileLine> m_files;
};

}  // namespace

std::unique_ptr<Reporter> make_csv_reporter(const ReporterOptions& /*options*/) {
    return streaming_reporter([](std::ostream& out, Lang lang, bool with_summary) {
        return std::make_unique<CsvStream>(out, lang, with_summary);
    });
}

}  // namespace perf_check::report
