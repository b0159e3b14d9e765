// Rule total-mismatch: a 合计/总计/总分 row that does not equal the sum of what it totals (the
// indicator weights, the project's 资金总额, or a self-evaluation's 得分).
#include <fmt/format.h>

#include "model/normalize.hpp"
#include "rules/factories.hpp"
#include "rules/finding_text.hpp"
#include "rules/rule_util.hpp"
#include "scoring/actuals.hpp"
#include "scoring/scorer.hpp"

namespace perf_check::rules {

namespace {

constexpr const char* k_id = "total-mismatch";

class TotalMismatch final : public Rule {
public:
    TotalMismatch(Decimal tolerance, const RuleSet& rules)
        : m_tolerance(tolerance), m_budget_execution(rules.budget_execution_weight) {
        m_rules.budget_execution_weight = rules.budget_execution_weight;
        m_rules.scoring = rules.scoring;
        m_rules.placeholders = rules.placeholders;
    }

    void check(const Project& project, FindingSink& sink) const override {
        for (const auto& total : project.totals) {
            // The table's total (model::GrandTotals), a total above the first project, or a 总计 (by
            // convention the total over several projects) totals the table: its money is compared with the
            // projects' sum, its points with nothing (a weight total over projects means nothing).
            if (total.grand || !inside(project, total) || total.label == "总计") {
                if (!total.funds.empty()) check_table_funds(project, total, sink);
                continue;
            }
            if (!total.weight.empty()) check_weight(project, total, sink);
            if (!total.funds.empty()) check_funds(project, total, sink);
            if (!total.score.empty()) check_score(project, total, sink);
        }
    }

private:
    [[nodiscard]] bool equal(Decimal a, Decimal b) const { return (a - b).abs() <= m_tolerance; }

    static Finding at_total(const Project& project, const TotalRow& total, const Cell& cell) {
        Cell located = cell;
        if (located.loc.row == 0) located.loc.row = total.row;
        return make_finding(project, nullptr, located);
    }

    static std::string label(const TotalRow& total) { return total.label.empty() ? std::string("合计") : total.label; }

    void check_weight(const Project& project, const TotalRow& total, FindingSink& sink) const {
        const auto stated = model::read_weight(total.weight.text);
        if (!stated) return;  // not a number: nothing to compare, the cell says what it says
        // The total row adds up the 备注 column as written, placeholder rows included.
        Decimal sum;
        for (const auto& ind : project.indicators) {
            if (ind.weight_points) sum += *ind.weight_points;
        }
        // The national form's total may include 预算执行率's points.
        if (equal(*stated, sum) || (m_budget_execution > Decimal{} && equal(*stated, sum + m_budget_execution))) {
            return;
        }
        Finding f = at_total(project, total, total.weight);
        const Decimal with_execution = sum + m_budget_execution;
        const Decimal nearest = (*stated - with_execution).abs() < (*stated - sum).abs() ? with_execution : sum;
        const std::string execution_zh =
            m_budget_execution > Decimal{}
                ? fmt::format("（加预算执行率{}分为{}分）", amount(m_budget_execution), amount(with_execution))
                : std::string();
        const std::string execution_en = m_budget_execution > Decimal{}
                                             ? fmt::format(" ({} with the {} points of budget execution)",
                                                           amount(with_execution), amount(m_budget_execution))
                                             : std::string();
        f.message.zh =
            fmt::format("{}的“{}”行分值为{}分，但各指标分值之和为{}分{}，相差{}分。", project_zh(project), label(total),
                        amount(*stated), amount(sum), execution_zh, amount((*stated - nearest).abs()));
        f.message.en = fmt::format(
            "The “{}” row of {} states {} points, but the indicator weights sum to {}{}; "
            "the difference is {} points.",
            label(total), project_en(project), amount(*stated), amount(sum), execution_en,
            amount((*stated - nearest).abs()));
        f.hint.zh =
            "核对合计行与各指标分值：合计应等于各指标分值之和（或再加预算执行率分值）；合计行不要留0，也不要手工填写与"
            "明细不符的数。";
        f.hint.en =
            "Check the total row against the indicator weights: it must equal their sum (or that sum plus the "
            "budget-execution points); do not leave it at 0 or type a figure that disagrees with the rows.";
        sink.add(std::move(f));
    }

    // A self-evaluation's 总分: the indicators' 得分 as written, with (the national form's) or without the
    // budget execution's points as computed. Compared only when every indicator has a 得分 to add.
    void check_score(const Project& project, const TotalRow& total, FindingSink& sink) const {
        const auto stated = model::read_weight(total.score.text);
        if (!stated) return;
        Decimal sum;
        for (const auto& ind : project.indicators) {
            if (ind.placeholder || m_rules.is_placeholder(ind.name.text)) continue;
            const auto s = scoring::read_reviewer_score(ind);
            if (!s) return;
            sum += *s;
        }
        const BudgetExecution run = scoring::score_budget_execution(project, m_rules);
        const Decimal execution = run.score;
        const Decimal with_execution = sum + execution;
        // A total written to fewer places (96.1 for 96.06) is compared at its own precision.
        const Decimal tolerance = std::max(m_tolerance, half_last_place(total.score.text));
        const auto near = [&](Decimal a, Decimal b) { return (a - b).abs() <= tolerance; };
        if (near(*stated, sum) || (execution > Decimal{} && near(*stated, with_execution))) return;
        // No budget execution to add (全年预算数 or 全年执行数 missing: actual-missing says so): unknown, not wrong.
        if (!run.rate) return;
        Finding f = at_total(project, total, total.score);
        const bool nearer_with = execution > Decimal{} && (*stated - with_execution).abs() < (*stated - sum).abs();
        const Decimal nearest = nearer_with ? with_execution : sum;
        const std::string execution_zh = execution > Decimal{} ? fmt::format("（加预算执行率得分{}分为{}分）",
                                                                             amount(execution), amount(with_execution))
                                                               : std::string();
        const std::string execution_en =
            execution > Decimal{}
                ? fmt::format(" ({} with the budget execution's {} points)", amount(with_execution), amount(execution))
                : std::string();
        f.message.zh =
            fmt::format("{}的“{}”行得分为{}分，但各指标得分之和为{}分{}，相差{}分。", project_zh(project), label(total),
                        amount(*stated), amount(sum), execution_zh, amount((*stated - nearest).abs()));
        f.message.en = fmt::format(
            "The “{}” row of {} states a score of {}, but the indicators' scores sum to {}{}; the difference is {}.",
            label(total), project_en(project), amount(*stated), amount(sum), execution_en,
            amount((*stated - nearest).abs()));
        f.hint.zh =
            "核对总分与各项得分：总分应等于各指标得分之和（自评表再加预算执行率得分）；有改动的得分请同时改总分。";
        f.hint.en =
            "Check the total against the scores: it must equal the indicators' scores (plus budget execution's on "
            "the national form); change the total with any score changed.";
        sink.add(std::move(f));
    }

    // Half a unit of the last decimal place written: 0.05 for "96.1", 0.5 for "96", 0.005 for "96.06".
    static Decimal half_last_place(std::string_view text) {
        const std::size_t dot = text.find('.');
        std::size_t places = 0;
        if (dot != std::string_view::npos)
            while (dot + 1 + places < text.size() && text[dot + 1 + places] >= '0' && text[dot + 1 + places] <= '9')
                ++places;
        Decimal half = Decimal::from_raw(500000);  // 0.5
        for (std::size_t i = 0; i < places && i < 6; ++i) half = half / Decimal::from_int(10);
        return half;
    }

    static bool inside(const Project& project, const TotalRow& total) {
        return project.first_row > 0 && total.row >= project.first_row && total.row <= project.last_row;
    }

    void check_funds(const Project& project, const TotalRow& total, FindingSink& sink) const {
        if (!project.funds_wan) return;
        // In 万元 (the table's unit when the cell names none), read as model::GrandTotals reads it.
        const auto stated = model::money_wan(total.funds.text, project.money_unit);
        if (!stated) return;
        const Decimal funds = *project.funds_wan;
        if (equal(*stated, funds)) return;
        Finding f = at_total(project, total, total.funds);
        // After several projects the row may have meant to total them all: say that sum too.
        std::string table_zh;
        std::string table_en;
        if (total.table_projects >= 2) {
            table_zh =
                fmt::format("，也不等于前{}个项目资金总额之和{}万元", total.table_projects, amount(total.table_funds));
            table_en = fmt::format("; nor do the {} projects so far, {} 万元", total.table_projects,
                                   amount(total.table_funds));
        }
        f.message.zh =
            fmt::format("{}的“{}”行金额为{}万元，与资金总额{}万元不符，相差{}万元{}。", project_zh(project),
                        label(total), amount(*stated), amount(funds), amount((*stated - funds).abs()), table_zh);
        f.message.en = fmt::format(
            "The “{}” row of {} states {} 万元, but the total funds are {} 万元 (a difference "
            "of {} 万元){}.",
            label(total), project_en(project), amount(*stated), amount(funds), amount((*stated - funds).abs()),
            table_en);
        f.hint.zh =
            "合计行金额应等于资金总额：核对合计是否漏算或重复计算了某些行，并注意元与万元的换算（1万元 = 10000元）。";
        f.hint.en =
            "The total row must equal the total funds: check for rows left out or counted twice, and mind 元 "
            "vs 万元 (1 万元 = 10,000 元).";
        sink.add(std::move(f));
    }

    // A total of the whole table (see check()): compared with the funds of every project before it.
    void check_table_funds(const Project& project, const TotalRow& total, FindingSink& sink) const {
        if (total.table_projects == 0) return;  // a project's funds unreadable: funds-invalid says so
        const auto stated = model::money_wan(total.funds.text, project.money_unit);
        if (!stated || equal(*stated, total.table_funds)) return;
        // A 总计 closing its own project's rows with that project's funds totals the project (tables that end
        // every project so): right as it is.
        if (inside(project, total) && project.funds_wan && equal(*stated, *project.funds_wan)) return;
        Finding f = at_total(project, total, total.funds);
        // The table's finding, not the project's it was read with.
        f.project_code.clear();
        f.project.clear();
        const Decimal diff = (*stated - total.table_funds).abs();
        f.message.zh =
            fmt::format("表中“{}”行金额为{}万元，与所合计的{}个项目资金总额之和{}万元不符，相差{}万元。", label(total),
                        amount(*stated), total.table_projects, amount(total.table_funds), amount(diff));
        f.message.en = fmt::format(
            "The table's “{}” row states {} 万元, but the {} project(s) it totals have {} 万元 of funds "
            "together (a difference of {} 万元).",
            label(total), amount(*stated), total.table_projects, amount(total.table_funds), amount(diff));
        f.hint.zh =
            "总计（或表头下的合计）应等于各项目资金总额之和：核对是否漏算或重复计算了某个项目，合计行不要留0，"
            "并注意元与万元的换算（1万元 = 10000元）。";
        f.hint.en =
            "The table's total must equal the sum of the projects' total funds: check for a project left out or "
            "counted twice, do not leave it at 0, and mind 元 vs 万元 (1 万元 = 10,000 元).";
        sink.add(std::move(f));
    }

    Decimal m_tolerance;
    Decimal m_budget_execution;
    RuleSet m_rules;  ///< what scoring budget execution and telling placeholders need
};

}  // namespace

Expected<std::unique_ptr<Rule>> make_total_mismatch(const RuleSet& rules, const Params& params) {
    if (auto err = reject_unknown(params, k_id, {"tolerance"})) return *err;
    auto tolerance = decimal_param(params, k_id, "tolerance", Decimal::from_raw(10000));
    if (!tolerance) return tolerance.error();
    if (*tolerance < Decimal{}) {
        Error e;
        e.line = params.find("tolerance")->line;
        e.message =
            std::string("parameter 'tolerance' of rule ") + k_id + " must be ≥ 0, got '" + tolerance->str() + "'";
        return e;
    }
    return std::unique_ptr<Rule>(std::make_unique<TotalMismatch>(*tolerance, rules));
}

}  // namespace perf_check::rules
