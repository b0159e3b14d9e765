// Rule unit-echoes-value: the 度量单位 cell is a copy of the 指标值 (e.g. both "每月按时发放") or prose
// repeating it, instead of a unit of measure.
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "model/normalize.hpp"
#include "rules/factories.hpp"
#include "rules/finding_text.hpp"
#include "rules/rule_util.hpp"
#include "util/text.hpp"

namespace perf_check::rules {
namespace {

std::size_t code_points(std::string_view s) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); ++n) util::next_code_point(s, i);
    return n;
}

bool has_digit(std::string_view s) {
    for (char c : s) {
        if (c >= '0' && c <= '9') return true;
    }
    return false;
}

/// Real multi-character units that may legitimately occur inside a text target ("5个工作日内").
bool is_known_unit(std::string_view u) {
    static const std::vector<std::string_view> k_units = {"个百分点", "百分点", "百分比",   "工作日", "个工作日",
                                                          "平方米",   "立方米", "平方公里", "千瓦时", "万人次",
                                                          "人/次",    "元/人",  "元/月",    "人/年"};
    for (const auto& k : k_units) {
        if (u == k) return true;
    }
    return false;
}

/// How a unit can echo its target.
enum class Echo { none, same, number, prose };

/// Why `u` (the unit) echoes `v` (the target), both without spaces.
Echo echo_kind(const Indicator& ind, std::string_view u, std::string_view v) {
    if (u == v) return Echo::same;
    // "90%" as the unit of the target 90: the number was copied into the unit column.
    if (has_digit(u) && ind.value.number) {
        const Quantity q = model::read_quantity(u);
        if (q.number && *q.number == *ind.value.number) return Echo::number;
    }
    // Prose on a text target: "按时发放" / "基础养老金每月按时发放" for "每月按时发放". A short unit
    // ("月" for "2024年1-12月") or a real unit is not an echo, and numeric targets are left to the
    // cases above, since "≥5个百分点" legitimately contains its unit.
    if (ind.value.number || is_known_unit(u)) return Echo::none;
    if (code_points(u) >= 3 && code_points(v) >= 2 && (util::contains(u, v) || util::contains(v, u)))
        return Echo::prose;
    return Echo::none;
}

class UnitEchoesValue final : public Rule {
public:
    explicit UnitEchoesValue(Placeholders placeholders) { m_tokens.placeholders = std::move(placeholders); }

    void check(const Project& project, FindingSink& sink) const override {
        const std::string_view pname = project_label(project);
        for (const auto& ind : project.indicators) {
            if (ind.placeholder) continue;
            if (m_tokens.is_placeholder(ind.unit.text) || m_tokens.is_placeholder(ind.target.text)) continue;
            // Without spaces, in strings of the thread's whose room is kept (every row is asked).
            thread_local std::string u;
            thread_local std::string v;
            u.clear();
            v.clear();
            util::append_without_spaces(u, ind.unit.text);
            util::append_without_spaces(v, ind.target.text);
            const Echo kind = echo_kind(ind, u, v);
            if (kind == Echo::none) continue;
            const char* how_zh = kind == Echo::same     ? "与指标值“{}”完全相同"
                                 : kind == Echo::number ? "重复了指标值“{}”中的数字"
                                                        : "重复了指标值“{}”的文字";
            const char* how_en = kind == Echo::same     ? "is identical to the target “{}”"
                                 : kind == Echo::number ? "repeats the number of the target “{}”"
                                                        : "repeats the wording of the target “{}”";
            Finding f = make_finding(project, &ind, ind.unit);
            f.message = {fmt::format("项目“{}”的指标“{}”度量单位“{}”{}，不是计量单位。", pname, ind.name.shown(),
                                     ind.unit.shown(), fmt::format(fmt::runtime(how_zh), ind.target.shown())),
                         fmt::format("Project “{}”, indicator “{}”: the unit “{}” {} instead of naming a unit of "
                                     "measure.",
                                     pname, ind.name.shown(), ind.unit.shown(),
                                     fmt::format(fmt::runtime(how_en), ind.target.shown()))};
            f.hint = {"度量单位应填计量单位（如“人”“万元”“%”“月”）；定性指标没有计量单位，可填“-”。",
                      "Put a unit of measure in the unit column (人, 万元, %, 月…); a qualitative indicator has none: "
                      "write “-”."};
            sink.add(std::move(f));
        }
    }

private:
    // Only the placeholder tokens are copied, so the rule does not depend on the set's lifetime.
    RuleSet m_tokens;
};

}  // namespace

Expected<std::unique_ptr<Rule>> make_unit_echoes_value(const RuleSet& rules, const Params& params) {
    if (auto err = reject_unknown(params, "unit-echoes-value", {})) return *err;
    return Expected<std::unique_ptr<Rule>>(std::make_unique<UnitEchoesValue>(rules.placeholders));
}

}  // namespace perf_check::rules
