// Tests of rule goal-missing: the goal must be present, not a placeholder, and not too short.
#include <catch2/catch.hpp>

#include "support/builders.hpp"

using namespace perf_check;

namespace {

Project with_goal(const std::string& goal) {
    return test::project("301001", "部分军退人员岗位补贴资金", "842.07", goal, test::seed_rows());
}

RuleSet with_min_length(const std::string& n) {
    RuleSet rs = config::default_rule_set();
    rs.rules["goal-missing"].params.set("min_length", Param{{n}, false, 30});
    return rs;
}

}  // namespace

TEST_CASE("goal-missing finds an empty goal and a placeholder", "[goal-missing]") {
    const auto empty = test::run_rule("goal-missing", with_goal(""));
    REQUIRE(empty.size() == 1);
    CHECK(empty[0].rule == "goal-missing");
    CHECK(empty[0].loc.row == 5);
    CHECK(empty[0].loc.column == 4);
    CHECK(empty[0].message.zh == "项目“部分军退人员岗位补贴资金”没有填写绩效目标。");

    const auto placeholder = test::run_rule("goal-missing", with_goal("无"));
    REQUIRE(placeholder.size() == 1);
    CHECK(placeholder[0].value == "无");
    CHECK(placeholder[0].message.zh == "项目“部分军退人员岗位补贴资金”的绩效目标只填了“无”，没有实际内容。");
    CHECK(test::run_rule("goal-missing", with_goal("N/A")).size() == 1);
}

TEST_CASE("goal-missing finds a goal shorter than min_length", "[goal-missing]") {
    const auto findings = test::run_rule("goal-missing", with_goal("保障发放"));
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message.zh ==
          "项目“部分军退人员岗位补贴资金”的绩效目标“保障发放”只有4个字，过于简略（至少应有10个字）。");
    // Nine characters (spaces not counted) are one short of the default 10; ten are enough.
    CHECK(test::run_rule("goal-missing", with_goal("保障退休人员 待遇发")).size() == 1);
    CHECK(test::run_rule("goal-missing", with_goal("保障退休人员待遇发放")).empty());
}

TEST_CASE("goal-missing does not over-find", "[goal-missing]") {
    CHECK(
        test::run_rule("goal-missing", with_goal("保障我区内六类军退人员被妥善安置，依法享受各类社保权利及生活补贴。"))
            .empty());
    const RuleSet short_ok = with_min_length("4");
    CHECK(test::run_rule("goal-missing", with_goal("保障发放"), &short_ok).empty());
    CHECK(test::run_rule("goal-missing", with_goal("无"), &short_ok).size() == 1);
}

TEST_CASE("goal-missing rejects a bad min_length", "[goal-missing]") {
    const auto* entry = rules::find_rule("goal-missing");
    for (const std::string bad : {"-1", "2.5", "ten"}) {
        const auto rule = entry->factory(config::default_rule_set(), Params({{"min_length", Param{{bad}, false, 8}}}));
        REQUIRE_FALSE(rule.has_value());
        CHECK(rule.error().line == 8);
        CHECK_THAT(rule.error().message, Catch::Contains("min_length"));
    }
    const auto unknown = entry->factory(config::default_rule_set(), Params({{"min_lenght", Param{{"10"}, false, 9}}}));
    REQUIRE_FALSE(unknown.has_value());
    CHECK_THAT(unknown.error().message, Catch::Contains("did you mean 'min_length'"));
}
