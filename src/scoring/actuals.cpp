// Self-evaluation cells read once, the same way, for the scorer and the self-evaluation rules.
#include "scoring/actuals.hpp"

#include "scoring/tiers.hpp"

#include "model/dates.hpp"
#include "model/normalize.hpp"
#include "model/units.hpp"
#include "rules/rule_util.hpp"
#include "util/text.hpp"

namespace perf_check::scoring {

namespace {

std::size_t common_prefix(std::string_view a, std::string_view b) {
    std::size_t i = 0;
    std::size_t j = 0;
    std::size_t n = 0;
    while (i < a.size() && j < b.size()) {
        const char32_t ca = util::next_code_point(a, i);
        const char32_t cb = util::next_code_point(b, j);
        if (ca != cb) break;
        ++n;
    }
    return n;
}

}  // namespace

bool has_actuals(const Project& project) {
    if (!project.budget.empty() || !project.spent.empty()) return true;
    for (const auto& ind : project.indicators)
        if (!ind.actual.empty()) return true;
    return false;
}

Comparator scoring_comparator(const Indicator& indicator) {
    switch (indicator.comparator) {
        case Comparator::ge:
        case Comparator::gt:
        case Comparator::le:
        case Comparator::lt:
        case Comparator::eq:
            return indicator.value.number ? indicator.comparator : Comparator::qualitative;
        case Comparator::qualitative: return Comparator::qualitative;
        case Comparator::none: break;
    }
    if (!indicator.value.number) return Comparator::qualitative;
    return rules::is_cost(indicator) ? Comparator::le : Comparator::ge;
}

std::string target_display(const Indicator& indicator) {
    std::string shown;
    target_display_into(indicator, shown);
    return shown;
}

void target_display_into(const Indicator& indicator, std::string& out) {
    const std::string& text = indicator.target.text;
    if (!is_numeric_target(indicator)) {
        out.assign(text);
        return;
    }
    // q's fields are read before scoring_comparator is asked: a reading of another quantity there would
    // write over what q refers to.
    const Quantity& q = model::read_quantity(text);
    const std::string_view unit = q.unit.empty() ? std::string_view(indicator.value.unit) : std::string_view();
    const std::string_view symbol =
        q.comparator == Comparator::none ? comparator_symbol(scoring_comparator(indicator)) : "";
    util::concat_into(out, {symbol, text, unit});
}

bool is_numeric_target(const Indicator& indicator) { return scoring_comparator(indicator) != Comparator::qualitative; }

bool target_met(Comparator c, Decimal actual, Decimal target) {
    switch (c) {
        case Comparator::ge: return actual >= target;
        case Comparator::gt: return actual > target;
        case Comparator::le: return actual <= target;
        case Comparator::lt: return actual < target;
        case Comparator::eq: return target == Decimal{} ? actual <= Decimal{} : actual >= target;
        case Comparator::qualitative:
        case Comparator::none: break;
    }
    return false;
}

namespace {
// `text` without spaces: a view of it when it has none (labels and most cells), else `scratch`. The
// scorer and three rules read every actual, and a copy of each band's label per reading was most of it.
std::string_view without_spaces(std::string_view text, std::string& scratch) {
    if (!util::has_spaces(text)) return text;
    scratch = util::strip_spaces(text);
    return scratch;
}
}  // namespace

const QualitativeBand* match_band(std::string_view text, const ScoringPolicy& policy, bool aliases) {
    std::string t_scratch;
    const std::string_view t = without_spaces(text, t_scratch);
    if (t.empty()) return nullptr;
    std::string scratch;
    for (const auto& b : policy.bands) {
        if (without_spaces(b.label, scratch) == t) return &b;
        if (!aliases) continue;
        for (const auto& alias : b.aliases)
            if (alias == t) return &b;  // stored without spaces
    }
    const QualitativeBand* best = nullptr;
    std::size_t best_len = 0;
    bool tie = false;
    for (const auto& b : policy.bands) {
        const std::size_t n = common_prefix(t, without_spaces(b.label, scratch));
        if (n > best_len) {
            best = &b;
            best_len = n;
            tie = false;
        } else if (n == best_len && n > 0) {
            tie = true;
        }
    }
    if (best_len < 2 || tie) return nullptr;
    return best;
}

const QualitativeBand* top_band(const ScoringPolicy& policy) {
    const QualitativeBand* top = nullptr;
    for (const auto& b : policy.bands)
        if (!top || b.high > top->high) top = &b;
    return top;
}

ActualReading read_actual(const Indicator& indicator, const ScoringPolicy& policy) {
    ActualReading r;
    r.text = indicator.actual.text;
    r.present = !indicator.actual.empty();
    if (!r.present) return r;
    {
        // As normalisation read it, when the cell still holds what it read (read_actual is asked several
        // times per indicator); else read now (the reader's memory, not a copy: valid until the next
        // read_quantity). Then the number before the indicator's own unit.
        const Quantity& as_read = util::same_text(indicator.actual_value.text, r.text) ? indicator.actual_value
                                                                                       : model::read_quantity(r.text);
        r.unit = as_read.unit;
        r.number = as_read.number;
        r.date = as_read.date;
    }
    if (!r.number) {
        // "42公里" with 度量单位 公里: the unit may be one the general reader does not know.
        const std::string unit = util::strip_spaces(indicator.unit.text);
        if (!unit.empty() && util::ends_with(r.text, unit) && r.text.size() > unit.size()) {
            const Quantity& stripped =
                model::read_quantity(util::trim_view(r.text.substr(0, r.text.size() - unit.size())));
            if (stripped.number && stripped.unit.empty()) {
                r.number = stripped.number;
                r.unit = model::canonical_unit(unit);
            }
        }
    }
    if (r.number) {
        const Decimal number = *r.number;  // in the cell's unit
        const std::string& target_unit = indicator.value.unit;
        // (Most columns are the target's unit as written: no reading of the column for them.)
        if (r.unit.empty() && !target_unit.empty() && !util::same_text(indicator.unit.text, target_unit)) {
            // A plain number is in 度量单位's unit: against 1.2万 (人次) or 0.5万 (元), 11000 is 11000人次 or
            // 11000元, where it was read as 11000万.
            std::string column = model::canonical_unit(indicator.unit.text);
            if (model::is_money_unit(target_unit)) {
                // 元/人, 元/年: the money in them (a rate's other half is the indicator's own).
                for (const char* money : {"亿元", "万元", "千元", "元"}) {
                    if (util::starts_with(column, money)) {
                        column = money;
                        break;
                    }
                }
            }
            if (!column.empty() && column != target_unit) {
                if (const auto converted = model::convert_unit(number, column, target_unit)) {
                    r.number = *converted;
                    r.converted = true;
                    r.in_column_unit = true;
                }
            }
            return r;
        }
        // 85% against a bare ≥0.9 (a rate written as a fraction, with no unit): 0.85, where 85 ≥ 0.9 gave
        // full marks. Only a floor strictly between 0 and 1: a bare target of 1 or more (90, no unit) is read
        // as a percentage already, and a ceiling (≤1, ≤0.5 of a 投诉率) is as often a percentage as a fraction:
        // as written, a missed one is no full marks.
        const Comparator c = scoring_comparator(indicator);
        if (target_unit.empty() && r.unit == "%" && (c == Comparator::ge || c == Comparator::gt) &&
            indicator.value.number && *indicator.value.number > Decimal{} &&
            *indicator.value.number < Decimal::from_int(1)) {
            r.number = number / Decimal::from_int(100);
            r.converted = true;
            return r;
        }
        if (r.unit.empty() || target_unit.empty() || r.unit == target_unit) return r;
        // A bare 万 or 亿 is read as 万元 / 亿元; after a number of people (1.2万 against 人) it is 万 of the
        // target's unit.
        std::string unit = r.unit;
        for (const std::string_view prefix : {"万", "亿"}) {
            if (unit != std::string(prefix) + "元" || !util::ends_with(r.text, prefix) ||
                target_unit.find("元") != std::string::npos) {
                continue;
            }
            // 1.2万 against 万人 is 1.2万人 itself.
            unit = util::starts_with(target_unit, prefix) ? target_unit : std::string(prefix) + target_unit;
        }
        if (const auto converted = model::convert_unit(number, unit, target_unit)) {
            r.number = *converted;
            r.converted = true;
        } else {
            r.unit_mismatch = true;  // "120名" against 人: compared as written, and reported
        }
        return r;
    }
    // 已完成 answers a 定性 indicator; against a number it says nothing of how much (scored as not a number).
    r.band = match_band(r.text, policy, !is_numeric_target(indicator));
    std::string actual_scratch;
    std::string target_scratch;
    if (!r.band && without_spaces(r.text, actual_scratch) == without_spaces(indicator.target.text, target_scratch)) {
        r.band = top_band(policy);
        r.equals_target = true;
    }
    return r;
}

std::optional<CalendarDate> month_deadline(const Indicator& indicator) {
    // The text's shape first, which almost every number fails at once (a month is four digits and a point),
    // the words after.
    const std::string& text = indicator.target.text;
    const auto point = text.find('.');
    if (point == std::string::npos || point < 4 || !util::contains(indicator.level2_name, "时效")) return std::nullopt;
    const auto month = model::read_month_number(util::trim_view(text));
    if (!month) return std::nullopt;
    const std::string& unit = indicator.value.unit;
    if (!unit.empty() && !util::contains(unit, "月") && !util::contains(unit, "日期") && !util::contains(unit, "时间"))
        return std::nullopt;
    return month;
}

bool impossible_actual_date(const Indicator& indicator) {
    return deadline_of(indicator) && model::impossible_date(indicator.actual.text);
}

bool deadline_met(const Indicator& indicator, const DeadlineDates& dates) {
    const std::int64_t due = model::day_number(dates.due);
    const std::int64_t done = model::day_number(dates.done);
    return indicator.comparator == Comparator::lt ? done < due : done <= due;
}

namespace {
// An actual that names a month of the year alone against a deadline (11月, 11月份): that whole month. As
// written, not as read (3个月 is read in 月 too, and is no month of the year).
std::optional<CalendarDate> month_alone(const ActualReading& actual) {
    const std::string_view text = util::trim_view(actual.text);
    if (!actual.number || !(util::ends_with(text, "月") || util::ends_with(text, "月份")) || util::contains(text, "个"))
        return std::nullopt;
    const Decimal& n = *actual.number;
    for (int month = 1; month <= 12; ++month)
        if (n == Decimal::from_int(month)) return CalendarDate{0, month, model::days_in_month(0, month), true};
    return std::nullopt;
}
}  // namespace

std::optional<DeadlineDates> deadline_dates(const Indicator& indicator, const ActualReading& actual) {
    if (!actual.present) return std::nullopt;
    const auto due = deadline_of(indicator);
    if (!due) return std::nullopt;
    auto done = actual.date ? actual.date : model::read_month_number(util::trim_view(actual.text));
    if (!done) done = month_alone(actual);
    if (!done) return std::nullopt;
    DeadlineDates dates{*due, *done};
    if (due->year == 0 && done->year == 0) {
        dates.due = model::in_year(*due, 2000);
        dates.done = model::in_year(*done, 2000);
        dates.due_year_assumed = dates.done_year_assumed = true;
    } else if (due->year == 0) {
        dates.due = model::year_beside(*due, *done);
        dates.due_year_assumed = true;
    } else if (done->year == 0) {
        dates.done = model::year_beside(*done, *due);
        dates.done_year_assumed = true;
    }
    return dates;
}

std::optional<Decimal> read_reviewer_score(const Indicator& indicator) {
    if (indicator.score.empty()) return std::nullopt;
    return model::read_weight(indicator.score.text);
}

std::optional<Decimal> money_wan(const Cell& cell, MoneyUnit table_unit) {
    if (cell.empty()) return std::nullopt;
    const Quantity& q = model::read_quantity(cell.text);
    if (!q.number) return std::nullopt;
    if (model::is_money_unit(q.unit)) return rules::to_wan(*q.number, q.unit);
    return model::to_wan(*q.number, table_unit);
}

Finding self_evaluation_finding(const Project& project, const Indicator* indicator, const Cell& cell) {
    Finding f = make_finding(project, indicator, cell);
    if (!cell.loc.file.empty() && cell.loc.file != project.file && cell.loc.row > 0) {
        f.loc = cell.loc;  // the value was joined from a separate actuals file: fix it there
    } else if (f.loc.row == 0) {
        f.loc.row = indicator ? indicator->row : project.first_row;
    }
    return f;
}

bool falls_short(const Indicator& indicator, const ActualReading& actual, const ScoringPolicy& policy) {
    if (!actual.present) return false;
    if (const auto dates = deadline_dates(indicator, actual)) return !deadline_met(indicator, *dates);
    if (is_numeric_target(indicator) && actual.number) {
        const Decimal a = *actual.number < Decimal{} ? Decimal{} : *actual.number;
        return !target_met(scoring_comparator(indicator), a, *indicator.value.number);
    }
    // A label row of the text's tier table (较好 in 好得满分，较好得8分) falls short when it gives less than the
    // weight.
    if (const auto f = tier_formula(indicator)) {
        if (const Tier* t = label_tier(*f, actual)) {
            const Decimal w = indicator.weight_points.value_or(Decimal{});
            return tier_points(*t, w) < w;
        }
    }
    if (actual.band) return actual.band != top_band(policy);
    return false;
}

}  // namespace perf_check::scoring
