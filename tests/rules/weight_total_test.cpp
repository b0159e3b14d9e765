// Tests of rule weight-total: indicator weights + 预算执行率 must equal the rule set's total.
#include <catch2/catch.hpp>

#include "support/builders.hpp"
#include "support/languages.hpp"

using namespace perf_check;

namespace {

const std::string k_goal = "保障我区内六类军退人员被妥善安置，依法享受各类社保权利及生活补贴。";

Project with_cost_weight(const std::string& weight) {
    auto rows = test::seed_rows();
    rows[0].weight = weight;  // the seed has 20分 here; its other real rows add up to 70
    return test::project("301001", "部分军退人员岗位补贴资金", "842.07", k_goal, rows);
}

}  // namespace

TEST_CASE("weight-total finds 预算执行率's points counted in the indicators", "[weight-total]") {
    const auto findings = test::run_rule("weight-total", with_cost_weight("30分"));
    REQUIRE(findings.size() == 1);
    const Finding& f = findings[0];
    CHECK(f.rule == "weight-total");
    CHECK(f.loc.row == 5);
    CHECK(f.value == "100");
    CHECK(f.indicator.empty());
    CHECK(f.message.zh ==
          "项目“部分军退人员岗位补贴资金”的指标分值合计100分，加预算执行率10分共110分，不等于100分。"
          "可能把预算执行率的10分也计入了指标分值：指标合计应为90分。");
    CHECK(f.hint.zh == "调整各指标分值，使指标合计90分（预算执行率10分单独计算，合计100分）。");
}

TEST_CASE("weight-total says how many points are short or over", "[weight-total]") {
    const auto over = test::run_rule("weight-total", with_cost_weight("25"));
    REQUIRE(over.size() == 1);
    CHECK(over[0].value == "95");
    CHECK_THAT(over[0].message.zh, Catch::EndsWith("共105分，不等于100分。指标分值多出5分。"));

    const auto short_ = test::run_rule("weight-total", with_cost_weight("12.5分"));
    REQUIRE(short_.size() == 1);
    CHECK_THAT(short_[0].message.zh, Catch::EndsWith("指标分值还差7.5分。"));
}

TEST_CASE("weight-total says when the missing points sit on a placeholder row", "[weight-total]") {
    // "还差15分" sent the user to add points; they were typed on the 社会成本 无 row (placeholder-weight).
    auto rows = test::seed_rows();
    rows[0].weight = "5分";
    rows[1].weight = "15分";
    const auto findings =
        test::run_rule("weight-total", test::project("301001", "部分军退人员岗位补贴资金", "842.07", k_goal, rows));
    REQUIRE(findings.size() == 1);
    CHECK_THAT(findings[0].message.zh,
               Catch::EndsWith("差的15分填在了占位行（“无”）上，不计入合计：把这些分值移到实际指标上。"));
    // Points on placeholders that do not make up the difference: the plain shortfall.
    rows[1].weight = "3分";
    const auto other =
        test::run_rule("weight-total", test::project("301001", "部分军退人员岗位补贴资金", "842.07", k_goal, rows));
    REQUIRE(other.size() == 1);
    CHECK_THAT(other[0].message.zh, Catch::EndsWith("指标分值还差15分。"));
}

TEST_CASE("weight-total names unweighted indicators as the likely cause", "[weight-total]") {
    const auto findings = test::run_rule("weight-total", with_cost_weight(""));
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].value == "70");
    CHECK_THAT(findings[0].message.zh, Catch::EndsWith("有1个指标没有分值（如“项目总成本”），补填后再核对合计。"));
}

TEST_CASE("weight-total does not over-find", "[weight-total]") {
    // The seed: 20 + 10 + 15 + 15 + 20 + 10 = 90 indicator points, + 10 = 100.
    CHECK(test::run_rule("weight-total", with_cost_weight("20分")).empty());
    // The seed's fourth project: one indicator without weight, the others still 90 — no weight-total finding.
    auto rows = test::seed_rows();
    rows[6] = {"效益指标 ",
               "经济效益指标",
               "城乡居民养老保险预算执行率",
               "90",
               "城乡居民养老保险预算执行率",
               "达到指标值得满分，少于1%扣0.5分，扣完为止。",
               "百分比",
               "≥",
               ""};
    CHECK(test::run_rule("weight-total",
                         test::project("301001", "同级财政对城乡居民养老保险的补助", "158.62", k_goal, rows))
              .empty());
    // A placeholder row's weight does not count (placeholder-weight reports it).
    rows = test::seed_rows();
    rows[1].weight = "5分";
    CHECK(test::run_rule("weight-total", test::project("301001", "部分军退人员岗位补贴资金", "842.07", k_goal, rows))
              .empty());
    // A rule set without a separate budget-execution weight: indicators alone make the total.
    RuleSet rs = config::default_rule_set();
    rs.weight_total = Decimal::from_int(90);
    rs.budget_execution_weight = Decimal{};
    CHECK(test::run_rule("weight-total", with_cost_weight("20分"), &rs).empty());
    const auto alone = test::run_rule("weight-total", with_cost_weight("25分"), &rs);
    REQUIRE(alone.size() == 1);
    CHECK(alone[0].message.zh == "项目“部分军退人员岗位补贴资金”的指标分值合计95分，不等于90分。指标分值多出5分。");
}

TEST_CASE("weight-total rejects parameters", "[weight-total]") {
    const auto rule = rules::find_rule("weight-total")
                          ->factory(config::default_rule_set(), Params({{"total", Param{{"100"}, false, 10}}}));
    REQUIRE_FALSE(rule.has_value());
    CHECK(rule.error().line == 10);
}

TEST_CASE("weight-total writes no English for a Chinese-only run", "[weight-total]") {
    // Each likely cause: budget execution counted, points short, over, on a placeholder, unweighted rows.
    for (const std::string weight : {"30分", "12.5分", "25", ""}) {
        CHECK(test::check_chinese_only_run("weight-total", with_cost_weight(weight)) == 1);
    }
    auto rows = test::seed_rows();
    rows[0].weight = "5分";
    rows[1].weight = "15分";
    CHECK(test::check_chinese_only_run(
              "weight-total", test::project("301001", "部分军退人员岗位补贴资金", "842.07", k_goal, rows)) == 1);
}

namespace {
// The seed's rows with the points of each 一级 written in its name, as some templates do.
Project with_level_points(const std::string& output_points) {
    auto rows = test::seed_rows();
    for (auto& r : rows) {
        if (r.level1 == "成本指标") r.level1 = "成本指标（20分）";
        if (r.level1 == "产出指标") r.level1 = "产出指标(" + output_points + ")";
    }
    return test::project("301001", "部分军退人员岗位补贴资金", "842.07", k_goal, rows);
}
}  // namespace

TEST_CASE("weight-total checks the indicators under a level add up to the points in its name", "[weight-total]") {
    // 成本 20, 产出 10 + 15 + 15 = 40: as stated.
    CHECK(test::run_rule("weight-total", with_level_points("40分")).empty());
    // A number without 分 numbers the level: no points stated, nothing to check.
    CHECK(test::run_rule("weight-total", with_level_points("1")).empty());
    const auto findings = test::run_rule("weight-total", with_level_points("50分"));
    REQUIRE(findings.size() == 1);
    const Finding& f = findings[0];
    CHECK(f.loc.row == 8);  // the first 产出 indicator's 一级 cell
    CHECK(f.value == "产出指标(50分)");
    CHECK(f.indicator.empty());
    CHECK(f.message.zh ==
          "项目“部分军退人员岗位补贴资金”的一级指标“产出指标”标明50分，其下各指标分值合计40分，两者不一致。");
    CHECK(f.hint.zh == "调整“产出指标”下各指标的分值，使合计为50分；或改正名称后标明的分值。");
    // The level's name is read without its points: no rule calls 产出指标（40分） outside the framework.
    for (const char* rule : {"indicator-level", "placeholder-required"}) {
        INFO(rule);
        CHECK(test::run_rule(rule, with_level_points("40分")).empty());
    }
}
