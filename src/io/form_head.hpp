// The project block of the national self-evaluation form (财政部《项目支出绩效自评表》), read from the rows
// above its indicator header: the form names one project in label–value rows, not in columns.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "io/row_source.hpp"
#include "perf_check/model.hpp"

namespace perf_check::io {

/// What the rows above the indicator header say of the project, on the form's layout:
///   项目名称 | 乡镇卫生院基本公共卫生服务补助
///   项目资金（万元）| | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分
///   | 年度资金总额 | 320.00 | 350.00 | 336.00 | 10 | 96.00% | 9.60
///   年度总体目标 | 预期目标 | … | 实际完成情况
///   | 为辖区常住人口免费提供12类基本公共卫生服务… | … | 全年为辖区居民提供…
/// (a target form's 年度绩效目标 | TEXT too). Rows of another kind pass by.
class FormHead {
public:
    /// Reads one row above the header. `fill(cell, i)` makes `cell` of the row's cell i, with its place.
    template <class Fill>
    void see(const RawRow& row, Fill&& fill) {
        const std::size_t first = first_filled(row, 0);
        if (first == row.cells.size()) return;
        const std::string label = key(row.cells[first]);
        if (m_goal_column != k_none) {
            // The row under 预期目标: the goal is its first text from that column on.
            const std::size_t at = first_filled(row, m_goal_column);
            if (at < row.cells.size() && (m_actual_column == k_none || at < m_actual_column)) fill(m_goal, at);
            m_goal_column = k_none;
            return;
        }
        if (label == "项目名称") {
            m_name_label = true;
            value_after(row, first, m_name, fill);
            return;
        }
        if (label == "项目编码" || label == "项目代码" || label == "项目编号") {
            value_after(row, first, m_code, fill);
            return;
        }
        // 主管部门 | 县卫生健康局 | 实施单位 | 城关镇卫生院: the unit that carries the project out.
        for (std::size_t i = first; i < row.cells.size(); ++i) {
            if (key(row.cells[i]) == "实施单位") {
                value_after(row, i, m_implementer, fill);
                return;
            }
        }
        if (money_header(row)) return;
        if (m_spent_column != k_none && is_money_total(row, first)) {
            cell_at(row, m_budget_column, m_budget, fill);
            cell_at(row, m_spent_column, m_spent, fill);
            // The funds the year is judged on: 全年预算数 (adjusted), else 年初预算数.
            cell_at(row, m_budget_column, m_funds, fill);
            if (m_funds.empty()) cell_at(row, m_initial_column, m_funds, fill);
            return;
        }
        if (goal_header(row)) return;
        if (is_goal_label(label)) {
            value_after(row, first, m_goal, fill);
            return;
        }
        // A target form's funds: 项目资金（万元）| 年度资金总额： | | 200, with no 全年预算数 / 全年执行数 above.
        if (m_spent_column == k_none && m_funds.empty()) {
            for (std::size_t i = first; i < row.cells.size() && i < first + 3; ++i) {
                const std::string k = key(row.cells[i]);
                if (is_funds_label(k)) {
                    value_after(row, i, m_funds, fill);
                    return;
                }
            }
        }
    }

    /// True when `row` starts a form's project block (项目名称 | NAME): below a first form, the next form.
    [[nodiscard]] static bool starts_form(const RawRow& row) {
        const std::size_t first = first_filled(row, 0);
        return first < row.cells.size() && key(row.cells[first]) == "项目名称";
    }

    /// True when the rows named a project (项目名称), or have its label and the form's funds block with its name
    /// left blank: the form's layout, whose project is in these cells (project-name-missing then asks for it).
    [[nodiscard]] bool found() const {
        return !m_name.empty() || (m_name_label && (m_spent_column != k_none || !m_funds.empty()));
    }
    [[nodiscard]] const Cell& code() const { return m_code; }  ///< 项目编码, when the form has the row
    [[nodiscard]] const Cell& name() const { return m_name; }
    [[nodiscard]] const Cell& funds() const { return m_funds; }  ///< 全年预算数 (else 年初预算数)
    [[nodiscard]] const Cell& goal() const { return m_goal; }
    [[nodiscard]] const Cell& budget() const { return m_budget; }  ///< 全年预算数
    [[nodiscard]] const Cell& spent() const { return m_spent; }    ///< 全年执行数
    [[nodiscard]] const Cell& implementer() const { return m_implementer; }  ///< 实施单位

private:
    static constexpr std::size_t k_none = static_cast<std::size_t>(-1);

    /// A cell's text as labels are compared: full-width folded, spaces removed, up to a colon (项目名称：).
    static std::string key(std::string_view cell);
    /// What a label cell holds after its colon (项目名称：乡镇卫生院…), trimmed; "" when nothing.
    static std::string_view after_colon(std::string_view cell);
    /// The value of the label at `label`: written after a colon in its own cell, else the next filled cell, else
    /// the blank cell beside the label.
    template <class Fill>
    static void value_after(const RawRow& row, std::size_t label, Cell& cell, Fill& fill) {
        if (const std::string_view own = after_colon(row.cells[label]); !own.empty()) {
            fill(cell, label);
            set_value(cell, own);
            return;
        }
        if (const std::size_t at = first_filled(row, label + 1); at < row.cells.size()) {
            fill(cell, at);
        } else if (label + 1 < row.cells.size()) {
            fill(cell, label + 1);  // left blank: where to write it, for the finding that asks for it
        }
    }
    /// `cell` (filled from its label's cell) holding only the value written after the colon.
    static void set_value(Cell& cell, std::string_view value);
    /// The first non-blank cell at or after `from`; row.cells.size() when none.
    static std::size_t first_filled(const RawRow& row, std::size_t from);
    static bool is_goal_label(std::string_view label);
    /// 年度资金总额 (年度资金总额（A）…), 资金总额, 项目资金总额: the label of the funds row.
    static bool is_funds_label(std::string_view label);
    /// The 项目资金 header (年初预算数 / 全年预算数 / 全年执行数): their columns are noted.
    bool money_header(const RawRow& row);
    /// The 年度资金总额 row under it (its label in one of the cells before the amounts).
    [[nodiscard]] bool is_money_total(const RawRow& row, std::size_t first) const;
    /// The 年度总体目标 header (预期目标, 实际完成情况): the goal is on the next row.
    bool goal_header(const RawRow& row);
    template <class Fill>
    static void cell_at(const RawRow& row, std::size_t column, Cell& cell, Fill& fill) {
        if (column != k_none && column < row.cells.size()) fill(cell, column);
    }

    Cell m_code;
    Cell m_name;
    Cell m_funds;
    Cell m_goal;
    Cell m_budget;
    Cell m_spent;
    Cell m_implementer;
    bool m_name_label = false;  ///< a 项目名称 label was seen
    std::size_t m_initial_column = k_none;
    std::size_t m_budget_column = k_none;
    std::size_t m_spent_column = k_none;
    std::size_t m_goal_column = k_none;
    std::size_t m_actual_column = k_none;
};

}  // namespace perf_check::io
