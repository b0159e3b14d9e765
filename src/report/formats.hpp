// Factory declarations, one per format file; the reporter table in reporters.cpp refers to them.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "report/reporters.hpp"

namespace perf_check::report {

std::unique_ptr<Reporter> make_text_reporter(const ReporterOptions& options);
std::unique_ptr<Reporter> make_json_reporter(const ReporterOptions& options);
/// SARIF 2.1.0 for GitHub code scanning: rules from the catalog, row-free partialFingerprints.
std::unique_ptr<Reporter> make_sarif_reporter(const ReporterOptions& options);
/// JUnit XML for GitLab/Jenkins: a suite per file, errors fail, unreadable files are <error>.
std::unique_ptr<Reporter> make_junit_reporter(const ReporterOptions& options);
/// Markdown: totals, a findings table per file, scores, and the --summary section.
std::unique_ptr<Reporter> make_markdown_reporter(const ReporterOptions& options);

// Pieces of the formats that other formats reuse or tests pin down.

/// The Markdown report as text. `with_findings` false gives the compact form (totals, scores and the
/// summary tables, no per-file findings) used when the full one would be too big (GitHub step summary).
std::string render_markdown(const Report& report, bool with_findings);

}  // namespace perf_check::report
