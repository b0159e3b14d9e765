// The 评（扣分标准） grammar: a deduction text parsed into a typed Formula, with the parts not understood.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "perf_check/decimal.hpp"

namespace perf_check::scoring {

/// Which way a per-step deduction measures the miss.
enum class StepDirection {
    over,       ///< 每超过/超出/高于/多于 N: the actual is above the reference
    under,      ///< 每低于/少于/减少/降低/下降/缺 N: the actual is below the reference
    delay,      ///< 每延迟/推迟/逾期/延期 N (time): the actual is later than the reference
    shortfall,  ///< no direction word (每项扣2分, 每1%扣2分): by however much the target is missed
};

/// One per-step deduction: "每超过5万元扣1分" → {over, 5, "万元", 1}.
struct Step {
    StepDirection direction = StepDirection::shortfall;
    Decimal size = Decimal::from_int(1);  ///< N of 每N<unit>
    /// Canonical unit of N: "%" (also 百分点, 个百分点, 百分比), "万元", "元", "月" (个月), "天" (日), "项",
    /// "人", "个", "岁"…; empty means the indicator's own unit.
    std::string unit;
    Decimal points;          ///< M of 扣M分 (positive)
    bool implicit = false;   ///< written without 每 ("少于1%扣0.5分"): still one deduction per step of N
    std::optional<Decimal> threshold;  ///< "低于100%每1%扣2分": the miss is measured from 100, not the target
    std::string threshold_unit;        ///< canonical unit of the threshold
    /// The threshold is the gap from the target (低于目标值10%的: from 90% of it; 超过预算10%的: from 110%).
    bool threshold_gap = false;
    /// The threshold is a share of the target (低于目标值的80%的, 完成率…): on a % indicator too, not the actual.
    bool threshold_of_target = false;
    std::string subject;  ///< what the step measures when the text names it ("平均年龄", "满意度"); informational
    std::string source;   ///< the normalised text the step was read from
};

/// A cut-off: "低于80%不得分", "超过20%不得分", "80%以下不得分" → {under, 80, "%"}, alone or beside a step, a
/// proportional or a discretionary form, or full marks. Past it the indicator scores 0 whatever the rest would
/// leave; short of it the rest scores (alone or beside full marks only, the rule set's default formula).
/// Without a bound the words are all-or-nothing (未完成不得分).
struct Cutoff {
    StepDirection direction = StepDirection::under;
    Decimal value;
    std::string unit;  ///< canonical unit of the value; "%" on a non-% indicator is a share of the target
    bool gap = false;  ///< the value is the gap from the target (减少10人, 降低10%, 低于目标20个百分点, 超支)
    bool inclusive = false;  ///< the value itself is past it (以上, 以下, 及以上, (含))
    /// The text says 完成率 (完成率低于80%): a % value is the completion rate actual ÷ target on a % indicator
    /// too, not the actual.
    bool of_rate = false;
    std::string source;  ///< the normalised text it was read from
};

/// Proportional forms: both score weight × completion for a missed target (the comparator's default formula).
enum class Proportional {
    none,
    completion,  ///< 按完成比例计算得分 / 按实际完成率乘以标准分 / 按完成率计分
    deduction,   ///< 按比例扣分
};

/// Forms recognised but not scored from the text (the scorer falls back to the rule set's defaults).
enum class UnsupportedKind {
    ranking,  ///< 排名, 名次, 前N名
    /// tiered tables the tier reader cannot read as rows (按完成情况分三档计分, 超出预算5%以内扣2分…); those it
    /// can are Formula::tiers
    tiered,
    bonus,  ///< 加分 (加N分): ignored, since a score never exceeds the weight
};

struct UnsupportedPart {
    UnsupportedKind kind = UnsupportedKind::tiered;
    std::string text;  ///< the part of the normalised text that shows the form
};

/// What one recognised (or unrecognised) piece of the text is, in reading order, for explanations.
enum class PieceKind {
    condition_met,     ///< 达到指标值 / 完成年度投资计划任务 (a condition leading to full marks)
    condition_missed,  ///< 未达到指标值 / 未完成的 / 未按要求落实到位的 / 低于90%
    threshold,         ///< 低于100% before 每1%扣2分: where the following step starts counting
    cutoff,            ///< 低于80%不得分 beside a step (index into Formula::cutoffs)
    full_marks,        ///< 得满分 / 得标准分
    step,              ///< a per-step deduction (index into Formula::steps)
    floor,             ///< 扣完为止 / 最低零分
    cap,               ///< 最多扣N分 / 满分为止
    partial,           ///< 不满N按N计算
    proportional,      ///< 按完成比例计算得分 …
    all_or_nothing,    ///< 未完成不得分
    flat,              ///< 未完成扣N分 (one fixed deduction when the target is missed)
    discretionary,     ///< 视情况扣分 / a bare 扣分 with no amount
    unsupported,       ///< ranking, tiered, bonus
    tier,              ///< one row of a tier table (index into Formula::tiers)
    weight,    ///< 本项分值10分 / 满分10分 / 本项10分 alone in its clause: the weight, as the text states it
    unparsed,  ///< text not understood
};

struct Piece {
    PieceKind kind = PieceKind::unparsed;
    std::string text;  ///< normalised text of the piece (a cut-off's with the (含) / (不含) it was read with)
    int index = -1;    ///< for PieceKind::step: index into Formula::steps; for cutoff, into Formula::cutoffs
    std::size_t from = 0;  ///< where the piece starts in Formula::text, in code points
    std::size_t to = 0;    ///< where it ends (exclusive), in code points
};

/// How a tier table's points go with the value of its rows: up (完成率 bands, 90%以上得10分…), down (差错率,
/// 逾期时长), or neither / not known (labels only, points mixed with points off, points that do not follow).
enum class TierOrder { none, rises, falls };

/// One row of a tier table (分档计分): 好得满分 → {label 好, full}; 80%(含)-90%得8分 → {[80%, 90%], 8};
/// 超出5%以内扣2分 is not read as one (a gap from the target), nor is any row naming the target or budget.
struct Tier {
    std::string label;  ///< a label the actual is written as (好, 较好, 部分达成); empty for a band of values
    std::optional<Decimal> low;   ///< a band's lower bound; none: unbounded below
    bool low_inclusive = true;    ///< 以上, ≥, 达到, (含): the bound itself is in the band
    std::optional<Decimal> high;  ///< a band's upper bound; none: unbounded above
    bool high_inclusive = true;   ///< 以下, 以内, ≤, (含); 低于, 不足, <, (不含) leave it out
    /// Canonical unit of the bounds; empty means the indicator's own. "%" on an indicator in another unit is
    /// the completion rate actual ÷ target.
    std::string unit;
    bool other = false;  ///< 其余 / 其他 / 否则: every actual no row before it holds
    /// The band is of the completion rate (完成率90%以上): actual ÷ target in %, on a % indicator too.
    bool of_rate = false;
    bool full = false;    ///< 得满分: the weight
    bool deduct = false;  ///< 扣N分: the weight less `points`
    Decimal points;       ///< 得N分 (0 for 不得分), or with `deduct` the points taken off
    std::string source;   ///< the normalised clause it was read from, (含) / (不含) kept
    [[nodiscard]] bool is_label() const { return !label.empty(); }
    [[nodiscard]] bool is_band() const { return label.empty() && !other; }
};

/// A deduction text as a typed formula. Every field is what the text says; nothing is filled from defaults.
struct Formula {
    std::string text;        ///< the text after normalisation (full-width folded, spaces removed)
    bool full_marks = false;  ///< 达到指标值得满分 / 完成得满分 / 得标准分
    /// The bound of the full-marks condition when it names one: 满意度达到90%以上得满分 → {90, "%", at least}.
    /// The scorer measures the steps from it when it is more lenient than the target (a text written for
    /// 90% on a 95% target).
    struct FullMarksBound {
        Decimal value;
        std::string unit;
        bool at_least = true;  ///< 以上 (full marks at or above it); false for 以下 / 以内
    };
    std::optional<FullMarksBound> full_marks_bound;
    std::vector<Step> steps;
    std::vector<Cutoff> cutoffs;     ///< beside a step, a proportional or a discretionary form, or full marks
    bool floor_zero = false;         ///< 扣完为止 / 最低零分 (the score never goes below 0 anyway)
    std::optional<Decimal> cap;      ///< 最多扣N分: total deduction at most N
    bool cap_full = false;           ///< 满分为止 / 以满分为限: score at most the weight
    std::optional<Decimal> partial;  ///< 不满N按N计算: a partial step counts as a whole one (N)
    std::string partial_unit;
    Proportional proportional = Proportional::none;
    bool all_or_nothing = false;     ///< 未完成不得分
    std::optional<Decimal> flat;     ///< 未完成扣N分: one deduction of N when the target is missed
    bool discretionary = false;      ///< 视情况扣分 (or 扣分 with no amount)
    std::vector<UnsupportedPart> unsupported;
    /// A tier table (好得满分，较好得15分，一般得10分，差不得分), read only when every clause is a row of it (a
    /// floor such as 最低0分 aside): the rows in reading order, the first containing a value deciding.
    std::vector<Tier> tiers;
    TierOrder tier_order = TierOrder::none;  ///< how the tiers' points go with their values
    /// The weight a clause of its own states (本项分值10分，…; 满分10分，好得满分…): the 分值 column's is the one
    /// scored with.
    std::optional<Decimal> stated_weight;
    std::vector<std::string> unparsed;  ///< parts not understood, as normalised text
    std::vector<Piece> pieces;          ///< everything above, in reading order

    /// True when the text is empty (nothing but spaces and punctuation).
    [[nodiscard]] bool empty() const { return text.empty(); }
    /// True when the text says how to score a missed target: a step, a proportional form, a fixed
    /// deduction, all-or-nothing or a tier table.
    [[nodiscard]] bool has_rule() const {
        return !steps.empty() || proportional != Proportional::none || all_or_nothing || flat.has_value() ||
               !tiers.empty();
    }
    /// True when a ranking or tiered form makes the text unusable for scoring (a bonus alone does not).
    [[nodiscard]] bool blocked() const {
        for (const auto& u : unsupported)
            if (u.kind != UnsupportedKind::bonus) return true;
        return false;
    }
    /// True when the scorer must use the rule set's default formula: no rule, or a blocking form.
    [[nodiscard]] bool uses_default() const { return !has_rule() || blocked(); }
};

/// The text as the parser sees it: full-width ASCII folded, every space removed, CJK punctuation mapped
/// to ',' and runs of separators (and leading/trailing ones, including a final 。) dropped.
std::string normalize_deduction_text(std::string_view text);

/// Parses a 评（扣分标准） text. Never fails: what is not understood lands in Formula::unparsed (named
/// by its text), ranking and tiered forms in Formula::unsupported. Punctuation, full-width characters,
/// spaces and a trailing 。 do not change the result; small Chinese numerals (一, 两, 十, 半) read as numbers.
Formula parse_deduction(std::string_view text);
/// parse_deduction() without the copy: the result is kept per thread for texts seen recently (rules and
/// the scorer read the same cells), shared with the caller.
std::shared_ptr<const Formula> shared_deduction(std::string_view text);

}  // namespace perf_check::scoring
