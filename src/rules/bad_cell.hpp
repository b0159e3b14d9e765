// bad-cell: the findings of other rules that an unreadable cell explains, and that are dropped for it.
#pragma once

#include <vector>

#include "perf_check/finding.hpp"
#include "perf_check/model.hpp"

namespace perf_check::rules {

/// Drops from `findings` (one project's, stamped) those of other rules that a cell bad-cell reported as
/// unreadable explains: findings at a formula cell saved without its result (they say the cell is
/// empty: it is not), and findings anywhere on a text row with more fields than the header (its cells
/// are shifted: they judge the wrong columns). The user is sent to the one real problem. Nothing is
/// dropped for a cell bad-cell did not report (the rule disabled, or left out for a missing column).
void drop_explained_findings(const Project& project, std::vector<Finding>& findings);

}  // namespace perf_check::rules
