// Factory declarations, one per format file; the reporter table in reporters.cpp refers to them.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "report/reporters.hpp"

namespace perf_check::report {

/// Makes a format's stream writing to `out`.
using MakeStream = std::function<std::unique_ptr<ReportStream>(std::ostream& out, Lang lang, bool with_summary)>;
/// A reporter for a format that streams: stream() is `make`, and write() replays the whole report
/// through it, so both ways are one code path. `carries_summary` false: the format has no place for
/// --summary (Reporter::carries_summary).
std::unique_ptr<Reporter> streaming_reporter(MakeStream make, bool carries_summary = true);

std::unique_ptr<Reporter> make_text_reporter(const ReporterOptions& options);
std::unique_ptr<Reporter> make_json_reporter(const ReporterOptions& options);
/// SARIF 2.1.0 for GitHub code scanning: rules from the catalog, row-free partialFingerprints.
std::unique_ptr<Reporter> make_sarif_reporter(const ReporterOptions& options);
/// JUnit XML for GitLab/Jenkins: a suite per file, errors fail, unreadable files are <error>.
std::unique_ptr<Reporter> make_junit_reporter(const ReporterOptions& options);
/// GitHub workflow commands (::error/::warning/::notice), at most 10 errors and 10 warnings; appends a
/// Markdown summary to $GITHUB_STEP_SUMMARY when the environment sets it.
std::unique_ptr<Reporter> make_github_reporter(const ReporterOptions& options);
/// Markdown: totals, a findings table per file, scores, and the --summary section.
std::unique_ptr<Reporter> make_markdown_reporter(const ReporterOptions& options);
/// GitLab Code Quality JSON (error → major, warning → minor, info → info, unreadable file → blocker).
std::unique_ptr<Reporter> make_gitlab_reporter(const ReporterOptions& options);
/// CSV for Excel: UTF-8 with BOM, CRLF, RFC 4180 quoting, one finding per row.
std::unique_ptr<Reporter> make_csv_reporter(const ReporterOptions& options);
/// One self-contained HTML page (inline CSS/JS/SVG): totals, charts, filterable findings, key projects.
std::unique_ptr<Reporter> make_html_reporter(const ReporterOptions& options);

// Pieces of the formats that other formats reuse or tests pin down.

/// The Markdown report written to `out` as results arrive (see render_markdown for `with_findings`).
std::unique_ptr<ReportStream> make_markdown_stream(std::ostream& out, Lang lang, bool with_summary, bool with_findings);

/// The Markdown report as text. `with_findings` false gives the compact form (totals, scores and the
/// summary tables, no per-file findings) used when the full one would be too big (GitHub step summary).
std::string render_markdown(const Report& report, bool with_findings);

/// The github reporter appending its Markdown summary to `step_summary_path` ("" for none) instead of
/// the file named by GITHUB_STEP_SUMMARY.
std::unique_ptr<Reporter> make_github_reporter_with_summary(std::string step_summary_path);

/// Workflow-command escaping of a message: % → %25, CR → %0D, LF → %0A.
std::string github_escape_data(std::string_view s);
/// Workflow-command escaping of a property value (file, title): as data, plus : → %3A and , → %2C.
std::string github_escape_property(std::string_view s);

}  // namespace perf_check::report
