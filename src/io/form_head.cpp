// The national self-evaluation form's project block.
#include "io/form_head.hpp"

#include <algorithm>

#include "model/normalize.hpp"
#include "util/text.hpp"

namespace perf_check::io {

namespace {

// Where a label ends: at its first colon, full-width or not.
std::size_t colon_in(std::string_view cell) {
    const std::size_t ascii = cell.find(':');
    const std::size_t wide = cell.find("\xEF\xBC\x9A");  // ：
    return std::min(ascii, wide);
}

}  // namespace

std::string FormHead::key(std::string_view cell) {
    const std::size_t colon = colon_in(cell);
    return util::strip_spaces(util::fold(colon == std::string_view::npos ? cell : cell.substr(0, colon)));
}

std::string_view FormHead::after_colon(std::string_view cell) {
    const std::size_t colon = colon_in(cell);
    if (colon == std::string_view::npos) return {};
    const std::size_t from = colon + (cell[colon] == ':' ? 1 : 3);
    return util::trim_view(cell.substr(from));
}

void FormHead::set_value(Cell& cell, std::string_view value) {
    model::set_text(cell, value);
}

std::size_t FormHead::first_filled(const RawRow& row, std::size_t from) {
    std::size_t i = from;
    while (i < row.cells.size() && util::is_blank(row.cells[i])) ++i;
    return i;
}

bool FormHead::is_goal_label(std::string_view label) {
    return label == "年度总体目标" || label == "年度绩效目标" || label == "总体目标" || label == "绩效目标" ||
           label == "实施期绩效目标";
}

bool FormHead::is_funds_label(std::string_view label) {
    return label.starts_with("年度资金总额") || label == "资金总额" || label == "项目资金总额";
}

bool FormHead::money_header(const RawRow& row) {
    std::size_t initial = k_none;
    std::size_t budget = k_none;
    std::size_t spent = k_none;
    for (std::size_t i = 0; i < row.cells.size(); ++i) {
        const std::string k = key(row.cells[i]);
        // 全年预算数（A）, 全年执行数（B） in some provinces' versions.
        if (k.starts_with("年初预算数")) initial = i;
        if (k.starts_with("全年预算数") || k.starts_with("调整后预算数")) budget = i;
        if (k.starts_with("全年执行数") || k.starts_with("预算执行数")) spent = i;
    }
    if (budget == k_none || spent == k_none) return false;
    m_initial_column = initial;
    m_budget_column = budget;
    m_spent_column = spent;
    return true;
}

bool FormHead::is_money_total(const RawRow& row, std::size_t first) const {
    const std::size_t amounts = std::min({m_initial_column, m_budget_column, m_spent_column});
    for (std::size_t i = first; i < row.cells.size() && i < amounts; ++i) {
        if (is_funds_label(key(row.cells[i]))) return true;
    }
    return false;
}

bool FormHead::goal_header(const RawRow& row) {
    std::size_t goal = k_none;
    std::size_t actual = k_none;
    for (std::size_t i = 0; i < row.cells.size(); ++i) {
        const std::string k = key(row.cells[i]);
        if (k == "预期目标" && goal == k_none) goal = i;
        if (k.starts_with("实际完成情况") && actual == k_none) actual = i;
    }
    if (goal == k_none) return false;
    m_goal_column = goal;
    m_actual_column = actual != k_none && actual > goal ? actual : k_none;
    return true;
}

}  // namespace perf_check::io
