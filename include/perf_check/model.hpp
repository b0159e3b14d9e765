// The table model every stage shares: cells with their source location, indicators, projects.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "perf_check/decimal.hpp"

namespace perf_check {

/// Where a cell came from. `row` and `column` are 1-based physical positions in the file (CSV line
/// where the record starts, or the sheet row); `sheet` is empty for CSV and JSON.
struct SourceLocation {
    std::string file;
    std::string sheet;
    int row = 0;  ///< physical row: the line of a CSV, the row of a sheet
    int column = 0;
    /// A CSV row as a spreadsheet shows it, when cells with line breaks above make it differ from `row`
    /// (Excel counts records, not lines); 0 when it is `row`.
    int sheet_row = 0;

    /// "Sheet1!C12" for spreadsheet sources, "C12" for CSV (column letters from `column`, the row as a
    /// spreadsheet shows it), "" when the column is unknown.
    [[nodiscard]] std::string cell_ref() const;

    friend bool operator==(const SourceLocation&, const SourceLocation&) = default;
};

/// One cell after decoding and normalisation. `text` is normalised: trimmed of ASCII/U+3000/NBSP
/// spaces, full-width ASCII folded to half-width (digits, letters, ＞＝％ …). `raw` is the text as read
/// (decoded to UTF-8, merged-cell blanks already filled from their anchor) when normalising changed it,
/// and empty when it did not (most cells: one string fewer per cell); as_read() gives it either way.
/// `filled` is true when the value was carried down from a merged/blank cell above rather than written
/// in this row.
struct Cell {
    std::string raw;
    std::string text;
    SourceLocation loc;
    bool filled = false;

    [[nodiscard]] bool empty() const { return text.empty(); }
    /// The cell as it was read.
    [[nodiscard]] const std::string& as_read() const { return raw.empty() ? text : raw; }
    /// The cell as the user wrote it, without the spaces around it: what messages quote. (`text` folds
    /// full-width forms: “视情况，扣分” would be quoted as “视情况,扣分”, which the user's table does not
    /// hold and a search in it does not find.)
    [[nodiscard]] std::string_view shown() const;
};

/// Comparison the target asks for. `qualitative` is 定性 (no number); `none` means not stated.
enum class Comparator { none, ge, gt, le, lt, eq, qualitative };

/// Money unit of a table, from its `金额单位：万元` line (default 万元).
/// The unit a table's bare amounts (资金总额, 预算数, 执行数) are in: its 金额单位 line or header.
enum class MoneyUnit { yuan, qian_yuan, wan_yuan };

/// A calendar date written in a cell: "2024-10-31", "2024年11月20日", "2024年10月底前", "2024年底". A month
/// without a day (`whole_month`) stands for its last day: a deadline of 2024年10月 is met through 10月31日.
struct CalendarDate {
    int year = 0;   ///< 0 when the text does not write it (12月底前): the year the other side of a comparison is in
    int month = 0;  ///< 1–12
    int day = 0;    ///< 1–31; the month's last day when whole_month
    bool whole_month = false;
    friend bool operator==(const CalendarDate&, const CalendarDate&) = default;
};

/// A value cell read as (comparator, number, unit): "≥50个" → {ge, 50, "个"}, "90%" → {none, 90, "%"},
/// "有效保障" → {none, nullopt, "", text "有效保障"}.
struct Quantity {
    Comparator comparator = Comparator::none;
    std::optional<Decimal> number;
    std::string unit;  ///< canonical unit ("%" for 百分比/％, "万元", "元", "个", …); empty if none
    std::string text;  ///< the normalised cell text it was read from
    /// A date when the text is one and no number (时效指标: "≤2024年10月31日", "2024年11月底前").
    std::optional<CalendarDate> date;
};

/// A cell that could not be read as its column's type (becomes a `bad-cell` finding), or could not be
/// read at all: a formula saved without its result, or a cell of a text row with more fields than the
/// header has columns (the cells of such a row are shifted, and none is read as what it is).
struct CellProblem {
    enum class Kind {
        type,             ///< the text is not of the column's type
        unsaved_formula,  ///< a formula without a saved result: the sheet shows a value, the file holds none
        extra_fields,     ///< `cell` is the first non-empty field beyond the header's last column
    };
    std::string column;  ///< canonical column name, e.g. "备注" ("" for extra_fields)
    Cell cell;
    std::string expected;  ///< type: what the column holds, e.g. "分值（数字）"
    Kind kind = Kind::type;
    std::string formula{};   ///< unsaved_formula: as written, without "=" ("" for a shared formula's copy)
    int fields = 0;          ///< extra_fields: the row's fields up to its last non-empty one
    int header_columns = 0;  ///< extra_fields: the header's columns up to its last named one
    char separator = ',';    ///< extra_fields: the file's field separator
    std::string expected_en{};  ///< type: `expected` in English (messages in English fall back to `expected`)
};

/// One indicator row (三级指标) with its parents filled down. The table reader refills indicators in
/// place from project to project (io::TableProjectSource::next_slot): a field added here must be
/// reset there.
struct Indicator {
    Cell level1;     ///< 一级指标, e.g. 成本指标
    Cell level2;     ///< 二级指标
    Cell name;       ///< 三级指标
    Cell target;     ///< 指标值
    Cell content;    ///< 指标值内容
    Cell deduction;  ///< 评（扣分标准）
    Cell unit;       ///< 度量单位
    Cell type;       ///< 指标值类型 (≥ ≤ < > = 定性)
    Cell weight;     ///< 备注 / 分值 / 权重

    // Self-evaluation columns (empty cells when absent).
    Cell actual;     ///< 实际完成值
    Cell score;      ///< 得分 (a reviewer's score)
    Cell deviation;  ///< 偏差原因分析及改进措施

    // Derived by normalisation.
    Comparator comparator = Comparator::none;  ///< from 指标值类型, else from the value cell
    Quantity value;                            ///< target read as a quantity (unit from 度量单位 if not in the cell)
    /// 实际完成值 read as a quantity, as written (model::read_quantity; units not converted): read once here
    /// for the scorer and the self-evaluation rules, which ask for it several times per indicator. Its
    /// `text` is the cell text it was read from, so a reader can tell it from a later change of the cell.
    Quantity actual_value;
    std::optional<Decimal> weight_points;      ///< weight in points, nullopt when empty/placeholder/unreadable
    bool placeholder = false;                  ///< 三级指标 and 指标值 hold only placeholders (无, /, -, …)
    int row = 0;                               ///< physical row of the indicator
    std::vector<CellProblem> problems;         ///< cells unreadable as their column's type
    std::string level1_name;                   ///< 一级 without spaces (" 效益指标 " → "效益指标")
    std::string level2_name;                   ///< 二级 without spaces
    /// Points written in a level's name (产出指标（40分）, 数量指标(15分)): the name is without them, and
    /// weight-total checks the indicators under it add up to them. nullopt when the name states none.
    std::optional<Decimal> level1_points;
    std::optional<Decimal> level2_points;

    /// level1_name, or for an indicator that did not go through normalisation the same derived into
    /// `scratch`; likewise level2_view. The result may be `scratch` itself: give each level its own.
    /// (Cell text is trimmed: a non-empty cell has a non-empty name.)
    [[nodiscard]] const std::string& level1_view(std::string& scratch) const;
    [[nodiscard]] const std::string& level2_view(std::string& scratch) const;
    /// "一级/二级/三级" with normalised names.
    [[nodiscard]] std::string path() const;
    /// path() written over `out`, which keeps its room.
    void path_into(std::string& out) const;
};

/// A total row (合计/总计/总分) inside or after a project: never an indicator, checked against its parts.
struct TotalRow {
    std::string label;  ///< 合计 / 总计 / 总分
    Cell funds;         ///< the 资金总额 cell, when the row totals money
    Cell weight;        ///< the 备注/分值 cell, when the row totals weights
    Cell score;         ///< the 得分 cell, when the row totals a self-evaluation's scores (总分)
    int row = 0;
    bool grand = false;  ///< the whole table's total, read after this project (model::GrandTotals)
    /// 资金总额 of the table's projects up to and including this one, and how many they are (0: not
    /// known, e.g. a project's funds were unreadable): what a 总计, or a total above the first project,
    /// is compared with (model::GrandTotals::mark).
    Decimal table_funds;
    int table_projects = 0;
};

/// One project: its header cells (filled down) and its indicator rows.
struct Project {
    Cell code;   ///< 单位代码
    Cell name;   ///< 单位（专项）名称
    Cell funds;  ///< 资金总额
    Cell goal;   ///< 实施期绩效目标

    // Self-evaluation per project (empty when absent).
    Cell budget;  ///< 全年预算数 / 调整后预算数
    Cell spent;   ///< 全年执行数

    std::optional<Decimal> funds_wan;  ///< 资金总额 in 万元 (converted from 元 tables); nullopt if unreadable
    MoneyUnit money_unit = MoneyUnit::wan_yuan;
    std::string file;
    /// The sheet the project was read from ("" for CSV): a workbook of forms is read a sheet after another.
    std::string sheet;
    int first_row = 0;
    int last_row = 0;
    /// The row where the same project (code and name) started just above, when this one starts again with
    /// that project's first indicator: the block pasted twice (duplicate-project). 0 otherwise.
    int repeats_row = 0;
    /// The row where a project of the same code and name started just above, when this one gives another
    /// 资金总额: read as a project of its own, funds and all (duplicate-project). 0 otherwise.
    int namesake_row = 0;
    /// Read from the project block of the national self-evaluation form (项目名称 / 项目资金 rows above the
    /// indicators): it has no 单位代码 and no 评（扣分标准）, which are then not asked of each project.
    bool form = false;
    /// The form's 实施单位 (城关镇卫生院), as written; "" elsewhere. Forms of one name without a code are told
    /// apart by it.
    std::string implementer;
    std::vector<Indicator> indicators;
    std::vector<TotalRow> totals;
    std::vector<CellProblem> problems;  ///< project-level cells unreadable as their type
    /// 三级指标 cells of a separate actuals file (--actuals) that name no indicator of this project.
    std::vector<Cell> unmatched_actuals;
    /// Rows of that file repeating what an earlier row already gave (the first row's value is the one used).
    struct RepeatedActual {
        Cell name;  ///< the 三级指标 cell, or for a project figure a cell naming it (全年预算数 / 全年执行数)
        Cell value;                   ///< the value not used
        bool project_figure = false;  ///< 全年预算数 / 全年执行数 rather than an indicator's actual
    };
    std::vector<RepeatedActual> repeated_actuals;
};

/// What a reader learned about a whole table (one file or sheet), shared by its projects.
struct TableInfo {
    std::string file;
    std::string sheet;
    std::string encoding;  ///< "UTF-8", "UTF-8-BOM", "GB18030", "UTF-16LE", "UTF-16BE", or "" for non-text sources
    MoneyUnit money_unit = MoneyUnit::wan_yuan;
    bool money_unit_stated = false;  ///< a 金额单位 line or a money column's header named the unit (else the default)
    int header_row = 0;                       ///< physical row of the (last) header line; 0 if none found
    std::vector<std::string> missing_columns;  ///< required canonical columns not found
    /// The character a header line was separated by instead of the file's (a full-width comma "，", a
    /// semicolon): the line read as one cell naming the columns; "" when none was.
    std::string header_separator;
    /// The 全年执行数 column's header as written ("1-7月执行数", "2024年1至7月执行数"): monitoring compares the
    /// months it names with --as-of. "" without the column.
    std::string spent_header;
    /// The 实际完成值 column's header as written ("实际完成值", "截至目前完成值"): a score run warns when its
    /// actuals file names part of a year. "" without the column.
    std::string actual_header;
    int header_separator_row = 0;              ///< that line's row
    bool self_evaluation = false;              ///< actual/score columns present
    /// Read as a target table, the file is one of values: 实际完成值 or 执行数 beside none of a target table's
    /// indicator columns (一级指标, 指标值): an --actuals or --progress file among the tables. Nothing is
    /// assembled from it (its projects are no submissions); missing-column says what it is.
    bool values_only = false;
    /// XLSX read without --sheet: the later sheets that also look like a target table, which are not
    /// checked (rule sheet-not-checked).
    std::vector<std::string> other_table_sheets;
    /// For each of other_table_sheets, the required columns it lacks, joined with 、 ("" when none): why a form
    /// unlike the one read was not read with it.
    std::vector<std::string> other_table_missing;
    /// XLSX read without --sheet: the worksheets that could not be read (a damaged part), and why, in sheet
    /// order. Reported by sheet-not-checked, so that a broken sheet among a workbook's forms is not passed unsaid.
    struct UnreadableSheet {
        std::string name;
        std::string why_zh;  ///< the reading error, rendered in Chinese
        std::string why_en;  ///< and in English
    };
    std::vector<UnreadableSheet> unreadable_sheets;
    /// XLSX read without --sheet: the later sheets read after `sheet` as the same table, in sheet order (a
    /// workbook of national self-evaluation forms, one project a sheet).
    std::vector<std::string> more_sheets;
};

/// Canonical text of a Comparator: "≥", "≤", ">", "<", "=", "定性", "".
const char* comparator_symbol(Comparator c);

}  // namespace perf_check
