// Monitoring judgements and their wording, shared by the monitoring rules and the monitoring report.
#include "monitor/judge.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "model/dates.hpp"
#include "model/normalize.hpp"
#include "rules/finding_text.hpp"
#include "rules/rule_util.hpp"
#include "scoring/actuals.hpp"
#include "util/text.hpp"

namespace perf_check::monitor {

namespace {

const Decimal k_zero;
const Decimal k_hundred = Decimal::from_int(100);

Error param_error(const Params& params, const std::string& key, const char* rule, const std::string& what) {
    Error e;
    if (const Param* p = params.find(key)) e.line = p->line;
    e.message = "parameter '" + key + "' of rule " + rule + " " + what;
    return e;
}

// A percentage parameter: a number in [0, 100].
Expected<Decimal> percent_param(const Params& params, const char* rule, const std::string& key, Decimal fallback) {
    auto d = rules::decimal_param(params, rule, key, fallback);
    if (!d) return d.error();
    if (*d < k_zero || *d > k_hundred) {
        return param_error(params, key, rule, "must be between 0 and 100, got '" + d->str() + "'");
    }
    return *d;
}

// A list of non-empty words (an empty list is allowed: it switches that criterion off).
Expected<std::vector<std::string>> words_param(const Params& params, const char* rule, const std::string& key,
                                               const std::vector<std::string>& fallback) {
    std::vector<std::string> out;
    for (const auto& w : rules::list_param(params, key, fallback)) {
        const std::string folded = util::fold(w);
        if (folded.empty()) return param_error(params, key, rule, "must not contain an empty item");
        out.push_back(folded);
    }
    return out;
}

// The percent sign or unit as people write it after a number.
std::string with_unit(Decimal d, const std::string& unit) { return rules::amount(d) + unit; }

// Differences of percentages are percentage points.
std::string points_unit(const std::string& unit, Lang lang) {
    if (unit == "%") return lang == Lang::zh ? "个百分点" : " percentage points";
    if (lang == Lang::en && !unit.empty()) return " " + unit;
    return unit;
}

std::string pct(Decimal ratio) { return percent(ratio).fixed(2) + "%"; }

std::string money(Decimal wan) { return rules::amount(wan.round(2)); }

bool le_like(const std::string& comparator, const std::optional<Decimal>& target) {
    return comparator == "≤" || comparator == "<" || (comparator == "=" && target && *target == k_zero);
}

std::string name_of(const Indicator& indicator) {
    return indicator.name.text.empty() ? indicator.path() : indicator.name.text;
}

}  // namespace

// ---- settings ----------------------------------------------------------------------------------

Expected<ExecutionSettings> read_execution_settings(const Params& params) {
    if (auto err = rules::reject_unknown(params, k_execution_behind, {"tolerance"})) return *err;
    ExecutionSettings s;
    auto tolerance = percent_param(params, k_execution_behind, "tolerance", s.tolerance);
    if (!tolerance) return tolerance.error();
    s.tolerance = *tolerance;
    return s;
}

Expected<RiskSettings> read_risk_settings(const Params& params) {
    if (auto err = rules::reject_unknown(params, k_target_at_risk,
                                         {"tolerance", "over_tolerance", "cumulative_names", "point_in_time_levels",
                                          "point_in_time_units", "point_in_time_names"})) {
        return *err;
    }
    RiskSettings s;
    auto tolerance = percent_param(params, k_target_at_risk, "tolerance", s.tolerance);
    if (!tolerance) return tolerance.error();
    s.tolerance = *tolerance;
    auto over = percent_param(params, k_target_at_risk, "over_tolerance", s.over_tolerance);
    if (!over) return over.error();
    s.over_tolerance = *over;
    auto cumulative = words_param(params, k_target_at_risk, "cumulative_names", s.cumulative_names);
    if (!cumulative) return cumulative.error();
    s.cumulative_names = *cumulative;
    auto levels = words_param(params, k_target_at_risk, "point_in_time_levels", s.point_in_time_levels);
    if (!levels) return levels.error();
    s.point_in_time_levels = *levels;
    auto units = words_param(params, k_target_at_risk, "point_in_time_units", s.point_in_time_units);
    if (!units) return units.error();
    // Units are compared in canonical form, so 百分比 in a rule set means % as it does in a table.
    s.point_in_time_units.clear();
    for (const auto& u : *units) s.point_in_time_units.push_back(model::canonical_unit(u));
    auto names = words_param(params, k_target_at_risk, "point_in_time_names", s.point_in_time_names);
    if (!names) return names.error();
    s.point_in_time_names = *names;
    return s;
}

std::optional<Error> check_progress_settings(const Params& params) {
    return rules::reject_unknown(params, k_progress_missing, {});
}

namespace {
const Params& params_of(const RuleSet& rules, const char* id) {
    static const Params k_none;
    const auto it = rules.rules.find(id);
    return it == rules.rules.end() ? k_none : it->second.params;
}
}  // namespace

ExecutionSettings execution_settings(const RuleSet& rules) {
    auto s = read_execution_settings(params_of(rules, k_execution_behind));
    return s ? *s : ExecutionSettings{};
}

RiskSettings risk_settings(const RuleSet& rules) {
    auto s = read_risk_settings(params_of(rules, k_target_at_risk));
    return s ? *s : RiskSettings{};
}

bool rule_enabled(const RuleSet& rules, const char* id) {
    const auto it = rules.rules.find(id);
    return it != rules.rules.end() && it->second.enabled;
}

// ---- clock and execution -------------------------------------------------------------------------

std::optional<Clock> clock_of(const std::string& as_of) {
    if (as_of.empty()) return std::nullopt;
    const auto d = parse_date(as_of);
    if (!d) return std::nullopt;
    return Clock{*d, day_of_year(*d), days_in_year(d->year), time_progress(*d)};
}

std::optional<Clock> clock_of(const RuleSet& rules) { return clock_of(rules.monitoring.as_of); }

Decimal percent(Decimal ratio) { return (ratio * k_hundred).round(2); }

Execution judge_execution(const Project& project, const Clock& clock, const ExecutionSettings& settings) {
    Execution e;
    // 预算数 is what monitoring measures against; a target table without it still has 资金总额, the
    // year's money for the project, which is the same figure unless the budget was adjusted.
    // A 预算数 of 0 or less is none: 资金总额 stands in for it as for a blank one (a review found 预算数 0
    // said "资金总额也无法读取" beside a readable 资金总额).
    e.budget = scoring::money_wan(project.budget, project.money_unit);
    if (e.budget && *e.budget <= k_zero) e.budget.reset();
    if (!e.budget && project.funds_wan && *project.funds_wan > k_zero) {
        e.budget = project.funds_wan;
        e.budget_from_funds = true;
    }
    e.budget_missing = !e.budget;
    e.spent = scoring::money_wan(project.spent, project.money_unit);
    e.spent_missing = !e.spent;
    if (e.spent && *e.spent < k_zero) e.spent = k_zero;
    if (!e.budget || !e.spent) return e;
    e.rate = *e.spent / *e.budget;
    // Judged on the percentages as printed, so what the report shows is what was decided.
    e.gap_points = percent(clock.progress) - percent(*e.rate);
    // Multiply before dividing: budget × 213 ÷ 366 is exact to the cent, budget × 0.581967 is not.
    e.expected = (*e.budget * Decimal::from_int(clock.elapsed) / Decimal::from_int(clock.year_days)).round(2);
    e.catch_up = std::max(*e.expected - *e.spent, k_zero).round(2);
    e.behind = *e.gap_points > settings.tolerance;
    return e;
}

// ---- indicators ----------------------------------------------------------------------------------

bool monitored(const Indicator& indicator) {
    return !indicator.placeholder && indicator.value.number && scoring::is_numeric_target(indicator);
}

namespace {

struct Basis {
    bool cumulative = true;
    Text why;
};

Basis classify(const Indicator& indicator, const std::string& unit, const RiskSettings& s) {
    const std::string name = util::strip_spaces(indicator.name.text);
    for (const auto& w : s.cumulative_names) {
        if (util::contains(name, w)) {
            return {true, {fmt::format("名称含“{}”，随时间累计，按时间进度线性推算", w),
                           fmt::format("name contains “{}”: grows over the year, projected linearly", w)}};
        }
    }
    for (const auto& level : s.point_in_time_levels) {
        if (rules::under(indicator, level)) {
            return {false, {fmt::format("{}下的指标按当前值判断，不按时间外推", level),
                            fmt::format("indicators under {} are judged on their value now, not extrapolated", level)}};
        }
    }
    if (std::find(s.point_in_time_units.begin(), s.point_in_time_units.end(), unit) != s.point_in_time_units.end()) {
        return {false, {fmt::format("单位为“{}”的比率类指标按当前值判断，不按时间外推", unit),
                        fmt::format("a rate in “{}” is judged on its value now, not extrapolated", unit)}};
    }
    for (const auto& w : s.point_in_time_names) {
        if (util::contains(name, w)) {
            return {false, {fmt::format("名称含“{}”，按当前值判断，不按时间外推", w),
                            fmt::format("name contains “{}”: judged on its value now, not extrapolated", w)}};
        }
    }
    return {true, {"数量、金额类指标随时间累计，按时间进度线性推算",
                   "counts and amounts grow over the year: projected linearly"}};
}

}  // namespace

IndicatorProgress judge_indicator(const Indicator& indicator, const Clock& clock, const RiskSettings& settings,
                                  const ScoringPolicy& policy) {
    IndicatorProgress ip;
    ip.indicator = indicator.path();
    ip.loc = indicator.actual.loc.row > 0 ? indicator.actual.loc : indicator.name.loc;
    ip.target = scoring::target_display(indicator);
    ip.to_date = indicator.actual.text;
    const Comparator c = scoring::scoring_comparator(indicator);
    ip.comparator = comparator_symbol(c);
    ip.target_value = indicator.value.number;
    ip.unit = !indicator.value.unit.empty() ? indicator.value.unit : model::canonical_unit(indicator.unit.text);
    const Basis basis = classify(indicator, ip.unit, settings);
    ip.cumulative = basis.cumulative;
    ip.notes.push_back(basis.why);
    const scoring::ActualReading a = scoring::read_actual(indicator, policy);
    if (!a.present || !a.number || !ip.target_value) {
        ip.missing = true;
        ip.notes.push_back(a.present ? Text{"截至目前完成值不是数字，无法判断", "the value to date is not a number"}
                                     : Text{"未填报截至目前完成值，无法判断", "no value to date"});
        return ip;
    }
    const Decimal value = std::max(*a.number, k_zero);  // a negative count or amount means none yet
    ip.value = value;
    Decimal judged = value;
    if (ip.cumulative) {
        ip.projected =
            (value * Decimal::from_int(clock.year_days) / Decimal::from_int(clock.elapsed)).round(2);
        judged = *ip.projected;
        ip.notes.push_back({fmt::format("全年预计 = {} × {} ÷ {} = {}", rules::amount(value), clock.year_days,
                                        clock.elapsed, rules::amount(*ip.projected)),
                            fmt::format("year-end projection = {} × {} ÷ {} = {}", rules::amount(value),
                                        clock.year_days, clock.elapsed, rules::amount(*ip.projected))});
    }
    const Decimal target = *ip.target_value;
    const bool lower_is_better = le_like(ip.comparator, ip.target_value);
    const Decimal allowance =
        (target.abs() * (lower_is_better ? settings.over_tolerance : settings.tolerance) / k_hundred).round(6);
    // What has accumulated only grows: over a ≤ target already, it is missed now, by what it is now.
    if (lower_is_better && ip.cumulative && !scoring::target_met(c, value - allowance, target)) {
        ip.at_risk = true;
        ip.already_missed = true;
        ip.shortfall = value - target;
        return ip;
    }
    const bool met = lower_is_better ? scoring::target_met(c, judged - allowance, target)
                                     : scoring::target_met(c, judged + allowance, target);
    if (!met) {
        ip.at_risk = true;
        ip.shortfall = lower_is_better ? judged - target : target - judged;
    }
    return ip;
}

std::optional<IndicatorProgress> judge_deadline(const Indicator& indicator, const Clock& clock,
                                                const ScoringPolicy& policy) {
    if (indicator.placeholder || monitored(indicator)) return std::nullopt;
    auto due = scoring::deadline_of(indicator);
    if (!due) return std::nullopt;
    if (due->year == 0) *due = model::in_year(*due, clock.as_of.year);
    const std::int64_t due_day = model::day_number(*due);
    const scoring::ActualReading a = scoring::read_actual(indicator, policy);
    std::optional<CalendarDate> done;
    if (const auto dates = scoring::deadline_dates(indicator, a)) done = dates->done;
    const std::int64_t today = model::day_number(CalendarDate{clock.as_of.year, clock.as_of.month, clock.as_of.day});
    // Done on a day after it; or not done and past it (under <, the day itself is late).
    const bool strict = indicator.comparator == Comparator::lt;
    const std::int64_t until = done ? model::day_number(*done) : today;
    if (strict ? until < due_day : until <= due_day) return std::nullopt;
    IndicatorProgress ip;
    ip.indicator = indicator.path();
    ip.loc = indicator.actual.loc.row > 0 ? indicator.actual.loc : indicator.name.loc;
    ip.target = scoring::target_display(indicator);
    ip.to_date = indicator.actual.text;
    ip.comparator = comparator_symbol(strict ? Comparator::lt : Comparator::le);
    ip.at_risk = true;
    ip.already_missed = true;
    ip.deadline = true;
    ip.due = model::date_text(*due);
    if (done) ip.done = model::date_text(*done);
    ip.days_late = std::max<std::int64_t>(until - due_day, 1);
    ip.notes.push_back(
        {"时效指标的期限按日期判断，不按时间外推", "a deadline is judged by its date, not extrapolated"});
    const std::string days = std::to_string(ip.days_late);
    if (done) {
        ip.notes.push_back({fmt::format("期限{}，{}完成，逾期{}天", ip.due, ip.done, days),
                            fmt::format("due {}, done {}: {} day(s) late", ip.due, ip.done, days)});
    } else {
        ip.notes.push_back(
            {fmt::format("期限{}，截至{}已过{}天，没有报告完成日期", ip.due, format_date(clock.as_of), days),
             fmt::format("due {}, {} day(s) past it on {}, no day of completion reported", ip.due, days,
                         format_date(clock.as_of))});
    }
    return ip;
}

bool no_progress_at_all(const Project& project, const Execution& execution) {
    if (!execution.spent_missing || !project.spent.empty()) return false;
    for (const auto& ind : project.indicators) {
        if (monitored(ind) && !ind.actual.empty()) return false;
    }
    return true;
}

Finding progress_finding(const Project& project, const Indicator* indicator, const Cell& cell) {
    if (cell.loc.row <= 0) {
        Finding f = indicator ? make_finding(project, indicator, indicator->name) : rules::project_finding(project);
        f.value = cell.text;
        return f;
    }
    Finding f = make_finding(project, indicator, cell);
    if (!cell.loc.file.empty()) f.loc.file = cell.loc.file;
    return f;
}

// ---- wording ---------------------------------------------------------------------------------------

namespace {

std::string budget_zh(const Execution& e) {
    return fmt::format("执行数{}万元／{}{}万元", money(*e.spent), e.budget_from_funds ? "资金总额" : "预算数",
                       money(*e.budget));
}
std::string budget_en(const Execution& e) {
    return fmt::format("{} of {} 万元{}", money(*e.spent), money(*e.budget),
                       e.budget_from_funds ? " (资金总额; no 预算数 given)" : "");
}

}  // namespace

Text execution_message(const Project& project, const Execution& e, const Clock& clock) {
    const std::string date = format_date(clock.as_of);
    return {fmt::format("{}截至{}预算执行率为{}（{}），低于时间进度{}达{}个百分点；按时间进度应支出{}万元，"
                        "还需支出{}万元才能赶上进度。",
                        rules::project_zh(project), date, pct(*e.rate), budget_zh(e), pct(clock.progress),
                        e.gap_points->fixed(2), money(*e.expected), money(*e.catch_up)),
            fmt::format("{} had spent {} of its budget by {} ({}), {} percentage points behind the {} of the year "
                        "elapsed; keeping pace means {} 万元 spent, {} 万元 more than now.",
                        rules::capitalise(rules::project_en(project)), pct(*e.rate), date, budget_en(e),
                        e.gap_points->fixed(2), pct(clock.progress), money(*e.expected), money(*e.catch_up))};
}

Text execution_hint() {
    return {"加快预算执行进度，督促按计划拨付和支出资金，防止资金沉淀和年底突击花钱；若执行数或预算数填报有误，请更正。",
            "Speed up spending to the plan so money neither lies idle nor is rushed out at year end; if the "
            "spending or budget figure is wrong, correct it."};
}

namespace {

// "超过全年预算数200万元（执行率125.00%），超出50万元。": the part the finding and the report's problem share.
Text over_budget_excess(const Execution& e) {
    const std::string over = money(*e.spent - *e.budget);
    return {fmt::format("超过全年{}{}万元（执行率{}），超出{}万元。", e.budget_from_funds ? "资金总额" : "预算数",
                        money(*e.budget), pct(*e.rate), over),
            fmt::format("more than the year's {} of {} 万元 ({}), by {} 万元.",
                        e.budget_from_funds ? "total funds" : "budget", money(*e.budget), pct(*e.rate), over)};
}

}  // namespace

Text over_budget_message(const Project& project, const Execution& e, const Clock& clock) {
    const std::string date = format_date(clock.as_of);
    const Text excess = over_budget_excess(e);
    return {fmt::format("{}截至{}已支出{}万元，{}", rules::project_zh(project), date, money(*e.spent), excess.zh),
            fmt::format("{} had spent {} 万元 by {}, {}", rules::capitalise(rules::project_en(project)),
                        money(*e.spent), date, excess.en)};
}

bool over_budget(const Execution& e) {
    return e.rate && e.spent && e.budget && (*e.spent - *e.budget).round(2) > k_zero;
}

Text over_budget_problem(const Execution& e) {
    const Text excess = over_budget_excess(e);
    return {fmt::format("执行数{}万元{}", money(*e.spent), excess.zh),
            fmt::format("Spent {} 万元, {}", money(*e.spent), excess.en)};
}

Text over_budget_hint() {
    return {
        "核实执行数是否含其他资金或重复记账、预算数是否为调整后的数；"
        "确需增加支出的，应按程序调整预算，不得超预算支出。",
        "Check whether the spending includes other money or is booked twice, and whether the budget is the "
        "adjusted one; spending beyond the budget needs a budget adjustment first."};
}

Text execution_problem(const Execution& e, const Clock& clock) {
    return {fmt::format("预算执行率{}（{}），低于时间进度{}达{}个百分点，按时间进度还需支出{}万元。", pct(*e.rate),
                        budget_zh(e), pct(clock.progress), e.gap_points->fixed(2), money(*e.catch_up)),
            fmt::format("Budget execution {} ({}), {} percentage points behind the time elapsed ({}); {} 万元 more "
                        "to spend to keep pace.",
                        pct(*e.rate), budget_en(e), e.gap_points->fixed(2), pct(clock.progress), money(*e.catch_up))};
}

namespace {

// "完成54人，为目标≥136人的39.71%" and the like: the value to date and, for ≥ targets, how much of it is done.
std::string done_zh(const IndicatorProgress& ip) {
    std::string s = "为" + with_unit(*ip.value, ip.unit);
    // "35%, 38.89% of the target ≥90%" says nothing a reader wants: the share is given for counts and amounts.
    if (!le_like(ip.comparator, ip.target_value) && *ip.target_value > k_zero && ip.cumulative && ip.unit != "%") {
        s = "完成" + with_unit(*ip.value, ip.unit) + "，为目标" + ip.target + "的" + pct(*ip.value / *ip.target_value);
    }
    return s;
}

}  // namespace

Text risk_message(const Project& project, const Indicator& indicator, const IndicatorProgress& ip, const Clock& clock) {
    const std::string date = format_date(clock.as_of);
    const std::string head_zh = rules::project_zh(project) + "的" + rules::indicator_zh(indicator);
    const std::string head_en =
        rules::capitalise(rules::indicator_en(indicator)) + " of " + rules::project_en(project);
    if (ip.deadline) {
        const std::string days = std::to_string(ip.days_late);
        if (!ip.done.empty()) {
            return {fmt::format("{}的期限为{}，截至{}报告{}完成，逾期{}天，未按期实现。", head_zh, ip.due, date,
                                ip.done, days),
                    fmt::format("{} was due {} and is reported done on {} ({}), {} day(s) late.", head_en, ip.due,
                                ip.done, date, days)};
        }
        const std::string reported =
            ip.to_date.empty() ? std::string("未填报完成情况") : fmt::format("完成情况为“{}”", ip.to_date);
        return {fmt::format("{}的期限为{}，截至{}已过期限{}天，{}，没有报告完成日期，已无法按期实现。", head_zh, ip.due,
                            date, days, reported),
                fmt::format("{} was due {}; by {} it is {} day(s) past due and no day of completion is reported{}.",
                            head_en, ip.due, date, days,
                            ip.to_date.empty() ? std::string() : fmt::format(" (“{}”)", ip.to_date))};
    }
    // A number judged, with its shortfall (a deadline, above, has none: read before it, *ip.shortfall was empty).
    const bool lower = le_like(ip.comparator, ip.target_value);
    const std::string short_zh = rules::amount(*ip.shortfall) + points_unit(ip.unit, Lang::zh);
    const std::string short_en = rules::amount(*ip.shortfall) + points_unit(ip.unit, Lang::en);
    if (ip.already_missed) {
        return {fmt::format("{}截至{}已为{}，超过目标{}共{}，年度目标已无法实现。", head_zh, date,
                            with_unit(*ip.value, ip.unit), ip.target, short_zh),
                fmt::format("{} already stood at {} on {}, {} over the target {}: it can no longer be met this year.",
                            head_en, with_unit(*ip.value, ip.unit), date, short_en, ip.target)};
    }
    if (ip.cumulative) {
        const std::string projected = with_unit(*ip.projected, ip.unit);
        if (lower) {
            return {fmt::format("{}截至{}为{}；按时间进度{}线性推算，全年预计{}，超过目标{}共{}，年度目标预计难以实现。",
                                head_zh, date, with_unit(*ip.value, ip.unit), pct(clock.progress), projected,
                                ip.target, short_zh),
                    fmt::format("{} stood at {} on {}; projected linearly from the {} of the year elapsed it reaches "
                                "{} by year end, {} over the target {}.",
                                head_en, with_unit(*ip.value, ip.unit), date, pct(clock.progress), projected,
                                short_en, ip.target)};
        }
        return {fmt::format("{}截至{}{}；按时间进度{}线性推算，全年预计完成{}，比目标少{}，年度目标预计难以实现。",
                            head_zh, date, done_zh(ip), pct(clock.progress), projected, short_zh),
                fmt::format("{} reached {} by {} (target {}); projected linearly from the {} of the year elapsed "
                            "it reaches {} by year end, {} short of the target.",
                            head_en, with_unit(*ip.value, ip.unit), date, ip.target, pct(clock.progress), projected,
                            short_en)};
    }
    return {fmt::format("{}截至{}为{}，{}目标{}，{}{}（该指标按当前值判断，不按时间外推），年度目标预计难以实现。",
                        head_zh, date, with_unit(*ip.value, ip.unit), lower ? "高于" : "低于", ip.target,
                        lower ? "超出" : "相差", short_zh),
            fmt::format("{} stands at {} on {}, {} {} the target {} (judged on its value now, not extrapolated).",
                        head_en, with_unit(*ip.value, ip.unit), date, short_en, lower ? "above" : "below",
                        ip.target)};
}

Text risk_hint(const IndicatorProgress& ip) {
    if (ip.deadline) {
        return {
            "核实完成情况：已完成的，填报实际完成日期；未完成的，分析原因、尽快完成；确因客观情况变化无法按期完成的，"
            "按程序申请调整绩效目标。",
            "Check what was done: if it is done, report the day; if not, find out why and finish it; if "
            "circumstances changed, apply to adjust the target through the proper procedure."};
    }
    if (le_like(ip.comparator, ip.target_value)) {
        // Not only costs run over: 安全事故 =0起, 投诉 ≤5次 (the words fit both).
        return {
            "分析超出目标的原因，加强过程管控（成本类指标控制支出）；"
            "确因客观情况变化无法实现的，按程序申请调整绩效目标；若完成值填报有误，请更正。",
            "Find out why it runs over the target and tighten control; if circumstances changed, apply to adjust "
            "the target through the proper procedure; correct the value if it was entered wrongly."};
    }
    return {"分析目标难以实现的原因，采取措施加快实施进度；确因客观情况变化无法实现的，按程序申请调整绩效目标；"
            "若完成值填报有误，请更正。",
            "Find out why the target is out of reach and speed up delivery; if circumstances changed, apply to "
            "adjust the target through the proper procedure; correct the value if it was entered wrongly."};
}

Text risk_problem(const Indicator& indicator, const IndicatorProgress& ip) {
    const std::string name = name_of(indicator);
    if (ip.deadline) {
        const std::string days = std::to_string(ip.days_late);
        if (!ip.done.empty()) {
            return {fmt::format("指标“{}”期限{}，{}完成，逾期{}天。", name, ip.due, ip.done, days),
                    fmt::format("Indicator “{}”: due {}, done {}, {} day(s) late.", name, ip.due, ip.done, days)};
        }
        return {fmt::format("指标“{}”期限{}，已过期限{}天，没有报告完成日期。", name, ip.due, days),
                fmt::format("Indicator “{}”: due {}, {} day(s) past due, no day of completion reported.", name, ip.due,
                            days)};
    }
    const bool lower = le_like(ip.comparator, ip.target_value);
    const std::string short_zh = rules::amount(*ip.shortfall) + points_unit(ip.unit, Lang::zh);
    const std::string short_en = rules::amount(*ip.shortfall) + points_unit(ip.unit, Lang::en);
    const std::string value = with_unit(*ip.value, ip.unit);
    if (ip.already_missed) {
        return {fmt::format("指标“{}”截至目前已为{}，超过目标{}共{}，年度目标已无法实现。", name, value, ip.target,
                            short_zh),
                fmt::format("Indicator “{}”: already {} (target {}), {} over: it can no longer be met.", name, value,
                            ip.target, short_en)};
    }
    if (ip.cumulative) {
        const std::string projected = with_unit(*ip.projected, ip.unit);
        return {fmt::format("指标“{}”截至目前{}{}（目标{}），按时间进度推算全年约{}，预计{}{}。", name,
                            lower ? "为" : "完成", value, ip.target, projected, lower ? "超出" : "少", short_zh),
                fmt::format("Indicator “{}”: {} to date (target {}), about {} by year end at this pace, {} {}.", name,
                            value, ip.target, projected, short_en, lower ? "over" : "short")};
    }
    return {fmt::format("指标“{}”目前为{}，{}目标{}，{}{}。", name, value, lower ? "高于" : "低于", ip.target,
                        lower ? "超出" : "相差", short_zh),
            fmt::format("Indicator “{}” stands at {}, {} {} the target {}.", name, value, short_en,
                        lower ? "above" : "below", ip.target)};
}

Text missing_spent_message(const Project& project, const Clock& clock) {
    const std::string date = format_date(clock.as_of);
    return {fmt::format("{}未填报截至{}的执行数，无法判断预算执行进度。", rules::project_zh(project), date),
            fmt::format("{} has no spending to date ({}) figure: budget execution cannot be judged.",
                        rules::capitalise(rules::project_en(project)), date)};
}

Text missing_budget_message(const Project& project) {
    return {fmt::format("{}没有预算数，资金总额也无法读取，无法计算预算执行率。", rules::project_zh(project)),
            fmt::format("{} has no budget figure and its 资金总额 cannot be read: no execution rate.",
                        rules::capitalise(rules::project_en(project)))};
}

Text missing_value_message(const Project& project, const Indicator& indicator, const Clock& clock) {
    const std::string date = format_date(clock.as_of);
    const std::string target = scoring::target_display(indicator);
    if (!indicator.actual.empty()) {
        return {fmt::format("{}的{}截至{}的完成值“{}”不是数字（目标{}），无法判断年度目标能否实现。",
                            rules::project_zh(project), rules::indicator_zh(indicator), date, indicator.actual.text,
                            target),
                fmt::format("The value to date ({}) of {} of {} is “{}”, not a number (target {}).", date,
                            rules::indicator_en(indicator), rules::project_en(project), indicator.actual.text,
                            target)};
    }
    return {fmt::format("{}的{}未填报截至{}的完成值（目标{}），无法判断年度目标能否实现。", rules::project_zh(project),
                        rules::indicator_zh(indicator), date, target),
            fmt::format("{} of {} (target {}) has no value to date ({}).",
                        rules::capitalise(rules::indicator_en(indicator)), rules::project_en(project), target, date)};
}

Text missing_all_message(const Project& project, const Clock& clock, int indicators) {
    const std::string date = format_date(clock.as_of);
    return {fmt::format("{}没有截至{}的任何监控数据（执行数和{}项定量指标的完成值均未填报），可能未报送，"
                        "或进度文件中的单位代码、项目名称与目标表不一致。",
                        rules::project_zh(project), date, indicators),
            fmt::format("{} has no monitoring data as of {} (no spending figure and no value for its {} "
                        "quantitative indicators): not reported, or its unit code and name in the progress file "
                        "differ from the targets table.",
                        rules::capitalise(rules::project_en(project)), date, indicators)};
}

Text missing_hint() {
    return {"补充报送监控数据：在进度文件（或目标表的“1-7月执行数”“截至目前完成值”等列）填写截至监控日的累计执行数（万元）"
            "和各定量指标的完成值；单位代码、项目名称、三级指标须与绩效目标表一致。",
            "Report the monitoring data: cumulative spending to date (万元) and each quantitative indicator's value "
            "to date, in the progress file or in columns such as 1-7月执行数 / 截至目前完成值; unit code, project "
            "and indicator names must match the targets table."};
}

}  // namespace perf_check::monitor
