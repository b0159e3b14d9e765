// The monitoring part of a report (perf-check monitor) in each format: the draft 绩效运行监控综合报告 for
// Markdown and HTML, a compact view for text, and the tables an xlsx workbook holds. Every function prints
// nothing when the report has no monitoring (Report::as_of empty and Report::progress empty).
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "perf_check/decimal.hpp"
#include "perf_check/report.hpp"

namespace perf_check::report {

/// True when the report comes from a monitor run (Report::as_of set or progress present).
bool has_monitoring(const Report& report);

/// Text: monitoring date and time progress, the overview, a table per department (单位代码) and the
/// projects needing rectification with their problems and suggestions. Aligned for CJK double width.
void write_monitor_text(const Report& report, std::ostream& out);

/// Markdown: the draft 绩效运行监控综合报告 — title, 一、总体情况 (overview and a table of departments),
/// 二、分单位情况 (a table of projects per 单位代码 with its total row), 三、存在的主要问题,
/// 四、需整改项目清单 (problems, suggestions, 整改期限：____ per project), 五、下一步工作建议, and a note on
/// method. `title_level` is the heading level of the title (1: "# …"); sections are one level below, so
/// a reporter that already printed its own "# " title passes 2.
void write_monitor_markdown(const Report& report, std::ostream& out, int title_level = 1);

/// HTML: the same draft as one `<section id="monitoring" class="monitoring">…</section>` fragment, with an
/// inline SVG chart of execution rate against time progress per department. Text is escaped. Its classes
/// are styled by monitor_css(), which the page's `<style>` should include once.
std::string monitor_html(const Report& report);

/// CSS for monitor_html()'s classes (all under `.monitoring`), to append inside the page's `<style>`.
const char* monitor_css();

/// One cell of a monitoring sheet: a number (write it as a numeric cell; `text` is its display form), a
/// percentage (`number` is a fraction, 0.3 for 30%: write it with a percent format) or text (`number` empty).
struct MonitorCell {
    std::string text;
    std::optional<Decimal> number;
    bool percent = false;
};

/// One worksheet's content: a name (≤ 31 characters, none of []:*?/\), a header row and data rows, each as
/// long as the header. `prose` marks the columns of long text to wrap (problems, suggestions, notes);
/// `total_last_row` says the last row is a 合计 row to set in bold.
struct MonitorSheet {
    std::string name;
    std::vector<std::string> headers;
    std::vector<std::vector<MonitorCell>> rows;
    std::vector<bool> prose;
    bool total_last_row = false;
};

/// The monitoring tables for a workbook: 监控汇总 (one row per department and a 合计 row), 项目监控 (one row
/// per project: budget, spent, rates, problems, suggestions, 整改期限) and 指标监控 (one row per quantitative
/// indicator: target, value to date, projection, at risk). Empty when the report has no monitoring.
std::vector<MonitorSheet> monitor_sheets(const Report& report);

}  // namespace perf_check::report
