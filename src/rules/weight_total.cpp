// Rule weight-total: indicator weights plus the budget-execution weight must equal the rule set's total
// (90 + 10 = 100 on the national self-evaluation form).
#include <algorithm>
#include <vector>

#include "rules/factories.hpp"
#include "rules/finding_text.hpp"
#include "rules/rule_util.hpp"

namespace perf_check::rules {

namespace {

constexpr const char* k_id = "weight-total";

class WeightTotal final : public Rule {
public:
    WeightTotal(Decimal weight_total, Decimal budget_execution)
        : m_total(weight_total), m_budget_execution(budget_execution) {}

    void check(const Project& project, FindingSink& sink) const override {
        check_levels(project, sink);
        check_total(project, sink);
    }

private:
    // Points written in a level's name (产出指标（40分）, 数量指标(15分)) are what the weights of the
    // indicators under it add up to (DOMAIN: a parent's weight is its children's sum).
    static void check_levels(const Project& project, FindingSink& sink) {
        struct Group {
            const Indicator* first;  ///< where it is reported: its first indicator's level cell
            bool level1;
            Decimal stated;
            Decimal sum;
            bool weighted = false;  ///< an indicator under it has a weight (else weight-missing's business)
        };
        std::vector<Group> groups;
        const auto add = [&groups](const Indicator& ind, bool level1, Decimal stated) {
            auto it = std::find_if(groups.begin(), groups.end(), [&](const Group& g) {
                return g.level1 == level1 && g.first->level1_name == ind.level1_name &&
                       (level1 || g.first->level2_name == ind.level2_name);
            });
            if (it == groups.end()) it = groups.insert(groups.end(), Group{&ind, level1, stated, {}});
            if (ind.placeholder || !ind.weight_points) return;
            it->sum += *ind.weight_points;
            it->weighted = true;
        };
        for (const auto& ind : project.indicators) {
            if (ind.level1_points) add(ind, true, *ind.level1_points);
            if (ind.level2_points) add(ind, false, *ind.level2_points);
        }
        const bool english = sink.wants_english();
        for (const Group& g : groups) {
            if (!g.weighted || g.sum == g.stated) continue;
            const Indicator& ind = *g.first;
            Finding f = make_finding(project, &ind, g.level1 ? ind.level1 : ind.level2);
            f.indicator.clear();  // the level's, not one indicator's
            const std::string& name = g.level1 ? ind.level1_name : ind.level2_name;
            const std::string level = g.level1 ? "一级指标" : "二级指标";
            f.message.zh = format_text("{}的{}“{}”标明{}分，其下各指标分值合计{}分，两者不一致。", project_zh(project),
                                       level, name, amount(g.stated), amount(g.sum));
            f.hint.zh =
                format_text("调整“{}”下各指标的分值，使合计为{}分；或改正名称后标明的分值。", name, amount(g.stated));
            if (english) {
                f.message.en = format_text(
                    "The {} “{}” of {} states {} points, but the weights of the indicators "
                    "under it total {}.",
                    g.level1 ? "level-1 indicator" : "level-2 indicator", name, project_en(project), amount(g.stated),
                    amount(g.sum));
                f.hint.en = format_text(
                    "Adjust the weights under “{}” to total {} points, or correct the points in "
                    "its name.",
                    name, amount(g.stated));
            }
            sink.add(std::move(f));
        }
    }

    void check_total(const Project& project, FindingSink& sink) const {
        Decimal sum;
        Decimal on_placeholders;  // points on 无 rows (placeholder-weight): not counted, but meant somewhere
        std::vector<const Indicator*> unweighted;
        for (const auto& ind : project.indicators) {
            if (ind.placeholder) {
                if (ind.weight_points) on_placeholders += *ind.weight_points;
                continue;
            }
            if (ind.weight_points)
                sum += *ind.weight_points;
            else
                unweighted.push_back(&ind);
        }
        const Decimal grand = sum + m_budget_execution;
        if (grand == m_total) return;

        const Decimal expected_sum = m_total - m_budget_execution;
        const bool with_execution = m_budget_execution > Decimal{};
        // English only for a run that shows it (FindingSink::wants_english): on tables whose weights are
        // off, most projects get this finding.
        const bool english = sink.wants_english();
        Finding f = project_finding(project);
        f.value = amount(sum);
        if (with_execution) {
            f.message.zh =
                format_text("{}的指标分值合计{}分，加预算执行率{}分共{}分，不等于{}分。", project_zh(project),
                            amount(sum), amount(m_budget_execution), amount(grand), amount(m_total));
            if (english) {
                f.message.en = format_text(
                    "The indicator weights of {} total {} points; with {} points of budget "
                    "execution that is {}, not {}.",
                    project_en(project), amount(sum), amount(m_budget_execution), amount(grand), amount(m_total));
            }
        } else {
            f.message.zh =
                format_text("{}的指标分值合计{}分，不等于{}分。", project_zh(project), amount(sum), amount(m_total));
            if (english) {
                f.message.en = format_text("The indicator weights of {} total {} points, not {}.", project_en(project),
                                           amount(sum), amount(m_total));
            }
        }

        // The likely cause, most specific first.
        std::string cause_zh;
        std::string cause_en;
        if (with_execution && sum == m_total) {
            cause_zh = format_text("可能把预算执行率的{}分也计入了指标分值：指标合计应为{}分。",
                                   amount(m_budget_execution), amount(expected_sum));
            if (english)
                cause_en = format_text(
                    " Likely cause: the {} points of budget execution were included in the indicator "
                    "weights, which should total {}.",
                    amount(m_budget_execution), amount(expected_sum));
        } else if (on_placeholders > Decimal{} && sum + on_placeholders == expected_sum) {
            // Adding points would be the wrong fix: they sit on a placeholder row.
            cause_zh = format_text("差的{}分填在了占位行（“无”）上，不计入合计：把这些分值移到实际指标上。",
                                   amount(on_placeholders));
            if (english)
                cause_en = format_text(
                    " The missing {} points sit on placeholder rows (无), which do not count: move them to real "
                    "indicators.",
                    amount(on_placeholders));
        } else if (!unweighted.empty()) {
            const Indicator& first = *unweighted.front();
            const std::string example = first.name.text.empty() ? first.path() : first.name.text;
            const std::string count = std::to_string(unweighted.size());
            cause_zh = format_text("有{}个指标没有分值（如“{}”），补填后再核对合计。", count, example);
            if (english)
                cause_en =
                    format_text(" {} indicator(s) have no weight (e.g. “{}”); fill them in and check the total again.",
                                count, example);
        } else if (sum < expected_sum) {
            cause_zh = format_text("指标分值还差{}分。", amount(expected_sum - sum));
            if (english)
                cause_en = format_text(" The indicator weights are {} points short.", amount(expected_sum - sum));
        } else {
            cause_zh = format_text("指标分值多出{}分。", amount(sum - expected_sum));
            if (english)
                cause_en = format_text(" The indicator weights are {} points over.", amount(sum - expected_sum));
        }
        f.message.zh += cause_zh;
        if (english) f.message.en += cause_en;
        if (with_execution) {
            f.hint.zh = format_text("调整各指标分值，使指标合计{}分（预算执行率{}分单独计算，合计{}分）。",
                                    amount(expected_sum), amount(m_budget_execution), amount(m_total));
            if (english)
                f.hint.en = format_text(
                    "Adjust the indicator weights to total {} points (budget execution adds its {} "
                    "separately, {} in all).",
                    amount(expected_sum), amount(m_budget_execution), amount(m_total));
        } else {
            f.hint.zh = format_text("调整各指标分值，使合计为{}分。", amount(m_total));
            if (english) f.hint.en = format_text("Adjust the indicator weights to total {} points.", amount(m_total));
        }
        sink.add(std::move(f));
    }

    Decimal m_total;
    Decimal m_budget_execution;
};

}  // namespace

Expected<std::unique_ptr<Rule>> make_weight_total(const RuleSet& rules, const Params& params) {
    if (auto err = reject_unknown(params, k_id, {})) return *err;
    return std::unique_ptr<Rule>(std::make_unique<WeightTotal>(rules.weight_total, rules.budget_execution_weight));
}

}  // namespace perf_check::rules
