// Rule deduction-unparsed: a 评（扣分标准） with parts the deduction grammar does not understand, or written
// in a form it does not score (ranking, tiered tables, bonus points). Names the part.
#include <string>
#include <vector>

#include <fmt/format.h>

#include "rules/factories.hpp"
#include "rules/finding_text.hpp"
#include "rules/rule_util.hpp"
#include "scoring/deduction.hpp"
#include "scoring/explain.hpp"
#include "util/text.hpp"

namespace perf_check::rules {
namespace {

std::string quoted_zh(const std::vector<std::string>& parts) {
    std::vector<std::string> q;
    for (const auto& p : parts) q.push_back("“" + util::replace_all(p, ",", "，") + "”");
    return util::join(q, "、");
}

std::string quoted_en(const std::vector<std::string>& parts) {
    std::vector<std::string> q;
    for (const auto& p : parts) q.push_back("“" + p + "”");
    return util::join(q, ", ");
}

const char* kind_zh(scoring::UnsupportedKind k) {
    switch (k) {
        case scoring::UnsupportedKind::ranking: return "按排名计分";
        case scoring::UnsupportedKind::tiered: return "分档计分表";
        case scoring::UnsupportedKind::bonus: break;
    }
    return "加分";
}

const char* kind_en(scoring::UnsupportedKind k) {
    switch (k) {
        case scoring::UnsupportedKind::ranking: return "scoring by ranking";
        case scoring::UnsupportedKind::tiered: return "a tiered scoring table";
        case scoring::UnsupportedKind::bonus: break;
    }
    return "bonus points";
}

/// Parses every real indicator's deduction text and reports what was not understood or not supported.
class DeductionUnparsed final : public Rule {
public:
    explicit DeductionUnparsed(Placeholders placeholders) { m_tokens.placeholders = std::move(placeholders); }

    void check(const Project& project, FindingSink& sink) const override {
        const std::string_view pname = project_label(project);
        for (const auto& ind : project.indicators) {
            // Empty and placeholder texts are deduction-missing's business.
            if (ind.placeholder || m_tokens.is_placeholder(ind.deduction.text)) continue;
            const auto shared = scoring::shared_deduction(ind.deduction.text);
            const scoring::Formula& f = *shared;
            if (f.unparsed.empty() && f.unsupported.empty()) continue;
            std::vector<std::string> zh;
            std::vector<std::string> en;
            if (!f.unparsed.empty()) {
                zh.push_back(fmt::format("{}无法理解", quoted_zh(f.unparsed)));
                en.push_back(fmt::format("{} could not be understood", quoted_en(f.unparsed)));
            }
            for (const auto& u : f.unsupported) {
                if (u.kind == scoring::UnsupportedKind::bonus) {
                    zh.push_back(fmt::format("“{}”是加分，不计（得分不超过分值）", u.text));
                    en.push_back(fmt::format("“{}” is a bonus and is ignored (a score never exceeds the weight)", u.text));
                } else {
                    zh.push_back(fmt::format("写的是{}，不支持自动计分", kind_zh(u.kind)));
                    en.push_back(fmt::format("it is {}, which is not scored automatically", kind_en(u.kind)));
                }
            }
            const std::string canonical = scoring::canonical_form(f);
            // In Chinese, the parts understood as the text says them (the canonical form is for English and
            // for scripts): “每少1人扣0.5分，扣完为止”.
            // Pieces that follow each other in the text stay one phrase (达到指标值得满分).
            std::vector<std::string> understood;
            std::size_t last_end = std::string::npos;
            for (const auto& piece : f.pieces) {
                if (piece.kind == scoring::PieceKind::unparsed || piece.kind == scoring::PieceKind::unsupported)
                    continue;
                if (piece.from == last_end && !understood.empty())
                    understood.back() += util::strip_spaces(piece.text);
                else
                    understood.push_back(util::strip_spaces(piece.text));
                last_end = piece.to;
            }
            const bool falls_back = f.uses_default();
            Finding out = make_finding(project, &ind, ind.deduction);
            out.message = {
                fmt::format("项目“{}”的指标“{}”扣分标准中{}。{}", pname, ind.name.shown(), util::join(zh, "；"),
                            falls_back ? "评分将采用规则集的默认公式。"
                                       : fmt::format("评分只按已理解的部分进行：“{}”。", util::join(understood, "，"))),
                fmt::format("Project “{}”, indicator “{}”: in the deduction standard {}. {}", pname, ind.name.shown(),
                            util::join(en, "; "),
                            falls_back ? "Scoring uses the rule set's default formula."
                                       : fmt::format("Scoring uses only the part understood: {}.", canonical))};
            out.hint = {"请改用可计算的写法，如“每超过5万元扣1分”“少于1%扣0.5分”“未完成不得分”“按完成比例计分”，"
                        "并以“扣完为止”结尾；可用 perf-check explain \"扣分标准\" 查看工具的理解。",
                        "Use a computable wording such as 每超过5万元扣1分 (1 off per 5万元 over), 少于1%扣0.5分, "
                        "未完成不得分 or 按完成比例计分, ending with 扣完为止; `perf-check explain \"TEXT\"` shows "
                        "how a text is read."};
            sink.add(std::move(out));
        }
    }

private:
    // Only the placeholder tokens are kept, so the rule does not depend on the set's lifetime.
    RuleSet m_tokens;
};

}  // namespace

Expected<std::unique_ptr<Rule>> make_deduction_unparsed(const RuleSet& rules, const Params& params) {
    if (auto err = reject_unknown(params, "deduction-unparsed", {})) return *err;
    return Expected<std::unique_ptr<Rule>>(std::make_unique<DeductionUnparsed>(rules.placeholders));
}

}  // namespace perf_check::rules
