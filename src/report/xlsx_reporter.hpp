// The Excel report (--format xlsx): findings, scores and a summary as a workbook finance staff can filter.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "report/reporters.hpp"

namespace perf_check::report {

/// The xlsx reporter. Sheets: 问题清单 (one row per finding; past a worksheet's 1,048,576 rows it goes on
/// over 问题清单 (2), (3)…), 评分结果 (when the report has scores: one row
/// per indicator score, then each project's 预算执行率 and total/grade rows), the monitoring tables of
/// monitor_sheets() (perf-check monitor: 监控汇总, 项目监控, 指标监控), 汇总 (per file, per unit,
/// key-evaluation projects); English names and headers with --lang en. Header rows are frozen and
/// filterable, widths fit CJK text, severity is coloured, numbers are stored as numbers. The reporter
/// streams: rows are written as results come, in libxlsxwriter's constant-memory mode (one row per
/// sheet in memory, text as inline strings), into a temporary file copied to the stream at the end; if
/// that fails (or a sheet's rows could not all be written to $TMPDIR) the stream's badbit is set. Output
/// is deterministic (fixed document timestamp, style numbers fixed up front), the same streamed or
/// replayed from a whole report, with one exception: a score run whose findings need a second sheet gets
/// its sheets in the order they filled when streamed (问题清单, 评分结果, 问题清单 (2)…), all findings
/// first when replayed (a --baseline run).
std::unique_ptr<Reporter> make_xlsx_reporter(const ReporterOptions& options = {});

/// The same with worksheets of `rows_per_sheet` rows (header included) instead of Excel's 1,048,576:
/// how tests see findings go on over 问题清单 (2), (3)… without writing a million rows.
std::unique_ptr<Reporter> make_xlsx_reporter_with_rows_per_sheet(std::size_t rows_per_sheet);

/// Text as Excel accepts it: invalid UTF-8 bytes become U+FFFD, XML-illegal control characters are
/// dropped, and text beyond Excel's 32,767 characters per cell is cut with "…".
std::string xlsx_cell_text(std::string_view text);

/// Column widths, in Excel's character units, that fit the widest text seen in each column (CJK
/// characters count double, as util::display_width measures them), within [min_width, max_width].
class ColumnWidths {
public:
    explicit ColumnWidths(double min_width = 6, double max_width = 60) : m_min(min_width), m_max(max_width) {}
    /// Notes `text` in column `column` (0-based); multi-line text counts its longest line.
    void fit(std::size_t column, std::string_view text);
    /// Caps column `column` at `max_width` (long prose columns wrap instead of growing).
    void cap(std::size_t column, double max_width);
    /// Width of column `column`.
    [[nodiscard]] double width(std::size_t column) const;
    [[nodiscard]] std::size_t size() const { return m_widths.size(); }

private:
    double m_min;
    double m_max;
    std::vector<double> m_widths;
    std::vector<double> m_caps;
};

}  // namespace perf_check::report
