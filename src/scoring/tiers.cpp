// Matching an actual to the rows of a tier table.
#include "scoring/tiers.hpp"

namespace perf_check::scoring {

const Tier* label_tier(const Formula& formula, std::string_view actual, bool other) {
    if (formula.tiers.empty()) return nullptr;
    const std::string written = normalize_deduction_text(actual);
    if (written.empty()) return nullptr;
    const Tier* prefix = nullptr;
    const Tier* rest = nullptr;
    for (const Tier& t : formula.tiers) {
        if (t.other && !rest) rest = &t;
        if (!t.is_label()) continue;
        if (t.label == written) return &t;
        // Two characters at least (a CJK character is three bytes): 好 is no prefix of 好转.
        if (t.label.size() >= 6 && written.starts_with(t.label) && (!prefix || t.label.size() > prefix->label.size()))
            prefix = &t;
    }
    if (prefix) return prefix;
    return other ? rest : nullptr;
}

const Tier* label_tier(const Formula& formula, const ActualReading& actual) {
    return label_tier(formula, actual.text, !actual.band && !actual.equals_target && !actual.number);
}

std::shared_ptr<const Formula> tier_formula(const Indicator& indicator) {
    if (indicator.deduction.empty()) return nullptr;
    auto f = shared_deduction(indicator.deduction.text);
    if (f->tiers.empty()) return nullptr;
    return f;
}

bool in_band(const Tier& tier, const Decimal& value) {
    if (tier.other) return true;
    if (tier.is_label()) return false;
    if (tier.low && (tier.low_inclusive ? value < *tier.low : value <= *tier.low)) return false;
    if (tier.high && (tier.high_inclusive ? value > *tier.high : value >= *tier.high)) return false;
    return true;
}

bool names_target_missed(std::string_view label) {
    bool negated = false;
    for (const std::string_view no : {"未能", "未", "不", "没有", "没"}) {
        if (label.starts_with(no)) {
            label.remove_prefix(no.size());
            negated = true;
            break;
        }
    }
    if (!negated) return false;
    for (const std::string_view done : {"完成", "达到", "达成", "达标", "实现"}) {
        if (label.starts_with(done)) return true;
    }
    return false;
}

Decimal tier_points(const Tier& tier, const Decimal& weight) {
    if (tier.full) return weight;
    if (tier.deduct) return weight - tier.points;
    return tier.points;
}

}  // namespace perf_check::scoring
