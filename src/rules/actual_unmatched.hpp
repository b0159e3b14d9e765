// actual-unmatched: the finding for an actuals-file project that matches no target project.
#pragma once

#include "perf_check/finding.hpp"
#include "perf_check/model.hpp"

namespace perf_check::rules {

/// A finding (rule id and severity left for the pipeline to stamp) for a project of the actuals file
/// that no target project matched, located at its first row in the actuals file.
/// `progress`: the file is monitor's --progress (values to date, monitored), not score's --actuals.
Finding unmatched_actuals_project(const Project& actuals_project, bool progress = false);

}  // namespace perf_check::rules
