// Test support: every row of one worksheet of an .xlsx, as XlsxRowSource yields them.
#pragma once

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "io/xlsx_sheet.hpp"
#include "io/xlsx_workbook.hpp"

namespace perf_check::test {

/// The rows of sheet `sheet` (0-based) of the workbook at `path`, read into one reused RawRow as the
/// assembler reads them; the test fails on any error.
inline std::vector<io::RawRow> sheet_rows(const std::string& path, std::size_t sheet = 0) {
    auto wb = io::XlsxWorkbook::open(path, io::ReadLimits{});
    if (!wb) FAIL(wb.error().render());
    auto rows = io::XlsxRowSource::open(*wb, sheet);
    if (!rows) FAIL(rows.error().render());
    std::vector<io::RawRow> out;
    io::RawRow row;
    for (int guard = 0; guard < 100000; ++guard) {
        auto got = (*rows)->next(row);
        if (!got) FAIL(got.error().render());
        if (!*got) break;
        out.push_back(row);
    }
    return out;
}

}  // namespace perf_check::test
