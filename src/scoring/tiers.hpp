// The rows of a tier table (分档计分) an actual falls in: by the label it is written as, or by its value.
#pragma once

#include <memory>
#include <string_view>

#include "perf_check/decimal.hpp"
#include "perf_check/model.hpp"
#include "scoring/actuals.hpp"
#include "scoring/deduction.hpp"

namespace perf_check::scoring {

/// The label row of `formula` the actual is written as (较好 against 好得满分，较好得15分), compared as the
/// deduction text is read (full-width folded, spaces and punctuation aside): the row whose label it is, else
/// the longest label of two characters or more it starts with (部分达成年度指标并具有一定效果 against 部分达成),
/// else, when `other` allows, a catch-all row (其余不得分); nullptr when none is.
const Tier* label_tier(const Formula& formula, std::string_view actual, bool other = false);

/// label_tier() for an indicator's actual: the catch-all row only for an actual that is neither the target
/// text nor one of the rule set's labels (达成年度指标 is met, whatever 其余 says).
const Tier* label_tier(const Formula& formula, const ActualReading& actual);

/// The indicator's deduction text read, when it holds a tier table; nullptr otherwise (no text, a placeholder
/// such as 无, or a text of another form). The formula is shared (shared_deduction).
std::shared_ptr<const Formula> tier_formula(const Indicator& indicator);

/// True when `value` (in the tier's unit) lies in its band; a catch-all row holds any. A label row holds none.
bool in_band(const Tier& tier, const Decimal& value);

/// A label row for missing the target (未完成, 未达到目标, 不达标, 没有实现): beneath a ladder's rows of values it
/// holds an actual below them all.
bool names_target_missed(std::string_view label);

/// What a row gives at `weight`: the weight for 满分, its points, or the weight less them for 扣N分.
Decimal tier_points(const Tier& tier, const Decimal& weight);

}  // namespace perf_check::scoring
