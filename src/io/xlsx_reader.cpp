// STUB — the XLSX reader is being built (issue 4); until then .xlsx inputs are a clear error.
#include "io/xlsx_reader.hpp"

namespace perf_check::io {

Expected<std::unique_ptr<ProjectSource>> open_xlsx(const std::string& path, const ReadOptions& options,
                                                   const RuleSet& rules) {
    (void)options;
    (void)rules;
    return Error{"reading .xlsx is not available in this build yet: save the sheet as CSV (UTF-8) and check that", path};
}

}  // namespace perf_check::io
