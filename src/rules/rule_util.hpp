// Helpers shared by rule implementations: parameter reading and indicator classification.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "perf_check/expected.hpp"
#include "perf_check/finding.hpp"
#include "perf_check/model.hpp"
#include "perf_check/rule.hpp"
#include "perf_check/ruleset.hpp"
#include "util/text.hpp"

namespace perf_check::rules {

/// An Error for the first parameter not in `known` ("unknown parameter 'tolerence' of rule
/// cost-breakdown; did you mean 'tolerance'?"), with Error::line set; nullopt when all are known.
/// The keys "enabled" and "severity" never reach factories.
std::optional<Error> reject_unknown(const Params& params, std::string_view rule_id,
                                    const std::vector<std::string>& known);

/// The decimal parameter `key`, or `fallback` when absent; an Error when it is not a number.
Expected<Decimal> decimal_param(const Params& params, std::string_view rule_id, const std::string& key,
                                Decimal fallback);

/// The string-list parameter `key` (a scalar counts as a one-item list), or `fallback` when absent.
std::vector<std::string> list_param(const Params& params, const std::string& key,
                                    const std::vector<std::string>& fallback);

/// The scalar string parameter `key`, or `fallback`.
std::string string_param(const Params& params, const std::string& key, const std::string& fallback);

/// True when the indicator is under `path`: "一级" or "一级/二级" (names without spaces, as
/// Indicator::level1_view gives them; a trailing "指标" is optional on both sides, so "产出" matches
/// "产出指标").
bool under(const Indicator& indicator, std::string_view path);

/// `name` without one trailing "指标" (kept when it is the whole name): two level names are the same level
/// when their stems are equal ("产出" and "产出指标"; "成本指标指标" is not "成本").
inline std::string_view level_stem(std::string_view name) {
    constexpr std::string_view k_suffix = "指标";
    if (name.size() > k_suffix.size() && name.ends_with(k_suffix)) name.remove_suffix(k_suffix.size());
    return name;
}

/// An indicator path split once into its levels: rules keep their configured paths so, since they ask
/// under() for every indicator and path (nearly two million times on a table of 12,000 projects).
struct LevelPath {
    std::string stem1;        ///< level_stem of the 一级
    std::string stem2;        ///< level_stem of the 二级 ("" without one)
    bool has_level2 = false;  ///< "一级/二级"; false for "一级" (any 二级)
    explicit LevelPath(std::string_view path);
};
std::vector<LevelPath> level_paths(const std::vector<std::string>& paths);

namespace detail {
/// True when the level named `name` (normalisation's level name) or, when that is not set, `cell` (an
/// indicator that did not go through normalisation) has the stem `stem`. Inline for the common case, as
/// rules ask it millions of times: most names differ from the stem in length or in their second byte
/// (成本/产出/效益/满意度 and most 二级 names begin with different characters of one lead byte).
bool derived_level_is(const Cell& cell, std::string_view stem);
inline bool level_is(const std::string& name, const Cell& cell, std::string_view stem) {
    if (name.empty() && !cell.text.empty()) return derived_level_is(cell, stem);
    const std::string_view s = level_stem(name);
    if (s.size() != stem.size()) return false;
    if (s.size() >= 2 && s[1] != stem[1]) return false;
    return util::same_text(s, stem);
}
}  // namespace detail

inline bool under(const Indicator& indicator, const LevelPath& path) {
    if (!detail::level_is(indicator.level1_name, indicator.level1, path.stem1)) return false;
    return !path.has_level2 || detail::level_is(indicator.level2_name, indicator.level2, path.stem2);
}

/// The row of `indicator` as a message names it: the row a spreadsheet shows (a CSV's record number when
/// cells with line breaks above make it differ from the line), as the 单元格 column does.
int shown_row(const Indicator& indicator);

/// True for cost indicators: under 成本指标, 产出指标/成本指标 or 产出指标/成本控制数.
bool is_cost(const Indicator& indicator);

/// True for 经济成本 indicators (成本指标/经济成本指标 or the older 产出指标/成本指标/成本控制数).
bool is_economic_cost(const Indicator& indicator);

/// True when the indicator is scored on a number: its comparator is ≥ ≤ > < = (or absent with a number).
bool is_quantitative(const Indicator& indicator);

/// Money in 万元 from a number and its unit text ("元", "千元", "万元", "亿元"); nullopt for other units.
std::optional<Decimal> to_wan(Decimal amount, std::string_view unit);

/// A rule that does nothing, for rules whose work happens elsewhere or is not built yet.
std::unique_ptr<Rule> make_inert_rule();

}  // namespace perf_check::rules
