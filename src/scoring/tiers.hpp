// The rows of a tier table (分档计分) an actual falls in: by the label it is written as, or by its value.
#pragma once

#include <memory>
#include <string_view>

#include "perf_check/decimal.hpp"
#include "perf_check/model.hpp"
#include "scoring/deduction.hpp"

namespace perf_check::scoring {

/// The label row of `formula` the actual is written as (较好 against 好得满分，较好得15分), compared as the
/// deduction text is read (full-width folded, spaces and punctuation aside); nullptr when none is.
const Tier* label_tier(const Formula& formula, std::string_view actual);

/// The indicator's deduction text read, when it holds a tier table; nullptr otherwise (no text, a placeholder
/// such as 无, or a text of another form). The formula is shared (shared_deduction).
std::shared_ptr<const Formula> tier_formula(const Indicator& indicator);

/// True when `value` (in the tier's unit) lies in its band. A label row holds no value.
bool in_band(const Tier& tier, const Decimal& value);

/// What a row gives at `weight`: the weight for 满分, its points, or the weight less them for 扣N分.
Decimal tier_points(const Tier& tier, const Decimal& weight);

}  // namespace perf_check::scoring
