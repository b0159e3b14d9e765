// Reading .xlsx workbooks (zip + sheet XML) as target tables.
#pragma once

#include <memory>
#include <string>

#include "io/open_table.hpp"
#include "perf_check/reader.hpp"

namespace perf_check::io {

/// Opens the workbook at `path`: the sheet named or numbered (1-based) by options.sheet, else the first
/// sheet whose header looks like a target table. Merged ranges are filled from their anchor cell;
/// cells carry "Sheet!C12" locations. Corrupt or hostile files are Errors, never crashes.
Expected<std::unique_ptr<ProjectSource>> open_xlsx(const std::string& path, const ReadOptions& options,
                                                   const RuleSet& rules);

}  // namespace perf_check::io
