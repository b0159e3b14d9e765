// Tests of rule cost-exceeds-funds: a money cost target must not exceed 资金总额.
#include <catch2/catch.hpp>

#include "support/builders.hpp"

using namespace perf_check;

namespace {

const std::string k_goal = "保障区内社区及改制企业退休人员，退役士兵，66号文及中华人民共和国成立前老工人的生活补助。";

Project with_cost(const std::string& target, const std::string& unit, const std::string& level2 = "经济成本指标") {
    auto rows = test::seed_rows();
    rows[0] = {"成本指标",
               level2,
               "养老金补差项目总支出",
               target,
               "养老金补差项目总支出",
               "每超过10万元，扣1分，扣完为止",
               unit,
               "≤",
               "20分"};
    return test::project("301001", "社区及改制企业人员养老金补差", "232.00", k_goal, rows);
}

}  // namespace

TEST_CASE("cost-exceeds-funds finds a cost above the funds", "[cost-exceeds-funds]") {
    const auto findings = test::run_rule("cost-exceeds-funds", with_cost("2320000", "万元"));
    REQUIRE(findings.size() == 1);
    const Finding& f = findings[0];
    CHECK(f.rule == "cost-exceeds-funds");
    CHECK(f.loc.row == 5);
    CHECK(f.loc.column == 8);
    CHECK(f.value == "2320000");
    CHECK(f.message.zh ==
          "项目“社区及改制企业人员养老金补差”的指标“养老金补差项目总支出”（成本指标/经济成本指标）"
          "指标值为2320000万元，超过了资金总额232万元，多出2319768万元。");

    // Converted from 元, just above the tolerance.
    const auto yuan = test::run_rule("cost-exceeds-funds", with_cost("2,320,200", "元"));
    REQUIRE(yuan.size() == 1);
    CHECK_THAT(yuan[0].message.zh,
               Catch::Contains("指标值为2320200元（即232.02万元），超过了资金总额232万元，多出0.02万元。"));
}

TEST_CASE("cost-exceeds-funds does not over-find", "[cost-exceeds-funds]") {
    CHECK(test::run_rule("cost-exceeds-funds", with_cost("232.00", "万元")).empty());
    CHECK(test::run_rule("cost-exceeds-funds", with_cost("2320000", "元")).empty());
    CHECK(test::run_rule("cost-exceeds-funds", with_cost("232.01", "万元")).empty());  // within 0.01
    CHECK(test::run_rule("cost-exceeds-funds", with_cost("≤232万元", "")).empty());
    // Not money: people, percentages.
    CHECK(test::run_rule("cost-exceeds-funds", with_cost("5000", "人", "社会成本指标")).empty());
    CHECK(test::run_rule("cost-exceeds-funds", with_cost("300", "%")).empty());
    // Funds of 0 or less are funds-invalid's: every cost would "exceed" them, once per cost row.
    for (const char* funds : {"0", "-5"}) {
        Project zero = with_cost("232.00", "万元");
        zero.funds = test::cell(funds, 5, 3);
        zero.funds_wan = *Decimal::parse(funds);
        CHECK(test::run_rule("cost-exceeds-funds", zero).empty());
    }
    // The seed's 产出 row in 万元 (社会保险征缴收入 4900万元 style) is not a cost.
    auto rows = test::seed_rows();
    rows[3] = {"产出指标", "数量指标", "社会保险征缴收入", "4900", "社会保险征缴收入", "视情况扣分", "万元",
               "≥",        "10分"};
    CHECK(test::run_rule("cost-exceeds-funds",
                         test::project("301001", "机关事业单位养老保险财政预留补助", "842.07", k_goal, rows))
              .empty());
}

TEST_CASE("cost-exceeds-funds rejects a bad tolerance", "[cost-exceeds-funds]") {
    const auto* entry = rules::find_rule("cost-exceeds-funds");
    const auto negative = entry->factory(config::default_rule_set(), Params({{"tolerance", Param{{"-1"}, false, 14}}}));
    REQUIRE_FALSE(negative.has_value());
    CHECK(negative.error().line == 14);
    const auto unknown = entry->factory(config::default_rule_set(), Params({{"limit", Param{{"1"}, false, 15}}}));
    REQUIRE_FALSE(unknown.has_value());
    CHECK(unknown.error().line == 15);
    CHECK_THAT(unknown.error().message, Catch::Contains("'limit'"));
    const RuleSet& rs = config::default_rule_set();
    CHECK(entry->factory(rs, Params({{"tolerance", Param{{"5"}, false, 16}}})).has_value());
}
