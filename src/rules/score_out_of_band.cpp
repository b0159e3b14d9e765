// Rule score-out-of-band: a reviewer's 得分 that is not a number, negative, above the weight or outside the
// band of its stated 定性 label; and a 定性 result the scorer cannot place without a 得分 (部分达成 /
// 未达成 with no 得分 scores the band's default fraction; an unknown label scores nothing). A label that is a
// row of the indicator's own tier table (较好 in 好得满分，较好得15分) is placed by the text.
#include <string>

#include "rules/factories.hpp"
#include "rules/finding_text.hpp"
#include "rules/rule_util.hpp"
#include "scoring/actuals.hpp"
#include "scoring/tiers.hpp"

namespace perf_check::rules {
namespace {

class ScoreOutOfBand final : public Rule {
public:
    explicit ScoreOutOfBand(const RuleSet& rules) {
        m_rules.placeholders = rules.placeholders;
        m_rules.scoring = rules.scoring;
    }

    void check(const Project& project, FindingSink& sink) const override {
        const std::string_view pname = project_label(project);
        const bool self_evaluated = scoring::has_actuals(project);
        for (const auto& ind : project.indicators) {
            if (ind.placeholder) continue;
            if (!ind.score.empty()) {
                check_score(project, ind, pname, sink);
            } else if (self_evaluated) {
                check_unscored_label(project, ind, pname, sink);
            }
        }
    }

private:
    // True when the actual is written as a label row of the indicator's tier table.
    static bool names_tier(const Indicator& ind, const scoring::ActualReading& a) {
        const auto f = scoring::tier_formula(ind);
        return f && scoring::label_tier(*f, a) != nullptr;
    }

    Finding at_score(const Project& project, const Indicator& ind) const {
        Finding f = scoring::self_evaluation_finding(project, &ind, ind.score);
        return f;
    }

    // A 得分 is written: it must be a number within [0, weight] and within its label's band.
    void check_score(const Project& project, const Indicator& ind, std::string_view pname, FindingSink& sink) const {
        const auto s = scoring::read_reviewer_score(ind);
        if (!s) {
            Finding f = at_score(project, ind);
            f.message = {
                format_text("项目“{}”的指标“{}”得分“{}”不是数字。", pname, ind.name.shown(), ind.score.shown()),
                format_text("Project “{}”, indicator “{}”: the score “{}” is not a number.", pname, ind.name.shown(),
                            ind.score.shown())};
            f.hint = {"得分请填写数字，如“13.5”。", "Write the score as a number, e.g. 13.5."};
            sink.add(std::move(f));
            return;
        }
        const Decimal zero;
        if (*s < zero) {
            Finding f = at_score(project, ind);
            f.message = {format_text("项目“{}”的指标“{}”得分{}为负数。", pname, ind.name.shown(), s->str()),
                         format_text("Project “{}”, indicator “{}”: the score {} is negative.", pname, ind.name.shown(),
                                     s->str())};
            f.hint = {"得分最低为0分（扣完为止）。", "A score is never below 0."};
            sink.add(std::move(f));
            return;
        }
        if (ind.weight_points && *s > *ind.weight_points) {
            Finding f = at_score(project, ind);
            f.message = {format_text("项目“{}”的指标“{}”得分{}超过该项分值{}。", pname, ind.name.shown(), s->str(),
                                     ind.weight_points->str()),
                         format_text("Project “{}”, indicator “{}”: the score {} exceeds the weight {}.", pname,
                                     ind.name.shown(), s->str(), ind.weight_points->str())};
            f.hint = {format_text("得分不能超过分值{}分；请核对得分或分值。", ind.weight_points->str()),
                      format_text("A score cannot exceed the weight {}; check the score or the weight.",
                                  ind.weight_points->str())};
            sink.add(std::move(f));
            return;
        }
        if (!ind.weight_points || m_rules.is_placeholder(ind.actual.text)) return;
        const scoring::ActualReading a = scoring::read_actual(ind, m_rules.scoring);
        if (!a.band || a.number) return;
        // A row of the text's own tier table (部分达成得10分) sets the points, not the label's band.
        if (names_tier(ind, a)) return;
        const Decimal lo = *ind.weight_points * a.band->low;
        const Decimal hi = *ind.weight_points * a.band->high;
        if (*s >= lo && *s <= hi) return;
        Finding f = at_score(project, ind);
        f.message = {
            format_text("项目“{}”的指标“{}”实际完成情况为“{}”，其得分区间为{}–{}分（分值{}的{}%–{}%），"
                        "但得分为{}；评分按区间边界{}分计。",
                        pname, ind.name.shown(), a.band->label, lo.str(), hi.str(), ind.weight_points->str(),
                        (a.band->low * Decimal::from_int(100)).str(), (a.band->high * Decimal::from_int(100)).str(),
                        s->str(), (*s < lo ? lo : hi).str()),
            format_text("Project “{}”, indicator “{}”: the result “{}” allows a score of {}–{} ({}%–{}% of the "
                        "weight {}), but the score is {}; scoring takes the band's edge, {}.",
                        pname, ind.name.shown(), a.band->label, lo.str(), hi.str(),
                        (a.band->low * Decimal::from_int(100)).str(), (a.band->high * Decimal::from_int(100)).str(),
                        ind.weight_points->str(), s->str(), (*s < lo ? lo : hi).str())};
        f.hint = {"请使得分与完成等级一致：达成年度指标得分值的80%–100%，部分达成年度指标并具有一定效果得60%–80%，"
                  "未达成年度指标且效果较差得0%–60%；或修改等级。",
                  "Make the score match the label (达成 80–100% of the weight, 部分达成 60–80%, 未达成 0–60%), or "
                  "change the label."};
        sink.add(std::move(f));
    }

    // No 得分: a 定性 result must be one the scorer can place without one.
    void check_unscored_label(const Project& project, const Indicator& ind, std::string_view pname,
                              FindingSink& sink) const {
        if (m_rules.is_placeholder(ind.actual.text)) return;  // actual-missing reports it
        const scoring::ActualReading a = scoring::read_actual(ind, m_rules.scoring);
        if (a.number && scoring::is_numeric_target(ind)) return;  // computed from the number
        if (scoring::deadline_dates(ind, a)) return;              // a date against a deadline
        // A day the calendar has not, against a deadline: actual-not-numeric reports it.
        if (scoring::impossible_actual_date(ind)) return;
        if (names_tier(ind, a)) return;  // 较好 against 好得满分，较好得15分: the text gives its points
        const QualitativeBand* top = scoring::top_band(m_rules.scoring);
        const Decimal w = ind.weight_points.value_or(Decimal{});
        if (a.band) {
            if (a.band == top && a.band->default_fraction == Decimal::from_int(1)) return;
            const Decimal given = w * a.band->default_fraction;
            Finding f = at_score(project, ind);
            f.value = ind.actual.as_read();
            f.message = in_languages(
                sink,
                format_text("项目“{}”的指标“{}”实际完成情况为“{}”，但未填写得分；评分按默认比例{}计{}分。", pname,
                            ind.name.shown(), a.band->label, a.band->default_fraction.str(), given.str()),
                [&] {
                    return format_text(
                        "Project “{}”, indicator “{}”: the result is “{}” but no score is given; "
                        "scoring takes the default fraction {}, {} points.",
                        pname, ind.name.shown(), a.band->label, a.band->default_fraction.str(), given.str());
                });
            const std::string low = (w * a.band->low).str();
            const std::string high = (w * a.band->high).str();
            f.hint = in_languages(sink, format_text("请按实际效果在“得分”列填写{}–{}分之间的得分。", low, high), [&] {
                return format_text("Fill in a score between {} and {} in the 得分 column.", low, high);
            });
            sink.add(std::move(f));
            return;
        }
        if (scoring::is_numeric_target(ind)) return;  // actual-not-numeric reports a text on a quantitative row
        Finding f = at_score(project, ind);
        f.value = ind.actual.as_read();
        f.message = {
            format_text("项目“{}”的定性指标“{}”实际完成值“{}”既不是完成等级，也不等于指标值“{}”，且未填写得分，"
                        "无法评分，本项按0分计。",
                        pname, ind.name.shown(), ind.actual.shown(), ind.target.shown()),
            format_text("Project “{}”, qualitative indicator “{}”: the actual “{}” is neither a result label "
                        "nor the target “{}”, and no score is given, so it cannot be scored and counts as 0.",
                        pname, ind.name.shown(), ind.actual.shown(), ind.target.shown())};
        f.hint = {"请在实际完成值填写“达成年度指标”“部分达成年度指标并具有一定效果”或“未达成年度指标且效果较差”，"
                  "或在“得分”列填写得分。",
                  "Write 达成年度指标, 部分达成年度指标并具有一定效果 or 未达成年度指标且效果较差 as the actual, or "
                  "fill in the 得分 column."};
        sink.add(std::move(f));
    }

    // The placeholder tokens and the scoring policy (bands) are copied, not the whole set.
    RuleSet m_rules;
};

}  // namespace

Expected<std::unique_ptr<Rule>> make_score_out_of_band(const RuleSet& rules, const Params& params) {
    if (auto err = reject_unknown(params, "score-out-of-band", {})) return *err;
    return Expected<std::unique_ptr<Rule>>(std::make_unique<ScoreOutOfBand>(rules));
}

}  // namespace perf_check::rules
