// Rule cost-breakdown: the economic cost must be itemised (by 经济成本 indicators or a
// `其中：X万元用于…` breakdown in the goal text) and the items must add up to 资金总额.
#include <optional>

#include "rules/cost_items.hpp"
#include "rules/factories.hpp"
#include "rules/finding_text.hpp"
#include "rules/rule_util.hpp"
#include "util/text.hpp"

namespace perf_check::rules {

namespace {

constexpr const char* k_id = "cost-breakdown";
constexpr std::size_t k_max_listed = 8;  // items listed in a message before "…"

struct CostLine {
    const Indicator* indicator;
    Decimal wan;
};

std::string listed(const std::vector<std::string>& parts) {
    if (parts.size() <= k_max_listed) return util::join(parts, " + ");
    std::vector<std::string> head(parts.begin(), parts.begin() + k_max_listed);
    return util::join(head, " + ") + " + …";
}

class CostBreakdown final : public Rule {
public:
    explicit CostBreakdown(Decimal tolerance) : m_tolerance(tolerance) {}

    void check(const Project& project, FindingSink& sink) const override {
        const std::string& goal = project.goal.as_read();
        // The thread's lists, kept from project to project: every project is asked, few are reported.
        thread_local std::vector<MoneyItem> goal_items;
        thread_local std::vector<CostLine> lines;
        goal_breakdown(goal, goal_items);
        lines.clear();

        const Indicator* first_real = nullptr;
        const Indicator* first_any = nullptr;
        for (const auto& ind : project.indicators) {
            if (!is_economic_cost(ind)) continue;
            if (!first_any) first_any = &ind;
            if (ind.placeholder) continue;
            if (!first_real) first_real = &ind;
            if (const auto wan = target_wan(ind)) lines.push_back({&ind, *wan});
        }

        // Either itemisation counts; when both are given, both must add up.
        bool itemised = false;
        if (goal_items.size() >= 2) {
            itemised = true;
            check_goal(project, goal_items, sink);
        }
        if (lines.size() >= 2) {
            itemised = true;
            check_lines(project, lines, sink);
        }
        if (!itemised) report_not_itemised(project, lines, goal_items, first_real ? first_real : first_any, sink);
    }

private:
    [[nodiscard]] bool equal(Decimal a, Decimal b) const { return (a - b).abs() <= m_tolerance; }

    static std::string difference_zh(Decimal sum, Decimal funds) {
        return sum > funds ? format_text("多出{}万元", amount(sum - funds))
                           : format_text("少{}万元", amount(funds - sum));
    }
    static std::string difference_en(Decimal sum, Decimal funds) {
        return sum > funds ? format_text("{} 万元 over", amount(sum - funds))
                           : format_text("{} 万元 short", amount(funds - sum));
    }

    // When 资金总额, read in 万元, is the items' sum in 元 (2000000 against items of 1600000元 and 400000元): the
    // cell was written in 元 in a table whose unit line is missing or says 万元. Said first in the hint.
    void add_yuan_hint(const Project& project, Decimal sum, Finding& f, bool english) const {
        const Decimal funds = *project.funds_wan;
        const Decimal as_yuan = funds / Decimal::from_int(10000);
        if (!equal(as_yuan, sum) || equal(funds, sum)) return;
        f.hint.zh = format_text(
                        "资金总额“{}”按万元读作{}万元；若它是以元填写的（{}元 = {}万元），正好等于分项合计："
                        "请在表头上方写明“金额单位：元”，或把资金总额改为{}（万元）。",
                        project.funds.shown(), amount(funds), amount(funds), amount(as_yuan), amount(as_yuan)) +
                    f.hint.zh;
        if (!english) return;
        f.hint.en = format_text(
                        "The total funds “{}” read as {} 万元; written in 元 ({} 元 = {} 万元) they equal the items' "
                        "sum: state “金额单位：元” above the header, or change the funds to {} (万元). ",
                        project.funds.shown(), amount(funds), amount(funds), amount(as_yuan), amount(as_yuan)) +
                    f.hint.en;
    }

    void check_goal(const Project& project, const std::vector<MoneyItem>& items, FindingSink& sink) const {
        // funds-invalid reports a total that is unreadable or not above 0: no sum to compare with.
        if (!project.funds_wan || *project.funds_wan <= Decimal{}) return;
        Decimal sum;
        for (const auto& it : items) sum += it.wan;
        const Decimal funds = *project.funds_wan;
        if (equal(sum, funds)) return;
        std::vector<std::string> parts;  // the message's list: only for a project that is reported
        for (const auto& it : items) parts.push_back(it.text);
        Finding f = make_finding(project, nullptr, project.goal);
        f.message.zh =
            format_text("{}绩效目标中列出的成本分项合计{}万元（{}），与资金总额{}万元不符，{}。", project_zh(project),
                        amount(sum), listed(parts), amount(funds), difference_zh(sum, funds));
        const bool english = sink.wants_english();  // English only for a run that shows it
        if (english) {
            f.message.en = format_text(
                "The cost items in the goal text of {} sum to {} 万元 ({}), but the total funds "
                "are {} 万元: {}.",
                project_en(project), amount(sum), listed(parts), amount(funds), difference_en(sum, funds));
        }
        f.hint.zh = "核对“其中：X万元用于…”各分项金额，使其合计等于资金总额；注意元与万元的换算（1万元 = 10000元）。";
        if (english) {
            f.hint.en =
                "Check the amounts of the “其中：X万元用于…” items so that they add up to the total funds; mind "
                "元 vs 万元 (1 万元 = 10,000 元).";
        }
        add_yuan_hint(project, sum, f, english);
        sink.add(std::move(f));
    }

    void check_lines(const Project& project, const std::vector<CostLine>& lines, FindingSink& sink) const {
        if (!project.funds_wan || *project.funds_wan <= Decimal{}) return;  // as in check_goal
        const Decimal funds = *project.funds_wan;
        Decimal sum;
        for (const auto& line : lines) sum += line.wan;
        if (equal(sum, funds)) return;
        // A total line (项目总成本 = 资金总额) listed beside its items is fine when the items add up.
        for (const auto& line : lines) {
            if (equal(line.wan, funds) && equal(sum - line.wan, funds)) return;
        }
        std::vector<std::string> parts;  // the message's list: only for a project that is reported
        for (const auto& line : lines) {
            parts.push_back(format_text("“{}”{}万元", line.indicator->name.shown(), amount(line.wan)));
        }
        const Indicator& first = *lines.front().indicator;
        Finding f = make_finding(project, &first, first.target);
        f.message.zh =
            format_text("{}经济成本指标的分项合计{}万元（{}），与资金总额{}万元不符，{}。", project_zh(project),
                        amount(sum), listed(parts), amount(funds), difference_zh(sum, funds));
        const bool english = sink.wants_english();  // English only for a run that shows it
        if (english) {
            f.message.en = format_text(
                "The economic-cost indicators of {} sum to {} 万元 ({}), but the total funds are "
                "{} 万元: {}.",
                project_en(project), amount(sum), listed(parts), amount(funds), difference_en(sum, funds));
        }
        f.hint.zh = "核对各经济成本指标的指标值和度量单位（元/万元），使分项合计等于资金总额；遗漏的支出请补列为指标。";
        if (english) {
            f.hint.en =
                "Check each economic-cost target and its unit (元/万元) so that the items add up to the total "
                "funds; add any missing expense as an indicator.";
        }
        add_yuan_hint(project, sum, f, english);
        sink.add(std::move(f));
    }

    void report_not_itemised(const Project& project, const std::vector<CostLine>& lines,
                             const std::vector<MoneyItem>& goal_items, const Indicator* cost_row,
                             FindingSink& sink) const {
        Finding f;
        if (!lines.empty()) {
            f = make_finding(project, lines.front().indicator, lines.front().indicator->target);
        } else if (cost_row) {
            f = make_finding(project, cost_row, cost_row->name);
        } else {
            f = project_finding(project);
        }
        // Funds of 0 or less are funds-invalid's: not quoted here as if they were the figure to reach.
        const std::optional<Decimal> funds =
            project.funds_wan && *project.funds_wan > Decimal{} ? project.funds_wan : std::nullopt;
        const std::string funds_zh = funds ? format_text("资金总额{}万元", amount(*funds)) : std::string("资金总额");
        const std::string funds_en = funds ? format_text("total funds of {} 万元", amount(*funds)) : "total funds";
        // What the goal text gives: nothing, or one amount (a single 其中 is no breakdown either).
        std::string goal_zh = "绩效目标中也没有“其中：X万元用于…”的分项";
        std::string goal_en = "the goal text has no “其中：X万元用于…” breakdown";
        if (goal_items.size() == 1) {
            const MoneyItem& item = goal_items.front();
            const bool whole = funds && equal(item.wan, *funds);
            goal_zh = format_text("绩效目标中也只写了一个金额（{}{}），算不上分项", item.text,
                                  whole ? std::string("，即资金总额本身") : std::string());
            goal_en = format_text("the goal text gives a single amount ({}{}), which is no breakdown", item.text,
                                  whole ? std::string(", the total funds themselves") : std::string());
        }
        if (lines.size() == 1) {
            const CostLine& only = lines.front();
            const bool whole = funds && equal(only.wan, *funds);
            f.message.zh = format_text("经济成本未细化测算：{}的经济成本只有“{}”一项（{}万元）{}；{}。",
                                       project_zh(project), only.indicator->name.shown(), amount(only.wan),
                                       whole   ? std::string("，即资金总额本身")
                                       : funds ? format_text("，而资金总额为{}万元", amount(*funds))
                                               : std::string(),
                                       goal_zh);
            f.message.en =
                format_text("Economic cost not itemised: {} has a single economic-cost item, “{}” ({} 万元){}, and {}.",
                            project_en(project), only.indicator->name.shown(), amount(only.wan),
                            whole   ? std::string(", i.e. the total funds themselves")
                            : funds ? ", against " + funds_en
                                    : std::string(),
                            goal_en);
        } else {
            f.message.zh =
                format_text("经济成本未细化测算：{}没有按金额列出经济成本分项，{}。", project_zh(project), goal_zh);
            f.message.en = format_text("Economic cost not itemised: {} lists no economic-cost amounts and {}.",
                                       project_en(project), goal_en);
        }
        f.hint.zh = format_text(
            "在“成本指标/经济成本指标”下按支出内容分项列出金额（如“补贴发放 ≤ X万元”"
            "“经办费用 ≤ Y万元”），各项合计应等于{}；或在绩效目标中写明"
            "“其中：X万元用于…；Y万元用于…”。",
            funds_zh);
        f.hint.en = format_text(
            "List the expenses as separate amounts under 成本指标/经济成本指标 (e.g. “补贴发放 ≤ "
            "X万元”, “经办费用 ≤ Y万元”) adding up to the {}, or write the breakdown into the "
            "goal: “其中：X万元用于…；Y万元用于…”.",
            funds_en);
        sink.add(std::move(f));
    }

    Decimal m_tolerance;
};

}  // namespace

Expected<std::unique_ptr<Rule>> make_cost_breakdown(const RuleSet& rules, const Params& params) {
    (void)rules;
    if (auto err = reject_unknown(params, k_id, {"tolerance"})) return *err;
    auto tolerance = decimal_param(params, k_id, "tolerance", Decimal::from_raw(10000));
    if (!tolerance) return tolerance.error();
    if (*tolerance < Decimal{}) {
        Error e;
        e.line = params.find("tolerance")->line;
        e.message = std::string("parameter 'tolerance' of rule ") + k_id + " must be ≥ 0 (万元), got '" +
                    tolerance->str() + "'";
        return e;
    }
    return std::unique_ptr<Rule>(std::make_unique<CostBreakdown>(*tolerance));
}

}  // namespace perf_check::rules
