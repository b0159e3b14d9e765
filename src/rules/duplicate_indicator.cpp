// Rule duplicate-indicator: the same 三级指标 name twice within one project (real rows only).
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "rules/factories.hpp"
#include "rules/finding_text.hpp"
#include "rules/rule_util.hpp"
#include "util/text.hpp"

namespace perf_check::rules {
namespace {

class DuplicateIndicator final : public Rule {
public:
    explicit DuplicateIndicator(Placeholders placeholders) { m_tokens.placeholders = std::move(placeholders); }

    void check(const Project& project, FindingSink& sink) const override {
        const std::string_view pname = project_label(project);
        // Each real row's name (without any spaces, so "资金 到位率" and "资金到位率" are one), sorted by
        // name and then row order: a row whose name equals the one before it in that order repeats the
        // first of its run. Sorting views of the names allocates nothing per row, unlike a map of copies;
        // the three lists are the thread's, kept from project to project, so a project allocates nothing.
        struct Named {
            std::string_view key;
            std::size_t index;
        };
        thread_local std::vector<std::string> stripped;  // names that held spaces, without them
        thread_local std::vector<Named> names;
        thread_local std::vector<std::size_t> first_of;  // the earlier row index i repeats, for each repeat
        stripped.clear();
        stripped.reserve(project.indicators.size());  // never reallocated below: `Named::key` may view these
        names.clear();
        for (std::size_t i = 0; i < project.indicators.size(); ++i) {
            const Indicator& ind = project.indicators[i];
            // Placeholder rows all read "无"; a nameless row is not a duplicate of another nameless row.
            if (ind.placeholder || m_tokens.is_placeholder(ind.name.text)) continue;
            if (util::has_spaces(ind.name.text)) {
                names.push_back({stripped.emplace_back(util::strip_spaces(ind.name.text)), i});
            } else {
                names.push_back({ind.name.text, i});
            }
        }
        // Any order that groups equal names will do (the earliest row of each group is what counts): by
        // length first, which tells most names apart without comparing their bytes.
        std::sort(names.begin(), names.end(), [](const Named& a, const Named& b) {
            if (a.key.size() != b.key.size()) return a.key.size() < b.key.size();
            const int order = a.key.compare(b.key);
            return order != 0 ? order < 0 : a.index < b.index;
        });
        first_of.assign(project.indicators.size(), project.indicators.size());
        for (std::size_t k = 1, run = 0; k < names.size(); ++k) {
            if (!util::same_text(names[k].key, names[run].key)) {
                run = k;
                continue;
            }
            first_of[names[k].index] = names[run].index;
        }
        for (std::size_t i = 0; i < project.indicators.size(); ++i) {
            if (first_of[i] == project.indicators.size()) continue;
            const Indicator& ind = project.indicators[i];
            const Indicator& prev = project.indicators[first_of[i]];
            Finding f = make_finding(project, &ind, ind.name);
            f.message = {fmt::format("项目“{}”中三级指标“{}”重复出现：第{}行（{}）已有同名指标。", pname,
                                     ind.name.shown(), shown_row(prev), prev.path()),
                         fmt::format("Project “{}”: the indicator “{}” appears again; row {} ({}) has the same name.",
                                     pname, ind.name.shown(), shown_row(prev), prev.path())};
            f.hint = {
                "同一项目内每个三级指标只应出现一次：删除重复行，或改用能区分内容的名称（如“中央资金到位率”“地方资金到"
                "位率”）。",
                "Each indicator should appear once per project: delete the repeated row, or give the two "
                "distinct names (e.g. 中央资金到位率 / 地方资金到位率)."};
            sink.add(std::move(f));
        }
    }

private:
    // Only the placeholder tokens are copied, so the rule does not depend on the set's lifetime.
    RuleSet m_tokens;
};

}  // namespace

Expected<std::unique_ptr<Rule>> make_duplicate_indicator(const RuleSet& rules, const Params& params) {
    if (auto err = reject_unknown(params, "duplicate-indicator", {})) return *err;
    return Expected<std::unique_ptr<Rule>>(std::make_unique<DuplicateIndicator>(rules.placeholders));
}

}  // namespace perf_check::rules
