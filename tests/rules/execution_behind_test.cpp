// Tests of rule execution-behind: budget execution to date against time progress, worked by hand.
#include <catch2/catch.hpp>

#include "support/builders.hpp"

using namespace perf_check;

namespace {

RuleSet monitoring(const std::string& as_of, const std::string& tolerance = "") {
    RuleSet rs = test::monitoring_rules(as_of);
    if (!tolerance.empty()) rs.rules["execution-behind"].params = Params({{"tolerance", Param{{tolerance}, false, 3}}});
    return rs;
}

// The seed's first project (资金总额 842.07万元) with 预算数 and 执行数 to date.
Project with_progress(const std::string& budget, const std::string& spent) {
    return test::seed_with_progress(budget, spent);
}

}  // namespace

TEST_CASE("execution-behind: 30% on 31 July is behind, worked by hand", "[execution-behind]") {
    // 31 July 2024 is day 31+29+31+30+31+30+31 = 213 of 366: time progress 213/366 = 58.20%.
    // 252.62 / 842.07 = 30.00%; 58.20 − 30.00 = 28.20 points > 10.
    // At time pace: 842.07 × 213 / 366 = 490.06; still to spend 490.06 − 252.62 = 237.44 万元.
    const RuleSet rs = monitoring("2024-07-31");
    const auto findings = test::run_rule("execution-behind", with_progress("842.07", "252.62"), &rs);
    REQUIRE(findings.size() == 1);
    const Finding& f = findings[0];
    CHECK(f.rule == "execution-behind");
    CHECK(f.loc.row == 5);
    CHECK(f.loc.column == 15);
    CHECK(f.value == "252.62");
    CHECK(f.indicator.empty());
    CHECK(f.message.zh ==
          "项目“部分军退人员岗位补贴资金”截至2024-07-31预算执行率为30.00%（执行数252.62万元／预算数842.07万元），"
          "低于时间进度58.20%达28.20个百分点；按时间进度应支出490.06万元，还需支出237.44万元才能赶上进度。");
    CHECK_THAT(f.message.en, Catch::Contains("28.20 percentage points behind the 58.20% of the year elapsed"));
    CHECK_THAT(f.hint.zh, Catch::Contains("加快预算执行进度"));
}

TEST_CASE("execution-behind does not over-find", "[execution-behind]") {
    const RuleSet rs = monitoring("2024-07-31");
    // 60%: 505.24 / 842.07 = 60.00%, ahead of 58.20%.
    CHECK(test::run_rule("execution-behind", with_progress("842.07", "505.24"), &rs).empty());
    // 50%: 421.04 / 842.07 = 50.00%, 8.20 points behind: within the tolerance of 10.
    CHECK(test::run_rule("execution-behind", with_progress("842.07", "421.04"), &rs).empty());
    // Exactly 10.00 points behind is not more than the tolerance: 48.20 of 100.
    CHECK(test::run_rule("execution-behind", with_progress("100", "48.20"), &rs).empty());
    CHECK(test::run_rule("execution-behind", with_progress("100", "48.19"), &rs).size() == 1);
    // No 执行数: progress-missing reports it, not this rule (never a silent zero).
    CHECK(test::run_rule("execution-behind", with_progress("842.07", ""), &rs).empty());
    CHECK(test::run_rule("execution-behind", with_progress("842.07", "未填"), &rs).empty());
    // Outside a monitor run (no as_of) the rule does nothing.
    CHECK(test::run_rule("execution-behind", with_progress("842.07", "10")).empty());
}

TEST_CASE("execution-behind: the tolerance is a parameter", "[execution-behind]") {
    // 50.00% is 8.20 points behind: flagged with a tolerance of 5.
    const RuleSet strict = monitoring("2024-07-31", "5");
    const auto findings = test::run_rule("execution-behind", with_progress("842.07", "421.04"), &strict);
    REQUIRE(findings.size() == 1);
    CHECK_THAT(findings[0].message.zh, Catch::Contains("预算执行率为50.00%"));
    CHECK_THAT(findings[0].message.zh, Catch::Contains("低于时间进度58.20%达8.20个百分点"));
    // 842.07 × 213 / 366 = 490.06; 490.06 − 421.04 = 69.02.
    CHECK_THAT(findings[0].message.zh, Catch::Contains("还需支出69.02万元"));
}

TEST_CASE("execution-behind: without 预算数 the budget is 资金总额; money in 元 is converted", "[execution-behind]") {
    const RuleSet rs = monitoring("2024-07-31");
    const auto findings = test::run_rule("execution-behind", with_progress("", "252.62"), &rs);
    REQUIRE(findings.size() == 1);
    CHECK_THAT(findings[0].message.zh, Catch::Contains("（执行数252.62万元／资金总额842.07万元）"));
    // 2,526,200元 = 252.62万元.
    CHECK(test::run_rule("execution-behind", with_progress("842.07", "2,526,200元"), &rs).size() == 1);
}

TEST_CASE("execution-behind: time progress counts the days of the as-of year", "[execution-behind]") {
    // 2023 is not a leap year: 31 July is day 212 of 365 = 58.08%. 100 budget, 48.07 spent → 10.01 behind.
    const RuleSet rs = monitoring("2023-07-31");
    const auto findings = test::run_rule("execution-behind", with_progress("100", "48.07"), &rs);
    REQUIRE(findings.size() == 1);
    CHECK_THAT(findings[0].message.zh, Catch::Contains("低于时间进度58.08%达10.01个百分点"));
    // 100 × 212 / 365 = 58.08; 58.08 − 48.07 = 10.01.
    CHECK_THAT(findings[0].message.zh, Catch::Contains("按时间进度应支出58.08万元，还需支出10.01万元"));
    CHECK(test::run_rule("execution-behind", with_progress("100", "48.08"), &rs).empty());
}

TEST_CASE("execution-behind rejects bad parameters", "[execution-behind]") {
    const auto* entry = rules::find_rule("execution-behind");
    const RuleSet& rs = config::default_rule_set();
    const auto negative = entry->factory(rs, Params({{"tolerance", Param{{"-1"}, false, 14}}}));
    REQUIRE_FALSE(negative.has_value());
    CHECK(negative.error().line == 14);
    CHECK_THAT(negative.error().message, Catch::Contains("between 0 and 100"));
    const auto text = entry->factory(rs, Params({{"tolerance", Param{{"ten"}, false, 15}}}));
    REQUIRE_FALSE(text.has_value());
    CHECK(text.error().line == 15);
    const auto unknown = entry->factory(rs, Params({{"tolerence", Param{{"5"}, false, 16}}}));
    REQUIRE_FALSE(unknown.has_value());
    CHECK_THAT(unknown.error().message, Catch::Contains("did you mean 'tolerance'"));
    CHECK(entry->factory(rs, Params({{"tolerance", Param{{"5"}, false, 17}}})).has_value());
}
