// The scorer: SPEC §4 applied to each indicator in exact decimals, recording every step in both languages.
#include "scoring/scorer.hpp"

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "model/dates.hpp"
#include "model/normalize.hpp"
#include "model/units.hpp"
#include "scoring/actuals.hpp"
#include "scoring/deduction.hpp"
#include "scoring/explain.hpp"
#include "scoring/tiers.hpp"
#include "util/text.hpp"
#include "util/text_memo.hpp"

namespace perf_check::scoring {

namespace {

const Decimal k_zero{};
const Decimal k_hundred = Decimal::from_int(100);

bool is_reverse(Comparator c) { return c == Comparator::le || c == Comparator::lt; }

// Two units of one count, one written longer (批次 and 批, 本书 and 本): not money, a share or a rate, whose
// longer forms are other units (万元, 元/亩, 人/班).
bool same_count(std::string_view a, std::string_view b) {
    if (a.empty() || b.empty()) return false;
    for (const std::string_view u : {a, b}) {
        if (util::contains(u, "元") || util::contains(u, "%") || util::contains(u, "/")) return false;
    }
    if (a.size() < b.size()) std::swap(a, b);
    return util::starts_with(a, b);
}

// A quantity with its unit for messages: "12.93万元", "3.5个百分点" / "3.5 percentage points".
std::string qty_zh(Decimal v, const std::string& unit) {
    if (unit == "%") return v.str() + "个百分点";
    if (unit == "月") return v.str() + "个月";
    return v.str() + unit;
}
std::string qty_en(Decimal v, const std::string& unit) {
    if (unit == "%") return v.str() + " percentage points";
    if (unit == "月") return v.str() + " months";
    if (unit == "天") return v.str() + " days";
    if (unit == "周") return v.str() + " weeks";
    return unit.empty() ? v.str() : v.str() + " " + unit;
}
// Parser text in Chinese prose: its separators back to full-width commas.
std::string shown(const std::string& normalised) { return util::replace_all(normalised, ",", "，"); }

// A value as the indicator states it: "842.07万元", "90%".
std::string val(Decimal v, const std::string& unit) { return v.str() + unit; }

std::string default_name(Comparator c, Decimal target, ReverseVariant variant) {
    if (c == Comparator::eq && target == k_zero) return "default(=0: a<=0 -> w, else 0)";
    if (is_reverse(c)) {
        return variant == ReverseVariant::ratio ? "default(<=: w*t/a)" : "default(<=: w*(1-(a-t)/t), 0 at a>=2t)";
    }
    return "default(>=: w*a/t)";
}

/// The formula of no text, shared by every scorer of an indicator without one.
const std::shared_ptr<const Formula>& empty_formula() {
    static const auto k_empty = std::make_shared<const Formula>();
    return k_empty;
}

// Collects the steps of one indicator and the formula actually applied.
class IndicatorScorer {
public:
    /// Scores into `out`, every field of which run() replaces (its strings keep their room).
    IndicatorScorer(const Project& project, const Indicator& ind, const RuleSet& rules, StepLanguages langs,
                    IndicatorScore& out)
        : m_project(project), m_ind(ind), m_rules(rules), m_policy(rules.scoring), m_langs(langs), m_out(out) {}

    void run() {
        IndicatorScore& r = m_out;
        r.steps.reserve(8);  // most indicators take four steps, few more than eight: no regrowth moving them
        m_ind.path_into(r.indicator);
        // The indicator's own row in the table (actuals may come from a separate file).
        r.loc = m_ind.name.loc;
        if (r.loc.row <= 0) r.loc.row = m_ind.row;
        if (r.loc.file.empty()) r.loc.file = m_project.file;
        m_w = m_ind.weight_points.value_or(k_zero);
        if (m_w < k_zero) m_w = k_zero;
        r.weight = m_w;
        target_display_into(m_ind, r.target);
        r.actual.assign(util::trim_view(m_ind.actual.as_read()));
        // finish() sets the score and every way through sets the formula: reset all the same, so that
        // nothing of the indicator scored here before can show.
        r.score = k_zero;
        r.formula.clear();

        const std::string_view actual_shown =
            r.actual.empty() ? std::string_view("（空）") : std::string_view(r.actual);
        const std::string weight = m_w.str();
        step(
            [&](std::string& out) {
                util::concat_into(out, {"目标：", r.target, "；实际完成值：", actual_shown, "；分值：", weight, "分"});
            },
            [&](std::string& out) {
                util::concat_into(out, {"Target ", r.target, "; actual ",
                                        r.actual.empty() ? std::string_view("(empty)") : std::string_view(r.actual),
                                        "; weight ", weight});
            });
        if (!m_ind.weight_points) {
            // A weight written but unreadable (权重10, 约10分) is not a blank one: bad-cell names it.
            if (m_rules.is_placeholder(m_ind.weight.text)) {
                step("未填写分值：按分值0计分，本项不计入得分", "No weight: scored with weight 0, so it adds nothing");
            } else {
                const std::string w(m_ind.weight.shown());
                step([&] { return "分值“" + w + "”无法读取为数字：按分值0计分，本项不计入得分"; },
                     [&] { return "The weight \"" + w + "\" cannot be read as a number: scored with weight 0"; });
            }
        }
        m_has_text = !m_ind.deduction.empty() && !m_rules.is_placeholder(m_ind.deduction.text);
        if (m_has_text) {
            m_formula = shared_deduction(m_ind.deduction.text);
            // The canonical form is a function of the text, like the formula: rendered once per text.
            thread_local util::TextMemo<std::string> canonical;
            m_canonical = canonical.get(m_ind.deduction.text,
                                        [](std::string_view text) { return canonical_form(*shared_deduction(text)); });
            const std::string_view written = util::trim_view(m_ind.deduction.as_read());
            step(
                [&](std::string& out) {
                    util::concat_into(out, {"扣分标准：", written, "（规范形式：", m_canonical, "）"});
                },
                [&](std::string& out) {
                    util::concat_into(out, {"Deduction standard: ", written, " (canonical: ", m_canonical, ")"});
                });
        } else {
            step("未填写扣分标准：采用规则集默认公式", "No deduction standard: the rule set's default formula applies");
        }

        const Decimal raw = deadline_of(m_ind) ? by_date() : by_value();
        finish(raw);
        // The steps of the indicator scored here before, beyond this one's.
        r.steps.erase(r.steps.begin() + static_cast<std::ptrdiff_t>(m_steps), r.steps.end());
    }

private:
    // A step in the languages the report shows (only one, unless the caller asked for both): the text of
    // every step of every scored indicator is built here, and building the other language's was a fifth
    // of scoring. Steps whose text is computed pass it as lambdas, called only for a language shown: a
    // lambda either returns the text or, taking a std::string&, writes it over the step's own (which then
    // keeps its room from project to project).
    template <class Zh, class En>
    void step(Zh&& zh, En&& en) {
        if (m_steps == m_out.steps.size()) m_out.steps.emplace_back();
        Text& t = m_out.steps[m_steps++];
        if (m_langs != StepLanguages::en)
            write(t.zh, zh);
        else
            t.zh.clear();
        if (m_langs != StepLanguages::zh)
            write(t.en, en);
        else
            t.en.clear();
    }
    template <class Make>
    static void write(std::string& into, Make& make) {
        if constexpr (std::is_invocable_v<Make&, std::string&>)
            make(into);
        else
            into = make();
    }
    // A step whose text is fixed.
    void step(const char* zh, const char* en) {
        step([zh] { return zh; }, [en] { return en; });
    }

    void set_formula(const std::string& applied_default) {
        if (!m_has_text) {
            m_out.formula.assign(applied_default.empty() ? std::string_view("none") : applied_default);
        } else if (applied_default.empty()) {
            m_out.formula.assign(m_canonical);
        } else {
            util::concat_into(m_out.formula, {m_canonical, " => ", applied_default});
        }
    }

    // A target scored by its value: a number, or a 定性 label.
    Decimal by_value() { return is_numeric_target(m_ind) ? numeric() : qualitative(); }

    // ---- quantitative --------------------------------------------------------------------------
    Decimal numeric() {
        m_unit = m_ind.value.unit;
        const ActualReading a = read_actual(m_ind, m_policy);
        // "无" or "/" is no actual either.
        if (!a.present || m_rules.is_placeholder(a.text)) {
            step("未填写实际完成值：本项按0分计（请补填实际完成值）",
                 "No actual value: this indicator scores 0 (fill in the actual)");
            set_formula("");
            return k_zero;
        }
        if (!a.number) {
            if (const Tier* t = written_tier(a)) return from_tier(*t, a.text);
            if (a.band) {
                step(
                    [&] {
                        return "实际完成值“" + std::string(a.text) + "”不是数字，按定性等级“" + a.band->label + "”计分";
                    },
                    [&] {
                        return "The actual \"" + std::string(a.text) +
                               "\" is not a number; scored by its qualitative label \"" + a.band->label + "\"";
                    });
                return from_band(a, read_reviewer_score(m_ind));
            }
            step([&] { return "实际完成值“" + std::string(a.text) + "”不是数字，无法与指标值比较：本项按0分计"; },
                 [&] {
                     return "The actual \"" + std::string(a.text) +
                            "\" is not a number and cannot be compared with the target: scores 0";
                 });
            set_formula("");
            return k_zero;
        }
        const std::string& unit = m_unit;
        Decimal av = *a.number;
        if (a.converted) {
            // A plain number was read in 度量单位's unit: said, since the cell does not say it.
            const std::string written =
                std::string(a.text) + (a.in_column_unit ? model::canonical_unit(m_ind.unit.text) : std::string());
            step([&] { return "实际完成值换算为指标单位：" + written + " = " + val(av, unit); },
                 [&] { return "Actual converted to the target's unit: " + written + " = " + val(av, unit); });
        } else if (a.unit_mismatch) {
            step(
                [&] {
                    return "实际完成值“" + std::string(a.text) + "”的单位“" + a.unit + "”与指标单位“" + unit +
                           "”不同，无法换算：按" + val(av, unit) + "计（请核对）";
                },
                [&] {
                    return "The actual \"" + std::string(a.text) + "\" is in " + a.unit + ", the target in " + unit +
                           ", which do not convert: taken as " + val(av, unit) + " (check it)";
                });
        }
        if (av < k_zero) {
            step("实际完成值为负数，按0计", "A negative actual counts as 0");
            av = k_zero;
        }
        m_a = av;
        m_t = *m_ind.value.number;
        m_c = scoring_comparator(m_ind);
        const std::string sym = comparator_symbol(m_c);
        if (target_met(m_c, av, m_t)) {
            // "=" is met at or (for a target other than 0) above the target: the step shows the relation
            // that holds, never "6起 = 5起".
            std::string holds = sym;
            bool over_equal = false;
            if (m_c == Comparator::eq && m_t == k_zero) {
                holds = "≤";
            } else if (m_c == Comparator::eq && av != m_t) {
                holds = ">";
                over_equal = true;
            }
            const std::string actual = av.str();
            const std::string target = m_t.str();
            const std::string weight = m_w.str();
            step(
                [&](std::string& out) {
                    util::concat_into(out, {"已达到目标（", actual, unit, " ", holds, " ", target, unit,
                                            over_equal ? "，“=”指标超过目标值按达到计" : "", "）：得满分", weight, "分",
                                            m_w == k_zero ? "（分值为0）" : ""});
                },
                [&](std::string& out) {
                    util::concat_into(out, {"Target met (", actual, unit, " ", holds, " ", target, unit,
                                            over_equal ? "; an “=” target exceeded counts as met" : "",
                                            "): full marks ", weight, m_w == k_zero ? " (the weight is 0)" : ""});
                });
            set_formula("");
            return m_w;
        }
        {
            const std::string actual = av.str();
            const std::string target = m_t.str();
            step(
                [&](std::string& out) {
                    util::concat_into(out, {"未达到目标（实际 ", actual, unit, "，目标 ", sym, target, unit, "）"});
                },
                [&](std::string& out) {
                    util::concat_into(out,
                                      {"Target missed (actual ", actual, unit, ", target ", sym, target, unit, ")"});
                });
        }
        return missed();
    }

    // ---- a deadline (时效指标) -------------------------------------------------------------------
    // A target that is a date, with the date it was done as the actual: met on or before it; a late one
    // scored by the text's steps on how late it is (每延迟1个月扣2分), in the unit they count in. Any other
    // actual (达成年度指标, 按时完成) is a label, scored as a 定性 one is.
    Decimal by_date() {
        const ActualReading a = read_actual(m_ind, m_policy);
        const auto dates = deadline_dates(m_ind, a);
        if (!dates) return by_value();
        const CalendarDate& due = dates->due;
        const CalendarDate& done = dates->done;
        // Both without a year are shown so (the year they are put in only lines them up).
        const bool no_year = dates->due_year_assumed && dates->done_year_assumed;
        const auto shown = [no_year](CalendarDate d) {
            if (no_year) d.year = 0;
            return d;
        };
        const std::string due_zh = model::date_text(shown(due));
        const std::string done_zh = model::date_text(shown(done));
        const std::string due_en = model::date_text_en(shown(due));
        const std::string done_en = model::date_text_en(shown(done));
        if (dates->done_year_assumed && !no_year) {
            step([&] { return "实际完成值未写年份，按期限的年份计为" + done_zh; },
                 [&] { return "The actual writes no year: taken as " + done_en + ", by the deadline's year"; });
        } else if (dates->due_year_assumed && !no_year) {
            step([&] { return "指标值未写年份，按实际完成日期的年份计为" + due_zh; },
                 [&] { return "The target writes no year: taken as " + due_en + ", by the actual's year"; });
        }
        if (done.whole_month && !due.whole_month) {
            step([&] { return "实际完成值只写到月（" + done_zh + "），按该月最后一天计"; },
                 [&] { return "The actual names a month (" + done_en + "): taken as its last day"; });
        }
        if (deadline_met(m_ind, *dates)) {
            const std::string weight = m_w.str();
            step([&] { return "按期完成（" + done_zh + "不晚于期限" + due_zh + "）：得满分" + weight + "分"; },
                 [&] { return "Done on time (" + done_en + ", due " + due_en + "): full marks " + weight; });
            set_formula("");
            return m_w;
        }
        m_late = model::lateness(due, done);
        if (m_late.days == 0) m_late.days = 1;  // the very day, under <: a day late
        m_due_day = model::day_number(due);
        // Shown in the unit the text's first step or cut-off of lateness counts in; months when none names one.
        // Each step and cut-off then counts lateness in its own unit (lateness_in).
        m_unit = "月";
        for (const Step& st : m_formula->steps) {
            if (st.direction != StepDirection::under && lateness_in(st.unit)) {
                m_unit = st.unit;
                break;
            }
        }
        if (m_unit == "月") {
            for (const Cutoff& c : m_formula->cutoffs) {
                if (c.direction != StepDirection::under && lateness_in(c.unit)) {
                    m_unit = c.unit;
                    break;
                }
            }
        }
        const Decimal amount = *lateness_in(m_unit);
        const std::string months = m_late.whole_months > 0 ? std::to_string(m_late.whole_months) + "个月" : "";
        const std::string rest = m_late.rest_days > 0 ? std::to_string(m_late.rest_days) + "天" : "";
        const std::string days = std::to_string(m_late.days);
        const std::string amount_zh = qty_zh(amount, m_unit);
        const std::string amount_en = qty_en(amount, m_unit);
        step(
            [&] {
                return "未按期完成（" + done_zh + "晚于期限" + due_zh + "）：逾期" + days + "天" +
                       (months.empty() ? "" : "（" + months + rest + "）") + "，按" + m_unit + "计为" + amount_zh;
            },
            [&] { return "Late (" + done_en + ", due " + due_en + "): " + days + " days, counted as " + amount_en; });
        m_deadline = true;
        m_a = amount;
        m_t = k_zero;
        m_c = Comparator::le;
        return missed();
    }

    // How late the deadline was met, in `unit` (a step's or cut-off's; "" is the one shown): months (a
    // month's end to the next one's, the rest a share of the month it falls in), days, weeks, or working
    // days (Monday to Friday; holidays are not known). nullopt for a unit of no time.
    [[nodiscard]] std::optional<Decimal> lateness_in(const std::string& unit) const {
        const std::string& u = unit.empty() ? m_unit : unit;
        if (u == "月") return m_late.months;
        if (u == "天") return Decimal::from_int(m_late.days);
        if (u == "周") return (Decimal::from_int(m_late.days) / Decimal::from_int(7)).round(2);
        if (u == "季度") return (m_late.months / Decimal::from_int(3)).round(2);
        if (u == "工作日") {
            std::int64_t working = 0;
            for (std::int64_t d = m_due_day + 1; d <= m_due_day + m_late.days; ++d)
                if ((d + 3) % 7 < 5) ++working;  // day 0, 1970-01-01, was a Thursday (3, from Monday 0)
            return Decimal::from_int(working);
        }
        return std::nullopt;
    }

    // A quantitative target missed (m_a against m_t under m_c, in m_unit): what the text, or the rule
    // set's default, makes of it.
    Decimal missed() {
        if (!m_has_text) return default_formula();
        const Formula& f = *m_formula;
        if (f.blocked()) {
            step("扣分标准为排名或分档等不支持的形式：采用规则集默认公式",
                 "The deduction standard is a ranking or tiered form, which is not supported: the default applies");
            return default_formula();
        }
        for (const auto& u : f.unsupported) {
            if (u.kind == UnsupportedKind::bonus)
                step([&] { return "“" + u.text + "”为加分，不计（得分不超过分值）"; },
                     [&] { return "\"" + u.text + "\" is a bonus and is ignored (a score never exceeds the weight)"; });
        }
        if (!f.tiers.empty()) return by_tiers();
        if (!f.cutoffs.empty() && cutoff_reached()) {
            set_formula("");
            return k_zero;
        }
        if (!f.steps.empty()) {
            if (const auto s = apply_steps()) {
                set_formula("");
                return *s;
            }
        }
        if (f.proportional != Proportional::none) {
            step("按扣分标准，按完成比例计分", "Per the deduction standard, scored by the completion ratio");
            const Decimal s = default_arithmetic();
            set_formula("");
            return s;
        }
        if (f.flat) {
            const Decimal s = m_w - *f.flat;
            step(
                [&] {
                    return "按扣分标准，未达到目标扣" + f.flat->str() + "分：" + m_w.str() + " − " + f.flat->str() +
                           " = " + s.str();
                },
                [&] {
                    return "Per the deduction standard, a missed target loses " + f.flat->str() + ": " + m_w.str() +
                           " − " + f.flat->str() + " = " + s.str();
                });
            set_formula("");
            return s;
        }
        if (f.all_or_nothing) {
            step("按扣分标准，未完成不得分：0分", "Per the deduction standard, a missed target scores 0");
            set_formula("");
            return k_zero;
        }
        if (f.discretionary) {
            step("扣分标准为视情况扣分，未给出公式：采用规则集默认公式",
                 "The deduction standard is discretionary (视情况扣分): the rule set's default formula applies");
        } else if (f.full_marks && !f.cutoffs.empty()) {
            step("扣分标准只写明达到目标得满分和不得分的界限，其间未给出公式：采用规则集默认公式",
                 "The deduction standard names only full marks and where 0 starts: in between, the rule set's "
                 "default formula applies");
        } else if (!f.cutoffs.empty()) {
            step("扣分标准只写明不得分的界限，未到界限的未给出公式：采用规则集默认公式",
                 "The deduction standard names only where 0 starts: short of it, the rule set's default formula "
                 "applies");
        } else {
            step("扣分标准未给出可计算的公式：采用规则集默认公式",
                 "The deduction standard gives no computable formula: the rule set's default formula applies");
        }
        return default_formula();
    }

    Decimal default_formula() {
        const Decimal s = default_arithmetic();
        set_formula(m_deadline ? std::string("default(deadline: late -> 0)")
                               : default_name(m_c, m_t, m_policy.reverse));
        return s;
    }

    // The comparator's default formula for a missed target (SPEC §4).
    Decimal default_arithmetic() {
        const Decimal w = m_w;
        const Decimal a = m_a;
        const Decimal t = m_t;
        const std::string ws = w.str();
        const std::string as = a.str();
        const std::string ts = t.str();
        if (m_deadline) {
            step("逾期完成，扣分标准未给出按逾期时长计分的办法：本项0分（可写明如“每延迟1个月扣2分”）",
                 "Late, and the deduction standard says nothing of how lateness scores: 0 (write e.g. "
                 "“每延迟1个月扣2分”)");
            return k_zero;
        }
        if (m_c == Comparator::eq && t == k_zero) {
            step("目标为0而实际大于0：0分", "Target 0 and actual above 0: scores 0");
            return k_zero;
        }
        if ((m_c == Comparator::lt || m_c == Comparator::gt) && a == t && t > k_zero) {
            // Missed only by the strictness of < or >: the formulas measure the gap, which is 0. (A target
            // of 0 gives no ratio: the steps below say so and score 0.)
            const std::string sym = comparator_symbol(m_c);
            step([&] { return "实际值恰等于目标值：严格的“" + sym + "”未满足，但差额为0，按公式计算仍得满分"; },
                 [&] {
                     return "The actual equals the target: the strict “" + sym +
                            "” is not met, but the gap is 0, so the formula still gives full marks";
                 });
        }
        if (is_reverse(m_c)) {
            if (t <= k_zero) {
                step("目标值不大于0，无法按比例计算：0分", "Target not above 0, no ratio can be computed: scores 0");
                return k_zero;
            }
            if (m_policy.reverse == ReverseVariant::ratio) {
                const Decimal s = w * t / a;
                step(
                    [&](std::string& out) {
                        util::concat_into(out, {"默认公式（反向指标，比值法）：分值 × 目标 ÷ 实际 = ", ws, " × ", ts,
                                                " ÷ ", as, " = ", s.str()});
                    },
                    [&] {
                        return "Default (lower is better, ratio): weight × target ÷ actual = " + ws + " × " + ts +
                               " ÷ " + as + " = " + s.str();
                    });
                return s;
            }
            if (a >= t + t) {
                step(
                    [&] {
                        return "默认公式（反向指标）：实际值达到目标的2倍及以上（" + as + " ≥ 2 × " + ts + "）：0分";
                    },
                    [&] {
                        return "Default (lower is better): actual at or above twice the target (" + as + " ≥ 2 × " +
                               ts + "): scores 0";
                    });
                return k_zero;
            }
            const Decimal s = w * (t + t - a) / t;
            step(
                [&](std::string& out) {
                    util::concat_into(out, {"默认公式（反向指标）：分值 × (1 − (实际 − 目标) ÷ 目标) = ", ws,
                                            " × (1 − (", as, " − ", ts, ") ÷ ", ts, ") = ", s.str()});
                },
                [&] {
                    return "Default (lower is better): weight × (1 − (actual − target) ÷ target) = " + ws +
                           " × (1 − (" + as + " − " + ts + ") ÷ " + ts + ") = " + s.str();
                });
            return s;
        }
        if (t <= k_zero) {
            step("目标值不大于0，无法按比例计算：0分", "Target not above 0, no ratio can be computed: scores 0");
            return k_zero;
        }
        const Decimal s = w * a / t;
        step(
            [&](std::string& out) {
                util::concat_into(
                    out, {"默认公式（正向指标）：分值 × 实际 ÷ 目标 = ", ws, " × ", as, " ÷ ", ts, " = ", s.str()});
            },
            [&] {
                return "Default (higher is better): weight × actual ÷ target = " + ws + " × " + as + " ÷ " + ts +
                       " = " + s.str();
            });
        return s;
    }

    // True when the target is missed by being above it: ≤ and <, and = 0 (每发生1起扣5分 on =0起).
    [[nodiscard]] bool missed_above() const { return is_reverse(m_c) || (m_c == Comparator::eq && m_t == k_zero); }

    [[nodiscard]] bool applies(StepDirection d) const {
        if (d == StepDirection::shortfall) return true;
        if (missed_above()) return d == StepDirection::over || d == StepDirection::delay;
        return d == StepDirection::under;
    }

    // A step or cut-off of the text (`source`) counts the other way than this indicator is missed.
    void other_direction(const std::string& source) {
        step(
            [&] {
                return "“" + shown(source) + "”的方向与指标（" + comparator_symbol(m_c) + "）未达标的方向不符，不适用";
            },
            [&] {
                return "\"" + source + "\" counts the other direction than this indicator's (" +
                       comparator_symbol(m_c) + ") miss; not applied";
            });
    }

    // The text's cut-offs beside its steps (低于80%不得分, 减少10人以上不得分, 超过20%不得分): true when the actual
    // is past one, and the indicator scores 0 whatever the steps would leave. A cut-off measures either the
    // actual (50人以下 against ≥100人) or its gap from the target: when the text says so (减少/降低/下降/超支,
    // 低于目标N, N个百分点, a delay), and when a bound lies on the target's side, where as a bound of the actual
    // it would cut off a met target too (超过20万元 against ≤80万元). A value in % on an indicator in another
    // unit is a share of the target: the completion rate for a bound below, the gap otherwise. 以上/以下 and
    // (含) include the value itself.
    bool cutoff_reached() {
        const std::string& unit = m_unit;
        for (const Cutoff& c : m_formula->cutoffs) {
            if (!applies(c.direction)) {
                other_direction(c.source);
                continue;
            }
            if (m_deadline) {
                if (deadline_cutoff_reached(c)) return true;
                continue;
            }
            const bool over = c.direction != StepDirection::under && c.direction != StepDirection::shortfall;
            // A % bound on a non-% indicator is a share of the target; on a % indicator too when the text says
            // 完成率 (完成率低于80%: 78% of a 95% target is 82%, not 78).
            const bool share = c.unit == "%" && (unit != "%" || c.of_rate);
            Decimal limit = c.value;
            if (!share && !c.unit.empty() && c.unit != unit) {
                if (const auto converted = model::convert_unit(c.value, c.unit, unit)) {
                    limit = *converted;  // 超支20万元 against 元, 减少5000人次 against 万人次, 100米 against 公里
                } else {
                    step([&] { return "“" + shown(c.source) + "”的单位与指标单位不同，无法比较，不适用"; },
                         [&] { return "\"" + c.source + "\" is in another unit than the indicator: not applied"; });
                    continue;
                }
            }
            if (share && m_t <= k_zero) {
                step(
                    [&] { return "目标值不大于0，无法换算为百分比，“" + shown(c.source) + "”不适用"; },
                    [&] { return "Target not above 0, no percentage can be taken: \"" + c.source + "\" not applied"; });
                continue;
            }
            // A bound beyond the target on its side is the gap (超过20万元 against ≤80万元); at the target it is
            // the actual's bound (低于95% against ≥95%: any miss).
            const bool gap = c.gap || c.direction == StepDirection::delay || (share && over) ||
                             (!share && (over ? limit < m_t : limit > m_t));
            const Decimal diff = over ? m_a - m_t : m_t - m_a;
            const std::string diff_text = over ? m_a.str() + " − " + m_t.str() : m_t.str() + " − " + m_a.str();
            Decimal measured = gap ? diff : m_a;
            Text working;
            if (share) {
                measured = (gap ? diff : m_a) * k_hundred / m_t;
                const std::string part = gap ? "(" + diff_text + ")" : m_a.str();
                const std::string tail = " ÷ " + m_t.str() + " × 100 = " + measured.str() + "%";
                working = {std::string(gap ? (over ? "超出目标值的百分比：" : "低于目标值的百分比：") : "完成率：") +
                               part + tail,
                           std::string(gap ? (over ? "Excess over the target: " : "Shortfall from the target: ")
                                           : "Completion rate: ") +
                               part + tail};
            } else if (gap) {
                working = {std::string(over ? "超出目标：" : "低于目标：") + diff_text + " = " + val(measured, unit),
                           std::string(over ? "Over the target: " : "Short of the target: ") + diff_text + " = " +
                               val(measured, unit)};
            }
            // A gap, or an excess, is past the value above it; a bound of the actual below it.
            const bool above = gap || over;
            const bool reached = above ? (c.inclusive ? measured >= limit : measured > limit)
                                       : (c.inclusive ? measured <= limit : measured < limit);
            const std::string mu = share ? std::string("%") : unit;
            const std::string m = val(measured, mu);
            const std::string l = val(limit, mu);
            if (!reached) {
                // A share is computed here, not shown anywhere else: its working comes first.
                if (share) step([&] { return working.zh; }, [&] { return working.en; });
                step(
                    [&] {
                        return std::string(above ? "未超过" : "未低于") + l + "（" + m + "），“" + shown(c.source) +
                               "”不适用";
                    },
                    [&] {
                        return std::string(above ? "Not beyond " : "Not below ") + l + " (" + m + "): \"" + c.source +
                               "\" does not apply";
                    });
                continue;
            }
            if (!working.zh.empty()) step([&] { return working.zh; }, [&] { return working.en; });
            const char* rel = above ? (c.inclusive ? " ≥ " : " > ") : (c.inclusive ? " ≤ " : " < ");
            step([&] { return "“" + shown(c.source) + "”：" + m + rel + l + "，本项0分"; },
                 [&] { return "\"" + c.source + "\": " + m + rel + l + ", the indicator scores 0"; });
            return true;
        }
        return false;
    }

    // A step or cut-off (`source`) of a deadline's text that counts `unit`, no time: not applied.
    void not_time(const std::string& source, const std::string& unit) {
        step([&] { return "“" + shown(source) + "”的单位（" + unit + "）不是时间，不适用"; },
             [&] { return "\"" + source + "\" counts " + unit + ", not time: not applied"; });
    }

    // A cut-off of lateness (延迟超过3个月不得分, 逾期30天以上不得分), in its own unit: true when the deadline
    // was met that late or later.
    bool deadline_cutoff_reached(const Cutoff& c) {
        const std::string u = c.unit.empty() ? m_unit : c.unit;
        const auto late = lateness_in(u);
        if (!late) {
            not_time(c.source, u);
            return false;
        }
        const bool reached = c.inclusive ? *late >= c.value : *late > c.value;
        const std::string m_zh = qty_zh(*late, u);
        const std::string l_zh = qty_zh(c.value, u);
        const std::string m_en = qty_en(*late, u);
        const std::string l_en = qty_en(c.value, u);
        if (!reached) {
            step([&] { return "逾期" + m_zh + "，未超过" + l_zh + "，“" + shown(c.source) + "”不适用"; },
                 [&] { return "Late by " + m_en + ", not beyond " + l_en + ": \"" + c.source + "\" does not apply"; });
            return false;
        }
        const char* rel = c.inclusive ? " ≥ " : " > ";
        step([&] { return "“" + shown(c.source) + "”：逾期" + m_zh + rel + l_zh + "，本项0分"; },
             [&] { return "\"" + c.source + "\": late by " + m_en + rel + l_en + ", the indicator scores 0"; });
        return true;
    }

    // Where step `s` counts from, by its threshold, into `ref`; false (and a word why) when the threshold
    // cannot be used and the steps count from the target (or the text's full-marks line). A threshold that
    // is the gap from the target (低于目标值10%的, 超过预算10%的) sits that far from it: 10% on a % indicator
    // is 10 points, on another a tenth of the target. One that is a share of the target (低于目标值的80%的)
    // is that share of it. One in % on an indicator in another unit (or none) is a share of the target
    // too, as for a cut-off: a bound of the completion rate below the target (完成率低于90%的: 90% of a 200人
    // target is 180人), the gap above it (超过10%的 on ≤60万元: from 66万元). Otherwise it is a bound of the
    // actual, in the indicator's unit or converted to it (低于100万元 against 元).
    bool threshold_reference(const Step& s, Decimal& ref) {
        const std::string& unit = m_unit;
        const Decimal v = *s.threshold;
        const bool above = s.direction != StepDirection::under && s.direction != StepDirection::shortfall;
        const bool share = s.threshold_unit == "%" && (unit != "%" || s.threshold_of_target);
        if (share && m_t <= k_zero) {
            step([&] { return "目标值不大于0，无法换算为百分比，“" + shown(s.source) + "”从目标起算"; },
                 [&] {
                     return "Target not above 0, no percentage can be taken: \"" + s.source +
                            "\" counts from the target";
                 });
            return false;
        }
        const auto working = [&](const std::string& how) {
            step([&] { return "起算值按目标值计：" + how + " = " + val(ref, unit); },
                 [&] { return "The threshold from the target: " + how + " = " + val(ref, unit); });
        };
        if (share && (s.threshold_gap || (above && !s.threshold_of_target))) {
            ref = above ? m_t + m_t * v / k_hundred : m_t - m_t * v / k_hundred;
            working(m_t.str() + " × (1 " + (above ? "+ " : "− ") + v.str() + "%)");
            return true;
        }
        if (share) {
            ref = m_t * v / k_hundred;
            working(m_t.str() + " × " + v.str() + "%");
            return true;
        }
        Decimal amount = v;
        if (!s.threshold_unit.empty() && s.threshold_unit != unit) {
            const auto converted = model::convert_unit(v, s.threshold_unit, unit);
            if (!converted) {
                step(
                    [&] {
                        return "“" + shown(s.source) + "”的起算值单位（" + s.threshold_unit + "）与指标单位（" + unit +
                               "）不同：不按起算值计";
                    },
                    [&] {
                        return "\"" + s.source + "\" has its threshold in " + s.threshold_unit + ", the indicator in " +
                               unit + ": the threshold is not used";
                    });
                return false;
            }
            amount = *converted;
        }
        if (s.threshold_gap) {
            ref = above ? m_t + amount : m_t - amount;
            working(m_t.str() + (above ? " + " : " − ") + amount.str());
            return true;
        }
        ref = amount;
        return true;
    }

    // The per-step deductions of the text. nullopt when none applies to this indicator.
    std::optional<Decimal> apply_steps() {
        const Formula& f = *m_formula;
        const std::string& unit = m_unit;
        const bool reverse = missed_above();
        // A full-marks line more lenient than the target (满意度达到90%以上得满分 on a 95% target): the text
        // gives full marks from it, so its steps count from it.
        std::optional<Decimal> full_line;
        if (const auto& b = f.full_marks_bound; b && (b->unit.empty() || b->unit == unit) && b->at_least == !reverse &&
                                                (reverse ? b->value > m_t : b->value < m_t)) {
            full_line = b->value;
            step(
                [&] {
                    return "扣分标准的满分线" + val(*full_line, unit) + (reverse ? "高于" : "低于") + "目标值" +
                           val(m_t, unit) + "：按扣分标准，从满分线起算";
                },
                [&] {
                    return "The text's full-marks line " + val(*full_line, unit) + " is more lenient than the target " +
                           val(m_t, unit) + ": its steps count from the line";
                });
        }
        Decimal total;
        bool applied = false;
        for (const Step& s : f.steps) {
            // The step as the text says it, in the language of the message that quotes it: built only for
            // a message that is written (most runs show Chinese only, which quotes it for a step without 每).
            const auto said = [&s](Lang lang) { return pick(phrase(s), lang); };
            if (!applies(s.direction)) {
                other_direction(s.source);
                continue;
            }
            // Reference: the text's own threshold (低于100%每1%…), its full-marks line, or the target.
            Decimal ref = full_line.value_or(m_t);
            const bool from_threshold = s.threshold && threshold_reference(s, ref);
            Decimal gap = reverse ? m_a - ref : ref - m_a;
            const std::string ref_name_zh = from_threshold ? "起算值" : full_line ? "满分线" : "目标";
            const std::string ref_name_en = from_threshold ? "the threshold"
                                            : full_line    ? "the full-marks line"
                                                           : "the target";
            if (gap <= k_zero) {
                step(
                    [&](std::string& out) {
                        util::concat_into(out, {reverse ? "未超出" : "未低于", ref_name_zh, ref.str(), unit, "，“",
                                                shown(s.source), "”不扣分"});
                    },
                    [&] {
                        return "Not beyond " + ref_name_en + " " + val(ref, unit) + ": \"" + s.source +
                               "\" deducts nothing";
                    });
                applied = true;
                continue;
            }
            // (How late a deadline was met, by_date() has said: the steps count that.)
            const bool say_gap = !m_deadline || from_threshold;
            if (say_gap && reverse) {
                step(
                    [&](std::string& out) {
                        util::concat_into(
                            out, {"超出", ref_name_zh, "：", m_a.str(), " − ", ref.str(), " = ", qty_zh(gap, unit)});
                    },
                    [&] {
                        return "Over " + ref_name_en + ": " + m_a.str() + " − " + ref.str() + " = " + qty_en(gap, unit);
                    });
            } else if (say_gap) {
                step(
                    [&](std::string& out) {
                        util::concat_into(
                            out, {"低于", ref_name_zh, "：", ref.str(), " − ", m_a.str(), " = ", qty_zh(gap, unit)});
                    },
                    [&] {
                        return "Short of " + ref_name_en + ": " + ref.str() + " − " + m_a.str() + " = " +
                               qty_en(gap, unit);
                    });
            }
            // The gap in the step's unit. Steps in % on an indicator with no unit are shares of the target,
            // as they are on one in another unit (and as cut-offs read them): 0.05 short of a target of 0.9
            // is 5.6%, not 0.05 of a percentage point.
            std::string su = s.unit.empty() ? unit : s.unit;
            if (m_deadline && !from_threshold) {
                // Lateness in the step's own unit (每延迟1天 beside a cut-off in months).
                const auto late = lateness_in(s.unit);
                if (!late) {
                    not_time(s.source, s.unit);
                    continue;
                }
                if (su != unit) {
                    step([&] { return "逾期按" + su + "计为" + qty_zh(*late, su); },
                         [&] { return "Late by " + qty_en(*late, su); });
                }
                gap = *late;
            } else if (!s.unit.empty() && s.unit != unit && (!unit.empty() || s.unit == "%")) {
                if (s.unit == "%") {
                    if (m_t <= k_zero) {
                        step([&] { return "目标值不大于0，无法换算为百分比，“" + shown(s.source) + "”不适用"; },
                             [&] {
                                 return "Target not above 0, the gap cannot be a percentage: \"" + s.source +
                                        "\" not applied";
                             });
                        continue;
                    }
                    const Decimal g = gap * k_hundred / m_t;
                    step(
                        [&] {
                            return "非百分比指标，差额按目标值的百分比计：" + gap.str() + " ÷ " + m_t.str() +
                                   " × 100 = " + g.str() + "%";
                        },
                        [&] {
                            return "Not a % indicator: the gap as a percent of the target: " + gap.str() + " ÷ " +
                                   m_t.str() + " × 100 = " + g.str() + "%";
                        });
                    gap = g;
                } else if (const auto g = model::convert_unit(gap, unit, s.unit)) {
                    // 每超过5万元 against 元; 每少1000人次 against a target of 1.2万人次; 每少100米 against 公里.
                    step(
                        [&] { return "差额换算为" + s.unit + "：" + val(gap, unit) + " = " + val(*g, s.unit); },
                        [&] { return "Gap converted to " + s.unit + ": " + val(gap, unit) + " = " + val(*g, s.unit); });
                    gap = *g;
                } else if (same_count(s.unit, unit)) {
                    // 批次 against 批, 本书 against 本: one count, written longer on one side.
                } else {
                    step(
                        [&] {
                            return "“" + shown(s.source) + "”的单位（" + s.unit + "）与指标单位（" + unit +
                                   "）不同，不适用";
                        },
                        [&] {
                            return "\"" + s.source + "\" is in " + s.unit + ", the indicator in " + unit +
                                   ": not applied";
                        });
                    continue;
                }
            }
            if (s.implicit) {
                step([&] { return "“" + shown(s.source) + "”未写“每”，按" + said(Lang::zh) + "计"; },
                     [&] { return "\"" + s.source + "\" has no 每 (each): read as " + said(Lang::en); });
            }
            Decimal deduction;
            if (s.implicit && s.size == m_t && (s.unit.empty() || s.unit == unit)) {
                // "低于90%扣5分" with a target of 90: the number is the target itself, not a step size.
                deduction = s.points;
                step(
                    [&] {
                        return "“" + shown(s.source) + "”中的" + val(s.size, su) + "即目标值：按未达标一次扣" +
                               s.points.str() + "分";
                    },
                    [&] {
                        return "In \"" + s.source + "\" " + val(s.size, su) +
                               " is the target itself: one deduction of " + s.points.str();
                    });
            } else {
                StepMode mode = m_policy.step_mode;
                if (f.partial) mode = StepMode::partial_counts;
                const Decimal ratio = gap / s.size;
                const std::string div = util::concat({gap.str(), " ÷ ", s.size.str(), " = ", ratio.str()});
                if (mode == StepMode::pro_rate) {
                    deduction = gap * s.points / s.size;
                    step(
                        [&] {
                            return "按“" + shown(s.source) + "”，规则集规定按比例折算：" + div + " 步；扣分 " +
                                   ratio.str() + " × " + s.points.str() + " = " + deduction.str() + "分";
                        },
                        [&] {
                            return "Per \"" + said(Lang::en) + "\", pro-rated by the rule set: " + div +
                                   " steps; deduction " + ratio.str() + " × " + s.points.str() + " = " +
                                   deduction.str();
                        });
                } else {
                    const bool partial = mode == StepMode::partial_counts;
                    const Decimal n = partial ? ratio.ceil() : ratio.floor();
                    deduction = n * s.points;
                    std::string why_zh;
                    std::string why_en;
                    if (partial && f.partial) {
                        why_zh = "按“不满" + val(*f.partial, f.partial_unit) + "按" + val(*f.partial, f.partial_unit) +
                                 "计算”，不足一步按一步计";
                        why_en = "a partial step counts as a whole one (不满N按N计算)";
                    } else if (partial) {
                        why_zh = "规则集规定不足一步按一步计";
                        why_en = "the rule set counts a partial step as a whole one";
                    } else {
                        why_zh = "只计整步";
                        why_en = "only full steps count";
                    }
                    step(
                        [&](std::string& out) {
                            const std::string steps = n.str();
                            util::concat_into(
                                out, {"按“", shown(s.source), "”：", div, " 步，", why_zh, "：", steps, " 步；扣分 ",
                                      steps, " × ", s.points.str(), " = ", deduction.str(), "分"});
                        },
                        [&] {
                            return "Per \"" + said(Lang::en) + "\": " + div + " steps; " + why_en + ": " + n.str() +
                                   "; deduction " + n.str() + " × " + s.points.str() + " = " + deduction.str();
                        });
                }
            }
            total += deduction;
            applied = true;
        }
        if (!applied) {
            step("扣分标准中的扣分步骤均不适用于本指标", "None of the text's deduction steps applies to this indicator");
            return std::nullopt;
        }
        if (f.cap && total > *f.cap) {
            step([&] { return "最多扣" + f.cap->str() + "分：扣分由" + total.str() + "分降为" + f.cap->str() + "分"; },
                 [&] { return "At most " + f.cap->str() + " deducted: " + total.str() + " becomes " + f.cap->str(); });
            total = *f.cap;
        }
        const Decimal s = m_w - total;
        step(
            [&](std::string& out) {
                util::concat_into(out, {"得分：", m_w.str(), " − ", total.str(), " = ", s.str()});
            },
            [&] { return "After deductions: " + m_w.str() + " − " + total.str() + " = " + s.str(); });
        return s;
    }

    // ---- tier tables ---------------------------------------------------------------------------
    // The row of the text's tier table an actual is written as (较好 in 好得满分，较好得15分), if any.
    const Tier* written_tier(const ActualReading& actual) const {
        return m_has_text ? label_tier(*m_formula, actual) : nullptr;
    }

    // Scored by the row the actual names: its points, whether or not the target was met.
    Decimal from_tier(const Tier& t, std::string_view actual) {
        const Decimal s = tier_points(t, m_w);
        step(
            [&] {
                return "实际完成值“" + std::string(actual) + "”对应扣分标准的“" + shown(t.source) + "”：" +
                       points_zh(t) + s.str() + "分";
            },
            [&] {
                return "The actual \"" + std::string(actual) + "\" is the row \"" + t.source +
                       "\" of the deduction standard: " + s.str();
            });
        set_formula("");
        m_by_tier = true;
        return s;
    }

    // 得满分10 / 得8 / 扣2分后得8.
    std::string points_zh(const Tier& t) const {
        if (t.full) return "得满分";
        if (t.deduct) return m_w.str() + " − " + t.points.str() + " = ";
        return "得";
    }

    // A quantitative target missed, under a tier table: the first band (in reading order) holding the actual,
    // or a catch-all row (其余不得分). A band in % on an indicator in another unit, or of 完成率, holds the
    // completion rate actual ÷ target (for a target to reach; none is taken of a cap); one in another unit
    // holds the actual converted to it; a late deadline's, how late it was in the band's unit of time.
    Decimal by_tiers() {
        const Formula& f = *m_formula;
        bool bands = false;
        bool unmeasured = false;
        std::vector<std::pair<const Tier*, Decimal>> missed;  // value rows not holding the actual, as measured
        for (const Tier& t : f.tiers) {
            if (t.is_label()) continue;
            bands = bands || t.is_band();
            Decimal measured = m_a;
            std::string unit = m_unit;
            Text working;
            if (t.other) {
                // Every actual the rows above do not hold.
            } else if (m_deadline) {
                // 逾期1个月以内得8分: how late, in the row's unit of time.
                unit = t.unit.empty() ? m_unit : t.unit;
                const auto late = lateness_in(unit);
                if (!late) {
                    unmeasured = true;
                    continue;
                }
                measured = *late;
            } else if (t.unit == "%" && (m_unit != "%" || t.of_rate)) {
                if (is_reverse(m_c) || m_t <= k_zero) {
                    unmeasured = true;
                    continue;
                }
                measured = m_a * k_hundred / m_t;
                unit = "%";
                const std::string w = m_a.str() + " ÷ " + m_t.str() + " × 100 = " + measured.str() + "%";
                working = {"完成率：" + w, "Completion rate: " + w};
            } else if (!t.unit.empty() && t.unit != m_unit) {
                const auto converted = model::convert_unit(m_a, m_unit, t.unit);
                if (!converted) {
                    unmeasured = true;
                    continue;
                }
                measured = *converted;
                unit = t.unit;
            }
            if (!in_band(t, measured)) {
                if (!t.other) missed.emplace_back(&t, measured);
                continue;
            }
            if (!working.zh.empty()) step([&] { return working.zh; }, [&] { return working.en; });
            const Decimal s = tier_points(t, m_w);
            const std::string m = val(measured, unit);
            step(
                [&] {
                    return "按扣分标准分档：" + m + "在“" + shown(t.source) + "”一档：" + points_zh(t) + s.str() + "分";
                },
                [&] {
                    return "Per the tiers of the deduction standard: " + m + " is in \"" + t.source + "\": " + s.str();
                });
            set_formula("");
            m_by_tier = true;
            return s;
        }
        if (!bands) {
            step("扣分标准按等级用语分档，实际完成值为数字、不是其中任何一档：采用规则集默认公式",
                 "The deduction standard's tiers are labels and the actual is a number, none of them: the rule "
                 "set's default formula applies");
        } else if (m_deadline && unmeasured) {
            step("扣分标准的分档不是按逾期时长划分，不适用于完成日期：采用规则集默认公式",
                 "The deduction standard's tiers are not bands of lateness, which is what a date can be measured "
                 "in: the rule set's default formula applies");
        } else if (unmeasured) {
            step("实际完成值不在扣分标准的任何一档内（部分档的单位与指标不同，无法比较）：采用规则集默认公式",
                 "The actual is in no tier of the deduction standard (some are in a unit the indicator's does not "
                 "convert to): the rule set's default formula applies");
        } else {
            const Neighbours n = neighbours(missed);
            if (const Tier* t = below_the_ladder(n)) {
                const Decimal s = tier_points(*t, m_w);
                step(
                    [&] {
                        return "实际完成值低于扣分标准的各档，按“" + shown(t->source) + "”：" + points_zh(*t) +
                               s.str() + "分";
                    },
                    [&] {
                        return "The actual is below every tier of the deduction standard, so \"" + t->source +
                               "\": " + s.str();
                    });
                set_formula("");
                m_by_tier = true;
                return s;
            }
            step("实际完成值不在扣分标准的任何一档内：采用规则集默认公式",
                 "The actual is in no tier of the deduction standard: the rule set's default formula applies");
            return between_tiers(default_formula(), n);
        }
        return default_formula();
    }

    // The rows of a ladder either side of an actual in none of them (TierOrder): of the rows on the better
    // side (not reached), the lowest-scoring; of those on the worse side (passed), the highest-scoring.
    struct Neighbours {
        const Tier* above = nullptr;
        const Tier* below = nullptr;
    };
    Neighbours neighbours(const std::vector<std::pair<const Tier*, Decimal>>& missed) const {
        Neighbours n;
        const TierOrder order = m_formula->tier_order;
        if (order == TierOrder::none) return n;
        const bool rises = order == TierOrder::rises;
        for (const auto& [t, v] : missed) {
            // Rising, a row starting above the actual is better and one ending below it worse; falling, the
            // other way round.
            const bool starts_above = t->low && (*t->low > v || (*t->low == v && !t->low_inclusive));
            const bool ends_below = t->high && (*t->high < v || (*t->high == v && !t->high_inclusive));
            const bool better = rises ? starts_above : ends_below;
            const bool worse = rises ? ends_below : starts_above;
            const Decimal points = tier_points(*t, m_w);
            if (better && (!n.above || points < tier_points(*n.above, m_w))) n.above = t;
            if (worse && (!n.below || points > tier_points(*n.below, m_w))) n.below = t;
        }
        return n;
    }

    // An actual short of a ladder's every row, under a row for missing the target (…完成80%得6分，未完成不得分):
    // that row, as the text says, where the default formula gave 79% 6 points.
    const Tier* below_the_ladder(const Neighbours& n) const {
        if (!n.above || n.below) return nullptr;
        for (const Tier& t : m_formula->tiers) {
            if (t.is_label() && names_target_missed(t.label)) return &t;
        }
        return nullptr;
    }

    // An actual between the rows of a ladder (89% under 完成100%得满分，完成90%得8分; 85% between 90%得8分 and
    // 80%以下不得分) scores no more than the row above it not reached, and no less than the row below it passed:
    // the default formula alone gave 89% 8.9, more than 95% got.
    Decimal between_tiers(Decimal s, const Neighbours& n) {
        if (n.above && s > tier_points(*n.above, m_w)) return limited_by(s, *n.above, true);
        if (n.below && s < tier_points(*n.below, m_w)) return limited_by(s, *n.below, false);
        return s;
    }

    // `s` brought to row `t`'s points, said: down to a row not reached (`cap`), or up to a row passed.
    Decimal limited_by(Decimal s, const Tier& t, bool cap) {
        const Decimal to = tier_points(t, m_w);
        step(
            [&] {
                return std::string(cap ? "不高于尚未达到的“" : "不低于已超过的“") + shown(t.source) + "”一档的" +
                       to.str() + "分：" + s.str() + " → " + to.str();
            },
            [&] {
                return std::string(cap ? "No more than the " : "No less than the ") + to.str() + " of the row \"" +
                       t.source + (cap ? "\" not reached: " : "\" passed: ") + s.str() + " → " + to.str();
            });
        return to;
    }

    // ---- qualitative ---------------------------------------------------------------------------
    Decimal qualitative() {
        const ActualReading a = read_actual(m_ind, m_policy);
        const auto reviewer = read_reviewer_score(m_ind);
        if ((!a.present || m_rules.is_placeholder(a.text)) && !reviewer) {
            step("未填写实际完成值：本项按0分计（请补填实际完成值）",
                 "No actual value: this indicator scores 0 (fill in the actual)");
            m_out.formula = "qualitative(bands)";
            return k_zero;
        }
        if (const Tier* t = written_tier(a)) return from_tier(*t, a.text);
        if (a.equals_target && a.band) {
            step([&] { return "实际完成值与指标值相同，视为“" + a.band->label + "”"; },
                 [&] { return "The actual equals the target text: counts as \"" + a.band->label + "\""; });
        }
        return from_band(a, reviewer);
    }

    Decimal from_band(const ActualReading& a, const std::optional<Decimal>& reviewer) {
        if (m_has_text)
            util::concat_into(m_out.formula, {m_canonical, " => qualitative(bands)"});
        else
            m_out.formula.assign("qualitative(bands)");
        const QualitativeBand* band = a.band;
        if (band) {
            const Decimal lo = m_w * band->low;
            const Decimal hi = m_w * band->high;
            const std::string range = util::concat({"[", lo.str(), ", ", hi.str(), "]"});
            if (reviewer) {
                const Decimal s = *reviewer;
                const std::string score = s.str();
                if (s >= lo && s <= hi) {
                    step(
                        [&](std::string& out) {
                            util::concat_into(
                                out, {"自评得分", score, "在“", band->label, "”等级区间", range, "内：采用自评得分"});
                        },
                        [&](std::string& out) {
                            util::concat_into(out, {"The reviewer's score ", score, " lies in the band of \"",
                                                    band->label, "\" ", range, ": it is used"});
                        });
                    return s;
                }
                const Decimal c = s < lo ? lo : hi;
                const std::string edge = c.str();
                step(
                    [&](std::string& out) {
                        util::concat_into(out, {"自评得分", score, "超出“", band->label, "”等级区间", range,
                                                "：按区间边界计", edge, "分"});
                    },
                    [&](std::string& out) {
                        util::concat_into(out, {"The reviewer's score ", score, " is outside the band of \"",
                                                band->label, "\" ", range, ": taken at the band's edge, ", edge});
                    });
                return c;
            }
            const Decimal s = m_w * band->default_fraction;
            if (band == top_band(m_policy) && band->default_fraction == Decimal::from_int(1)) {
                step(
                    [&](std::string& out) {
                        util::concat_into(out, {"等级“", band->label, "”且未填写得分：得满分", s.str(), "分"});
                    },
                    [&] { return "Label \"" + band->label + "\" with no reviewer's score: full marks " + s.str(); });
            } else {
                step(
                    [&](std::string& out) {
                        util::concat_into(out, {"等级“", band->label, "”但未填写得分：按默认比例计 ", m_w.str(), " × ",
                                                band->default_fraction.str(), " = ", s.str(), "（请填写自评得分）"});
                    },
                    [&] {
                        return "Label \"" + band->label +
                               "\" with no reviewer's score: the default fraction applies, " + m_w.str() + " × " +
                               band->default_fraction.str() + " = " + s.str() + " (fill in the score)";
                    });
            }
            return s;
        }
        if (reviewer) {
            step(
                [&](std::string& out) {
                    util::concat_into(out, {"实际完成值未写明等级，采用自评得分", reviewer->str()});
                },
                [&] { return "The actual names no label; the reviewer's score " + reviewer->str() + " is used"; });
            return *reviewer;
        }
        if (impossible_actual_date(m_ind)) {
            step([&] { return "实际完成值“" + std::string(a.text) + "”不是日历上存在的日期，无法与期限比较：按0分计"; },
                 [&] {
                     return "The actual \"" + std::string(a.text) +
                            "\" is no day of the calendar and cannot be compared with the deadline: it counts as 0";
                 });
            return k_zero;
        }
        step(
            [&] {
                return "实际完成值“" + std::string(a.text) +
                       "”既不是等级用语（达成/部分达成/"
                       "未达成年度指标），也不等于指标值，且未填写得分：无法评分，按0分计";
            },
            [&] {
                return "The actual \"" + std::string(a.text) +
                       "\" is neither a label (达成/部分达成/未达成年度指标) nor the target text, and "
                       "there is no reviewer's score: it cannot be scored and counts as 0";
            });
        return k_zero;
    }

    void finish(Decimal raw) {
        Decimal s = raw;
        if (s < k_zero) {
            // Quoted only when the text says it: every score stops at 0 (SPEC), written or not.
            if (m_has_text && m_formula->floor_zero)
                step("扣完为止：最低0分", "The score does not go below 0");
            else
                step("得分最低为0分", "The score does not go below 0");
            s = k_zero;
        } else if (s > m_w) {
            step([&] { return "得分不超过分值" + m_w.str(); },
                 [&] { return "The score does not exceed the weight " + m_w.str(); });
            s = m_w;
        }
        const Decimal rounded = s.round(m_policy.rounding);
        if (rounded != s) {
            step(
                [&] {
                    return "保留" + std::to_string(m_policy.rounding) + "位小数：" + s.str() + " → " + rounded.str();
                },
                [&] {
                    return "Rounded to " + std::to_string(m_policy.rounding) + " places: " + s.str() + " → " +
                           rounded.str();
                });
        }
        m_out.score = rounded;
        const std::string score = rounded.str();
        step(
            [&](std::string& out) {
                util::concat_into(out, {"本项得分：", score, "分"});
            },
            [&](std::string& out) {
                util::concat_into(out, {"Score: ", score});
            });
        if (is_numeric_target(m_ind) || m_by_tier) {
            if (const auto reviewer = read_reviewer_score(m_ind); reviewer && *reviewer != rounded) {
                step(
                    [&] {
                        return "表中自评得分为" + reviewer->str() + "，与按公式计算的" + rounded.str() +
                               "不同（以计算结果为准）";
                    },
                    [&] {
                        return "The table's own score " + reviewer->str() + " differs from the computed " +
                               rounded.str() + " (the computed score stands)";
                    });
            }
        }
    }

    const Project& m_project;
    const Indicator& m_ind;
    const RuleSet& m_rules;
    const ScoringPolicy& m_policy;
    const StepLanguages m_langs;
    IndicatorScore& m_out;
    std::size_t m_steps = 0;  ///< steps of m_out written so far
    Decimal m_w;
    bool m_has_text = false;
    std::shared_ptr<const Formula> m_formula = empty_formula();  ///< the deduction text's, when m_has_text
    /// The deduction text's canonical form, in the memo that keeps it (valid until its next use: by the
    /// next indicator).
    std::string_view m_canonical;
    Decimal m_a;
    Decimal m_t;
    Comparator m_c = Comparator::ge;
    std::string m_unit;       ///< the unit m_a and m_t are in: the target's, or a deadline's lateness (月, 天, 周)
    bool m_deadline = false;  ///< m_a is how late a deadline was met (m_t 0)
    bool m_by_tier = false;   ///< scored by a row of the text's tier table (the table's 得分 is compared)
    model::Lateness m_late;   ///< when m_deadline: how late
    std::int64_t m_due_day = 0;  ///< when m_deadline: the deadline's day number
};

}  // namespace

IndicatorScore score_indicator(const Project& project, const Indicator& indicator, const RuleSet& rules,
                               StepLanguages langs) {
    IndicatorScore out;
    IndicatorScorer(project, indicator, rules, langs, out).run();
    return out;
}

BudgetExecution score_budget_execution(const Project& project, const RuleSet& rules) {
    BudgetExecution b;
    b.weight = rules.budget_execution_weight;
    b.budget = money_wan(project.budget, project.money_unit);
    b.spent = money_wan(project.spent, project.money_unit);
    if (!b.budget || !b.spent || *b.budget <= k_zero) return b;
    const Decimal spent = *b.spent < k_zero ? k_zero : *b.spent;
    b.rate = spent / *b.budget;
    const Decimal capped = std::min(*b.rate, Decimal::from_int(1));
    b.score = (capped * b.weight).round(rules.scoring.rounding);
    return b;
}

std::string grade_for(Decimal total, const ScoringPolicy& policy) {
    // The band with the highest minimum the total reaches, whatever order the rule set lists them in.
    const GradeBand* best = nullptr;
    for (const auto& g : policy.grades)
        if (total >= g.min_total && (!best || g.min_total > best->min_total)) best = &g;
    return best ? best->grade : std::string();
}

ProjectScore score_project(const Project& project, const RuleSet& rules, StepLanguages langs) {
    ProjectScore ps;
    score_project_into(project, rules, langs, ps);
    return ps;
}

void score_project_into(const Project& project, const RuleSet& rules, StepLanguages langs, ProjectScore& ps) {
    ps.file = project.file;
    ps.sheet = project.sheet;
    ps.project_code = project.code.text;
    ps.project = project.name.shown();
    ps.row = project.first_row;
    Decimal total;
    ps.indicators.reserve(project.indicators.size());  // no regrowth moving scored indicators around
    std::size_t scored = 0;
    for (const auto& ind : project.indicators) {
        if (ind.placeholder) continue;
        if (scored == ps.indicators.size()) ps.indicators.emplace_back();
        IndicatorScore& slot = ps.indicators[scored++];
        IndicatorScorer(project, ind, rules, langs, slot).run();
        total += slot.score;
    }
    ps.indicators.erase(ps.indicators.begin() + static_cast<std::ptrdiff_t>(scored), ps.indicators.end());
    ps.budget_execution = score_budget_execution(project, rules);
    total += ps.budget_execution.score;
    ps.total = total;
    ps.grade = grade_for(total, rules.scoring);
}

}  // namespace perf_check::scoring
