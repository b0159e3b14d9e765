// Shared rule helpers: parameter validation with did-you-mean, indicator classification, money units.
#include "rules/rule_util.hpp"

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

std::vector<std::string> list_param(const Params& params, const std::string& key, std::vector<std::string> fallback) {
    const Param* p = params.find(key);
    return p ? p->values : fallback;
}

std::string string_param(const Params& params, const std::string& key, std::string fallback) {
    const Param* p = params.find(key);
    return (p && !p->values.empty()) ? p->values[0] : fallback;
}

namespace {
std::string_view without_suffix(std::string_view s) {
    constexpr std::string_view k_suffix = "指标";
    if (util::ends_with(s, k_suffix) && s.size() > k_suffix.size()) s.remove_suffix(k_suffix.size());
    return s;
}
// without_suffix(a) == without_suffix(b), decided by the lengths first (rules ask it for every indicator
// and path, and most pairs differ): texts of one length are the same level only when equal (both or
// neither end in 指标), and lengths that differ by other than the suffix's never are.
bool same_level(std::string_view a, std::string_view b) {
    constexpr std::size_t k_suffix = std::string_view("指标").size();
    if (a.size() == b.size()) return a == b;
    if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) != k_suffix) return false;
    return without_suffix(a) == without_suffix(b);
}

}  // namespace

bool under(const Indicator& indicator, std::string_view path) {
    const std::size_t slash = path.find('/');
    // A normalised indicator has its level names: the views and their scratch strings are for others.
    // (Rules ask this for every indicator and configured path.)
    std::string scratch;
    const std::string& level1 = indicator.level1_name.empty() ? indicator.level1_view(scratch) : indicator.level1_name;
    if (!same_level(level1, path.substr(0, slash))) return false;
    if (slash == std::string_view::npos) return true;
    const std::string& level2 = indicator.level2_name.empty() ? indicator.level2_view(scratch) : indicator.level2_name;
    return same_level(level2, path.substr(slash + 1));
}

int shown_row(const Indicator& indicator) {
    return indicator.name.loc.sheet_row > 0 ? indicator.name.loc.sheet_row : indicator.row;
}

bool is_cost(const Indicator& indicator) {
    return under(indicator, "成本指标") || under(indicator, "产出指标/成本指标") ||
           under(indicator, "产出指标/成本控制数");
}

bool is_economic_cost(const Indicator& indicator) {
    return under(indicator, "成本指标/经济成本指标") || under(indicator, "产出指标/成本指标") ||
           under(indicator, "产出指标/成本控制数");
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
    if (unit == "万元" || unit == "万") return amount;
    if (unit == "元") return amount / Decimal::from_int(10000);
    if (unit == "千元") return amount / Decimal::from_int(10);
    if (unit == "亿元" || unit == "亿") return amount * Decimal::from_int(10000);
    return std::nullopt;
}

namespace {
class InertRule final : public Rule {};
}  // namespace

std::unique_ptr<Rule> make_inert_rule() { return std::make_unique<InertRule>(); }

}  // namespace perf_check::rules
