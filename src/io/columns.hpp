// The table's columns: canonical names, the header aliases that mean them, and header matching.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace perf_check::io {

enum class Column {
    code, name, funds, goal, level1, level2, level3, target, content, deduction, unit, type, weight,
    budget, spent, actual, score, deviation,
};
constexpr std::size_t k_column_count = 18;

struct ColumnSpec {
    Column column;
    const char* canonical;               ///< the name used in messages and in the clean CSV header
    std::vector<const char*> aliases;     ///< other header texts (SPEC §2.1)
    bool required;                       ///< for a target table
};

/// Every column, in the clean single-header layout's order.
const std::vector<ColumnSpec>& column_specs();

/// Header text → column: compares after removing spaces, folding full-width forms and brackets and
/// dropping a trailing unit such as "（万元）". Returns nullopt for unknown headers.
std::optional<Column> match_header(std::string_view header);

/// True for a header name its column takes only when no other of the column's names is on the header row:
/// 备注 (the seed's weight column, but remarks beside a 分值 column), 单位名称 (the project's name beside no
/// 项目名称, the department's beside one).
bool is_weak_header(std::string_view header);

/// How many of the fields of `line`, split at `separator`, name a column (match_header): a header line typed
/// with the wrong separator, or one of a text file sniffed for a table, has three or more.
int header_names_in(std::string_view line, std::string_view separator);

/// A money unit written in a header ("资金总额（元）") or a title row ("金额单位：万元"): "元", "万元" or "".
std::string money_unit_in(std::string_view text);

/// Which physical column (0-based) holds each canonical column, or -1.
struct ColumnMap {
    std::array<int, k_column_count> index{};
    std::array<bool, k_column_count> weak{};  ///< the column's header is_weak_header(): another name replaces it
    ColumnMap() { index.fill(-1); }
    [[nodiscard]] int operator[](Column c) const { return index[static_cast<std::size_t>(c)]; }
    [[nodiscard]] bool has(Column c) const { return (*this)[c] >= 0; }
    int& at(Column c) { return index[static_cast<std::size_t>(c)]; }
};

}  // namespace perf_check::io
