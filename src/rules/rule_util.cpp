// Shared rule helpers: parameter validation with did-you-mean, indicator classification, money units.
#include "rules/rule_util.hpp"

#include "model/normalize.hpp"
#include "util/text.hpp"

namespace perf_check::rules {

std::optional<Error> reject_unknown(const Params& params, std::string_view rule_id,
                                    const std::vector<std::string>& known) {
    for (const auto& [key, param] : params.items()) {
        bool ok = false;
        for (const auto& k : known) ok = ok || k == key;
        if (ok) continue;
        Error e;
        e.line = param.line;
        e.message = "unknown parameter '" + key + "' of rule " + std::string(rule_id);
        const std::string guess = util::did_you_mean(key, known);
        if (!guess.empty()) e.message += "; did you mean '" + guess + "'?";
        else if (known.empty()) e.message += " (it takes no parameters besides enabled and severity)";
        else e.message += " (known: " + util::join(known, ", ") + ")";
        return e;
    }
    return std::nullopt;
}

Expected<Decimal> decimal_param(const Params& params, std::string_view rule_id, const std::string& key,
                                Decimal fallback) {
    const Param* p = params.find(key);
    if (!p) return fallback;
    std::optional<Decimal> d;
    if (!p->is_list && p->values.size() == 1) d = Decimal::parse(util::fold(p->values[0]));
    if (!d) {
        Error e;
        e.line = p->line;
        e.message = "parameter '" + key + "' of rule " + std::string(rule_id) + " must be a number, got '" +
                    util::join(p->values, ", ") + "'";
        return e;
    }
    return *d;
}

std::vector<std::string> list_param(const Params& params, const std::string& key,
                                    const std::vector<std::string>& fallback) {
    const Param* p = params.find(key);
    return p ? p->values : fallback;
}

std::string string_param(const Params& params, const std::string& key, const std::string& fallback) {
    const Param* p = params.find(key);
    return (p && !p->values.empty()) ? p->values[0] : fallback;
}

bool under(const Indicator& indicator, std::string_view path) {
    const std::size_t slash = path.find('/');
    if (!detail::level_is(indicator.level1_name, indicator.level1, level_stem(path.substr(0, slash)))) return false;
    return slash == std::string_view::npos ||
           detail::level_is(indicator.level2_name, indicator.level2, level_stem(path.substr(slash + 1)));
}

LevelPath::LevelPath(std::string_view path) {
    const std::size_t slash = path.find('/');
    stem1 = level_stem(path.substr(0, slash));
    if (slash != std::string_view::npos) {
        stem2 = level_stem(path.substr(slash + 1));
        has_level2 = true;
    }
}

std::vector<LevelPath> level_paths(const std::vector<std::string>& paths) {
    std::vector<LevelPath> out;
    out.reserve(paths.size());
    for (const auto& p : paths) out.emplace_back(p);
    return out;
}

namespace detail {
bool derived_level_is(const Cell& cell, std::string_view stem) {
    return level_stem(util::strip_spaces(cell.text)) == stem;
}
}  // namespace detail

int shown_row(const Indicator& indicator) {
    return indicator.name.loc.sheet_row > 0 ? indicator.name.loc.sheet_row : indicator.row;
}

namespace {
// The level stems (level_stem) these ask for: compared directly, the 一级 once per question, as rules
// ask them for every indicator (most of which are under neither 成本指标 nor 产出指标).
constexpr std::string_view k_cost = "成本";
constexpr std::string_view k_output = "产出";

bool level1_is(const Indicator& indicator, std::string_view stem) {
    return detail::level_is(indicator.level1_name, indicator.level1, stem);
}
bool level2_is(const Indicator& indicator, std::string_view stem) {
    return detail::level_is(indicator.level2_name, indicator.level2, stem);
}

// The older framework's cost indicators, under 产出指标: cost indicators and economic ones both
// (产出指标/成本指标, 产出指标/成本控制数).
bool under_output_cost(const Indicator& indicator) {
    return level1_is(indicator, k_output) && (level2_is(indicator, k_cost) || level2_is(indicator, "成本控制数"));
}
}  // namespace

bool is_cost(const Indicator& indicator) {
    return level1_is(indicator, k_cost) || under_output_cost(indicator);
}

bool is_economic_cost(const Indicator& indicator) {
    if (level1_is(indicator, k_cost)) return level2_is(indicator, "经济成本");  // 成本指标/经济成本指标
    return under_output_cost(indicator);
}

bool is_quantitative(const Indicator& indicator) {
    switch (indicator.comparator) {
        case Comparator::ge:
        case Comparator::gt:
        case Comparator::le:
        case Comparator::lt:
        case Comparator::eq: return true;
        case Comparator::qualitative: return false;
        case Comparator::none: break;
    }
    return indicator.value.number.has_value();
}

std::optional<Decimal> to_wan(Decimal amount, std::string_view unit) {
    // The table's money units are model::to_wan's; a bare 万 is 万元, and 亿 is beyond them.
    if (unit == "元" || unit == "千元" || unit == "万元") return model::to_wan(amount, model::money_unit_named(unit));
    if (unit == "万") return amount;
    if (unit == "亿元" || unit == "亿") return amount * Decimal::from_int(10000);
    return std::nullopt;
}

namespace {
class InertRule final : public Rule {};
}  // namespace

std::unique_ptr<Rule> make_inert_rule() { return std::make_unique<InertRule>(); }

}  // namespace perf_check::rules
