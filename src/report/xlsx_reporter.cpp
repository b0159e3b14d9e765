// The xlsx report through libxlsxwriter: a workbook written to a temporary file, then copied to the stream.
#include "report/xlsx_reporter.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "io/zip_archive.hpp"
#include "report/build.hpp"
#include "report/formats.hpp"
#include "report/monitor_sections.hpp"
#include "util/fatal.hpp"
#include "util/text.hpp"

namespace perf_check::report {

namespace {

// Excel's cell limit is 32,767 UTF-16 units; counting code points, keep a margin for astral characters.
constexpr std::size_t k_max_cell_chars = 32000;
// 2024-01-01T00:00:00Z: a fixed document timestamp keeps the bytes deterministic (no wall-clock time).
constexpr time_t k_document_time = 1704067200;

const std::string& tr(const Text& t, Lang lang) { return pick(t, lang); }

Text severity_text(Severity s) {
    switch (s) {
        case Severity::error: return {"错误", "error"};
        case Severity::warning: return {"警告", "warning"};
        case Severity::info: break;
    }
    return {"提示", "info"};
}

struct Formats {
    lxw_format* header = nullptr;
    lxw_format* text = nullptr;
    lxw_format* wrap = nullptr;
    lxw_format* number = nullptr;
    lxw_format* percent = nullptr;
    lxw_format* total_text = nullptr;
    lxw_format* total_number = nullptr;
    lxw_format* total_percent = nullptr;
    lxw_format* section = nullptr;
    lxw_format* severity[3] = {nullptr, nullptr, nullptr};  // by Severity value
};

Formats make_formats(lxw_workbook* wb) {
    Formats f;
    f.header = workbook_add_format(wb);
    format_set_bold(f.header);
    format_set_pattern(f.header, LXW_PATTERN_SOLID);
    format_set_bg_color(f.header, 0xD9E1F2);
    format_set_border(f.header, LXW_BORDER_THIN);
    format_set_text_wrap(f.header);
    format_set_align(f.header, LXW_ALIGN_VERTICAL_CENTER);
    f.text = workbook_add_format(wb);
    format_set_align(f.text, LXW_ALIGN_VERTICAL_TOP);
    f.wrap = workbook_add_format(wb);
    format_set_align(f.wrap, LXW_ALIGN_VERTICAL_TOP);
    format_set_text_wrap(f.wrap);
    f.number = workbook_add_format(wb);
    format_set_align(f.number, LXW_ALIGN_VERTICAL_TOP);
    f.percent = workbook_add_format(wb);
    format_set_align(f.percent, LXW_ALIGN_VERTICAL_TOP);
    format_set_num_format(f.percent, "0.00%");
    f.total_text = workbook_add_format(wb);
    format_set_bold(f.total_text);
    format_set_top(f.total_text, LXW_BORDER_THIN);
    f.total_number = workbook_add_format(wb);
    format_set_bold(f.total_number);
    format_set_top(f.total_number, LXW_BORDER_THIN);
    f.total_percent = workbook_add_format(wb);
    format_set_bold(f.total_percent);
    format_set_top(f.total_percent, LXW_BORDER_THIN);
    format_set_num_format(f.total_percent, "0.00%");
    f.section = workbook_add_format(wb);
    format_set_bold(f.section);
    format_set_font_size(f.section, 12);
    // Excel's own "bad / neutral / good" palette: finance staff read these colours without a legend.
    const struct {
        Severity s;
        lxw_color_t bg;
        lxw_color_t fg;
    } colours[] = {{Severity::error, 0xFFC7CE, 0x9C0006}, {Severity::warning, 0xFFEB9C, 0x9C5700},
                   {Severity::info, 0xDDEBF7, 0x1F4E78}};
    for (const auto& c : colours) {
        lxw_format* fmt = workbook_add_format(wb);
        format_set_pattern(fmt, LXW_PATTERN_SOLID);
        format_set_bg_color(fmt, c.bg);
        format_set_font_color(fmt, c.fg);
        format_set_bold(fmt);
        format_set_align(fmt, LXW_ALIGN_VERTICAL_TOP);
        f.severity[static_cast<int>(c.s)] = fmt;
    }
    // A format gets its style number when first used, and rows are written as results come: number
    // them all now, in this order, so that the workbook's bytes do not depend on which row came first
    // (a run's scores arrive between its findings; a replayed report gives them after).
    for (lxw_format* fmt : {f.header, f.text, f.wrap, f.number, f.percent, f.total_text, f.total_number,
                            f.total_percent, f.section, f.severity[0], f.severity[1], f.severity[2]}) {
        lxw_format_get_xf_index(fmt);
    }
    return f;
}

// One worksheet being filled: tracks column widths, writes sanitised text and real numbers.
class Sheet {
public:
    Sheet(lxw_workbook* wb, const std::string& name, const Formats& formats)
        : m_ws(workbook_add_worksheet(wb, xlsx_cell_text(name).c_str())), m_formats(formats) {}

    [[nodiscard]] bool ok() const { return m_ws != nullptr; }

    void header(lxw_row_t row, const std::vector<std::string>& titles) {
        for (std::size_t c = 0; c < titles.size(); ++c) text(row, c, titles[c], m_formats.header);
    }
    void text(lxw_row_t row, std::size_t col, std::string_view value, lxw_format* fmt = nullptr) {
        if (value.empty() && !fmt) return;
        const std::string clean = xlsx_cell_text(value);
        worksheet_write_string(m_ws, row, static_cast<lxw_col_t>(col), clean.c_str(), fmt ? fmt : m_formats.text);
        m_widths.fit(col, clean);
    }
    void number(lxw_row_t row, std::size_t col, Decimal value, lxw_format* fmt = nullptr) {
        worksheet_write_number(m_ws, row, static_cast<lxw_col_t>(col), value.to_double(), fmt ? fmt : m_formats.number);
        m_widths.fit(col, value.str());
    }
    /// A fraction (0.3) stored as a number and shown as a percentage; `shown` ("30.00%") sizes the column.
    void percent(lxw_row_t row, std::size_t col, Decimal fraction, std::string_view shown, lxw_format* fmt) {
        worksheet_write_number(m_ws, row, static_cast<lxw_col_t>(col), fraction.to_double(), fmt);
        m_widths.fit(col, shown.empty() ? fraction.str() : shown);
    }
    void integer(lxw_row_t row, std::size_t col, long value, lxw_format* fmt = nullptr) {
        worksheet_write_number(m_ws, row, static_cast<lxw_col_t>(col), static_cast<double>(value),
                               fmt ? fmt : m_formats.number);
        m_widths.fit(col, std::to_string(value));
    }
    /// A section title: written without widening its column (it may run over the empty cells beside it).
    void label(lxw_row_t row, std::size_t col, std::string_view value, lxw_format* fmt) {
        worksheet_write_string(m_ws, row, static_cast<lxw_col_t>(col), xlsx_cell_text(value).c_str(), fmt);
    }
    void cap(std::size_t col, double width) { m_widths.cap(col, width); }
    /// A filter over rows [header_row, last_row] of `columns` columns. The workbook keeps one row per
    /// sheet in memory (constant-memory mode) and refuses a range that ends above it: call this while
    /// `last_row` is the last row written, before any row below the range.
    void filter(lxw_row_t header_row, lxw_row_t last_row, std::size_t columns) {
        if (columns == 0) return;
        worksheet_autofilter(m_ws, header_row, 0, std::max(last_row, header_row), static_cast<lxw_col_t>(columns - 1));
    }
    /// Column widths (for at least `columns` columns) and a frozen header.
    void finish(lxw_row_t header_row, std::size_t columns, lxw_format* wrap) {
        for (std::size_t c = 0; c < std::max(columns, m_widths.size()); ++c) {
            worksheet_set_column(m_ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), m_widths.width(c),
                                 m_wrapped.count(c) ? wrap : nullptr);
        }
        worksheet_freeze_panes(m_ws, header_row + 1, 0);
    }
    void wrap_column(std::size_t col) { m_wrapped.insert(col); }
    lxw_worksheet* raw() { return m_ws; }

private:
    lxw_worksheet* m_ws;
    const Formats& m_formats;
    ColumnWidths m_widths{6, 50};
    std::set<std::size_t> m_wrapped;
};

// Where a sheet's prose goes: columns capped at a width (text wraps instead of running off the screen),
// and the columns that wrap.
struct ColumnShape {
    std::vector<std::pair<std::size_t, double>> caps;
    std::vector<std::size_t> wrapped;
};

// A table written over as many worksheets as it needs. A worksheet holds 1,048,576 rows; a run with
// more (a province's tables at once) goes on over "问题清单 (2)", "(3)"… with the header repeated, rather
// than losing the rest. A block of rows (one project's scores) is never split between two sheets.
class SheetSeries {
public:
    SheetSeries(lxw_workbook* wb, const Formats& formats, std::string name, std::vector<std::string> titles,
                std::size_t rows_per_sheet, ColumnShape shape)
        : m_wb(wb),
          m_formats(formats),
          m_name(std::move(name)),
          m_titles(std::move(titles)),
          m_rows_per_sheet(rows_per_sheet),
          m_shape(std::move(shape)) {
        open();
    }
    [[nodiscard]] bool ok() const { return m_sheet && m_sheet->ok(); }
    /// Room for `rows` more rows after row(): a new sheet when this one has not enough (and holds any).
    bool reserve(std::size_t rows) {
        if (m_row > 0 && m_row + rows >= m_rows_per_sheet) open();
        return ok();
    }
    Sheet& sheet() { return *m_sheet; }
    /// The last row written on sheet() (0: the header).
    lxw_row_t& row() { return m_row; }
    void finish() {
        if (!ok()) return;
        for (const auto& [column, width] : m_shape.caps) m_sheet->cap(column, width);
        for (const std::size_t column : m_shape.wrapped) m_sheet->wrap_column(column);
        m_sheet->filter(0, m_row, m_titles.size());
        m_sheet->finish(0, m_titles.size(), m_formats.wrap);
    }

private:
    void open() {
        if (m_sheet) finish();
        ++m_count;
        m_sheet = std::make_unique<Sheet>(m_wb, m_count == 1 ? m_name : m_name + " (" + std::to_string(m_count) + ")",
                                          m_formats);
        m_row = 0;
        if (m_sheet->ok()) m_sheet->header(0, m_titles);
    }

    lxw_workbook* m_wb;
    const Formats& m_formats;
    std::string m_name;
    std::vector<std::string> m_titles;
    std::size_t m_rows_per_sheet;
    ColumnShape m_shape;
    std::unique_ptr<Sheet> m_sheet;
    lxw_row_t m_row = 0;
    int m_count = 0;
};

std::vector<std::string> titles_of(const std::vector<Text>& headers, Lang lang) {
    std::vector<std::string> titles;
    for (const auto& h : headers) titles.push_back(tr(h, lang));
    return titles;
}

SheetSeries findings_series(lxw_workbook* wb, const Formats& f, Lang lang, std::size_t rows_per_sheet) {
    const std::vector<Text> headers = {{"级别", "Severity"},   {"规则", "Rule"},          {"文件", "File"},
                                       {"行", "Row"},          {"单元格", "Cell"},        {"单位代码", "Unit code"},
                                       {"项目", "Project"},    {"指标", "Indicator"},     {"值", "Value"},
                                       {"问题说明", "Message"}, {"修改建议", "How to fix"}};
    return SheetSeries(wb, f, lang == Lang::en ? "Findings" : "问题清单", titles_of(headers, lang), rows_per_sheet,
                       {{{6, 30}, {7, 36}, {8, 30}, {9, 70}, {10, 60}}, {6, 7, 8, 9, 10}});
}

void write_finding(SheetSeries& series, const Formats& f, const Finding& fd, Lang lang) {
    if (!series.reserve(1)) return;
    Sheet& sheet = series.sheet();
    const lxw_row_t row = ++series.row();
    sheet.text(row, 0, tr(severity_text(fd.severity), lang), f.severity[static_cast<int>(fd.severity)]);
    sheet.text(row, 1, fd.rule);
    sheet.text(row, 2, fd.loc.file);
    if (fd.loc.row > 0) sheet.integer(row, 3, fd.loc.row);
    sheet.text(row, 4, fd.loc.cell_ref());
    sheet.text(row, 5, fd.project_code);
    sheet.text(row, 6, fd.project, f.wrap);
    sheet.text(row, 7, fd.indicator, f.wrap);
    sheet.text(row, 8, fd.value, f.wrap);
    sheet.text(row, 9, pick(fd.message, lang), f.wrap);
    sheet.text(row, 10, pick(fd.hint, lang), f.wrap);
}

SheetSeries scores_series(lxw_workbook* wb, const Formats& f, Lang lang, std::size_t rows_per_sheet) {
    const std::vector<Text> headers = {
        {"文件", "File"},         {"单位代码", "Unit code"}, {"项目", "Project"},         {"行", "Row"},
        {"指标", "Indicator"},    {"分值", "Weight"},        {"指标值", "Target"},        {"实际完成值", "Actual"},
        {"得分", "Score"},        {"等级", "Grade"},         {"计算公式", "Formula"},     {"计算过程", "Steps"}};
    return SheetSeries(wb, f, lang == Lang::en ? "Scores" : "评分结果", titles_of(headers, lang), rows_per_sheet,
                       {{{2, 30}, {4, 36}, {6, 24}, {7, 24}, {10, 40}, {11, 60}}, {4, 6, 7, 10, 11}});
}

// A project's rows: its indicators, budget execution, its total.
void write_score(SheetSeries& series, const Formats& f, const ProjectScore& s, Lang lang) {
    if (!series.reserve(s.indicators.size() + 2)) return;
    Sheet& sheet = series.sheet();
    lxw_row_t row = series.row();
    auto project_cells = [&](lxw_format* fmt) {
        sheet.text(row, 0, s.file, fmt);
        sheet.text(row, 1, s.project_code, fmt);
        sheet.text(row, 2, s.project, fmt);
    };
    Decimal weights;
    for (const auto& i : s.indicators) {
        ++row;
        project_cells(nullptr);
        if (i.loc.row > 0) sheet.integer(row, 3, i.loc.row);
        sheet.text(row, 4, i.indicator, f.wrap);
        sheet.number(row, 5, i.weight);
        sheet.text(row, 6, i.target, f.wrap);
        sheet.text(row, 7, i.actual, f.wrap);
        sheet.number(row, 8, i.score);
        sheet.text(row, 10, i.formula, f.wrap);
        std::vector<std::string> steps;
        for (const auto& st : i.steps) steps.push_back(pick(st, lang));
        sheet.text(row, 11, util::join(steps, "\n"), f.wrap);
        weights += i.weight;
    }
    const BudgetExecution& b = s.budget_execution;
    ++row;
    project_cells(nullptr);
    sheet.text(row, 4, lang == Lang::en ? "Budget execution rate" : "预算执行率", f.wrap);
    sheet.number(row, 5, b.weight);
    if (b.budget) sheet.number(row, 6, *b.budget);
    if (b.spent) sheet.number(row, 7, *b.spent);
    sheet.number(row, 8, b.score);
    sheet.text(row, 10, lang == Lang::en ? "min(spent / budget, 1) × weight" : "min(执行数 ÷ 预算数, 1) × 分值",
               f.wrap);
    if (b.rate) {
        worksheet_write_number(sheet.raw(), row, 11, b.rate->to_double(), f.percent);
    }
    weights += b.weight;
    ++row;
    project_cells(f.total_text);
    sheet.text(row, 3, "", f.total_text);
    sheet.text(row, 4, lang == Lang::en ? "Project total" : "项目合计", f.total_text);
    sheet.number(row, 5, weights, f.total_number);
    sheet.text(row, 6, "", f.total_text);
    sheet.text(row, 7, "", f.total_text);
    sheet.number(row, 8, s.total, f.total_number);
    sheet.text(row, 9, s.grade, f.total_text);
    sheet.text(row, 10, "", f.total_text);
    sheet.text(row, 11, "", f.total_text);
    series.row() = row;
}

// A monitoring table (perf-check monitor): numbers and percentages as numbers, prose wrapped, the 合计
// row in bold and kept out of the filter range so that sorting leaves it at the bottom.
bool write_monitor_sheet(lxw_workbook* wb, const Formats& f, const MonitorSheet& ms) {
    Sheet sheet(wb, ms.name, f);
    if (!sheet.ok()) return false;
    sheet.header(0, ms.headers);
    lxw_row_t row = 0;
    const bool has_total = ms.total_last_row && !ms.rows.empty();
    for (std::size_t i = 0; i < ms.rows.size(); ++i) {
        const bool total = ms.total_last_row && i + 1 == ms.rows.size();
        if (total) sheet.filter(0, row, ms.headers.size());
        ++row;
        for (std::size_t c = 0; c < ms.rows[i].size(); ++c) {
            const MonitorCell& cell = ms.rows[i][c];
            const bool prose = c < ms.prose.size() && ms.prose[c];
            if (cell.number && cell.percent) {
                sheet.percent(row, c, *cell.number, cell.text, total ? f.total_percent : f.percent);
            } else if (cell.number) {
                sheet.number(row, c, *cell.number, total ? f.total_number : nullptr);
            } else {
                sheet.text(row, c, cell.text, total ? f.total_text : (prose ? f.wrap : nullptr));
            }
        }
    }
    for (std::size_t c = 0; c < ms.prose.size(); ++c) {
        if (!ms.prose[c]) continue;
        sheet.cap(c, 60);
        sheet.wrap_column(c);
    }
    if (!has_total) sheet.filter(0, row, ms.headers.size());
    sheet.finish(0, ms.headers.size(), f.wrap);
    return true;
}

// Findings by severity per file they are placed in, counted as they are written.
using FileCounts = std::map<std::string, std::array<int, 3>>;

bool write_summary(lxw_workbook* wb, const Formats& f, const Report& report, FileCounts& per_file) {
    const Lang lang = report.lang;
    Sheet sheet(wb, lang == Lang::en ? "Summary" : "汇总", f);
    if (!sheet.ok()) return false;
    const std::vector<Text> file_headers = {{"文件", "File"},     {"编码", "Encoding"}, {"项目数", "Projects"},
                                            {"指标数", "Indicators"}, {"错误", "Errors"},  {"警告", "Warnings"},
                                            {"提示", "Infos"},     {"无法读取的原因", "Read error"}};
    std::vector<std::string> titles;
    for (const auto& h : file_headers) titles.push_back(tr(h, lang));
    sheet.header(0, titles);
    lxw_row_t row = 0;
    int projects = 0, indicators = 0;
    for (const auto& file : report.files) {
        ++row;
        const auto counts = per_file[file.path];
        sheet.text(row, 0, file.path);
        sheet.text(row, 1, file.encoding);
        sheet.integer(row, 2, file.projects);
        sheet.integer(row, 3, file.indicators);
        sheet.integer(row, 4, counts[static_cast<int>(Severity::error)]);
        sheet.integer(row, 5, counts[static_cast<int>(Severity::warning)]);
        sheet.integer(row, 6, counts[static_cast<int>(Severity::info)]);
        if (file.error) sheet.text(row, 7, *file.error, f.wrap);
        projects += file.projects;
        indicators += file.indicators;
    }
    sheet.filter(0, row, titles.size());  // the file rows only
    const Summary& sm = report.summary;
    ++row;
    sheet.text(row, 0, lang == Lang::en ? "Total" : "合计", f.total_text);
    sheet.text(row, 1, "", f.total_text);
    sheet.integer(row, 2, projects, f.total_number);
    sheet.integer(row, 3, indicators, f.total_number);
    sheet.integer(row, 4, sm.errors, f.total_number);
    sheet.integer(row, 5, sm.warnings, f.total_number);
    sheet.integer(row, 6, sm.infos, f.total_number);
    // Under the read errors, how many files had one: they are no findings, so the counts beside say nothing of them.
    // And how many of the projects read are repeats, counted once below: the column's sum is every project read.
    const int repeated = repeated_count(sm);
    std::vector<std::string> notes;
    if (sm.unreadable_files > 0) {
        notes.push_back(lang == Lang::en ? std::to_string(sm.unreadable_files) + " file(s) cannot be read"
                                         : std::to_string(sm.unreadable_files) + " 个文件无法读取");
    }
    if (repeated > 0) {
        notes.push_back(lang == Lang::en
                            ? "of the projects, " + std::to_string(repeated) +
                                  " given again (counted once below: " + std::to_string(sm.projects) + " projects)"
                            : "其中 " + std::to_string(repeated) + " 个是重复报送，按单位汇总只计一次（共 " +
                                  std::to_string(sm.projects) + " 个项目）");
    }
    sheet.text(row, 7, util::join(notes, lang == Lang::en ? "; " : "；"), f.total_text);

    // Per unit (单位代码), then the projects at or above the key-evaluation threshold.
    row += 2;
    sheet.label(row, 0, lang == Lang::en ? "By unit (most problems first)" : "按单位汇总（问题多的在前）", f.section);
    ++row;
    const std::vector<Text> unit_headers = {
        {"单位代码", "Unit code"},
        {"项目数", "Projects"},
        {"资金总额（万元）", "Funds (10k yuan)"},
        {"错误", "Errors"},
        {"警告", "Warnings"},
        {"提示", "Infos"},
        {"资金总额缺失或无效的项目数（未计入资金总额）", "Projects with missing or invalid funds (not in Funds)"},
        {"重复报送的项目数（只计一次）", "Projects given again (counted once)"}};
    for (std::size_t c = 0; c < unit_headers.size(); ++c) sheet.text(row, c, tr(unit_headers[c], lang), f.header);
    for (const auto& u : sm.units) {
        ++row;
        sheet.text(row, 0, u.code);
        sheet.integer(row, 1, u.projects);
        sheet.number(row, 2, u.funds_wan);
        sheet.integer(row, 3, u.errors);
        sheet.integer(row, 4, u.warnings);
        sheet.integer(row, 5, u.infos);
        sheet.integer(row, 6, u.funds_unreadable);
        sheet.integer(row, 7, u.repeated);
    }
    // The units' total: the projects counted once, and the funds of them all (which no other sheet gives).
    ++row;
    sheet.text(row, 0, lang == Lang::en ? "Total" : "合计", f.total_text);
    sheet.integer(row, 1, sm.projects, f.total_number);
    sheet.number(row, 2, sm.funds_wan, f.total_number);
    sheet.integer(row, 3, sm.errors, f.total_number);
    sheet.integer(row, 4, sm.warnings, f.total_number);
    sheet.integer(row, 5, sm.infos, f.total_number);
    sheet.integer(row, 6, sm.funds_unreadable, f.total_number);
    sheet.integer(row, 7, repeated, f.total_number);
    if (!sm.key_projects.empty()) {
        row += 2;
        sheet.label(row, 0,
                   lang == Lang::en ? "Projects for key evaluation (funds ≥ " + sm.key_evaluation_threshold_wan.str() +
                                          " × 10k yuan)"
                                    : "重点评价项目（资金总额 ≥ " + sm.key_evaluation_threshold_wan.str() + " 万元）",
                   f.section);
        ++row;
        const std::vector<Text> key_headers = {{"文件", "File"}, {"单位代码", "Unit code"}, {"项目", "Project"},
                                               {"资金总额（万元）", "Funds (10k yuan)"}, {"问题数", "Findings"}};
        for (std::size_t c = 0; c < key_headers.size(); ++c) sheet.text(row, c, tr(key_headers[c], lang), f.header);
        for (const auto& k : sm.key_projects) {
            ++row;
            sheet.text(row, 0, project_place(k, lang));
            sheet.text(row, 1, k.project_code);
            sheet.text(row, 2, k.project, f.wrap);
            sheet.number(row, 3, k.funds_wan);
            sheet.integer(row, 4, k.findings);
        }
    }
    // Projects whose funds could not be read may be ones for key evaluation: a person decides.
    if (!sm.funds_to_review.empty()) {
        row += 2;
        sheet.label(row, 0, funds_review_title(sm, lang), f.section);
        ++row;
        const std::vector<Text> review_headers = {{"文件", "File"},
                                                  {"单位代码", "Unit code"},
                                                  {"项目", "Project"},
                                                  {"资金总额（原文）", "Funds (as written)"},
                                                  {"问题数", "Findings"}};
        for (std::size_t c = 0; c < review_headers.size(); ++c) {
            sheet.text(row, c, tr(review_headers[c], lang), f.header);
        }
        for (const auto& k : sm.funds_to_review) {
            ++row;
            sheet.text(row, 0, project_place(k, lang));
            sheet.text(row, 1, k.project_code);
            sheet.text(row, 2, k.project, f.wrap);
            sheet.text(row, 3, funds_as_written(k, lang));
            sheet.integer(row, 4, k.findings);
        }
    }
    // Projects a later file gave again: counted once, in the first file.
    if (!sm.repeated.empty()) {
        row += 2;
        sheet.label(row, 0, repeated_title(sm, lang), f.section);
        ++row;
        const auto headers = repeated_headers(lang);
        for (std::size_t c = 0; c < headers.size(); ++c) sheet.text(row, c, headers[c], f.header);
        for (const auto& k : sm.repeated) {
            ++row;
            sheet.text(row, 0, k.project_code);
            sheet.text(row, 1, k.project, f.wrap);
            sheet.text(row, 2, project_place(k, lang));
            sheet.text(row, 3, first_place(k, lang));
            sheet.text(row, 4, repeated_funds_text(k, lang));
        }
    }
    sheet.cap(7, 60);
    sheet.wrap_column(7);
    sheet.finish(0, titles.size(), f.wrap);
    return true;
}

// How many bytes of rows each worksheet's temporary file holds, in sheet order (sheet1.xml, sheet2.xml…);
// nullopt when a write to one of them failed. libxlsxwriter does not check those writes, nor the copy
// of the rows into the sheet's XML when the workbook closes: with $TMPDIR full it zips a sheet cut
// short, a workbook Excel cannot open. The sizes let sheets_whole() see that after closing. (The last
// row of each sheet is written at closing: a disk that fills at exactly that row is not caught.)
std::optional<std::vector<long>> row_bytes(lxw_workbook* wb) {
    std::vector<long> bytes;
    lxw_worksheet* ws = nullptr;
    STAILQ_FOREACH(ws, wb->worksheets, list_pointers) {
        FILE* rows = ws->optimize_tmpfile;
        if (!rows) {
            bytes.push_back(0);
            continue;
        }
        if (std::fflush(rows) != 0 || std::ferror(rows)) return std::nullopt;
        bytes.push_back(std::ftell(rows));
    }
    return bytes;
}

// True when each sheet of the closed workbook at `path` is longer than the rows written for it.
bool sheets_whole(const std::string& path, const std::vector<long>& rows) {
    const auto archive = io::ZipArchive::open(path, std::numeric_limits<std::uint64_t>::max());
    if (!archive) return false;
    for (std::size_t k = 0; k < rows.size(); ++k) {
        const auto size = (*archive)->declared_size("xl/worksheets/sheet" + std::to_string(k + 1) + ".xml");
        if (!size || *size <= static_cast<std::uint64_t>(std::max(rows[k], 0L))) return false;
    }
    return true;
}

// Removes the temporary file however write() leaves, and if the run stops on another thread's fatal
// error (util::exit_fatal), which unwinds nothing, that removes it.
struct TempFile {
    std::string path;
    void set(std::string name) {
        path = std::move(name);
        util::remove_on_fatal_exit(path);
    }
    ~TempFile() {
        if (path.empty()) return;
        util::forget_on_fatal_exit(path);
        std::remove(path.c_str());
    }
};

// The workbook is written as the run goes: libxlsxwriter's constant-memory mode keeps one row per sheet
// and sends each finished row to the sheet's temporary file, so a province's findings (a million rows)
// take no more memory than one file's. Findings and scores go to their sheets as they come; the
// summary, which needs the totals, and the monitoring tables are written last.
class XlsxStream final : public ReportStream {
public:
    XlsxStream(std::ostream& out, Lang lang, std::size_t rows_per_sheet)
        : m_out(out), m_lang(lang), m_rows_per_sheet(rows_per_sheet) {
        // libxlsxwriter writes to a named file (it assembles the zip there), so the stream gets a copy.
        std::error_code ec;
        m_tmpdir = std::filesystem::temp_directory_path(ec).string();
        std::string tmpl = (std::filesystem::path(m_tmpdir) / "perf-check-report-XXXXXX").string();
        const int fd = mkstemp(tmpl.data());
        if (fd < 0) return;
        close(fd);
        m_tmp.set(tmpl);
        lxw_workbook_options options{};
        options.constant_memory = LXW_TRUE;
        // Each sheet's rows go to a temporary file of their own: in $TMPDIR like ours (libxlsxwriter's
        // default is /tmp whatever $TMPDIR says).
        options.tmpdir = m_tmpdir.empty() ? nullptr : m_tmpdir.data();
        m_wb = workbook_new_opt(m_tmp.path.c_str(), &options);
        if (!m_wb) return;
        lxw_doc_properties props{};
        props.title = const_cast<char*>(lang == Lang::en ? "perf-check report" : "绩效目标表检查报告");
        props.comments = const_cast<char*>("perf-check " PERF_CHECK_VERSION);
        props.created = k_document_time;
        workbook_set_properties(m_wb, &props);
        m_formats = make_formats(m_wb);
        m_findings.emplace(findings_series(m_wb, m_formats, lang, rows_per_sheet));
    }
    XlsxStream(const XlsxStream&) = delete;
    XlsxStream& operator=(const XlsxStream&) = delete;
    ~XlsxStream() override {
        if (m_wb) workbook_close(m_wb);  // an unfinished run: free it (the file is removed anyway)
    }

    void finding(const Finding& f) override {
        ++m_per_file[f.loc.file][static_cast<int>(f.severity)];
        if (m_findings) write_finding(*m_findings, m_formats, f, m_lang);
    }
    void score(const ProjectScore& s) override {
        if (!m_wb) return;
        // The score sheet comes into being with the first score: a check run has none.
        if (!m_scores) m_scores.emplace(scores_series(m_wb, m_formats, m_lang, m_rows_per_sheet));
        write_score(*m_scores, m_formats, s, m_lang);
    }
    // The summary sheet lists the key-evaluation projects whether or not --summary is given.
    [[nodiscard]] bool needs_key_projects() const override { return true; }
    void finish(const Report& rest) override {
        if (!m_wb) {
            m_out.setstate(std::ios::badbit);
            return;
        }
        // A sheet that could not be opened (no temporary file for its rows) took none, and rows that did
        // not reach their file are lost: the workbook would lack them, so the output fails rather than
        // pass for complete.
        bool whole = m_findings->ok() && (!m_scores || m_scores->ok());
        m_findings->finish();
        if (m_scores) m_scores->finish();
        for (const auto& ms : monitor_sheets(rest)) whole = write_monitor_sheet(m_wb, m_formats, ms) && whole;
        whole = write_summary(m_wb, m_formats, rest, m_per_file) && whole;
        const auto rows = row_bytes(m_wb);
        const lxw_error closed = workbook_close(m_wb);
        m_wb = nullptr;
        if (closed != LXW_NO_ERROR || !whole || !rows || !sheets_whole(m_tmp.path, *rows)) {
            m_out.setstate(std::ios::badbit);
            return;
        }
        std::ifstream in(m_tmp.path, std::ios::binary);
        if (!in) {
            m_out.setstate(std::ios::badbit);
            return;
        }
        // Block by block with write(), which marks the stream when the disk refuses a block: `<<` of the
        // file's rdbuf() stops at the first refused byte without a mark once some went through, and a
        // full disk gave a cut-off workbook that no program opens, and exit 1.
        std::vector<char> block(std::size_t{1} << 16);
        while (m_out && (in.read(block.data(), static_cast<std::streamsize>(block.size())) || in.gcount() > 0))
            m_out.write(block.data(), in.gcount());
        if (!in.eof()) m_out.setstate(std::ios::badbit);  // the workbook could not be read back whole
    }

private:
    std::ostream& m_out;
    Lang m_lang;
    std::size_t m_rows_per_sheet;
    std::string m_tmpdir;
    TempFile m_tmp;
    lxw_workbook* m_wb = nullptr;
    Formats m_formats;
    std::optional<SheetSeries> m_findings;
    std::optional<SheetSeries> m_scores;
    FileCounts m_per_file;
};

std::unique_ptr<Reporter> xlsx_reporter(std::size_t rows_per_sheet) {
    return streaming_reporter([rows_per_sheet](std::ostream& out, Lang lang, bool /*with_summary*/) {
        return std::make_unique<XlsxStream>(out, lang, rows_per_sheet);
    });
}

}  // namespace

std::string xlsx_cell_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    std::size_t chars = 0;
    while (pos < text.size()) {
        char32_t cp = util::next_code_point(text, pos);
        // XML 1.0 allows tab, LF, CR and U+0020 upward, minus surrogates and U+FFFE/U+FFFF.
        if (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') continue;
        if (cp == 0xFFFE || cp == 0xFFFF) continue;
        if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
        if (chars == k_max_cell_chars) {
            out += "…";
            break;
        }
        util::append_utf8(out, cp);
        ++chars;
    }
    return out;
}

void ColumnWidths::fit(std::size_t column, std::string_view text) {
    if (m_widths.size() <= column) m_widths.resize(column + 1, 0);
    std::size_t widest = 0;
    for (const auto& line : util::split(text, '\n')) widest = std::max(widest, util::display_width(line));
    // Excel's width unit is one "0" of the default font; CJK glyphs are about two of them, which is
    // what display_width counts. +2 leaves room for the filter button and cell padding.
    m_widths[column] = std::max(m_widths[column], static_cast<double>(widest) + 2);
}

void ColumnWidths::cap(std::size_t column, double max_width) {
    if (m_caps.size() <= column) m_caps.resize(column + 1, 0);
    m_caps[column] = max_width;
}

double ColumnWidths::width(std::size_t column) const {
    double w = column < m_widths.size() ? m_widths[column] : 0;
    double hi = m_max;
    if (column < m_caps.size() && m_caps[column] > 0) hi = m_caps[column];
    return std::clamp(w, m_min, std::max(m_min, hi));
}

std::unique_ptr<Reporter> make_xlsx_reporter(const ReporterOptions& /*options*/) {
    return xlsx_reporter(LXW_ROW_MAX);
}

std::unique_ptr<Reporter> make_xlsx_reporter_with_rows_per_sheet(std::size_t rows_per_sheet) {
    return xlsx_reporter(std::max<std::size_t>(rows_per_sheet, 2));
}

}  // namespace perf_check::report
