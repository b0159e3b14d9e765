// Canonical forms and human-readable explanations of parsed deduction texts.
#include "scoring/explain.hpp"

#include <vector>

#include "util/text.hpp"

namespace perf_check::scoring {

namespace {

const char* direction_key(StepDirection d) {
    switch (d) {
        case StepDirection::over: return "over";
        case StepDirection::under: return "under";
        case StepDirection::delay: return "delay";
        case StepDirection::shortfall: break;
    }
    return "shortfall";
}

const char* direction_zh(StepDirection d) {
    switch (d) {
        case StepDirection::over: return "超过";
        case StepDirection::under: return "低于";
        case StepDirection::delay: return "延迟";
        case StepDirection::shortfall: break;
    }
    return "未完成";
}

const char* direction_en(StepDirection d) {
    switch (d) {
        case StepDirection::over: return "over";
        case StepDirection::under: return "short";
        case StepDirection::delay: return "of delay";
        case StepDirection::shortfall: break;
    }
    return "missed";
}

const char* unsupported_key(UnsupportedKind k) {
    switch (k) {
        case UnsupportedKind::ranking: return "ranking";
        case UnsupportedKind::tiered: return "tiered";
        case UnsupportedKind::bonus: break;
    }
    return "bonus";
}

Text unsupported_words(UnsupportedKind k) {
    switch (k) {
        case UnsupportedKind::ranking:
            return {"按排名计分（不支持，评分采用规则集默认公式）",
                    "scoring by ranking (not supported: scoring uses the rule set's default formula)"};
        case UnsupportedKind::tiered:
            return {"分档计分表（不支持，评分采用规则集默认公式）",
                    "a tiered scoring table (not supported: scoring uses the rule set's default formula)"};
        case UnsupportedKind::bonus: break;
    }
    return {"加分（不计：得分不超过分值）", "bonus points (ignored: a score never exceeds the weight)"};
}

// "5万元", "1%", "1项"; an empty unit means the indicator's own unit.
std::string amount(Decimal size, const std::string& unit) { return size.str() + unit; }
// The same in Chinese prose: 月 reads "1个月".
std::string amount_zh(Decimal size, const std::string& unit) { return size.str() + (unit == "月" ? "个月" : unit); }

// A tier's condition, language-neutral: the label, or its band as an interval ([80%, 90%), [90%, +inf)).
std::string tier_condition(const Tier& t) {
    if (t.is_label()) return t.label;
    if (t.other) return "other";
    if (t.low && t.high && *t.low == *t.high) return "= " + amount(*t.low, t.unit);
    std::string out = t.low ? (t.low_inclusive ? "[" : "(") + amount(*t.low, t.unit) : std::string("(-inf");
    out += ", ";
    out += t.high ? amount(*t.high, t.unit) + (t.high_inclusive ? "]" : ")") : std::string("+inf)");
    return out;
}

std::string tier_outcome(const Tier& t) {
    if (t.full) return "full";
    return (t.deduct ? "-" : "") + t.points.str();
}

// A band's measure in the canonical form: " rate" for the completion rate.
std::string tier_measure(const Tier& t) {
    return t.of_rate ? " rate" : "";
}

// A tier's band in words: 80%（含）至90%（不含）, 90%及以上, 低于80%, 等于100%.
Text band_words(const Tier& t) {
    const auto v = [&](const Decimal& d) { return amount(d, t.unit); };
    if (t.low && t.high && *t.low == *t.high) return {"等于" + v(*t.low), "exactly " + v(*t.low)};
    if (t.low && t.high) {
        return {v(*t.low) + (t.low_inclusive ? "（含）" : "（不含）") + "至" + v(*t.high) +
                    (t.high_inclusive ? "（含）" : "（不含）"),
                "from " + v(*t.low) + (t.low_inclusive ? " (included)" : " (excluded)") + " to " + v(*t.high) +
                    (t.high_inclusive ? " (included)" : " (excluded)")};
    }
    if (t.low)
        return {t.low_inclusive ? v(*t.low) + "及以上" : "高于" + v(*t.low),
                (t.low_inclusive ? "at least " : "above ") + v(*t.low)};
    if (t.high)
        return {t.high_inclusive ? v(*t.high) + "及以下" : "低于" + v(*t.high),
                (t.high_inclusive ? "at most " : "below ") + v(*t.high)};
    return {"任意值", "any value"};
}

}  // namespace

Text describe(const Tier& t) {
    const std::string pts = t.points.str();
    const Text outcome = t.full ? Text{"得满分（该项分值）", "full marks (the weight)"}
                         : t.deduct
                             ? Text{"扣" + pts + "分（该项分值减" + pts + "分）", pts + " point(s) off the weight"}
                             : Text{"得" + pts + "分", pts + " point(s)"};
    if (t.other) return {"分档：前面各档以外的实际完成值" + outcome.zh, "tier: any other actual scores " + outcome.en};
    if (t.is_label()) {
        return {"分档：实际完成值为“" + t.label + "”时" + outcome.zh,
                "tier: an actual written as \"" + t.label + "\" scores " + outcome.en};
    }
    const Text band = band_words(t);
    Text out{"分档：实际完成值" + band.zh + "时" + outcome.zh, "tier: an actual " + band.en + " scores " + outcome.en};
    if (t.of_rate) {
        out.zh += "（按完成率“实际÷目标”计）";
        out.en += " (the completion rate actual ÷ target)";
    } else if (t.unit == "%") {
        out.zh += "（百分比指标按实际值计，其他指标按完成率“实际÷目标”计）";
        out.en += " (the actual on a % indicator, otherwise the completion rate actual ÷ target)";
    }
    return out;
}

std::string canonical_form(const Formula& f) {
    std::vector<std::string> parts;
    if (f.full_marks) parts.push_back("full_if_met");
    for (const auto& s : f.steps) {
        std::string p = std::string("step(") + direction_key(s.direction) + " " + amount(s.size, s.unit);
        if (s.threshold) {
            const std::string thr = amount(*s.threshold, s.threshold_unit);
            const bool above = s.direction != StepDirection::under && s.direction != StepDirection::shortfall;
            if (s.threshold_gap)
                p += std::string(" from target ") + (above ? "+ " : "- ") + thr;
            else if (s.threshold_of_target)
                p += " from " + thr + " of target";
            else
                p += " from " + thr;
        }
        p += ": -" + s.points.str() + ")";
        parts.push_back(p);
    }
    for (const auto& c : f.cutoffs) {
        parts.push_back(std::string("cutoff(") + (c.gap ? "gap " : "") + direction_key(c.direction) + " " +
                        amount(c.value, c.unit) + (c.inclusive ? " incl" : "") + (c.of_rate ? " rate" : "") + ")");
    }
    if (f.partial) parts.push_back("partial_counts(" + amount(*f.partial, f.partial_unit) + ")");
    if (f.proportional == Proportional::completion) parts.push_back("proportional(completion)");
    if (f.proportional == Proportional::deduction) parts.push_back("proportional(deduction)");
    if (f.flat) parts.push_back("flat(-" + f.flat->str() + ")");
    if (f.all_or_nothing) parts.push_back("all_or_nothing");
    if (f.discretionary) parts.push_back("discretionary");
    if (f.cap) parts.push_back("cap(-" + f.cap->str() + ")");
    if (f.cap_full) parts.push_back("cap(full)");
    for (const auto& t : f.tiers)
        parts.push_back("tier(" + tier_condition(t) + tier_measure(t) + ": " + tier_outcome(t) + ")");
    if (f.floor_zero) parts.push_back("floor(0)");
    for (const auto& u : f.unsupported) {
        const std::string p = std::string("unsupported(") + unsupported_key(u.kind) + ")";
        bool seen = false;
        for (const auto& q : parts) seen = seen || q == p;
        if (!seen) parts.push_back(p);
    }
    if (parts.empty()) return "none";
    return util::join(parts, "; ");
}

Text phrase(const Step& s) {
    const bool per_item = s.direction == StepDirection::shortfall && s.size == Decimal::from_int(1) &&
                          !s.unit.empty() && s.unit != "%";
    if (per_item) return {"每" + s.unit + "未完成扣" + s.points.str() + "分", "−" + s.points.str() + " per " + s.unit + " not done"};
    return {"每" + std::string(direction_zh(s.direction)) + amount_zh(s.size, s.unit) + "扣" + s.points.str() + "分",
            "−" + s.points.str() + " per " + amount(s.size, s.unit) + " " + direction_en(s.direction)};
}

Text describe(const Step& s) {
    Text t;
    const std::string size = amount(s.size, s.unit);
    const bool per_item = s.direction == StepDirection::shortfall && s.size == Decimal::from_int(1) &&
                          !s.unit.empty() && s.unit != "%";
    if (per_item) {
        t.zh = "每" + s.unit + "未完成扣" + s.points.str() + "分（按未完成的" + s.unit + "数计）";
        t.en = "−" + s.points.str() + " point(s) per " + s.unit + " not done (counted as the shortfall)";
    } else {
        t.zh = "每" + std::string(direction_zh(s.direction)) + amount_zh(s.size, s.unit) + "扣" + s.points.str() + "分";
        t.en = "−" + s.points.str() + " point(s) per " + size + " " + direction_en(s.direction);
    }
    if (per_item) {
        // Nothing more to say about where the count starts.
    } else if (s.threshold && s.threshold_gap) {
        const std::string thr = amount(*s.threshold, s.threshold_unit);
        const bool above = s.direction != StepDirection::under && s.direction != StepDirection::shortfall;
        t.zh += std::string("（从目标值") + (above ? "加上" : "减去") + thr + "处起算）";
        t.en += std::string(" (counted from the target ") + (above ? "plus " : "minus ") + thr + ")";
    } else if (s.threshold && s.threshold_of_target) {
        const std::string thr = amount(*s.threshold, s.threshold_unit);
        t.zh += "（从目标值的" + thr + "起算）";
        t.en += " (counted from " + thr + " of the target)";
    } else if (s.threshold) {
        const std::string thr = amount(*s.threshold, s.threshold_unit);
        t.zh += "（从" + thr + "起算，而非从目标值起算）";
        t.en += " (counted from " + thr + ", not from the target)";
    } else {
        t.zh += "（从目标值起算）";
        t.en += " (counted from the target)";
    }
    if (s.unit == "%") {
        t.zh += "；百分比指标按百分点计，其他指标按目标值的百分比计";
        t.en += "; on a % indicator these are percentage points, otherwise percent of the target";
    }
    if (s.implicit) {
        t.zh += "；原文未写“每”，按每" + size + "一步理解";
        t.en += "; written without 每 (each), read as one deduction per " + size;
    }
    if (!s.subject.empty()) {
        t.zh += "；计量对象：" + s.subject;
        t.en += "; measured on: " + s.subject;
    }
    return t;
}

Text describe(const Cutoff& c) {
    const std::string v = amount(c.value, c.unit);
    const bool over = c.direction != StepDirection::under && c.direction != StepDirection::shortfall;
    const bool gap = c.gap || c.direction == StepDirection::delay;
    // What is measured, and how far past the value counts: 低于目标10人及以上, 超过20%, 80%及以下, 低于80%.
    std::string zh_when;
    if (gap) {
        const std::string what = c.direction == StepDirection::delay ? "延迟" : over ? "超出目标" : "低于目标";
        zh_when = c.inclusive ? what + v + "及以上" : what + "超过" + v;
    } else if (over) {
        zh_when = c.inclusive ? v + "及以上" : "超过" + v;
    } else {
        zh_when = c.inclusive ? v + "及以下" : "低于" + v;
    }
    const std::string en_past =
        gap || over ? (c.inclusive ? "at or beyond " : "beyond ") : (c.inclusive ? "at or below " : "below ");
    Text t{zh_when + "时本项0分，否则按其余扣分办法计分",
           "0 points " + std::string(gap ? (over ? "when over the target by " : "when short of the target by ") : "") +
               en_past + v + "; otherwise the rest of the text scores"};
    if (c.of_rate) {
        t.zh += "（按完成率“实际÷目标”计）";
        t.en += " (the completion rate actual ÷ target)";
    } else if (c.unit == "%") {
        t.zh += gap || over ? "（百分比指标按百分点计，其他指标按目标值的百分比计）"
                            : "（百分比指标按实际值计，其他指标按完成率“实际÷目标”计）";
        t.en += gap || over ? " (percentage points on a % indicator, otherwise percent of the target)"
                            : " (the actual on a % indicator, otherwise the completion rate actual ÷ target)";
    } else if (!gap) {
        // The scorer reads a bound on the target's side as a gap (超支20万元以上 against ≤100万元 is 120万元).
        t.zh += over ? "（该值不大于目标值时，按超出目标的部分计）" : "（该值不小于目标值时，按低于目标的差额计）";
        t.en += over ? " (a value not above the target is read as the excess over it)"
                     : " (a value not below the target is read as the shortfall from it)";
    }
    return t;
}

Text describe(const Formula& f, const Piece& piece) {
    switch (piece.kind) {
        case PieceKind::condition_met: return {"条件：达到/完成目标", "condition: the target is met"};
        case PieceKind::condition_missed: return {"条件：未达到目标", "condition: the target is missed"};
        case PieceKind::threshold:
            return {"起算点：差额从此值而不是从目标值起算", "threshold: the gap is counted from this value, not from the target"};
        case PieceKind::full_marks:
            if (const auto& b = f.full_marks_bound) {
                const std::string line = amount(b->value, b->unit) + (b->at_least ? "及以上" : "及以下");
                return {"达到目标或满分线（" + line + "）得满分（该项分值）；满分线比目标值宽时，扣分从满分线起算",
                        "target or the full-marks line (" + line +
                            ") met: full marks (the weight); a line more lenient than the target is where steps count "
                            "from"};
            }
            return {"达到目标得满分（该项分值）", "target met: full marks (the weight)"};
        case PieceKind::cutoff:
            if (piece.index >= 0 && static_cast<std::size_t>(piece.index) < f.cutoffs.size())
                return describe(f.cutoffs[static_cast<std::size_t>(piece.index)]);
            break;
        case PieceKind::step:
            if (piece.index >= 0 && static_cast<std::size_t>(piece.index) < f.steps.size())
                return describe(f.steps[static_cast<std::size_t>(piece.index)]);
            break;
        case PieceKind::floor: return {"扣完为止：最低0分", "floor: the score never goes below 0"};
        case PieceKind::cap:
            if (f.cap_full && !util::contains(piece.text, "扣"))
                return {"得分以满分（该项分值）为上限", "cap: the score never exceeds the weight"};
            if (f.cap) return {"最多扣" + f.cap->str() + "分", "cap: at most " + f.cap->str() + " point(s) deducted"};
            break;
        case PieceKind::partial: {
            const std::string n = f.partial ? amount(*f.partial, f.partial_unit) : std::string("N");
            return {"不满" + n + "按" + n + "计算：不足一步的部分按一整步扣分",
                    "a partial step of less than " + n + " counts as a whole step"};
        }
        case PieceKind::proportional:
            if (f.proportional == Proportional::deduction)
                return {"按比例扣分：未达到目标时按完成比例计分（与该指标方向的默认公式相同）",
                        "proportional deduction: a missed target scores by the completion ratio (the "
                        "comparator's default formula)"};
            return {"按完成比例计分：分值 × 完成比例（正向指标为 实际值 ÷ 目标值）",
                    "proportional: weight × completion ratio (actual ÷ target for higher-is-better)"};
        case PieceKind::all_or_nothing: return {"未完成不得分（0分）", "target missed: no points (0)"};
        case PieceKind::flat:
            if (f.flat)
                return {"未达到目标一次性扣" + f.flat->str() + "分",
                        "target missed: one deduction of " + f.flat->str() + " point(s)"};
            break;
        case PieceKind::discretionary:
            return {"视情况扣分：未给出公式，评分采用规则集对该指标方向的默认公式",
                    "discretionary: no formula given; scoring uses the rule set's default for the comparator"};
        case PieceKind::unsupported:
            for (const auto& u : f.unsupported)
                if (u.text == piece.text) return unsupported_words(u.kind);
            break;
        case PieceKind::tier:
            if (piece.index >= 0 && static_cast<std::size_t>(piece.index) < f.tiers.size())
                return describe(f.tiers[static_cast<std::size_t>(piece.index)]);
            break;
        case PieceKind::weight:
            if (f.stated_weight)
                return {"本项分值" + f.stated_weight->str() + "分（评分以分值列为准）",
                        "the weight, " + f.stated_weight->str() + " point(s) (scoring uses the 分值 column's)"};
            break;
        case PieceKind::unparsed: return {"未能理解", "not understood"};
    }
    return {"未能理解", "not understood"};
}

void write_explanation(std::string_view text, Lang lang, std::ostream& out) {
    const Formula f = parse_deduction(text);
    const bool zh = lang == Lang::zh;
    out << (zh ? "扣分标准：" : "Deduction standard: ") << util::trim(text) << '\n';
    if (f.empty()) {
        out << (zh ? "（空白：评分采用规则集默认公式）" : "(empty: scoring uses the rule set's default formula)")
            << '\n';
        out << (zh ? "规范形式：" : "Canonical form: ") << canonical_form(f) << '\n';
        return;
    }
    out << (zh ? "理解为：" : "Understood as:") << '\n';
    int n = 0;
    for (const auto& piece : f.pieces) {
        if (piece.kind == PieceKind::unparsed) continue;
        const std::string shown = zh ? util::replace_all(piece.text, ",", "，") : piece.text;
        out << "  " << ++n << ". " << shown << (zh ? " —— " : " — ") << pick(describe(f, piece), lang) << '\n';
    }
    if (n == 0) out << (zh ? "  （无）" : "  (nothing)") << '\n';
    out << (zh ? "规范形式：" : "Canonical form: ") << canonical_form(f) << '\n';

    out << (zh ? "未理解的部分：" : "Not understood: ");
    if (f.unparsed.empty()) {
        out << (zh ? "无" : "none") << '\n';
    } else {
        std::vector<std::string> quoted;
        for (const auto& u : f.unparsed)
            quoted.push_back(zh ? "“" + util::replace_all(u, ",", "，") + "”" : "\"" + u + "\"");
        out << util::join(quoted, zh ? "、" : ", ") << '\n';
    }
    if (!f.unsupported.empty()) {
        out << (zh ? "不支持的形式：" : "Unsupported: ");
        std::vector<std::string> kinds;
        for (const auto& u : f.unsupported) kinds.push_back(pick(unsupported_words(u.kind), lang));
        out << util::join(kinds, zh ? "；" : "; ") << '\n';
    }

    out << (zh ? "未达到目标时：" : "When the target is missed: ");
    if (f.blocked()) {
        out << (zh ? "该标准不能直接计算，采用规则集默认公式" : "the text cannot be computed; the rule set's default formula applies");
    } else if (!f.tiers.empty()) {
        out << (zh ? "按实际完成值所在的档计分（从前往后第一个相符的档）；不在任何一档时采用规则集默认公式"
                   : "scored by the tier the actual falls in (the first that fits, in reading order); an actual in "
                     "no tier takes the rule set's default formula");
        if (f.tier_order != TierOrder::none) {
            out << (zh ? "，但不高于尚未达到的档、不低于已超过的档"
                       : ", but no more than a tier not reached and no less than a tier passed");
        }
    } else if (!f.steps.empty()) {
        if (f.partial) {
            out << (zh ? "按差额计算步数，不满一步按一步计，每步扣相应分数"
                       : "the gap is divided into steps, a partial step counts as a whole one, each step deducts its points");
        } else {
            out << (zh ? "按差额计算步数（默认只计整步，规则集可改为不足一步按一步计或按比例折算），每步扣相应分数"
                       : "the gap is divided into steps (by default only full steps count; the rule set may count "
                         "partial steps or pro-rate), each step deducts its points");
        }
    } else if (f.proportional != Proportional::none) {
        out << (zh ? "按完成比例计分（该指标方向的默认公式）" : "scored by the completion ratio (the comparator's default formula)");
    } else if (f.flat) {
        out << (zh ? "一次性扣" + f.flat->str() + "分" : "one deduction of " + f.flat->str() + " point(s)");
    } else if (f.all_or_nothing) {
        out << (zh ? "得0分" : "0 points");
    } else {
        out << (zh ? "未给出公式，采用规则集默认公式" : "no formula given; the rule set's default formula applies");
    }
    if (!f.blocked()) {
        for (const auto& c : f.cutoffs) out << (zh ? "；" : "; ") << pick(describe(c), lang);
    }
    out << '\n';
    if (f.cap) out << (zh ? "扣分上限：" : "Deduction cap: ") << f.cap->str() << (zh ? "分" : " point(s)") << '\n';
}

}  // namespace perf_check::scoring
