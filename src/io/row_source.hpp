// Rows of cells as read from a file, before any table semantics: the hand-off from readers to assembly.
#pragma once

#include <string>
#include <vector>

#include "perf_check/expected.hpp"

namespace perf_check::io {

/// One physical row: decoded UTF-8 cell texts (merged-cell blanks already filled for spreadsheets that
/// say so) and the 1-based physical row where it starts (a CSV record with quoted newlines spans lines).
struct RawRow {
    std::vector<std::string> cells;
    int row = 0;
};

/// A source of rows in file order.
class RowSource {
public:
    virtual ~RowSource() = default;
    /// Fills `row` and returns true; false at the end; an Error (with line) for unreadable input.
    virtual Expected<bool> next(RawRow& row) = 0;
    /// The sheet name for spreadsheets, "" for CSV.
    [[nodiscard]] virtual std::string sheet() const { return {}; }
};

/// Limits that protect the machine from hostile files; each gives a clear error when hit.
struct ReadLimits {
    std::size_t max_cell_bytes = 1 << 22;  ///< 4 MiB in one cell
    std::size_t max_columns = 16384;       ///< Excel's own limit
};

}  // namespace perf_check::io
