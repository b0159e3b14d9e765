// Test helpers: build projects in memory the way the reader would, and collect findings from a rule.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "config/rule_set_loader.hpp"
#include "model/normalize.hpp"
#include "perf_check/finding.hpp"
#include "perf_check/model.hpp"
#include "perf_check/ruleset.hpp"
#include "rules/catalog.hpp"

namespace perf_check::test {

/// A cell whose raw and normalised text are `text`, at `row`/`column` of "test.csv".
inline Cell cell(const std::string& text, int row = 0, int column = 0) {
    Cell c;
    c.raw = text;
    c.text = text;
    c.loc.file = "test.csv";
    c.loc.row = row;
    c.loc.column = column;
    return c;
}

/// One indicator row as written in a table (columns in the seed's order, 1-based: E..M).
struct Row {
    std::string level1, level2, name, target, content, deduction, unit, type, weight;
};

/// A project as the reader would assemble it, normalised with `rules` (default rule set if null).
/// Rows are numbered from `first_row`.
inline Project project(const std::string& code, const std::string& name, const std::string& funds,
                       const std::string& goal, const std::vector<Row>& rows, int first_row = 5,
                       const RuleSet* rules = nullptr) {
    Project p;
    p.file = "test.csv";
    p.code = cell(code, first_row, 1);
    p.name = cell(name, first_row, 2);
    p.funds = cell(funds, first_row, 3);
    p.goal = cell(goal, first_row, 4);
    p.first_row = first_row;
    int r = first_row;
    for (const auto& row : rows) {
        Indicator ind;
        ind.row = r;
        ind.level1 = cell(row.level1, r, 5);
        ind.level2 = cell(row.level2, r, 6);
        ind.name = cell(row.name, r, 7);
        ind.target = cell(row.target, r, 8);
        ind.content = cell(row.content, r, 9);
        ind.deduction = cell(row.deduction, r, 10);
        ind.unit = cell(row.unit, r, 11);
        ind.type = cell(row.type, r, 12);
        ind.weight = cell(row.weight, r, 13);
        p.indicators.push_back(ind);
        ++r;
    }
    p.last_row = r - 1;
    model::normalize_project(p, rules ? *rules : config::default_rule_set());
    return p;
}

/// The seed's first project (部分军退人员岗位补贴资金), rows 5–15 as in targets-2024.csv.
inline std::vector<Row> seed_rows() {
    return {
        {"成本指标", "经济成本指标", "项目总成本", "842.07", "发放岗位补贴实际金额不少于500万元",
         "每超过5万元，扣1分，扣完为止", "万元", "≤", "20分"},
        {"成本指标", "社会成本指标", "无", "无", "无", "无", "无", "无", ""},
        {"成本指标", "生态环境成本指标", "无", "无", "无", "无", "无", "无", ""},
        {"产出指标", "数量指标", "享受补贴人数", "136", "享受补贴人数",
         "达到指标值得满分，未达到指标值视情况扣分，扣完为止。", "人", "<", "10分"},
        {"产出指标", "质量指标", "补贴资金到位率", "90", "财政补贴资金到位率",
         "达到指标值得满分，少于1%扣0.5分，扣完为止。", "%", "≥", "15分"},
        {"产出指标", "时效指标", "补助资金发放时间", "2024年1-12月", "补助发放时间按月发放",
         "视情况，扣分，扣完为止", "月", "定性", "15分"},
        {"效益指标 ", "经济效益指标", "无", "无", "无", "无", "无", "无", ""},
        {"效益指标 ", "社会效益指标", "代缴社保缴费基数", "不低于上年度衡阳市在岗职工平均工资",
         "此类人员代缴社保缴费基数按照相关文件规定不低于上年度当地在岗职工的平均工资水平",
         "视情况，扣分，扣完为止", "-", "定性", "20分"},
        {"效益指标 ", "生态效益指标", "无", "无", "无", "无", "无", "无", ""},
        {"效益指标 ", "可持续影响指标", "无", "无", "无", "无", "无", "无", ""},
        {"满意度指标", "服务对象满意度指标", "享受补贴对象满意度", "90", "享受补贴对象满意度",
         "达到指标值得满分，少于1%扣0.5分，扣完为止。", "%", "≥", "10分"},
    };
}

/// The seed's first project as a table gives it: 301001 部分军退人员岗位补贴资金, 842.07万元, its goal, seed_rows().
inline Project seed_project() {
    return project("301001", "部分军退人员岗位补贴资金", "842.07",
                   "保障我区内六类军退人员被妥善安置，依法享受各类社保权利及生活补贴。", seed_rows());
}

/// The default rule set for a monitor run as of `as_of` ("2024-07-31").
inline RuleSet monitoring_rules(const std::string& as_of) {
    RuleSet rs = config::default_rule_set();
    rs.monitoring.as_of = as_of;
    return rs;
}

/// seed_project() with 预算数 and 执行数 to date (columns 14, 15 of row 5); an empty text leaves the cell empty.
inline Project seed_with_progress(const std::string& budget, const std::string& spent) {
    Project p = seed_project();
    if (!budget.empty()) p.budget = cell(budget, 5, 14);
    if (!spent.empty()) p.spent = cell(spent, 5, 15);
    return p;
}

/// Collects findings; `english`: what wants_english() answers (a run whose reports show only Chinese: false).
class CollectingSink final : public FindingSink {
public:
    explicit CollectingSink(bool english = true) : m_english(english) {}
    void add(Finding&& f) override { findings.push_back(std::move(f)); }
    [[nodiscard]] bool wants_english() const override { return m_english; }
    std::vector<Finding> findings;

private:
    bool m_english;
};

/// Builds rule `id` from `rules` (default set if null) and runs it on `p` (and on `table` first, if given),
/// into a sink that wants English unless `english` is false.
inline std::vector<Finding> run_rule(const std::string& id, const Project& p, const RuleSet* rules = nullptr,
                                     const TableInfo* table = nullptr, bool english = true) {
    const RuleSet& rs = rules ? *rules : config::default_rule_set();
    const auto* entry = rules::find_rule(id);
    if (!entry) throw std::runtime_error("no rule " + id);
    const auto it = rs.rules.find(id);
    auto rule = entry->factory(rs, it == rs.rules.end() ? Params{} : it->second.params);
    if (!rule) throw std::runtime_error(rule.error().render());
    CollectingSink sink(english);
    if (table) (*rule)->check_table(*table, sink);
    (*rule)->check(p, sink);
    for (auto& f : sink.findings) f.rule = id;
    return sink.findings;
}

}  // namespace perf_check::test
