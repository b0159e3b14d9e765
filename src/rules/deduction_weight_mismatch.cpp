// Rule deduction-weight-mismatch: the 评（扣分标准） disagrees with the indicator's own 分值: it states another
// weight (本项分值10分 beside 5分), or a row of its tier table gives more points than the weight (较好得15分 on a
// 10-point indicator). Scoring goes by the 分值 column and never above it, so the text says what no score does.
#include <string>
#include <vector>

#include <fmt/format.h>

#include "rules/factories.hpp"
#include "rules/finding_text.hpp"
#include "rules/rule_util.hpp"
#include "scoring/deduction.hpp"
#include "util/text.hpp"

namespace perf_check::rules {
namespace {

class DeductionWeightMismatch final : public Rule {
public:
    explicit DeductionWeightMismatch(Placeholders placeholders) { m_tokens.placeholders = std::move(placeholders); }

    void check(const Project& project, FindingSink& sink) const override {
        const std::string_view pname = project_label(project);
        for (const auto& ind : project.indicators) {
            // A missing weight is weight-missing's; an empty standard deduction-missing's.
            if (ind.placeholder || !ind.weight_points || m_tokens.is_placeholder(ind.deduction.text)) continue;
            const auto shared = scoring::shared_deduction(ind.deduction.text);
            const scoring::Formula& f = *shared;
            if (!f.stated_weight && f.tiers.empty()) continue;
            const Decimal w = *ind.weight_points;
            std::vector<std::string> zh;
            std::vector<std::string> en;
            bool over = false;  // a weight or points above the column's: the score stops at it
            if (f.stated_weight && *f.stated_weight != w) {
                over = true;
                zh.push_back(fmt::format("写明本项分值{}分，分值列却是{}分", f.stated_weight->str(), w.str()));
                en.push_back(fmt::format("it states a weight of {} while the weight column says {}",
                                         f.stated_weight->str(), w.str()));
            }
            for (const scoring::Tier& t : f.tiers) {
                if (t.full || t.points <= w) continue;
                if (t.deduct) {
                    zh.push_back(fmt::format("“{}”一档扣{}分，多于分值{}分", t.source, t.points.str(), w.str()));
                    en.push_back(fmt::format("the row “{}” takes off {}, more than the weight {}", t.source,
                                             t.points.str(), w.str()));
                } else {
                    over = true;
                    zh.push_back(fmt::format("“{}”一档得{}分，超过分值{}分", t.source, t.points.str(), w.str()));
                    en.push_back(fmt::format("the row “{}” gives {}, more than the weight {}", t.source, t.points.str(),
                                             w.str()));
                }
            }
            if (zh.empty()) continue;
            Finding out = make_finding(project, &ind, ind.deduction);
            const std::string points = w.str();
            out.message = {
                fmt::format("项目“{}”的指标“{}”扣分标准{}；评分按分值列的{}分计，{}。", pname, ind.name.shown(),
                            util::join(zh, "；"), points, over ? "最多得" + points + "分" : "最低0分"),
                fmt::format("Project “{}”, indicator “{}”, deduction standard: {}; scoring goes by the weight "
                            "column's {} and gives {}.",
                            pname, ind.name.shown(), util::join(en, "; "), points,
                            over ? "at most " + points : "no less than 0")};
            out.hint = {"请使扣分标准中的分数与分值列一致：改分值，或改扣分标准中各档的分数（最高一档不超过分值）。",
                        "Make the points in the deduction standard agree with the weight column: change the weight, "
                        "or the rows' points (the top row at most the weight)."};
            sink.add(std::move(out));
        }
    }

private:
    // Only the placeholder tokens are kept, so the rule does not depend on the set's lifetime.
    RuleSet m_tokens;
};

}  // namespace

Expected<std::unique_ptr<Rule>> make_deduction_weight_mismatch(const RuleSet& rules, const Params& params) {
    if (auto err = reject_unknown(params, "deduction-weight-mismatch", {})) return *err;
    return Expected<std::unique_ptr<Rule>>(std::make_unique<DeductionWeightMismatch>(rules.placeholders));
}

}  // namespace perf_check::rules
