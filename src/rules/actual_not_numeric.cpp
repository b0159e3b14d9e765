// Rule actual-not-numeric: in a self-evaluation, a quantitative indicator whose 实际完成值 is not a number,
// or a 全年预算数 / 全年执行数 that is not an amount.
#include <string>
#include <vector>

#include <fmt/format.h>

#include "rules/factories.hpp"
#include "rules/finding_text.hpp"
#include "rules/rule_util.hpp"
#include "scoring/actuals.hpp"
#include "scoring/tiers.hpp"

namespace perf_check::rules {
namespace {

class ActualNotNumeric final : public Rule {
public:
    explicit ActualNotNumeric(const RuleSet& rules) {
        m_rules.placeholders = rules.placeholders;
        m_rules.scoring = rules.scoring;
    }

    void check(const Project& project, FindingSink& sink) const override {
        if (!scoring::has_actuals(project)) return;
        const std::string_view pname = project_label(project);
        for (const auto& ind : project.indicators) {
            // Empty and placeholder actuals are actual-missing's business; 定性 actuals are labels.
            if (ind.placeholder || m_rules.is_placeholder(ind.actual.text)) continue;
            // A deadline's actual is a date: one the calendar has not cannot be compared.
            if (scoring::impossible_actual_date(ind)) {
                report_impossible_date(project, ind, pname, sink);
                continue;
            }
            if (!scoring::is_numeric_target(ind)) continue;
            const scoring::ActualReading a = scoring::read_actual(ind, m_rules.scoring);
            if (a.unit_mismatch) {
                report_unit(project, ind, a, pname, sink);
                continue;
            }
            if (a.number) {
                if (looks_like_fraction(ind, a)) report_fraction(project, ind, a, pname, sink);
                continue;
            }
            if (scoring::deadline_dates(ind, a)) continue;  // a date against a month (2024.12) of 时效指标
            // A label row of the text's tier table (较好 in 好得满分，较好得15分) is scored by the text.
            if (const auto f = scoring::tier_formula(ind); f && scoring::label_tier(*f, a.text)) continue;
            const std::string target = scoring::target_display(ind);
            Finding f = scoring::self_evaluation_finding(project, &ind, ind.actual);
            const std::string scored_zh =
                a.band ? fmt::format("评分暂按等级“{}”计", a.band->label) : std::string("本项按0分计");
            const std::string scored_en =
                a.band ? fmt::format("it is scored by the label “{}” for now", a.band->label) : std::string("it scores 0");
            f.message = {
                fmt::format(
                    "项目“{}”的指标“{}”是定量指标（指标值{}），实际完成值“{}”却不是数字，无法与指标值比较；{}。", pname,
                    ind.name.shown(), target, ind.actual.shown(), scored_zh),
                fmt::format("Project “{}”, indicator “{}” is quantitative (target {}) but the actual “{}” is "
                            "not a number and cannot be compared with the target; {}.",
                            pname, ind.name.shown(), target, ind.actual.shown(), scored_en)};
            f.hint = {fmt::format("请填写与指标值同口径的数字（如“{}{}”），单位可写在数字后；文字说明写在“偏差原因分析及改进措施”列。",
                                  ind.value.number ? ind.value.number->str() : std::string("95"), ind.value.unit),
                      "Write a number on the same basis as the target (the unit may follow it); put explanations in "
                      "偏差原因分析及改进措施."};
            sink.add(std::move(f));
        }
        check_money(project, project.budget, "全年预算数", "the annual budget (全年预算数)", pname, sink);
        check_money(project, project.spent, "全年执行数", "the amount spent (全年执行数)", pname, sink);
    }

private:
    static void report_impossible_date(const Project& project, const Indicator& ind, std::string_view pname,
                                       FindingSink& sink) {
        const std::string target = scoring::target_display(ind);
        Finding f = scoring::self_evaluation_finding(project, &ind, ind.actual);
        f.message = {
            fmt::format("项目“{}”的指标“{}”的实际完成值“{}”不是日历上存在的日期，无法与期限{}比较；本项按0分计。",
                        pname, ind.name.shown(), ind.actual.shown(), target),
            fmt::format("Project “{}”, indicator “{}”: the actual “{}” is no day of the calendar and cannot "
                        "be compared with the deadline {}; it scores 0.",
                        pname, ind.name.shown(), ind.actual.shown(), target)};
        f.hint = {"请填写实际完成的日期（如“2024年11月20日”）。",
                  "Write the day it was done (such as “2024年11月20日”)."};
        sink.add(std::move(f));
    }

    // 0.95 written bare against a target of 95%: a fraction typed for a percentage (read as 0.95%). Only
    // against targets of 50% or more (rates like 到位率, 满意度): 0.8 against ≤2% (a 故障率) is 0.8% as meant.
    static bool looks_like_fraction(const Indicator& ind, const scoring::ActualReading& a) {
        const Decimal one = Decimal::from_int(1);
        return ind.value.unit == "%" && a.unit.empty() && ind.value.number &&
               *ind.value.number >= Decimal::from_int(50) && *a.number > Decimal{} && *a.number <= one;
    }

    static void report_fraction(const Project& project, const Indicator& ind, const scoring::ActualReading& a,
                                std::string_view pname, FindingSink& sink) {
        Finding f = scoring::self_evaluation_finding(project, &ind, ind.actual);
        const std::string as_percent = (*a.number * Decimal::from_int(100)).str() + "%";
        f.message = {fmt::format("项目“{}”的指标“{}”目标为{}，实际完成值“{}”看起来是小数形式的比例（即{}），"
                                 "但按百分数读作{}%，评分按{}%计。",
                                 pname, ind.name.shown(), scoring::target_display(ind), ind.actual.shown(), as_percent,
                                 a.number->str(), a.number->str()),
                     fmt::format("Project “{}”, indicator “{}”: the target is {} and the actual “{}” looks like a "
                                 "fraction ({}), but a percentage indicator reads it as {}%, and scores it so.",
                                 pname, ind.name.shown(), scoring::target_display(ind), ind.actual.shown(), as_percent,
                                 a.number->str())};
        f.hint = {
            fmt::format("百分比指标请填写百分数，如“{}”；若实际确为{}%，请写明百分号。", as_percent, a.number->str()),
            fmt::format("Write a percentage, e.g. “{}”; if it really is {}%, write the percent sign.", as_percent,
                        a.number->str())};
        sink.add(std::move(f));
    }

    // "120名" against a target in 人: no fixed ratio, so the number is scored as if it were in 人.
    static void report_unit(const Project& project, const Indicator& ind, const scoring::ActualReading& a,
                            std::string_view pname, FindingSink& sink) {
        Finding f = scoring::self_evaluation_finding(project, &ind, ind.actual);
        const std::string taken = a.number->str() + ind.value.unit;
        f.message = {
            fmt::format("项目“{}”的指标“{}”实际完成值“{}”的单位“{}”与指标单位“{}”不同，无法换算；评分暂按{}计。", pname,
                        ind.name.shown(), ind.actual.shown(), a.unit, ind.value.unit, taken),
            fmt::format("Project “{}”, indicator “{}”: the actual “{}” is in {}, the target in {}, and "
                        "one does not convert to the other; it is scored as {} for now.",
                        pname, ind.name.shown(), ind.actual.shown(), a.unit, ind.value.unit, taken)};
        f.hint = {fmt::format("请按指标的度量单位“{}”填写实际完成值（如“{}”）。", ind.value.unit, taken),
                  fmt::format("Write the actual in the indicator's unit, {} (e.g. “{}”).", ind.value.unit, taken)};
        sink.add(std::move(f));
    }

    void check_money(const Project& project, const Cell& cell, const char* zh, const char* en, std::string_view pname,
                     FindingSink& sink) const {
        if (m_rules.is_placeholder(cell.text)) return;
        if (const auto amount = scoring::money_wan(cell, project.money_unit)) {
            // A budget of 0 or less is actual-missing's (no rate at all); a negative amount spent is this rule's.
            if (*amount >= Decimal{} || &cell == &project.budget) return;
            // A negative amount: budget execution counts it as 0, which the table should say itself.
            Finding f = scoring::self_evaluation_finding(project, nullptr, cell);
            f.message = {fmt::format("项目“{}”的{}为负数“{}”，预算执行率按0计算。", pname, zh, cell.shown()),
                         fmt::format("Project “{}”: {} is negative (“{}”); budget execution counts it as 0.", pname, en,
                                     cell.shown())};
            f.hint = {
                "请填写实际金额（不小于0）；退回、冲减的资金请在“偏差原因分析及改进措施”中说明。",
                "Write the actual amount (not below 0); explain refunds or write-backs in 偏差原因分析及改进措施."};
            sink.add(std::move(f));
            return;
        }
        Finding f = scoring::self_evaluation_finding(project, nullptr, cell);
        f.message = {
            fmt::format("项目“{}”的{}“{}”不是金额，无法计算预算执行率，预算执行率按0分计。", pname, zh, cell.shown()),
            fmt::format("Project “{}”: {} “{}” is not an amount, so budget execution cannot be computed and "
                        "scores 0.",
                        pname, en, cell.shown())};
        f.hint = {"请填写金额数字（如“842.07”，与资金总额同一金额单位）。",
                  "Write the amount as a number (e.g. 842.07, in the table's money unit)."};
        sink.add(std::move(f));
    }

    // The placeholder tokens and the scoring policy (bands) are copied, not the whole set.
    RuleSet m_rules;
};

}  // namespace

Expected<std::unique_ptr<Rule>> make_actual_not_numeric(const RuleSet& rules, const Params& params) {
    if (auto err = reject_unknown(params, "actual-not-numeric", {})) return *err;
    return Expected<std::unique_ptr<Rule>>(std::make_unique<ActualNotNumeric>(rules));
}

}  // namespace perf_check::rules
