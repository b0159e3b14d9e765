// Rule comparator-direction: a comparator pointing the wrong way for the indicator's category
// (产出 数量/质量 and 满意度 are "more is better": ≥/>/=; 成本 is "less is better": ≤/</=), or none at all
// beside a number.
#include <optional>
#include <string>
#include <vector>

#include "rules/factories.hpp"
#include "rules/finding_text.hpp"
#include "rules/rule_util.hpp"
#include "scoring/actuals.hpp"
#include "util/text.hpp"

namespace perf_check::rules {
namespace {

constexpr const char* k_id = "comparator-direction";

/// Which way a category should point.
enum class Expect { at_least, at_most };

/// The most specific configured path that `ind` is under, with its expectation; specificity is the
/// number of levels in the path, so "产出指标/成本指标" (at_most) beats "产出指标" (at_least).
struct Match {
    const std::string* path = nullptr;
    Expect expect = Expect::at_least;
    int depth = 0;
    bool conflict = false;  ///< two paths of equal depth expect opposite directions
};

int depth_of(const std::string& path) {
    return path.find('/') == std::string::npos ? 1 : 2;
}

/// The hint for a comparator pointing the wrong way, where `more` (or less) is better.
Text wrong_way_hint(bool more) {
    return {format_text("请把指标值类型改为“{}”；若确需设定{}，请在指标值内容中说明理由。", more ? "≥" : "≤",
                        more ? "上限" : "下限"),
            format_text("Change the comparator to “{}”; if {} is really intended, explain why in the "
                        "indicator description.",
                        more ? "≥" : "≤", more ? "an upper limit" : "a lower limit")};
}

class ComparatorDirection final : public Rule {
public:
    ComparatorDirection(std::vector<std::string> at_least, std::vector<std::string> at_most)
        : m_at_least(std::move(at_least)),
          m_at_most(std::move(at_most)),
          m_at_least_paths(level_paths(m_at_least)),
          m_at_most_paths(level_paths(m_at_most)),
          m_hint_more(wrong_way_hint(true)),
          m_hint_less(wrong_way_hint(false)) {}

    void check(const Project& project, FindingSink& sink) const override {
        const std::string_view pname = project_label(project);
        for (const auto& ind : project.indicators) {
            if (ind.placeholder || ind.comparator == Comparator::qualitative) continue;  // 定性 has no direction
            // A deadline (a date for a target) is met on or before it, whatever its category; scoring reads it so
            // with no comparator too.
            if (scoring::deadline_of(ind)) {
                if (ind.comparator == Comparator::ge || ind.comparator == Comparator::gt)
                    report_deadline(project, ind, sink);
                continue;
            }
            if (ind.comparator == Comparator::none) {
                // A deadline (12月底前, 30个工作日内) carries its direction in its words.
                const bool deadline = util::contains(ind.target.text, "前") || util::contains(ind.target.text, "内") ||
                                      util::contains(ind.target.text, "底");
                if (ind.value.number && !deadline) report_unstated(project, ind, match(ind), sink);
                continue;
            }
            const Match m = match(ind);
            if (!m.path || m.conflict) continue;
            const Comparator c = ind.comparator;
            // `=` is acceptable both ways: "=0 起安全事故", "= 预算数" for a cost.
            const bool wrong = m.expect == Expect::at_least ? (c == Comparator::le || c == Comparator::lt)
                                                            : (c == Comparator::ge || c == Comparator::gt);
            if (!wrong) continue;
            const std::string sym = comparator_symbol(c);
            const bool more = m.expect == Expect::at_least;
            Finding f = make_finding(project, &ind, ind.type.empty() ? ind.target : ind.type);
            f.message = in_languages(
                sink,
                format_text("项目“{}”的指标“{}”属于“{}”，这类指标{}，通常应为{}，但指标值类型为“{}”。", pname,
                            ind.name.shown(), *m.path, more ? "越多（越高）越好" : "越少（越低）越好",
                            more ? "“≥”或“=”" : "“≤”或“=”", sym),
                [&] {
                    return format_text(
                        "Project “{}”, indicator “{}” is under “{}”, where {} is better, so the comparator is "
                        "normally {}; it is “{}”.",
                        pname, ind.name.shown(), *m.path, more ? "more" : "less", more ? "“≥” or “=”" : "“≤” or “=”",
                        sym);
                });
            // Two wordings per run, one for each direction.
            f.hint = in_languages(sink, more ? m_hint_more.zh : m_hint_less.zh,
                                  [&] { return more ? m_hint_more.en : m_hint_less.en; });
            sink.add(std::move(f));
        }
    }

private:
    // A date for a target under ≥ or >: as written, finishing later would meet it. Scoring reads the date as
    // a deadline all the same; the table should say so.
    static void report_deadline(const Project& project, const Indicator& ind, FindingSink& sink) {
        const std::string sym = comparator_symbol(ind.comparator);
        Finding f = make_finding(project, &ind, ind.type.empty() ? ind.target : ind.type);
        f.message = in_languages(
            sink,
            format_text("{}的指标“{}”指标值“{}”是期限（日期），按期完成是不晚于它，但指标值类型为“{}”"
                        "（越晚越好）。评分仍按期限计。",
                        project_zh(project), ind.name.shown(), ind.target.shown(), sym),
            [&] {
                return format_text(
                    "Indicator “{}” of {} has a deadline (a date) for a target, met by finishing no later than "
                    "it, but its comparator is “{}” (later is better). Scoring reads it as a deadline all the same.",
                    ind.name.shown(), project_en(project), sym);
            });
        f.hint = in_languages(sink, "把指标值类型改为“≤”（不晚于期限）。",
                              [] { return std::string("Change the comparator to “≤” (no later than the deadline)."); });
        sink.add(std::move(f));
    }

    // A number for a target, and no comparator in 指标值类型 or in the value: which way is met cannot be read
    // (the year-end score assumes one). The category's direction, when it has one, is the suggestion.
    static void report_unstated(const Project& project, const Indicator& ind, const Match& m, FindingSink& sink) {
        const bool known = m.path && !m.conflict;
        const bool more = m.expect == Expect::at_least;
        const std::string suggest = !known ? std::string("≥、≤ 或 =") : more ? "≥" : "≤";
        Finding f = make_finding(project, &ind, ind.type.empty() ? ind.target : ind.type);
        f.value = ind.target.text;
        f.message = in_languages(
            sink,
            format_text("{}的指标“{}”指标值为“{}"
                        "”，但指标值类型没有填写，指标值中也没有比较符，无法判断实际值高于还是低于它算完成。",
                        project_zh(project), ind.name.shown(), ind.target.text),
            [&] {
                return format_text(
                    "Indicator “{}” of {} has the target “{}” but no comparator, in 指标值类型 or in the value: "
                    "whether more or less meets it cannot be read.",
                    ind.name.shown(), project_en(project), ind.target.text);
            });
        // A table without the column (the national self-evaluation form has none) writes it into the value.
        const bool no_column = ind.type.loc.column == 0;
        const std::string sign = known ? suggest : std::string("≥");
        f.hint = in_languages(
            sink,
            no_column ? format_text("在指标值中写明比较符（如“{}{}”{}）。", sign, ind.target.text,
                                    known ? format_text("；“{}”类指标{}", *m.path,
                                                        more ? "越多（越高）越好" : "越少（越低）越好")
                                          : std::string("，或 ≤、="))
            : known ? format_text("在指标值类型列填写“{}”（“{}”类指标{}）。", suggest, *m.path,
                                  more ? "越多（越高）越好" : "越少（越低）越好")
                    : format_text("在指标值类型列填写{}，或写进指标值（如“≥{}”）。", suggest, ind.target.text),
            [&] {
                if (no_column)
                    return format_text("Write the comparator in the value (e.g. “{}{}”).", sign, ind.target.text);
                return known ? format_text("Fill in “{}” as the comparator (under “{}” {} is better).", suggest,
                                           *m.path, more ? "more" : "less")
                             : format_text("Fill in the comparator (≥, ≤ or =), or write it in the value (e.g. “≥{}”).",
                                           ind.target.text);
            });
        sink.add(std::move(f));
    }

    Match match(const Indicator& ind) const {
        Match m;
        auto consider = [&](const std::vector<std::string>& paths, const std::vector<LevelPath>& split, Expect expect) {
            for (std::size_t k = 0; k < paths.size(); ++k) {
                const std::string& p = paths[k];
                if (!under(ind, split[k])) continue;
                const int d = depth_of(p);
                if (d > m.depth) {
                    m = {&p, expect, d, false};
                } else if (d == m.depth && m.expect != expect) {
                    m.conflict = true;
                }
            }
        };
        consider(m_at_least, m_at_least_paths, Expect::at_least);
        consider(m_at_most, m_at_most_paths, Expect::at_most);
        return m;
    }

    std::vector<std::string> m_at_least;
    std::vector<std::string> m_at_most;
    std::vector<LevelPath> m_at_least_paths;  ///< m_at_least, split
    std::vector<LevelPath> m_at_most_paths;
    Text m_hint_more;  ///< the hint for a "more is better" category with ≤ or <
    Text m_hint_less;  ///< and for a "less is better" one with ≥ or >
};

/// Paths are "一级" or "一级/二级", each part non-empty.
std::optional<Error> check_paths(const Params& params, const std::string& key) {
    const Param* p = params.find(key);
    if (!p) return std::nullopt;
    for (const auto& v : p->values) {
        const auto parts = util::split(v, '/');
        bool ok = !parts.empty() && parts.size() <= 2;
        for (const auto& part : parts) ok = ok && !util::trim(part).empty();
        if (ok) continue;
        Error e;
        e.line = p->line;
        e.message = format_text(
            "parameter '{}' of rule {}: '{}' is not an indicator path; write \"一级\" or \"一级/二级\", e.g. "
            "\"产出指标/数量指标\"",
            key, k_id, v);
        return e;
    }
    return std::nullopt;
}

}  // namespace

Expected<std::unique_ptr<Rule>> make_comparator_direction(const RuleSet& rules, const Params& params) {
    (void)rules;
    if (auto err = reject_unknown(params, k_id, {"at_least", "at_most"})) return *err;
    if (auto err = check_paths(params, "at_least")) return *err;
    if (auto err = check_paths(params, "at_most")) return *err;
    auto trimmed = [](std::vector<std::string> v) {
        for (auto& s : v) s = util::strip_spaces(s);
        return v;
    };
    // Defaults match rules/default.yaml, for rule sets that enable the rule without parameters.
    auto at_least = trimmed(list_param(params, "at_least", {"产出指标/数量指标", "产出指标/质量指标", "满意度指标"}));
    auto at_most = trimmed(list_param(params, "at_most", {"成本指标", "产出指标/成本指标", "产出指标/成本控制数"}));
    return Expected<std::unique_ptr<Rule>>(
        std::make_unique<ComparatorDirection>(std::move(at_least), std::move(at_most)));
}

}  // namespace perf_check::rules
