// The rows of one worksheet, streamed from its XML with merged ranges filled from their anchor cells.
#pragma once

#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "io/row_source.hpp"
#include "io/xlsx_workbook.hpp"
#include "io/sheet_scanner.hpp"
#include "io/xml_stream.hpp"

namespace perf_check::io {

/// One merged range, 1-based and inclusive.
struct MergedRange {
    int first_row = 0;
    int first_column = 0;
    int last_row = 0;
    int last_column = 0;
};

/// Yields the rows of one worksheet in sheet order: cell texts as a person sees them (shared and inline
/// strings, numbers without float noise, dates as YYYY-MM-DD in date-formatted cells, TRUE/FALSE,
/// formula results) at their column positions, and RawRow::row the 1-based sheet row. Every cell of a
/// merged range holds its anchor's (top-left) text.
///
/// <mergeCells> follows <sheetData> in the sheet XML, so the sheet is read twice: a first pass
/// decompresses the part and scans its bytes for the <mergeCells> tag, parsing only that element (at most
/// xlsx_limits::k_max_merged_ranges ranges); then the rows are streamed one at a time, the parser paused
/// after each </row>. This costs a second decompression of the sheet (not a second XML parse) and holds
/// only one row and the range list in memory, whatever the size of the sheet. Only rows present in the
/// XML are yielded (Excel omits empty rows).
class XlsxRowSource final : public RowSource {
public:
    /// Opens sheet `index` (0-based, into workbook->sheets()). Errors: a chart sheet, a sheet whose part
    /// is missing or unlisted, and anything wrong in its merged ranges' pass.
    static Expected<std::unique_ptr<XlsxRowSource>> open(const std::shared_ptr<const XlsxWorkbook>& workbook,
                                                         std::size_t index);
    ~XlsxRowSource() override;

    Expected<bool> next(RawRow& row) override;
    [[nodiscard]] std::string sheet() const override { return m_name; }
    /// The merged ranges read in the first pass, sorted by first row then first column.
    [[nodiscard]] const std::vector<MergedRange>& merged_ranges() const { return m_merges; }

private:
    class Handler;
    XlsxRowSource() = default;

    std::shared_ptr<const XlsxWorkbook> m_workbook;  // outlives the entry stream it opened
    std::string m_name;
    std::vector<MergedRange> m_merges;
    std::string m_part;
    std::unique_ptr<Handler> m_handler;
    std::unique_ptr<ZipEntryStream> m_entry;
    // The rows come from the fast reader, or from expat once it gave up (read_with_expat). Declared
    // after the two above: destroyed first, they refer to them.
    std::unique_ptr<SheetScanner> m_fast;
    std::unique_ptr<XmlStream> m_xml;
    int m_last_yielded = 0;  // the sheet row of the last row next() handed out
    bool m_done = false;

    Expected<bool> read_with_expat();
};

}  // namespace perf_check::io
