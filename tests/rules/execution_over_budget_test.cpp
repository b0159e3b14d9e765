// Tests of rule execution-over-budget: spending to date above the year's budget in a monitor run.
#include <catch2/catch.hpp>

#include "support/builders.hpp"

using namespace perf_check;

TEST_CASE("execution-over-budget: 250 spent of a 200 budget by 31 July", "[execution-over-budget]") {
    // A review found 125% raised nothing and lifted the department's rate over the projects that lag.
    const RuleSet rs = test::monitoring_rules("2024-07-31");
    const auto findings = test::run_rule("execution-over-budget", test::seed_with_progress("200", "250"), &rs);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].loc.row == 5);
    CHECK(findings[0].loc.column == 15);
    CHECK(findings[0].value == "250");
    CHECK(findings[0].message.zh ==
          "项目“部分军退人员岗位补贴资金”截至2024-07-31已支出250万元，超过全年预算数200万元（执行率125.00%"
          "），超出50万元。");
    CHECK_THAT(findings[0].message.en,
               Catch::Contains("more than the year's budget of 200 万元 (125.00%), by 50 万元"));
    CHECK_THAT(findings[0].hint.zh, Catch::Contains("不得超预算支出"));
    // Without 预算数 the year's money is 资金总额.
    const auto funds = test::run_rule("execution-over-budget", test::seed_with_progress("", "900"), &rs);
    REQUIRE(funds.size() == 1);
    CHECK_THAT(funds[0].message.zh, Catch::Contains("超过全年资金总额842.07万元"));
}

TEST_CASE("execution-over-budget does not over-find", "[execution-over-budget]") {
    const RuleSet rs = test::monitoring_rules("2024-07-31");
    CHECK(
        test::run_rule("execution-over-budget", test::seed_with_progress("200", "200"), &rs).empty());  // exactly spent
    CHECK(test::run_rule("execution-over-budget", test::seed_with_progress("200", "120"), &rs).empty());
    // Over by less than a cent is not "超出0万元".
    CHECK(test::run_rule("execution-over-budget", test::seed_with_progress("842.07", "842.0749"), &rs).empty());
    CHECK(test::run_rule("execution-over-budget", test::seed_with_progress("200", ""), &rs)
              .empty());  // progress-missing's
    // Outside a monitor run it says nothing.
    CHECK(test::run_rule("execution-over-budget", test::seed_with_progress("200", "250")).empty());
}
