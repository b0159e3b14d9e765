// The workbook-level parts of an .xlsx: the sheet list, shared strings and cell number styles.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "io/row_source.hpp"
#include "io/xlsx_values.hpp"
#include "io/zip_archive.hpp"
#include "perf_check/expected.hpp"

namespace perf_check::io {

/// One <sheet> of xl/workbook.xml, in workbook order.
struct XlsxSheet {
    std::string name;
    std::string part;        ///< zip entry of its XML, e.g. "xl/worksheets/sheet1.xml"; empty if unresolved
    bool worksheet = true;   ///< false for chart sheets and dialog sheets (no cells)
    bool hidden = false;     ///< state="hidden" or "veryHidden"
};

/// The shared string table, as one text buffer and offsets (4 bytes per string beyond its text).
class SharedStrings {
public:
    [[nodiscard]] std::size_t size() const { return m_offsets.empty() ? 0 : m_offsets.size() - 1; }
    /// String `i` (< size()).
    [[nodiscard]] std::string_view at(std::size_t i) const {
        return std::string_view(m_text).substr(m_offsets[i], m_offsets[i + 1] - m_offsets[i]);
    }
    void add(std::string_view s);

private:
    std::string m_text;
    std::vector<std::uint32_t> m_offsets{0};
};

/// "xl/workbook.xml" + "worksheets/sheet1.xml" → "xl/worksheets/sheet1.xml"; absolute targets
/// ("/xl/…") are taken from the root; "../" steps up. Exposed for tests.
std::string resolve_part(std::string_view source_part, std::string_view target);

/// An open workbook: the zip, the sheet list, shared strings and styles, read once and shared by the
/// row sources of its sheets. Missing optional parts (sharedStrings.xml, styles.xml) are empty.
class XlsxWorkbook {
public:
    /// Opens `path` and reads its workbook parts. Errors name the file and the part.
    static Expected<std::shared_ptr<XlsxWorkbook>> open(const std::string& path, const ReadLimits& limits);

    [[nodiscard]] const std::string& path() const { return m_zip->path(); }
    [[nodiscard]] const ZipArchive& zip() const { return *m_zip; }
    [[nodiscard]] const std::vector<XlsxSheet>& sheets() const { return m_sheets; }
    [[nodiscard]] const SharedStrings& strings() const { return m_strings; }
    [[nodiscard]] bool date1904() const { return m_date1904; }
    [[nodiscard]] const ReadLimits& limits() const { return m_limits; }
    /// Number format of cell format (xf) index `s`; general when out of range.
    [[nodiscard]] const NumberFormat& style(std::size_t s) const {
        static const NumberFormat k_general;
        return s < m_styles.size() ? m_styles[s] : k_general;
    }

private:
    XlsxWorkbook() = default;
    Expected<bool> read_parts();

    std::unique_ptr<ZipArchive> m_zip;
    ReadLimits m_limits;
    std::vector<XlsxSheet> m_sheets;
    SharedStrings m_strings;
    std::vector<NumberFormat> m_styles;
    bool m_date1904 = false;
};

}  // namespace perf_check::io
