// Unit conversion for actuals and progress values: an explicit table of fixed ratios plus the 万/亿
// prefixes Chinese tables put on any unit (万人, 万册, 万平方米).
#include "model/units.hpp"

#include <array>
#include <numeric>
#include <string>

namespace perf_check::model {

namespace {

// A unit as a whole multiple or fraction of its base: value in base = value × mul ÷ div.
struct Multiple {
    std::string_view unit;
    std::string_view base;
    std::int64_t mul;
    std::int64_t div;
};

// Units with a fixed ratio to another. Kinds without one (天/月/年, 人/人次, 亩) are not converted.
// (万元, 亿元 and every other 万/亿 unit are read by their prefix in resolve().)
constexpr std::array<Multiple, 13> k_multiples = {{
    {"千元", "元", 1000, 1},
    {"公里", "米", 1000, 1},
    {"千米", "米", 1000, 1},
    {"厘米", "米", 1, 100},
    {"毫米", "米", 1, 1000},
    {"千克", "克", 1000, 1},
    {"公斤", "克", 1000, 1},
    {"吨", "克", 1000000, 1},
    {"平方公里", "平方米", 1000000, 1},
    {"公顷", "平方米", 10000, 1},
    {"小时", "分钟", 60, 1},
    {"‰", "%", 1, 10},
    {"个百分点", "%", 1, 1},
}};

struct Resolved {
    std::string base;
    std::int64_t mul = 1;
    std::int64_t div = 1;
};

Resolved resolve(std::string_view unit) {
    Resolved r;
    // 万人 = 10000 人, 亿次 = 100000000 次, and so 万元 and 亿元 (the table below has no entry for them).
    for (const auto& [prefix, factor] : {std::pair<std::string_view, std::int64_t>{"万", 10000},
                                         std::pair<std::string_view, std::int64_t>{"亿", 100000000}}) {
        if (unit.size() > prefix.size() && unit.substr(0, prefix.size()) == prefix) {
            unit.remove_prefix(prefix.size());
            r.mul = factor;
            break;
        }
    }
    r.base = std::string(unit);
    for (const auto& m : k_multiples) {
        if (m.unit != unit) continue;
        r.base = std::string(m.base);
        r.mul *= m.mul;
        r.div *= m.div;
        break;
    }
    return r;
}

}  // namespace

std::optional<Decimal> convert_unit(Decimal value, std::string_view from, std::string_view to) {
    if (from == to) return value;
    const Resolved a = resolve(from);
    const Resolved b = resolve(to);
    if (a.base.empty() || a.base != b.base) return std::nullopt;
    // value × (a.mul / a.div) ÷ (b.mul / b.div), as one reduced fraction.
    std::int64_t num = a.mul * b.div;
    std::int64_t den = a.div * b.mul;
    const std::int64_t g = std::gcd(num, den);
    num /= g;
    den /= g;
    // Decimal holds about 9.2e12: a ratio beyond 1e12 (亿平方公里 to 平方米) is no conversion a table needs,
    // and would overflow. Said not to convert (the actual is then reported).
    constexpr std::int64_t k_max_ratio = 1000000000000;
    if (num > k_max_ratio || den > k_max_ratio) return std::nullopt;
    // Nor a product beyond what Decimal holds (it would saturate and be shown as a fact): 99999999999亿人 in 人.
    const Decimal limit = Decimal::from_int(k_max_ratio) * Decimal::from_int(9);
    if (value.abs() > limit / Decimal::from_int(num)) return std::nullopt;
    return value * Decimal::from_int(num) / Decimal::from_int(den);
}

}  // namespace perf_check::model
