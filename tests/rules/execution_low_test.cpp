// Tests of rule execution-low: budget execution below 90% needs an explanation.
#include <catch2/catch.hpp>

#include "support/builders.hpp"
#include "support/languages.hpp"

using namespace perf_check;

namespace {

Project with(const std::string& budget, const std::string& spent, const std::string& deviation = "") {
    Project p = test::project("301001", "测试项目", "120", "保障区内退休人员待遇按时足额发放。",
                              {{"产出指标", "数量指标", "享受补助人数", "130", "享受补助人数", "", "人", "≥", "10分"},
                               {"产出指标", "质量指标", "资金到位率", "90", "资金到位率", "", "%", "≥", "10分"}});
    p.budget = test::cell(budget, 5, 4);
    p.spent = test::cell(spent, 5, 5);
    p.indicators[0].actual = test::cell("117", 5, 16);
    p.indicators[1].actual = test::cell("92%", 6, 16);
    p.indicators[0].deviation = test::cell(deviation, 5, 18);
    return p;
}

}  // namespace

TEST_CASE("execution-low finds low execution with no explanation", "[execution-low]") {
    const auto findings = test::run_rule("execution-low", with("120.00", "96.00", "部分人员年内死亡停发"));
    REQUIRE(findings.size() == 1);
    const Finding& f = findings[0];
    CHECK(f.rule == "execution-low");
    CHECK(f.loc.row == 5);
    CHECK(f.loc.column == 5);
    CHECK(f.value == "96.00");
    CHECK(f.indicator.empty());
    CHECK(f.project == "测试项目");
    CHECK(f.message.zh == "项目“测试项目”预算执行率为80%（全年执行数96万元 ÷ 全年预算数120万元），低于90%，且未说明原因。");
    CHECK(f.message.en ==
          "Project “测试项目”: budget execution is 80% (spent 96万元 ÷ budget 120万元), below 90%, with no explanation.");
    CHECK_THAT(f.hint.zh, Catch::Contains("预算、执行、资金"));
    // 89.99% is below too, and shown rounded to 2 places
    const auto just = test::run_rule("execution-low", with("300", "269.97"));
    REQUIRE(just.size() == 1);
    CHECK_THAT(just[0].message.zh, Catch::Contains("预算执行率为89.99%"));
}

TEST_CASE("execution-low leaves a negative amount spent to actual-not-numeric", "[execution-low]") {
    // It said 预算执行率为-4.17% while the score counted 0.
    CHECK(test::run_rule("execution-low", with("120.00", "-5")).empty());
    const auto negative = test::run_rule("actual-not-numeric", with("120.00", "-5"));
    REQUIRE(negative.size() == 1);
    CHECK(negative[0].loc.column == 5);
    CHECK(negative[0].message.zh == "项目“测试项目”的全年执行数为负数“-5”，预算执行率按0计算。");
    // A negative budget is actual-missing's alone (one finding for one cell).
    CHECK(test::run_rule("actual-not-numeric", with("-120", "96")).empty());
    CHECK(test::run_rule("actual-missing", with("-120", "96")).size() == 1);
}

TEST_CASE("execution-low does not over-find", "[execution-low]") {
    CHECK(test::run_rule("execution-low", with("120", "108")).empty());    // exactly 90%
    CHECK(test::run_rule("execution-low", with("120", "130")).empty());    // over-spent
    CHECK(test::run_rule("execution-low", with("120", "96", "13人年内死亡停发，相应资金结余")).empty());
    CHECK(test::run_rule("execution-low", with("120", "96", "年中预算调减")).empty());
    CHECK(test::run_rule("execution-low", with("", "")).empty());          // no figures: nothing to compute
    CHECK(test::run_rule("execution-low", with("0", "10")).empty());
}

TEST_CASE("execution-low follows the rule set's threshold and explanation words", "[execution-low]") {
    RuleSet rs = config::default_rule_set();
    rs.scoring.execution_threshold = *Decimal::parse("0.8");
    CHECK(test::run_rule("execution-low", with("120", "97"), &rs).empty());
    CHECK(test::run_rule("execution-low", with("120", "95"), &rs).size() == 1);

    rs = config::default_rule_set();
    rs.rules["execution-low"].params = Params({{"explained_by", Param{{"结余"}, true, 2}}});
    CHECK(test::run_rule("execution-low", with("120", "96", "相应资金结余"), &rs).empty());
    CHECK(test::run_rule("execution-low", with("120", "96", "资金拨付滞后"), &rs).size() == 1);
}

TEST_CASE("execution-low rejects bad parameters", "[execution-low]") {
    const auto* entry = rules::find_rule("execution-low");
    const auto unknown = entry->factory(config::default_rule_set(), Params({{"threshold", Param{{"0.8"}, false, 5}}}));
    REQUIRE_FALSE(unknown.has_value());
    CHECK(unknown.error().line == 5);
    CHECK_THAT(unknown.error().message, Catch::Contains("'threshold'"));
    const auto blank = entry->factory(config::default_rule_set(), Params({{"explained_by", Param{{""}, true, 6}}}));
    REQUIRE_FALSE(blank.has_value());
    CHECK(blank.error().line == 6);
    CHECK_THAT(blank.error().message, Catch::Contains("non-empty words"));
}

TEST_CASE("execution-low writes no English for a Chinese-only run", "[execution-low]") {
    CHECK(test::check_chinese_only_run("execution-low", with("120.00", "96.00", "部分人员年内死亡停发")) == 1);
}
