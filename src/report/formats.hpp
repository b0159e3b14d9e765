// Factory declarations, one per format file; the reporter table in reporters.cpp refers to them.
#pragma once

#include <memory>

#include "report/reporters.hpp"

namespace perf_check::report {

std::unique_ptr<Reporter> make_text_reporter(const ReporterOptions& options);
std::unique_ptr<Reporter> make_json_reporter(const ReporterOptions& options);

}  // namespace perf_check::report
