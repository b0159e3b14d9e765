// Header detection and row-to-project assembly for CSV and spreadsheet tables.
#include "io/table_assembler.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <set>
#include <utility>

#include "model/normalize.hpp"
#include "util/text.hpp"

namespace perf_check::io {

namespace {

constexpr int k_header_search_rows = 50;

bool row_empty(const RawRow& row) {
    return std::all_of(row.cells.begin(), row.cells.end(), [](std::string_view c) { return util::is_blank(c); });
}

// Columns a row's cells name, by physical index: the first cell naming a column, unless it names it by a weak
// name (is_weak_header) and a later one by another (单位名称 then 项目名称; 备注 then 分值).
ColumnMap header_matches(const RawRow& row, int& count) {
    ColumnMap map;
    count = 0;
    for (std::size_t i = 0; i < row.cells.size(); ++i) {
        const auto col = match_header(row.cells[i]);
        if (!col) continue;
        const auto c = static_cast<std::size_t>(*col);
        const bool weak = is_weak_header(row.cells[i]);
        if (map.has(*col) && !(map.weak[c] && !weak)) continue;
        if (!map.has(*col)) ++count;
        map.at(*col) = static_cast<int>(i);
        map.weak[c] = weak;
    }
    return map;
}

// The row's fields up to its last non-empty one.
int named_columns(const RawRow& row) {
    for (std::size_t i = row.cells.size(); i > 0; --i) {
        if (!util::is_blank(row.cells[i - 1])) return static_cast<int>(i);
    }
    return 0;
}

bool is_total_label(std::string_view text) {
    // Every label is two to four CJK characters, perhaps spaced out: longer cells are never labels.
    if (text.size() > 48) return false;
    // Each starts with 合, 总 or 小 (folding changes none of them): other cells are rejected without a copy.
    const std::string_view head = util::trim_view(text);
    if (!util::starts_with(head, "合") && !util::starts_with(head, "总") && !util::starts_with(head, "小")) return false;
    const std::string t = util::strip_spaces(util::fold(text));
    return t == "合计" || t == "总计" || t == "总分" || t == "小计" || t == "合计分值";
}

// Labels that open a line of the form rather than a project: a signature line below the table (单位负责人：张三
// 填表人：李四 联系电话：…), a note (注：1.指标值类型填写…). Each is followed by a colon in such a line.
constexpr std::string_view k_note_labels[] = {
    "注",         "说明",       "备注",     "填表说明",     "填报说明", "单位负责人", "财务负责人",
    "项目负责人", "部门负责人", "负责人",   "填表人",       "填报人",   "制表人",     "审核人",
    "复核人",     "经办人",     "联系人",   "联系电话",     "电话",     "填表日期",   "填报日期",
    "制表日期",   "日期",       "单位盖章", "单位（盖章）", "填报单位", "填表单位",   "编制单位",
};

// True when `text` (a row's first non-empty cell) is a label of k_note_labels then a colon (注 also before a
// numbered list: 注1.).
bool is_note_label(std::string_view text) {
    const std::string_view t = util::trim_view(text);
    // Most first cells are a code or an indicator level: no colon where a label's would be, and no 注. (The
    // longest label and its colon: seven characters of three bytes.)
    constexpr std::size_t k_label_bytes = std::size_t{3} * 7;
    const std::string_view head = t.substr(0, k_label_bytes);
    if (head.find("：") == std::string_view::npos && head.find(':') == std::string_view::npos &&
        !util::starts_with(t, "注"))
        return false;
    for (const std::string_view label : k_note_labels) {
        if (!util::starts_with(t, label)) continue;
        const std::string_view rest = util::trim_view(t.substr(label.size()));
        if (util::starts_with(rest, "：") || util::starts_with(rest, ":")) return true;
        if (label == "注" && !rest.empty() && rest[0] >= '0' && rest[0] <= '9') return true;
    }
    return false;
}

// True when `text` opens with a section number in Chinese numerals: 一、社会保障类, 十二．…, （三）….
bool is_section_heading(std::string_view text) {
    std::string_view t = util::trim_view(text);
    const bool bracketed = util::starts_with(t, "（") || util::starts_with(t, "(");
    if (bracketed) t.remove_prefix(util::starts_with(t, "（") ? std::string_view("（").size() : 1);
    static constexpr std::string_view k_numerals = "一二三四五六七八九十";
    constexpr std::size_t k_numeral = std::string_view("一").size();
    std::size_t digits = 0;
    while (digits < 3 * k_numeral && t.size() >= digits + k_numeral) {
        const std::size_t at = k_numerals.find(t.substr(digits, k_numeral));
        if (at == std::string_view::npos || at % k_numeral != 0) break;
        digits += k_numeral;
    }
    if (digits == 0) return false;
    const std::string_view after = t.substr(digits);
    if (bracketed) return util::starts_with(after, "）") || util::starts_with(after, ")");
    return util::starts_with(after, "、") || util::starts_with(after, "．") || util::starts_with(after, ".");
}

// True when the row under a header only labels its columns: letters naming them for a formula ((A), （B）,
// B/A, A-B) and words such as 原因分析 or 改进措施, as the national form's second header line has them
// (实施期绩效目标 | 年度指标值 | 实际完成值 over （A） | （B） | 原因分析). Read as a project's row, it was an
// indicator with no level and a target of (A): five false findings.
bool is_column_labels(const RawRow& row) {
    int letters = 0;
    for (const std::string_view raw : row.cells) {
        const std::string cell = util::strip_spaces(util::fold(raw));
        if (cell.empty()) continue;
        if (util::ends_with(cell, "分析") || util::ends_with(cell, "措施") || util::ends_with(cell, "说明")) continue;
        bool has_letter = false;
        for (const char c : cell) {
            const bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            if (!letter && std::string_view("()-+/*").find(c) == std::string_view::npos) return false;
            has_letter = has_letter || letter;
        }
        // A letter's formula is short: "A", "(B/A)"; a word of Latin letters (a code, "N/A") is a value.
        if (!has_letter || cell.size() > 8) return false;
        ++letters;
    }
    return letters > 0;
}

// True when `text` is a form's title line: its name (项目支出绩效自评表, 部门整体支出绩效目标申报表) or its year
// ((2024年度), 2024年). Between forms stacked in one sheet, the next form's title lines stood under the one
// above as indicators with no level.
bool is_form_title(std::string_view text) {
    const std::string t = util::strip_spaces(util::fold(text));
    if (util::ends_with(t, "表") && util::contains(t, "绩效") && t.size() <= std::size_t{3} * 20) return true;
    std::string_view y = t;
    if (util::starts_with(y, "(") && util::ends_with(y, ")")) y = y.substr(1, y.size() - 2);
    if (y.size() < 4 || !std::all_of(y.begin(), y.begin() + 4, [](char c) { return c >= '0' && c <= '9'; }))
        return false;
    y.remove_prefix(4);
    return y == "年度" || y == "年";
}

// Another cell of a header row naming the goal than the one `map` reads it from (实施期绩效目标 beside 年度绩效
// 目标), or -1.
int second_goal_column(const RawRow& row, const ColumnMap& map) {
    for (std::size_t i = 0; i < row.cells.size(); ++i) {
        if (static_cast<int>(i) != map[Column::goal] && match_header(row.cells[i]) == Column::goal)
            return static_cast<int>(i);
    }
    return -1;
}

// The 全年执行数 and 实际完成值 headers of a header row, as written, for the period they name ("1-7月执行数"):
// a later header row's replace an earlier's.
void note_period_headers(const RawRow& row, const ColumnMap& map, TableInfo& table) {
    for (auto [column, header] :
         {std::pair{Column::spent, &table.spent_header}, std::pair{Column::actual, &table.actual_header}}) {
        if (map.has(column)) *header = util::trim(row.cells[static_cast<std::size_t>(map[column])]);
    }
}

// A header typed with full-width commas ends up as one cell holding "单位代码，单位（专项）名称，…"; one saved
// with semicolons (Excel in a European locale) likewise. The separator, or "" when the row is no such header.
std::string wrong_separator(const RawRow& row) {
    int non_empty = 0;
    std::string_view only;
    for (const auto c : row.cells) {
        if (!util::strip_spaces(c).empty()) {
            ++non_empty;
            only = c;
        }
    }
    if (non_empty != 1) return {};
    for (const std::string_view separator : {"，", "；", ";", "|", "、"}) {
        if (util::contains(only, separator) && header_names_in(only, separator) >= 3) return std::string(separator);
    }
    return {};
}

}  // namespace

void keep_first_figure(Cell& kept, const Cell& again, std::string_view label,
                       std::vector<Project::RepeatedActual>& repeated) {
    if (kept.empty()) {
        kept = again;
        return;
    }
    if (again.empty() || again.text == kept.text) return;
    Cell name = again;  // where the repeat is, named by the figure
    name.text.assign(label);
    name.raw.clear();
    repeated.push_back({std::move(name), again, true});
}

void ProjectDraft::clear() {
    m_text.clear();
    m_cell_end.clear();
    m_rows.clear();
    m_formulas.clear();
}

void ProjectDraft::add(const RawRow& row) {
    for (const auto& f : row.unsaved_formulas) m_formulas.push_back({m_rows.size(), f});
    const std::size_t n = row.cells.size();
    const std::size_t first = m_cell_end.size();
    m_cell_end.resize(first + n);
    std::size_t* const ends = m_cell_end.data() + first;
    // A CSV record split in the read buffer (most rows) has its cells one separator apart: its bytes are
    // copied at once, separators and all, and each cell is found by where it ends. Cell by cell, the
    // copy was a seventh of the reading thread's work at -j 2 on one file. The ends are worked out as the
    // cells are found one apart (one pass, not a test of every cell and then the ends), and again the
    // other way for a row whose cells are not.
    const auto at = [](std::string_view c) { return reinterpret_cast<std::uintptr_t>(c.data()); };
    const std::size_t base = m_text.size();
    bool one_apart = n > 0;
    if (one_apart) {
        const std::uintptr_t begin = at(row.cells.front());
        std::uintptr_t next = begin;  // where the next cell starts when it is one apart
        for (std::size_t c = 0; c < n; ++c) {
            const std::string_view cell = row.cells[c];
            if (at(cell) != next) {
                one_apart = false;
                break;
            }
            next += cell.size() + 1;
            ends[c] = base + (next - 1 - begin);
        }
        if (one_apart) m_text.append(row.cells.front().data(), next - 1 - begin);
    }
    m_rows.push_back({row.row, row.record, first, n, row.plain, one_apart});
    if (one_apart) return;
    for (std::size_t c = 0; c < n; ++c) {
        m_text += row.cells[c];
        ends[c] = m_text.size();
    }
}

void ProjectDraft::unpack(std::size_t i, RawRow& into) const {
    const Row& r = m_rows[i];
    into.row = r.row;
    into.record = r.record;
    into.plain = r.plain;
    into.cells.resize(r.cells);
    into.unsaved_formulas.clear();
    if (!m_formulas.empty()) {
        // add() appends formulas in row order: row i's are one run, found by halving (a scan of all of
        // them for every row was quadratic in a project of many rows of formulas saved without their
        // results).
        auto f = std::lower_bound(m_formulas.begin(), m_formulas.end(), i,
                                  [](const Formula& formula, std::size_t row) { return formula.row < row; });
        for (; f != m_formulas.end() && f->row == i; ++f) into.unsaved_formulas.push_back(f->formula);
    }
    std::size_t begin = r.first_cell == 0 ? 0 : m_cell_end[r.first_cell - 1];
    const std::size_t gap = r.one_apart ? 1 : 0;
    const char* const text = m_text.data();
    const std::size_t* const ends = m_cell_end.data() + r.first_cell;
    std::string_view* const cells = into.cells.data();
    for (std::size_t c = 0; c < r.cells; ++c) {
        const std::size_t end = ends[c];
        cells[c] = std::string_view(text + begin, end - begin);  // within m_text: add() made the ends
        begin = end + gap;
    }
}

TableProjectSource::TableProjectSource(std::unique_ptr<RowSource> rows, const RuleSet& rules)
    : m_rows(std::move(rows)), m_rules(rules) {}

Expected<std::unique_ptr<TableProjectSource>> TableProjectSource::open(std::unique_ptr<RowSource> rows,
                                                                        const RuleSet& rules, std::string file,
                                                                        std::string encoding, TableKind kind) {
    std::unique_ptr<TableProjectSource> src(new TableProjectSource(std::move(rows), rules));
    src->m_table.file = std::move(file);
    src->m_table.encoding = std::move(encoding);
    src->m_table.sheet = src->m_rows->sheet();
    src->m_separator = src->m_rows->separator();
    src->m_kind = kind;
    auto ok = src->read_header(kind);
    if (!ok) return ok.error();
    return src;
}

Expected<bool> TableProjectSource::read_header(TableKind kind) {
    RawRow row;
    int seen = 0;
    std::string unit_from_titles;
    std::string unit_from_header;  // "资金总额（元）" wins over the title rows
    while (seen < k_header_search_rows) {
        auto got = m_rows->next(row);
        if (!got) return got.error();
        if (!*got) break;
        if (row_empty(row)) continue;
        ++seen;
        int count = 0;
        ColumnMap map = header_matches(row, count);
        const bool has_key = map.has(Column::level3) || map.has(Column::name) || map.has(Column::target);
        if (count >= 3 && has_key) {
            m_columns = map;
            m_goal_second = second_goal_column(row, map);
            m_table.header_row = row.row;
            m_header_columns = named_columns(row);
            note_period_headers(row, map, m_table);
            // 资金总额（元）, or in an actuals file 全年预算数（元） / 全年执行数（元）.
            for (const Column money : {Column::funds, Column::budget, Column::spent}) {
                if (!map.has(money) || !unit_from_header.empty()) continue;
                unit_from_header = money_unit_in(row.cells[static_cast<std::size_t>(map[money])]);
            }
            // A second header row (the "绩效指标" group split into 一级/二级/三级…) completes the first.
            RawRow second;
            auto got2 = m_rows->next(second);
            if (!got2) return got2.error();
            if (*got2) {
                int count2 = 0;
                const ColumnMap map2 = header_matches(second, count2);
                if (count2 >= 2) {
                    for (std::size_t c = 0; c < k_column_count; ++c) {
                        // The second row's name for a column, unless it is weak beside the first row's.
                        if (map2.index[c] < 0 || (map2.weak[c] && m_columns.index[c] >= 0 && !m_columns.weak[c]))
                            continue;
                        m_columns.index[c] = map2.index[c];
                        m_columns.weak[c] = map2.weak[c];
                    }
                    note_period_headers(second, map2, m_table);
                    m_table.header_row = second.row;
                    m_header_columns = std::max(m_header_columns, named_columns(second));
                    if (m_goal_second < 0) m_goal_second = second_goal_column(second, m_columns);
                } else if (is_column_labels(second)) {
                    m_table.header_row = second.row;  // the header's own line: no project's row
                } else {
                    m_pending = std::move(second);
                    m_has_pending = true;
                }
            }
            break;
        }
        if (m_table.header_separator.empty()) {
            m_table.header_separator = wrong_separator(row);
            if (!m_table.header_separator.empty()) m_table.header_separator_row = row.row;
        }
        for (const auto& c : row.cells) {
            const std::string u = money_unit_in(c);
            if (!u.empty()) unit_from_titles = u;
        }
        if (kind == TableKind::targets) {
            const RowPlace place = place_of(row);
            m_form.see(row, [&](Cell& cell, std::size_t i) { fill_cell_from(cell, row, static_cast<int>(i), place); });
        }
    }
    // The national self-evaluation form names its one project above the indicators, not in columns: the
    // columns it has no need of are not missing.
    m_use_form =
        m_table.header_row > 0 && m_form.found() && !m_columns.has(Column::code) && !m_columns.has(Column::name);
    const auto given_by_form = [&](Column c) {
        if (!m_use_form) return false;
        switch (c) {
            case Column::code:
            case Column::name:
                return true;
            case Column::funds:
                return !m_form.funds().empty();
            case Column::goal:
                return !m_form.goal().empty();
            // The form scores by the rule set's defaults: it has no column for a text of its own.
            case Column::deduction:
                return m_columns.has(Column::actual);
            default:
                return false;
        }
    };
    // A line split by another character explains a header not found; above a header that was found it is a
    // note or title that happens to list column names (备注：单位代码、项目名称、资金总额…).
    if (m_table.header_row > 0) {
        m_table.header_separator.clear();
        m_table.header_separator_row = 0;
    }
    const std::string unit = unit_from_header.empty() ? unit_from_titles : unit_from_header;
    m_table.money_unit = model::money_unit_named(unit);
    m_table.money_unit_stated = !unit.empty();
    for (const auto& spec : column_specs()) {
        // An actuals or progress file needs the project's name, and 三级指标 to place the values it gives per
        // indicator; one of project figures only (预算数, 1-7月执行数) is whole without it.
        // And one that names indicators needs their values: 三级指标 without 实际完成值 (a header written
        // otherwise, 实际完成情况 once) gave every indicator no actual, scored 0, without a word on the header.
        // (A file of 得分 alone is refused too: every indicator would be scored 0 as having no actual.)
        const bool required =
            kind == TableKind::targets
                ? spec.required
                : (spec.column == Column::name ||
                   (spec.column == Column::level3 && (m_columns.has(Column::actual) || m_table.header_row == 0)) ||
                   (spec.column == Column::actual && m_columns.has(Column::level3)));
        if (required && !m_columns.has(spec.column) && !given_by_form(spec.column))
            m_table.missing_columns.emplace_back(spec.canonical);
    }
    m_table.self_evaluation = m_columns.has(Column::actual) || m_columns.has(Column::score) ||
                              m_columns.has(Column::spent);
    m_table.values_only = kind == TableKind::targets && m_table.header_row > 0 &&
                          (m_columns.has(Column::actual) || m_columns.has(Column::spent)) &&
                          !m_columns.has(Column::level1) && !m_columns.has(Column::target);
    // Nothing to assemble without a header, nor from a file of values (its projects would hide the tables'
    // own in a summary: counted first, without funds, the targets' copies were repeats).
    if (m_table.header_row == 0 || m_table.values_only) m_done = true;
    // A table read no further (no header), or whose reader may stop here (an actuals or progress file, or a
    // conversion, without the columns they need), is known to be text only when its text is checked
    // whole: a large CSV's is otherwise checked as it is read (io::TextCheck).
    if (m_done || !m_table.missing_columns.empty()) {
        if (auto unreadable = m_rows->text_error()) return *unreadable;
    }
    return true;
}

void TableProjectSource::indicator_key(const RawRow& row, std::string& key) const {
    key.clear();
    if (util::is_blank(raw_at(row, Column::level3))) return;  // a row without an indicator starts nothing over
    for (const Column c : {Column::level1, Column::level2, Column::level3}) {
        util::append_without_spaces(key, raw_at(row, c));
        key += '\x1f';
    }
}

bool TableProjectSource::repeats_first_indicator(const RawRow& row) {
    indicator_key(row, m_key);
    return m_key == m_first_indicator;
}

bool TableProjectSource::funds_differ(const Cell& funds, const RawRow& row) {
    // The column the project's funds were read from.
    const int idx = funds.loc.column - 1;
    if (funds.empty() || idx < 0 || static_cast<std::size_t>(idx) >= row.cells.size() ||
        util::is_blank(row.cells[static_cast<std::size_t>(idx)]))
        return false;
    fill_cell_from(m_gap, row, idx, place_of(row));
    // 4,500.00 and 4500.0 are one amount; text that is none ("—", "120（其中财政拨款100）") says nothing of
    // another project (a diff review found a fully filled export split at a "—").
    const auto a = model::money_wan(m_gap.text, m_table.money_unit);
    const auto b = model::money_wan(funds.text, m_table.money_unit);
    return a && b && *a != *b;
}

bool TableProjectSource::goal_differs(const Cell& goal, const RawRow& row) {
    if (util::is_blank(raw_at(row, Column::goal))) return false;
    fill_cell(m_gap, row, Column::goal);
    return !goal.empty() && m_gap.text != goal.text;
}

bool TableProjectSource::is_note_row(const RawRow& row, std::size_t first) const {
    // Such a line starts among the project columns, left of 一级指标: most rows (an indicator's, its levels
    // merged above) start further right and are answered here. In 一级指标's column a numbered heading
    // (二、产出指标 on a row of its own) heads the indicators below, which fill down from it.
    const int level1 = m_columns[Column::level1];
    if (level1 >= 0 && static_cast<int>(first) >= level1) return false;
    const std::string_view head = row.cells[first];
    // A code (most projects' first rows) is not one either: every label and heading starts with a CJK
    // character or a bracket.
    const std::string_view trimmed = util::trim_view(head);
    const bool title = is_form_title(head);  // (2024年度), 2024年度
    if (static_cast<unsigned char>(trimmed.front()) < 0x80 && trimmed.front() != '(' && !title) return false;
    const bool label = is_note_label(head);
    if (!label && !is_section_heading(head) && !title) return false;
    // Nothing else on the row but more labels (填表人：李四 beside 单位负责人：张三, in whichever columns) or the
    // same text again (a note merged across the sheet, its text in every cell); a heading stands alone.
    for (std::size_t j = first + 1; j < row.cells.size(); ++j) {
        const std::string_view c = row.cells[j];
        if (util::is_blank(c) || c == head || (label && is_note_label(c))) continue;
        return false;
    }
    return true;
}

std::string_view TableProjectSource::raw_at(const RawRow& row, Column c) const {
    const int idx = m_columns[c];
    if (idx < 0 || static_cast<std::size_t>(idx) >= row.cells.size()) return {};
    return row.cells[static_cast<std::size_t>(idx)];
}

Cell TableProjectSource::cell_at(const RawRow& row, Column c) const {
    Cell cell;
    fill_cell(cell, row, c);
    return cell;
}

const Cell& TableProjectSource::read_or_clear(Cell& cell, const RawRow& row, Column c, bool read) const {
    if (read) {
        fill_cell(cell, row, c);
    } else {
        cell.text.clear();  // all a cell not read is asked: that it is empty
        cell.raw.clear();
    }
    return cell;
}

TableProjectSource::RowPlace TableProjectSource::place_of(const RawRow& row) {
    return {row.row, row.record > 0 && row.record != row.row ? row.record : 0};
}

void TableProjectSource::fill_cell(Cell& cell, const RawRow& row, Column c) const {
    const RowPlace place = place_of(row);
    fill_cell_at(cell, row, c, place);
    // 实施期绩效目标 and 年度绩效目标 side by side, one left empty: the goal is the other's.
    if (c == Column::goal && m_goal_second >= 0 && cell.empty()) fill_cell_from(cell, row, m_goal_second, place);
}

// Inline in add_row's loop over the twelve cells of an indicator (a call per cell cost more than its
// place; callgrind).
inline void TableProjectSource::fill_cell_at(Cell& cell, const RawRow& row, Column c, RowPlace place) const {
    fill_cell_from(cell, row, m_columns[c], place);
}

inline void TableProjectSource::fill_cell_from(Cell& cell, const RawRow& row, int idx, RowPlace place) const {
    // Cells of the table being checked leave the file empty: it is the project's file, and every
    // finding and score takes it from there. Cells of a separate actuals file must name theirs.
    if (m_kind == TableKind::actuals)
        cell.loc.file.assign(m_table.file);
    else
        cell.loc.file.clear();
    if (cell.loc.sheet != m_table.sheet) cell.loc.sheet.assign(m_table.sheet);  // (the same, row after row)
    cell.loc.row = place.row;
    cell.loc.sheet_row = place.sheet_row;
    cell.filled = false;
    cell.loc.column = idx < 0 ? 0 : idx + 1;
    if (idx >= 0 && static_cast<std::size_t>(idx) < row.cells.size()) {
        const auto at = static_cast<std::size_t>(idx);
        if (row.cells[at].empty()) {  // half the cells of a table (merged blanks, unused columns)
            cell.text.clear();
            cell.raw.clear();
        } else if (row.plain_cell(at))
            model::set_plain_text(cell, row.cells[at]);
        else
            model::set_text(cell, row.cells[at]);
    } else {
        cell.text.clear();
        cell.raw.clear();
    }
}

namespace {

// Where each indicator column goes.
constexpr std::array<std::pair<Cell Indicator::*, Column>, 12> k_indicator_cells = {{
    {&Indicator::level1, Column::level1},
    {&Indicator::level2, Column::level2},
    {&Indicator::name, Column::level3},
    {&Indicator::target, Column::target},
    {&Indicator::content, Column::content},
    {&Indicator::deduction, Column::deduction},
    {&Indicator::unit, Column::unit},
    {&Indicator::type, Column::type},
    {&Indicator::weight, Column::weight},
    {&Indicator::actual, Column::actual},
    {&Indicator::score, Column::score},
    {&Indicator::deviation, Column::deviation},
}};

}  // namespace

// The project passed to next() is the previous one (the pipeline reads every project into the same
// object): its indicators are refilled in place rather than built anew, so their cells' strings keep
// their capacity and assembling a row allocates nothing in the steady state. add_row overwrites every
// cell (fill_cell replaces all of a Cell's fields); what normalisation derives is reset here, and
// normalize_indicator sets it again. A field added to Indicator must be reset here too (the test
// "a refilled indicator keeps nothing of the last project" in table_assembler_test.cpp checks those
// there are now).
Indicator& TableProjectSource::next_slot(Project& p, Assembly& state) {
    if (state.slots_used == p.indicators.size()) return p.indicators.emplace_back();
    Indicator& slot = p.indicators[state.slots_used];
    slot.comparator = Comparator::none;
    slot.value = Quantity{};
    slot.actual_value = Quantity{};
    slot.weight_points.reset();
    slot.placeholder = false;
    slot.row = 0;
    slot.problems.clear();
    slot.level1_name.clear();
    slot.level2_name.clear();
    return slot;
}

void TableProjectSource::note_unread(const RawRow& row, Assembly& state) const {
    // The row's indicator, when add_row makes it one: the slot it is about to fill.
    const std::size_t indicator = state.slots_used;
    for (const auto& f : row.unsaved_formulas) {
        for (const auto& spec : column_specs()) {
            if (m_columns[spec.column] != static_cast<int>(f.column)) continue;
            CellProblem problem;
            problem.kind = CellProblem::Kind::unsaved_formula;
            problem.column = spec.canonical;
            problem.cell = cell_at(row, spec.column);
            problem.formula = f.formula;
            state.unread.emplace_back(indicator, std::move(problem));
            break;
        }
    }
    if (m_separator == '\0' || m_header_columns == 0) return;
    // Only the fields beyond the header's are looked at (most rows have none, or empty ones): empty fields
    // after the header's (Excel writes them) are no more.
    const auto header = static_cast<std::size_t>(m_header_columns);
    if (row.cells.size() <= header ||
        std::all_of(row.cells.begin() + static_cast<std::ptrdiff_t>(header), row.cells.end(),
                    [](std::string_view c) { return util::is_blank(c); }))
        return;
    const int fields = named_columns(row);
    CellProblem problem;
    problem.kind = CellProblem::Kind::extra_fields;
    problem.fields = fields;
    problem.header_columns = m_header_columns;
    problem.separator = m_separator;
    if (m_kind == TableKind::actuals) problem.cell.loc.file = m_table.file;
    problem.cell.loc.sheet = m_table.sheet;
    const RowPlace place = place_of(row);
    problem.cell.loc.row = place.row;
    problem.cell.loc.sheet_row = place.sheet_row;
    for (std::size_t i = static_cast<std::size_t>(m_header_columns); i < row.cells.size(); ++i) {
        if (util::is_blank(row.cells[i])) continue;
        problem.cell.loc.column = static_cast<int>(i) + 1;
        model::set_text(problem.cell, row.cells[i]);
        break;
    }
    state.unread.emplace_back(indicator, std::move(problem));
}

void TableProjectSource::add_row(Project& p, const RawRow& row, Assembly& state) const {
    p.last_row = std::max(p.last_row, row.row);  // a leading total row comes last, from above
    note_unread(row, state);
    // Total rows: the first non-empty cell says 合计/总计/总分.
    for (const auto& c : row.cells) {
        if (util::is_blank(c)) continue;
        if (is_total_label(c)) {
            for (auto& entry : state.unread) {
                if (entry.first == state.slots_used) entry.first = std::string::npos;
            }
            TotalRow t;
            t.label = util::strip_spaces(util::fold(c));
            t.funds = cell_at(row, Column::funds);
            t.weight = cell_at(row, Column::weight);
            t.score = cell_at(row, Column::score);
            t.row = row.row;
            p.totals.push_back(t);
            return;
        }
        break;
    }
    Indicator& ind = next_slot(p, state);
    ind.row = row.row;
    const RowPlace place = place_of(row);
    for (const auto& [member, column] : k_indicator_cells) fill_cell_at(ind.*member, row, column, place);
    const bool has_indicator = !ind.level1.empty() || !ind.level2.empty() || !ind.name.empty() ||
                               !ind.target.empty() || !ind.deduction.empty() || !ind.weight.empty() ||
                               !ind.actual.empty();
    if (!has_indicator) {  // the slot is handed out again for the next row; what it could not read is the project's
        for (auto& entry : state.unread) {
            if (entry.first == state.slots_used) entry.first = std::string::npos;
        }
        return;
    }
    ++state.slots_used;
    // Merged cells arrive blank: 一级 fills down within the project, 二级 within its 一级. What fills down
    // is the text; a filled cell keeps its own place (copying whole cells, places and all, cost more
    // than the rest of assembling the row).
    const auto carry_text = [](Cell& to, const Cell& from) {
        to.text = from.text;
        if (from.raw.empty())
            to.raw.clear();  // most cells (inline; the assignment is a call)
        else
            to.raw = from.raw;
    };
    if (ind.level1.empty()) {
        carry_text(ind.level1, state.level1);
        ind.level1.filled = !state.level1.empty();
    } else if (ind.level1.text != state.level1.text) {
        carry_text(state.level1, ind.level1);
        state.level2.text.clear();  // a new 一级 starts its 二级 afresh
        state.level2.raw.clear();
    }
    // The same 一级 again (a merged cell the spreadsheet fills on every row, or an export that repeats it)
    // is the same parent: a blank 二级 below it continues the one above.
    if (ind.level2.empty()) {
        carry_text(ind.level2, state.level2);
        ind.level2.filled = !state.level2.empty();
    } else {
        carry_text(state.level2, ind.level2);
    }
}

// Reads the next project's rows: fills `out`'s project-level cells and hands each of its non-empty rows
// to `on_row`, in order. False at the end of the table. next() assembles the rows as they come;
// next_draft() keeps them for assemble() on another thread.
template <class OnRow>
Expected<bool> TableProjectSource::read_project(Project& out, OnRow&& on_row) {
    if (m_done) return false;
    out.file = m_table.file;
    out.sheet = m_table.sheet;
    out.money_unit = m_table.money_unit;
    bool started = false;
    RawRow& row = m_row;
    while (true) {
        bool plain = false;  // a row handed back by read_next_form: no form's start
        if (m_has_pending) {
            std::swap(row, m_pending);  // both keep their strings' capacity
            m_has_pending = false;
        } else if (!m_replay.empty()) {
            std::swap(row, m_replay.front());
            m_replay.pop_front();
            plain = std::exchange(m_replay_plain, false);
        } else {
            auto got = m_rows->next(row);
            if (!got) return got.error();
            if (!*got) {
                m_done = true;
                break;
            }
        }
        // A signature line, a note or a section heading between or below the projects is no project's.
        // The row's first non-empty cell: none on an empty row; a total row's label; a note's.
        std::size_t first = 0;
        while (first < row.cells.size() && util::is_blank(row.cells[first])) ++first;
        if (first == row.cells.size() || is_note_row(row, first)) continue;
        // Forms stacked in one sheet: a 项目名称 row below the first form's indicators starts the next.
        if (m_use_form && !plain && FormHead::starts_form(row)) {
            auto next_form = read_next_form(row);
            if (!next_form) return next_form.error();
            // A form: this project ends above it, and the next starts at the row below its header.
            if (*next_form && started) break;
            continue;  // that row, or the rows handed back as this project's
        }
        // Most rows (merged-cell exports) leave 单位代码 and 名称 blank: read them as cells only when not.
        const bool names_project = !util::is_blank(raw_at(row, Column::code)) || !util::is_blank(raw_at(row, Column::name));
        const bool need_cells = names_project || !started;  // a project's first row keeps their places
        const Cell& code = read_or_clear(m_code, row, Column::code, need_cells);
        const Cell& name = read_or_clear(m_name, row, Column::name, need_cells);
        const bool is_total = is_total_label(row.cells[first]);
        if (is_total && !started && !m_seen_project) {
            // Above every project: not a project of its own (it used to become one named 合计).
            m_leading_totals.push_back(row);
            continue;
        }
        // A row names another project by a name, or a code, that differs from the current one's; a blank one
        // says nothing (exports that repeat 单位代码 on every row but write 名称 once, or the reverse). A code
        // beside the project's own name completes a project that had none.
        const bool other_name = !name.empty() && name.text != out.name.text;
        const bool other_code = !code.empty() && code.text != out.code.text &&
                                !(out.code.empty() && !name.empty() && name.text == out.name.text);
        // The project's code with no name beside it, but a 资金总额 of its own, unlike the project's: the next
        // project of the same unit, its name left out (it was merged into the one above: its funds and
        // indicators counted there, and no project-name-missing). A 绩效目标 alone does not say so: a goal
        // may run on over a second row.
        const bool own_cells =
            started && !other_code && name.empty() && !code.empty() && !is_total && funds_differ(out.funds, row);
        // The project's code and name again, with a 资金总额 unlike its own: another project under the same
        // name (or a block pasted and its amount changed). Merged, its funds were lost from the unit's total
        // and the key-evaluation list (a review found a 4,500万元 project gone so); read apart, and
        // duplicate-project says so.
        // Another amount alone is no other project (a vertical breakdown 120 / 100 / 20 of one project's funds,
        // code and name on every row): its goal differs too, or its indicators start over (a block pasted and
        // its amount changed).
        const bool namesake = started && !other_code && !other_name && !name.empty() && !is_total &&
                              m_kind == TableKind::targets && funds_differ(out.funds, row) &&
                              (goal_differs(out.goal, row) || repeats_first_indicator(row));
        const bool new_project =
            names_project && !is_total && (!started || other_name || other_code || own_cells || namesake);
        // The same project pasted again below itself: named with its funds, starting over at its first
        // indicator. Read as its own project, marked, rather than as one project of twice the indicators
        // (weights adding to 180, every indicator a duplicate).
        // (A project whose first row holds no indicator, a header row of its own, starts over at such a row:
        // the same empty key, after rows that had indicators.)
        const bool starts_over = started && !new_project && names_project && !is_total &&
                                 m_kind == TableKind::targets &&
                                 (!m_first_indicator.empty() || m_rows_with_indicator > 0) &&
                                 !util::is_blank(raw_at(row, Column::funds)) && repeats_first_indicator(row);
        if ((new_project || starts_over) && started) {
            m_pending_repeats = starts_over ? out.first_row : 0;
            m_pending_namesake = namesake ? out.first_row : 0;
            std::swap(m_pending, row);
            m_has_pending = true;
            break;
        }
        if (!started) {
            started = true;
            m_seen_project = true;
            out.first_row = row.row;
            out.repeats_row = std::exchange(m_pending_repeats, 0);
            out.namesake_row = std::exchange(m_pending_namesake, 0);
            indicator_key(row, m_first_indicator);
            m_rows_with_indicator = 0;
            out.code = code;  // copied into the cells' room (the project's are refilled, see next())
            out.name = name;
            fill_cell(out.funds, row, Column::funds);
            fill_cell(out.goal, row, Column::goal);
            fill_cell(out.budget, row, Column::budget);
            fill_cell(out.spent, row, Column::spent);
            if (m_use_form) {
                out.form = true;
                for (auto [field, given] :
                     {std::pair{&out.code, &m_form.code()}, std::pair{&out.name, &m_form.name()},
                      std::pair{&out.funds, &m_form.funds()}, std::pair{&out.goal, &m_form.goal()},
                      std::pair{&out.budget, &m_form.budget()}, std::pair{&out.spent, &m_form.spent()}}) {
                    if (field->empty()) *field = *given;
                }
                out.implementer = util::trim_view(m_form.implementer().as_read());
            }
        } else {
            // A code beside the name completes it (not a total row's label, written where the code goes).
            if (out.code.empty() && !code.empty() && !is_total) out.code = code;
            if (m_rows_with_indicator == 0 && !util::is_blank(raw_at(row, Column::level3))) m_rows_with_indicator = 1;
            // Project cells written on a later row of the same project (unmerged exports) fill gaps.
            for (auto [field, column] : {std::pair{&out.funds, Column::funds}, std::pair{&out.goal, Column::goal},
                                         std::pair{&out.budget, Column::budget}, std::pair{&out.spent, Column::spent}}) {
                if (field->empty()) {
                    fill_cell(m_gap, row, column);
                    if (!m_gap.empty()) *field = m_gap;
                } else if (m_kind == TableKind::actuals && (column == Column::budget || column == Column::spent)) {
                    keep_first_figure(*field, cell_at(row, column),
                                      column == Column::budget ? "全年预算数" : "全年执行数", out.repeated_actuals);
                }
            }
        }
        on_row(row);
    }
    if (m_done && started) {
        for (const RawRow& total : m_leading_totals) on_row(total);
        m_leading_totals.clear();
    }
    return started;
}

Expected<bool> TableProjectSource::read_next_form(RawRow& row) {
    // The block is read ahead, up to the form's indicator header. Without one close below (a 项目名称 note
    // among the indicators, or a second form lacking its header), its rows are handed back to be read as
    // they are, the first without this test again, and the form above stays the one in use.
    constexpr std::size_t k_form_block_rows = 20;
    FormHead next;
    std::vector<RawRow> block;
    while (true) {
        const RowPlace place = place_of(row);
        next.see(row, [&](Cell& cell, std::size_t i) { fill_cell_from(cell, row, static_cast<int>(i), place); });
        block.push_back(row);
        if (block.size() >= k_form_block_rows) break;
        auto got = m_rows->next(row);
        if (!got) return got.error();
        if (!*got) break;
        int count = 0;
        const ColumnMap map = header_matches(row, count);
        if (count >= 3 && map.has(Column::level3)) {  // the indicator header: the form's rows start below
            m_form = std::move(next);
            return true;
        }
    }
    for (auto& r : block) m_replay.push_back(std::move(r));
    m_replay_plain = true;
    return false;
}

// `out` becomes `head` (project-level fields) with its indicators kept as slots for add_row to refill.
void TableProjectSource::refill(Project& out, const Project& head) {
    std::vector<Indicator> slots = std::move(out.indicators);  // refilled by add_row (see next_slot)
    out = head;
    out.indicators = std::move(slots);
    out.indicators.reserve(16);  // a project has a dozen or so: no regrowth moving Indicators around
}

// Slots the last project used and this one did not go; then the derived fields are filled.
void TableProjectSource::finish_assembly(Project& out, const Assembly& state) const {
    out.indicators.resize(state.slots_used);
    model::normalize_project(out, m_rules);
    for (const auto& [indicator, problem] : state.unread) {
        (indicator < out.indicators.size() ? out.indicators[indicator].problems : out.problems).push_back(problem);
    }
}

Expected<bool> TableProjectSource::next(Project& out) {
    refill(out, Project{});
    Assembly state;
    auto more = read_project(out, [&](const RawRow& row) { add_row(out, row, state); });
    if (!more || !*more) return more;
    finish_assembly(out, state);
    m_grand_totals.see(out);
    return true;
}

Expected<bool> TableProjectSource::next_draft(ProjectDraft& draft) {
    draft.clear();
    // Emptied by copying an empty project over it: every field reset, every string keeping its room
    // (assigning a new Project{} freed them all, and read_project allocated them again).
    static const Project k_empty;
    draft.head = k_empty;
    auto more = read_project(draft.head, [&](const RawRow& row) { draft.add(row); });
    if (!more || !*more) return more;
    // Grand totals need every project's funds in file order: counted here, on the reading thread (the
    // same reading of the cell normalize_project makes), and marked when the project is assembled.
    draft.totals = m_grand_totals.add(model::money_wan(draft.head.funds.text, draft.head.money_unit));
    return true;
}

void TableProjectSource::assemble(const ProjectDraft& draft, Project& out) const {
    refill(out, draft.head);
    Assembly state;
    thread_local RawRow row;  // this thread's: its vector keeps its capacity from row to row
    for (std::size_t i = 0; i < draft.rows(); ++i) {
        draft.unpack(i, row);
        add_row(out, row, state);
    }
    finish_assembly(out, state);
    model::GrandTotals::mark(out, draft.totals);
}

}  // namespace perf_check::io
