// Rule deduction-discretionary: the 评（扣分标准） only says 视情况扣分 (at the reviewer's discretion),
// with no computable deduction, so scoring falls back to the rule set's default formula.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "rules/factories.hpp"
#include "rules/finding_text.hpp"
#include "rules/rule_util.hpp"
#include "scoring/actuals.hpp"
#include "scoring/deduction.hpp"
#include "util/text.hpp"

namespace perf_check::rules {
namespace {

/// True when the standard mentions discretion (视情况扣分) and gives nothing the scorer can compute: no
/// step (每超过5万元扣1分), numeric condition (少于1%扣0.5分), proportional form or all-or-nothing. The
/// scoring grammar decides, so this rule and the scorer never disagree on whether defaults apply.
bool is_discretionary(std::string_view text) {
    const auto f = scoring::shared_deduction(text);
    return f->discretionary && !f->has_rule();
}

std::string percent(Decimal fraction) {
    return (fraction * Decimal::from_int(100)).str();
}

/// The default formula the scorer applies for `c`, in words.
Text default_formula(Comparator c, const ScoringPolicy& policy) {
    switch (c) {
        case Comparator::ge:
        case Comparator::gt:
            return {"按完成比例计分（分值×实际值÷目标值，达到目标值得满分）",
                    "pro rata to completion (weight × actual ÷ target; full marks when met)"};
        case Comparator::le:
        case Comparator::lt:
            if (policy.reverse == ReverseVariant::ratio) {
                return {"按超支比例扣分（分值×目标值÷实际值，未超过目标值得满分）",
                        "reduced in proportion to the overrun (weight × target ÷ actual; full marks when within "
                        "the target)"};
            }
            return {"按超支比例扣分（分值×(1−(实际值−目标值)÷目标值)，达到目标值2倍时为0分）",
                    "reduced in proportion to the overrun (weight × (1 − (actual − target) ÷ target); 0 at twice "
                    "the target)"};
        case Comparator::eq:
            return {"等于目标值得满分；目标值为0时实际值大于0即得0分，否则按完成比例计分",
                    "full marks when equal to the target; with a target of 0 any positive actual scores 0, "
                    "otherwise pro rata to completion"};
        case Comparator::qualitative: {
            std::vector<std::string> zh;
            std::vector<std::string> en;
            for (const auto& b : policy.bands) {
                zh.push_back(format_text("{}{}%–{}%", b.label, percent(b.low), percent(b.high)));
                en.push_back(format_text("{} {}–{}%", b.label, percent(b.low), percent(b.high)));
            }
            return {format_text("按等级区间计分（{}）", util::join(zh, "、")),
                    format_text("by grade band ({})", util::join(en, "; "))};
        }
        case Comparator::none:
            break;
    }
    return {"由指标值类型决定，但该指标未填写指标值类型",
            "chosen by the comparator, which this indicator does not state"};
}

/// How to write a concrete standard for an indicator with comparator `c`, counted in `unit`.
Text example_hint(const Text& example) {
    return {"请写明具体扣分办法，例如" + example.zh + "。", "State a concrete deduction, e.g. " + example.en + "."};
}
Text example_hint(Comparator c, std::string_view unit = "") {
    return example_hint(deduction_example(c, unit));
}

class DeductionDiscretionary final : public Rule {
public:
    DeductionDiscretionary(Placeholders placeholders, const ScoringPolicy& policy) {
        m_tokens.placeholders = std::move(placeholders);
        // The policy is fixed for the run: word each comparator's default formula and hint once, not per
        // finding.
        for (const Comparator c : {Comparator::none, Comparator::ge, Comparator::gt, Comparator::le, Comparator::lt,
                                   Comparator::eq, Comparator::qualitative}) {
            m_formulas[static_cast<std::size_t>(c)] = default_formula(c, policy);
            m_hints[static_cast<std::size_t>(c)] = example_hint(c);
        }
    }

    void check(const Project& project, FindingSink& sink) const override {
        const std::string_view pname = project_label(project);
        for (const auto& ind : project.indicators) {
            // An empty standard is deduction-missing's finding.
            if (ind.placeholder || m_tokens.is_placeholder(ind.deduction.text)) continue;
            if (!is_discretionary(ind.deduction.text)) continue;
            // A deadline (a date for a target) is scored by the date it was met, whatever its comparator.
            const bool deadline = scoring::deadline_of(ind).has_value();
            const Text& formula = deadline ? m_deadline : m_formulas[static_cast<std::size_t>(ind.comparator)];
            const std::string sym = deadline ? std::string() : comparator_symbol(ind.comparator);
            const std::string kind_zh = deadline ? "期限（日期）指标的" : sym.empty() ? "" : "“" + sym + "”指标的";
            const std::string kind_en = deadline      ? " for deadlines (a date for a target)"
                                        : sym.empty() ? ""
                                                      : " for “" + sym + "” indicators";
            Finding f = make_finding(project, &ind, ind.deduction);
            f.message = in_languages(
                sink,
                format_text("项目“{}”的指标“{}”扣分标准“{}”只说视情况扣分，没有可计算的扣分办法；评分将采用规则集{}"
                            "默认公式：{}。",
                            pname, ind.name.shown(), ind.deduction.shown(), kind_zh, formula.zh),
                [&] {
                    return format_text(
                        "Project “{}”, indicator “{}”: the deduction standard “{}” is only discretionary (视情况扣分) "
                        "with nothing to compute; scoring uses the rule set's default{}: {}.",
                        pname, ind.name.shown(), ind.deduction.shown(), kind_en, formula.en);
                });
            // The common case is worded once per run (m_hints); a ≤/< counted in another unit than 万元 here.
            const bool by_unit = !deadline && example_depends_on_unit(ind.comparator, ind.value.unit);
            const Text own = by_unit ? example_hint(ind.comparator, ind.value.unit) : Text{};
            const Text& hint = deadline  ? m_deadline_hint
                               : by_unit ? own
                                         : m_hints[static_cast<std::size_t>(ind.comparator)];
            f.hint = in_languages(sink, hint.zh, [&] { return hint.en; });
            sink.add(std::move(f));
        }
    }

private:
    // Copies, so the rule does not depend on the set's lifetime; only placeholders are used of m_tokens.
    RuleSet m_tokens;
    std::array<Text, 7> m_formulas;  ///< by Comparator
    std::array<Text, 7> m_hints;     ///< by Comparator
    Text m_deadline = deadline_default();
    Text m_deadline_hint = example_hint(deadline_example());
};

}  // namespace

Expected<std::unique_ptr<Rule>> make_deduction_discretionary(const RuleSet& rules, const Params& params) {
    if (auto err = reject_unknown(params, "deduction-discretionary", {})) return *err;
    return Expected<std::unique_ptr<Rule>>(std::make_unique<DeductionDiscretionary>(rules.placeholders, rules.scoring));
}

}  // namespace perf_check::rules
