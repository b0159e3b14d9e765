// The blank target-table workbook (`perf-check template -o FILE`): the seed's layout, dropdowns, hints, an example.
#pragma once

#include <string>

#include "perf_check/expected.hpp"
#include "perf_check/ruleset.hpp"

namespace perf_check::report {

/// Writes a blank 项目支出绩效目标表 to `path` in the standard (seed) layout: the title row, 金额单位：万元,
/// the two-row header with 绩效指标 spanning the indicator columns (merged as in the seed), and one filled
/// example project that passes `rules` when they are the default set (itemised costs, weights 90 + 10,
/// no placeholders in required slots). Rows below the example carry dropdowns for 一级指标 (the
/// framework's level names), 二级指标 (all their children), 指标值类型 (≥ ≤ > < = 定性) and common 度量单位
/// (other units can still be typed), and every column shows an input hint when a cell is selected.
/// Returns true, or an Error naming `path` when the file cannot be written.
Expected<bool> write_template(const std::string& path, const RuleSet& rules);

}  // namespace perf_check::report
