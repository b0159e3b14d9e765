// Rule duplicate-indicator: the same 三级指标 name twice within one project (real rows only).
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "rules/factories.hpp"
#include "rules/rule_util.hpp"
#include "util/text.hpp"

namespace perf_check::rules {
namespace {

class DuplicateIndicator final : public Rule {
public:
    explicit DuplicateIndicator(std::vector<std::string> placeholders) {
        m_tokens.placeholders = std::move(placeholders);
    }

    void check(const Project& project, FindingSink& sink) const override {
        const std::string& pname = project.name.text.empty() ? project.code.text : project.name.text;
        // Name (without any spaces, so "资金 到位率" and "资金到位率" are one) → its first indicator.
        std::map<std::string, const Indicator*> first;
        for (const auto& ind : project.indicators) {
            // Placeholder rows all read "无"; a nameless row is not a duplicate of another nameless row.
            if (ind.placeholder || m_tokens.is_placeholder(ind.name.text)) continue;
            const std::string key = util::strip_spaces(ind.name.text);
            const auto [it, inserted] = first.emplace(key, &ind);
            if (inserted) continue;
            const Indicator& prev = *it->second;
            Finding f = make_finding(project, &ind, ind.name);
            f.message = {fmt::format("项目“{}”中三级指标“{}”重复出现：第{}行（{}）已有同名指标。", pname, ind.name.text,
                                     prev.row, prev.path()),
                         fmt::format("Project “{}”: the indicator “{}” appears again; row {} ({}) has the same name.",
                                     pname, ind.name.text, prev.row, prev.path())};
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
