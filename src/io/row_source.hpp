// Rows of cells as read from a file, before any table semantics: the hand-off from readers to assembly.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "perf_check/expected.hpp"

namespace perf_check::io {

/// One physical row: decoded UTF-8 cell texts (merged-cell blanks already filled for spreadsheets that
/// say so) and the 1-based physical row where it starts (a CSV record with quoted newlines spans lines).
///
/// A row a source fills holds views into the source's own buffer, valid until the source's next
/// next(): a CSV cell is not copied out of the block it was read into (copying every cell cost a tenth
/// of reading a table). A row that must outlive that (read ahead over many rows, collected by a test) is
/// copied: a copy keeps its own text.
struct RawRow {
    std::vector<std::string_view> cells;
    int row = 0;     ///< physical line (CSV) or row number (XLSX)
    int record = 0;  ///< CSV: the row a spreadsheet shows (records counted, quoted line breaks not); 0 = `row`
    /// A formula cell saved without its result (budget systems and scripts write `<f>C5</f>` and no
    /// `<v>`; Excel and WPS compute and save it on opening): its text is "", though the sheet shows a value.
    struct UnsavedFormula {
        std::size_t column = 0;  ///< 0-based, as in `cells`
        std::string formula;     ///< as written, without "=" ("" for a shared formula's later cells)
    };
    std::vector<UnsavedFormula> unsaved_formulas;  ///< XLSX only, in column order; almost always empty
    /// Bit i set: cell i (of the first 64) holds no byte of util::is_fold_lead(), as a reader that looked
    /// at every byte found (the CSV reader); assembly then skips the scan for what to fold
    /// (model::set_plain_text). 0 (nothing known) is always right: such cells are folded the full way.
    std::uint64_t plain = 0;

    /// Whether bit `i` of `plain` is set.
    [[nodiscard]] bool plain_cell(std::size_t i) const { return i < 64 && ((plain >> i) & 1U) != 0; }

    RawRow() = default;
    RawRow(const RawRow& other) { *this = other; }
    /// The copy's cells view its own copy of the text.
    RawRow& operator=(const RawRow& other) {
        if (this == &other) return *this;
        std::size_t bytes = 0;
        for (const auto c : other.cells) bytes += c.size();
        std::vector<char> kept(bytes);  // built before m_kept goes: `other` may view it
        std::vector<std::string_view> cells;
        cells.reserve(other.cells.size());
        std::size_t at = 0;
        for (const auto c : other.cells) {
            std::copy(c.begin(), c.end(), kept.begin() + static_cast<std::ptrdiff_t>(at));
            cells.emplace_back(kept.data() + at, c.size());
            at += c.size();
        }
        this->cells = std::move(cells);
        m_kept = std::move(kept);
        row = other.row;
        record = other.record;
        unsaved_formulas = other.unsaved_formulas;
        plain = other.plain;
        return *this;
    }
    // A moved vector keeps its block: the cells' views into it stay valid.
    RawRow(RawRow&&) noexcept = default;
    RawRow& operator=(RawRow&&) noexcept = default;
    ~RawRow() = default;

private:
    std::vector<char> m_kept;  ///< a copy's text, which its cells view
};

/// A source of rows in file order.
class RowSource {
public:
    virtual ~RowSource() = default;
    /// Fills `row` and returns true; false at the end; an Error (with line) for unreadable input.
    virtual Expected<bool> next(RawRow& row) = 0;
    /// The sheet name for spreadsheets, "" for CSV.
    [[nodiscard]] virtual std::string sheet() const { return {}; }
    /// The field separator of delimited text (',' or '\t'); '\0' for spreadsheets, whose cells have
    /// their columns.
    [[nodiscard]] virtual char separator() const { return '\0'; }
    /// For a source whose text is checked as it is read (a large CSV, CsvRowSource): the error a check of
    /// the whole text finds, without moving the reader, for a reader that may stop before the end (a
    /// table without a header, or without the columns its reader needs). nullopt when it reads, and for
    /// every other source (checked before it is read, or not text).
    [[nodiscard]] virtual std::optional<Error> text_error() { return std::nullopt; }
};

/// Limits that protect the machine from hostile files; each gives a clear error naming the file and the
/// place when hit. The command line can raise or lower them (`--limit cell-bytes=8MiB`, see cli.cpp and
/// the README's Limits section); the defaults are far above any real target table.
struct ReadLimits {
    std::size_t max_cell_bytes = 1 << 22;  ///< 4 MiB in one cell (`--limit cell-bytes=`)
    std::size_t max_columns = 16384;       ///< Excel's own limit (`--limit columns=`)
    /// Unpacked size of a whole .xlsx (`--limit xlsx-bytes=`); the default is
    /// xlsx_limits::k_max_total_uncompressed (1 GiB).
    std::size_t max_xlsx_bytes = std::size_t{1} << 30;
};

}  // namespace perf_check::io
