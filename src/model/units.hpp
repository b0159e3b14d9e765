// Converting a quantity between units of one kind: 人 ↔ 万人, 米 ↔ 公里, 元 ↔ 万元 ↔ 亿元, 克 ↔ 吨.
#pragma once

#include <optional>
#include <string_view>

#include "perf_check/decimal.hpp"

namespace perf_check::model {

/// `value` in `from` expressed in `to` (canonical units, as model::canonical_unit gives them): the same
/// value when the units are equal, converted when both are multiples of one base unit (a 万/亿 prefix
/// on any unit, or a pair of the fixed table in units.cpp), nullopt when they are of different kinds
/// ("名" and "人", "天" and "月": no fixed ratio).
std::optional<Decimal> convert_unit(Decimal value, std::string_view from, std::string_view to);

/// True for the canonical money units: 元, 千元, 万元, 亿元.
inline bool is_money_unit(std::string_view unit) {
    return unit == "元" || unit == "千元" || unit == "万元" || unit == "亿元";
}

}  // namespace perf_check::model
