// Money read from cost indicators and from the `其中：X万元用于…` breakdown in a goal text, in 万元;
// shared by the cost-breakdown and cost-exceeds-funds rules.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "perf_check/decimal.hpp"
#include "perf_check/model.hpp"

namespace perf_check::rules {

/// One amount of money found in prose: its value in 万元 and the text it was read from ("200,000元").
struct MoneyItem {
    Decimal wan;
    std::string text;
    bool used_for = false;  ///< directly followed by 用于 ("30万元用于…")
    std::size_t first_byte = 0;  ///< where `text` starts in the text it was read from
};

/// Every amount written as <number>(亿元|万元|元) in `text`, in order. Numbers may use full-width
/// digits, a full-width point and grouping commas ("4,500.00"); a full-width comma "，" always
/// separates. Amounts per unit ("5元/人") are not money totals and are skipped.
std::vector<MoneyItem> money_in_text(std::string_view text);

/// The itemised breakdown of a goal text: the amounts after the first "其中" (only those followed by
/// 用于 when there are at least two such, since other amounts there are often context); without a
/// "其中", the amounts followed by 用于 when there are at least two. Empty when there is none.
std::vector<MoneyItem> goal_breakdown(std::string_view goal);
/// goal_breakdown(goal) into `items` (emptied first; a caller may keep its room from call to call).
void goal_breakdown(std::string_view goal, std::vector<MoneyItem>& items);

/// The unit of the indicator's target: the one written in the value cell or, failing that, the
/// 度量单位 cell without spaces ("万元", "元", "%", "人", "" …).
std::string target_unit(const Indicator& indicator);

/// The indicator's target as money in 万元: its number with the unit written in the value cell or,
/// failing that, in the 度量单位 cell (元, 万元, 亿元). nullopt when there is no number or the unit is
/// not money.
std::optional<Decimal> target_wan(const Indicator& indicator);

}  // namespace perf_check::rules
