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

}  // namespace perf_check::report
