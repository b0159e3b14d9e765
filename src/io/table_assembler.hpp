// Assembly of rows into projects: header detection (title rows, two-row headers, aliases), fill-down of
// merged-cell blanks, total rows, and normalisation — one project at a time.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "io/columns.hpp"
#include "io/form_head.hpp"
#include "io/row_source.hpp"
#include "model/normalize.hpp"
#include "perf_check/reader.hpp"
#include "perf_check/ruleset.hpp"

namespace perf_check::io {

/// What the table is expected to hold: a target table (the full set of required columns) or a
/// separate actuals/progress file (key columns and values only).
enum class TableKind { targets, actuals };

/// One project as the reading thread leaves it: its own cells (code, name, funds, goal, budget, spent)
/// and the text of the rows its indicators come from, packed into one buffer, not yet assembled.
/// Assembling (TableProjectSource::assemble) may then run on another thread: what crosses is about
/// the size of the project's CSV, not the assembled project's dozen indicators of a dozen cells each
/// (24 KB), nor its rows' hundreds of strings. Refilled in place from project to project.
class ProjectDraft {
public:
    Project head;                        ///< project-level fields; no indicators
    model::GrandTotals::Running totals;  ///< the table's funds up to and including this project

    void clear();
    /// Appends a row (its physical row number and cells).
    void add(const RawRow& row);
    [[nodiscard]] std::size_t rows() const { return m_rows.size(); }
    /// Row `i` as it was added, into `into`, whose cells view the draft's text (valid while the draft is
    /// unchanged).
    void unpack(std::size_t i, RawRow& into) const;

private:
    struct Row {
        int row = 0;
        int record = 0;
        std::size_t first_cell = 0;
        std::size_t cells = 0;
        std::uint64_t plain = 0;  ///< RawRow::plain
        bool one_apart = false;   ///< stored with the separator between cells (add())
    };
    struct Formula {
        std::size_t row = 0;  ///< index into m_rows
        RawRow::UnsavedFormula formula;
    };
    std::string m_text;                   ///< every cell's text, back to back (or one_apart)
    std::vector<std::size_t> m_cell_end;  ///< where each cell ends in m_text
    std::vector<Row> m_rows;
    std::vector<Formula> m_formulas;  ///< the rows' unsaved formulas (rare)
};

/// A project figure (全年预算数 / 全年执行数) an actuals or progress file gives again: `kept` takes `again`
/// when it has none; a different value is not dropped unsaid but recorded in `repeated` under `label`
/// (actual-unmatched reports it), the first being the one used.
void keep_first_figure(Cell& kept, const Cell& again, std::string_view label,
                       std::vector<Project::RepeatedActual>& repeated);

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
    /// Names the workbook's other sheets that look like a target table (see TableInfo).
    void set_other_table_sheets(std::vector<std::string> names, std::vector<std::string> missing,
                                std::vector<TableInfo::UnreadableSheet> unreadable) {
        m_table.other_table_sheets = std::move(names);
        m_table.other_table_missing = std::move(missing);
        m_table.unreadable_sheets = std::move(unreadable);
    }
    /// Names the sheets read after this one as the same table (see TableInfo).
    void set_more_sheets(std::vector<std::string> names) { m_table.more_sheets = std::move(names); }
    Expected<bool> next(Project& out) override;
    /// The next project's rows, read and grouped (in file order: one thread at a time).
    Expected<bool> next_draft(ProjectDraft& draft);
    /// The project of `draft`, assembled and normalised into `out` (whose indicators are refilled in
    /// place, see next_slot). Changes nothing of this source: any number of threads may assemble at once.
    void assemble(const ProjectDraft& draft, Project& out) const;

    /// Physical column index (0-based) of each canonical column found in the header.
    [[nodiscard]] const ColumnMap& columns() const { return m_columns; }
    /// True when the table is the national self-evaluation form: its project is named above the header.
    [[nodiscard]] bool is_form() const { return m_use_form; }

private:
    TableProjectSource(std::unique_ptr<RowSource> rows, const RuleSet& rules);
    Expected<bool> read_header(TableKind kind);
    [[nodiscard]] Cell cell_at(const RawRow& row, Column c) const;
    /// cell_at() written into `cell`, every field replaced, its strings' capacity kept.
    void fill_cell(Cell& cell, const RawRow& row, Column c) const;
    /// Where a row's cells are, but for their columns: the same for every cell of the row.
    struct RowPlace {
        int row = 0;
        int sheet_row = 0;
    };
    [[nodiscard]] static RowPlace place_of(const RawRow& row);
    /// fill_cell() with the row's place worked out once for all its cells (add_row fills twelve).
    void fill_cell_at(Cell& cell, const RawRow& row, Column c, RowPlace place) const;
    /// fill_cell_at() from the physical column `idx` (-1: none).
    void fill_cell_from(Cell& cell, const RawRow& row, int idx, RowPlace place) const;
    /// `cell` filled from the row when `read`, else only emptied (its text and raw).
    const Cell& read_or_clear(Cell& cell, const RawRow& row, Column c, bool read) const;
    /// True when `row` holds, in the column `funds` was read from, another amount than `funds`: both filled,
    /// and both amounts (text that is none differs from nothing).
    bool funds_differ(const Cell& funds, const RawRow& row);
    /// True when `row` writes a 绩效目标 other than the project's `goal` (a blank one differs from nothing).
    bool goal_differs(const Cell& goal, const RawRow& row);
    /// True for a row of the form, not of a project: a signature line or a note (单位负责人：…, 注：1.…) with
    /// nothing but such labels on the row, or a section heading alone on its row (一、社会保障类); a merged
    /// cell's text repeated across the row is one cell. `first`: the index of the row's first non-empty cell.
    [[nodiscard]] bool is_note_row(const RawRow& row, std::size_t first) const;
    /// The raw text of column `c` in `row`, "" when the column is absent or the row is short.
    [[nodiscard]] std::string_view raw_at(const RawRow& row, Column c) const;
    /// The row's 一级/二级/三级 as written (spaces aside), one string, into `key` (which keeps its room);
    /// "" for a row without a 三级.
    void indicator_key(const RawRow& row, std::string& key) const;
    /// True when `row`'s indicator_key() is the current project's first row's.
    bool repeats_first_indicator(const RawRow& row);
    /// Fill-down state while one project's rows are assembled.
    struct Assembly {
        Cell level1;
        Cell level2;
        std::size_t slots_used = 0;  ///< indicators of the project being assembled (see next_slot)
        /// Cells the rows could not give (unsaved formulas, extra fields), with the indicator of their row
        /// (or npos: the project's), added to the problems after normalisation (which resets them).
        std::vector<std::pair<std::size_t, CellProblem>> unread;
    };
    template <class OnRow>
    Expected<bool> read_project(Project& out, OnRow&& on_row);
    /// A further form stacked below the first (from its 项目名称 row in `row`): its project block read into
    /// m_form, up to and including its indicator header; false, and the rows handed back (m_replay), when no
    /// header follows within the block.
    Expected<bool> read_next_form(RawRow& row);
    static void refill(Project& out, const Project& head);
    void add_row(Project& p, const RawRow& row, Assembly& state) const;
    /// What `row` holds that cannot be read (see Assembly::unread), in `state`.
    void note_unread(const RawRow& row, Assembly& state) const;
    static Indicator& next_slot(Project& p, Assembly& state);
    void finish_assembly(Project& out, const Assembly& state) const;

    std::unique_ptr<RowSource> m_rows;
    const RuleSet& m_rules;
    TableInfo m_table;
    ColumnMap m_columns;
    /// The header's columns up to its last named one; with a separator (delimited text), a row with a
    /// non-empty field beyond them has more fields than the header (an unquoted separator in a cell).
    int m_header_columns = 0;
    char m_separator = '\0';
    RawRow m_row;      ///< the row being read; its vector keeps its capacity
    RawRow m_pending;  ///< a row read ahead (the first of the next project), when m_has_pending
    /// The row's 单位代码 and 名称 and a project cell it may fill in, read by read_project: cells kept from
    /// row to row, whose strings keep their room (a Cell made per project row cost a malloc and a free
    /// per long name or goal, a tenth of what reading on a thread of its own added at -j 2).
    Cell m_code;
    Cell m_name;
    Cell m_gap;
    /// A second column of the header naming the goal (实施期绩效目标 and 年度绩效目标): read where the first is
    /// blank. -1 when there is none.
    int m_goal_second = -1;
    bool m_has_pending = false;
    int m_pending_repeats = 0;  ///< the pending row starts the project above again (Project::repeats_row)
    int m_pending_namesake = 0;  ///< … names it again with other funds (Project::namesake_row)
    /// 一级/二级/三级 of the current project's first row, as written: a later row naming the project with
    /// its funds and this indicator again starts the block over.
    std::string m_first_indicator;
    std::string m_key;              ///< a later row's key, compared with m_first_indicator
    int m_rows_with_indicator = 0;  ///< 1 once a row after the current project's first holds a 三级
    bool m_done = false;
    /// Total rows above the first project (a 合计 right under the header): the table's total, handed to
    /// the last project's rows at the end of the table, when the sum it states can be compared.
    std::vector<RawRow> m_leading_totals;
    bool m_seen_project = false;
    /// The national self-evaluation form's project block, above a header without project columns; used
    /// (m_use_form) when it names the project.
    FormHead m_form;
    bool m_use_form = false;
    /// Rows read ahead by read_next_form and handed back (no indicator header below a 项目名称 row); the
    /// first is read without that test again (m_replay_plain).
    std::deque<RawRow> m_replay;
    bool m_replay_plain = false;
    TableKind m_kind = TableKind::targets;
    model::GrandTotals m_grand_totals;
};

}  // namespace perf_check::io
