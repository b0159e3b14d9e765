// Rule indicator-level: a 一级指标 outside the framework, a 二级指标 not under its 一级指标, or a row with a
// target but no 三级指标 name.
#include <optional>

#include <fmt/format.h>

#include "rules/factories.hpp"
#include "rules/finding_text.hpp"
#include "rules/rule_util.hpp"
#include "util/text.hpp"

namespace perf_check::rules {

namespace {

constexpr const char* k_id = "indicator-level";

class IndicatorLevel final : public Rule {
public:
    explicit IndicatorLevel(std::vector<Level1> levels) : m_levels(std::move(levels)) {
        for (const auto& l : m_levels) {
            m_names.push_back(l.name);
            Stems& st = m_stems.emplace_back();
            st.level = level_stem(l.name);
            for (const auto& c : l.children) st.children.emplace_back(level_stem(c));
        }
    }

    void check(const Project& project, FindingSink& sink) const override {
        // A wrong name filled down over several rows (merged cells) is one mistake: report it once per run.
        std::optional<std::string> last_bad_l1;
        std::optional<std::string> last_bad_l2;
        for (const auto& ind : project.indicators) {
            // A row with a target but no indicator name is half an indicator (a placeholder row is not one).
            if (!ind.placeholder && ind.name.empty()) report_level3(project, ind, sink);
            std::string scratch1;
            std::string scratch2;
            const std::string& l1 = ind.level1_view(scratch1);
            const std::string& l2 = ind.level2_view(scratch2);
            const std::size_t level = find_level(l1);
            if (level == k_none) {
                if (last_bad_l1 != l1) report_level1(project, ind, l1, l2, sink);
                last_bad_l1 = l1;
                last_bad_l2.reset();
                continue;
            }
            last_bad_l1.reset();
            if (has_child(level, l2)) {
                last_bad_l2.reset();
                continue;
            }
            const std::string key = l1 + "/" + l2;
            if (last_bad_l2 != key) report_level2(project, ind, m_levels[level], l2, sink);
            last_bad_l2 = key;
        }
    }

private:
    static constexpr std::size_t k_none = static_cast<std::size_t>(-1);

    // Which of m_levels `l1` names, or k_none. Names compare as rule_util::under does: without spaces,
    // a trailing 指标 optional (the same level_stem). The row's name is stemmed once, the
    // framework's were stemmed when the rule was made (every row is asked).
    std::size_t find_level(const std::string& l1) const {
        if (l1.empty()) return k_none;
        const std::string_view s = level_stem(l1);
        for (std::size_t i = 0; i < m_stems.size(); ++i) {
            if (util::same_text(s, m_stems[i].level)) return i;
        }
        return k_none;
    }

    // Whether `l2` is one of the children of m_levels[level] (by level_stem).
    bool has_child(std::size_t level, const std::string& l2) const {
        if (l2.empty()) return false;
        const std::string_view s = level_stem(l2);
        for (const auto& c : m_stems[level].children) {
            if (util::same_text(s, c)) return true;
        }
        return false;
    }

    // The first 一级 that lists `l2` among its children (成本指标 is also a 二级 of 产出指标 in older tables).
    const Level1* parent_of(const std::string& l2) const {
        for (std::size_t i = 0; i < m_levels.size(); ++i) {
            if (has_child(i, l2)) return &m_levels[i];
        }
        return nullptr;
    }

    static std::string named_zh(const Indicator& ind) {
        return ind.placeholder || ind.name.text.empty() ? std::string() : "（三级指标“" + ind.name.text + "”）";
    }
    static std::string named_en(const Indicator& ind) {
        return ind.placeholder || ind.name.text.empty() ? std::string() : " (indicator “" + ind.name.text + "”)";
    }

    void report_level1(const Project& project, const Indicator& ind, const std::string& l1, const std::string& l2,
                       FindingSink& sink) const {
        Finding f = make_finding(project, &ind, ind.level1);
        const std::string allowed = util::join(m_names, "、");
        if (l1.empty()) {
            f.message.zh = fmt::format("{}第{}行{}没有一级指标。", project_zh(project), shown_row(ind), named_zh(ind));
            f.message.en = fmt::format("Row {} of {}{} has no level-1 indicator (一级指标).", shown_row(ind),
                                       project_en(project), named_en(ind));
        } else {
            f.message.zh = fmt::format("{}{}的一级指标“{}”不在指标体系内。", project_zh(project), named_zh(ind), l1);
            f.message.en = fmt::format("The level-1 indicator “{}” of {}{} is not in the framework.", l1,
                                       project_en(project), named_en(ind));
        }
        std::string hint_zh;
        std::string hint_en;
        const Level1* as_child = parent_of(l1);
        const std::string guess = util::did_you_mean(l1, m_names);
        const Level1* by_l2 = parent_of(l2);
        if (as_child) {
            hint_zh = fmt::format("“{}”是二级指标，属于一级指标“{}”：一级指标列填“{}”，二级指标列填“{}”。", l1,
                                  as_child->name, as_child->name, l1);
            hint_en = fmt::format(
                "“{}” is a level-2 indicator under “{}”: put “{}” in the 一级指标 column and “{}” "
                "in the 二级指标 column.",
                l1, as_child->name, as_child->name, l1);
        } else if (!guess.empty()) {
            hint_zh = fmt::format("是否应为“{}”？", guess);
            hint_en = fmt::format("Did you mean “{}”? ", guess);
        } else if (by_l2) {
            hint_zh = fmt::format("按其二级指标“{}”，一级指标应为“{}”。", l2, by_l2->name);
            hint_en = fmt::format("Its level-2 indicator “{}” belongs under “{}”. ", l2, by_l2->name);
        }
        f.hint.zh = hint_zh + fmt::format("一级指标只能是：{}。", allowed);
        f.hint.en = hint_en + fmt::format("A level-1 indicator must be one of: {}.", util::join(m_names, ", "));
        sink.add(std::move(f));
    }

    void report_level2(const Project& project, const Indicator& ind, const Level1& level, const std::string& l2,
                       FindingSink& sink) const {
        Finding f = make_finding(project, &ind, ind.level2);
        if (l2.empty()) {
            f.message.zh = fmt::format("{}“{}”下第{}行{}没有二级指标。", project_zh(project), level.name,
                                       shown_row(ind), named_zh(ind));
            f.message.en = fmt::format("Row {} of {} under “{}”{} has no level-2 indicator (二级指标).", shown_row(ind),
                                       project_en(project), level.name, named_en(ind));
        } else {
            f.message.zh = fmt::format("{}{}的二级指标“{}”不属于一级指标“{}”。", project_zh(project), named_zh(ind), l2,
                                       level.name);
            f.message.en = fmt::format("The level-2 indicator “{}” of {}{} does not belong under “{}”.", l2,
                                       project_en(project), named_en(ind), level.name);
        }
        std::string hint_zh;
        std::string hint_en;
        const std::string guess = util::did_you_mean(l2, level.children);
        const Level1* other = parent_of(l2);
        if (!guess.empty()) {
            hint_zh = fmt::format("是否应为“{}”？", guess);
            hint_en = fmt::format("Did you mean “{}”? ", guess);
        } else if (other) {
            hint_zh = fmt::format("“{}”属于一级指标“{}”，请把一级指标改为“{}”，或改用“{}”下的二级指标。", l2,
                                  other->name, other->name, level.name);
            hint_en = fmt::format(
                "“{}” belongs under “{}”: change the level-1 indicator to “{}”, or use a level-2 "
                "indicator of “{}”. ",
                l2, other->name, other->name, level.name);
        }
        f.hint.zh = hint_zh + fmt::format("“{}”下的二级指标只能是：{}。", level.name, util::join(level.children, "、"));
        f.hint.en = hint_en + fmt::format("Under “{}” the level-2 indicator must be one of: {}.", level.name,
                                          util::join(level.children, ", "));
        sink.add(std::move(f));
    }

    static void report_level3(const Project& project, const Indicator& ind, FindingSink& sink) {
        Finding f = make_finding(project, &ind, ind.name);
        const std::string under = ind.level2.empty() ? ind.level1.text : ind.level2.text;
        const std::string where_zh = under.empty() ? std::string() : "“" + under + "”下";
        const std::string where_en = under.empty() ? std::string() : " under “" + under + "”";
        f.message =
            in_languages(sink,
                         fmt::format("{}{}第{}行填了指标值“{}”，但没有三级指标名称。", project_zh(project), where_zh,
                                     shown_row(ind), ind.target.text),
                         [&] {
                             return fmt::format("Row {} of {}{} has a target (“{}”) but no indicator name (三级指标).",
                                                shown_row(ind), project_en(project), where_en, ind.target.text);
                         });
        f.hint = in_languages(
            sink, std::string("在三级指标列写明这一行考核什么（如“培训人数”“资金到位率”）；不用的行整行填“无”。"), [] {
                return std::string(
                    "Name what the row measures in the 三级指标 column (e.g. 培训人数); fill an unused row with 无.");
            });
        sink.add(std::move(f));
    }

    std::vector<Level1> m_levels;
    std::vector<std::string> m_names;
    /// m_levels' names and children as names are compared (level_stem), in the same order.
    struct Stems {
        std::string level;
        std::vector<std::string> children;
    };
    std::vector<Stems> m_stems;
};

}  // namespace

Expected<std::unique_ptr<Rule>> make_indicator_level(const RuleSet& rules, const Params& params) {
    if (auto err = reject_unknown(params, k_id, {})) return *err;
    return std::unique_ptr<Rule>(std::make_unique<IndicatorLevel>(rules.framework.levels));
}

}  // namespace perf_check::rules
