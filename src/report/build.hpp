// Turning what the pipeline collected into a complete, sorted, deterministic Report.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "perf_check/report.hpp"

namespace perf_check::report {

/// What the summary needs to know of one project that was read.
struct ProjectStat {
    std::size_t file_index = 0;
    std::string file;
    std::string code;
    std::string name;
    std::optional<Decimal> funds_wan;
};

/// Sorts findings (file order as given, then row, column, rule, message), counts severities, and
/// fills the per-unit and key-evaluation parts of the summary. File order is that of report.files.
void finalize(Report& report, const std::vector<ProjectStat>& projects, Decimal key_threshold_wan);

}  // namespace perf_check::report
