// Assembly of rows into projects: header detection (title rows, two-row headers, aliases), fill-down of
// merged-cell blanks, total rows, and normalisation — one project at a time.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "io/columns.hpp"
#include "io/row_source.hpp"
#include "model/normalize.hpp"
#include "perf_check/reader.hpp"
#include "perf_check/ruleset.hpp"

namespace perf_check::io {

/// What the table is expected to hold: a target table (the full set of required columns) or a
/// separate actuals/progress file (key columns and values only).
enum class TableKind { targets, actuals };

/// Turns a RowSource into projects. The header is looked for in the first 50 non-empty rows; rows
/// above it are title rows (a "金额单位：元" there sets the money unit). A project starts at a row whose
/// 单位代码 or 名称 is non-empty and differs from the current project's; 一级 and 二级 fill down within
/// their parent. Rows whose first non-empty cell is 合计/总计/总分/小计 become TotalRows.
class TableProjectSource final : public ProjectSource {
public:
    /// Reads up to and including the header. Errors from the row source are returned.
    static Expected<std::unique_ptr<TableProjectSource>> open(std::unique_ptr<RowSource> rows, const RuleSet& rules,
                                                               std::string file, std::string encoding,
                                                               TableKind kind = TableKind::targets);

    [[nodiscard]] const TableInfo& table() const override { return m_table; }
    Expected<bool> next(Project& out) override;

    /// Physical column index (0-based) of each canonical column found in the header.
    [[nodiscard]] const ColumnMap& columns() const { return m_columns; }

private:
    TableProjectSource(std::unique_ptr<RowSource> rows, const RuleSet& rules);
    Expected<bool> read_header(TableKind kind);
    [[nodiscard]] Cell cell_at(const RawRow& row, Column c) const;
    /// cell_at() written into `cell`, every field replaced, its strings' capacity kept.
    void fill_cell(Cell& cell, const RawRow& row, Column c) const;
    /// The raw text of column `c` in `row`, "" when the column is absent or the row is short.
    [[nodiscard]] std::string_view raw_at(const RawRow& row, Column c) const;
    void add_row(Project& p, const RawRow& row);
    Indicator& next_slot(Project& p);

    std::unique_ptr<RowSource> m_rows;
    const RuleSet& m_rules;
    TableInfo m_table;
    ColumnMap m_columns;
    std::optional<RawRow> m_pending;
    RawRow m_row;
    bool m_done = false;
    TableKind m_kind = TableKind::targets;
    Cell m_level1;
    Cell m_level2;
    std::size_t m_slots_used = 0;  ///< indicators of the project being assembled (see next_slot)
    model::GrandTotals m_grand_totals;
};

}  // namespace perf_check::io
