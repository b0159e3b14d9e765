// Tests of rule actual-missing: a self-evaluated project needs every actual and its budget figures.
#include <catch2/catch.hpp>

#include "support/builders.hpp"

using namespace perf_check;

namespace {

Project seed() {
    return test::project("301001", "部分军退人员岗位补贴资金", "842.07", "保障我区内六类军退人员被妥善安置。",
                         test::seed_rows());
}

// Indices of the seed's real indicators: 项目总成本, 享受补贴人数, 补贴资金到位率, 补助资金发放时间,
// 代缴社保缴费基数, 享受补贴对象满意度 (rows 5, 8, 9, 10, 12, 15).
constexpr int k_real[] = {0, 3, 4, 5, 7, 10};

void fill_all(Project& p) {
    const char* actuals[] = {"842.07", "136", "90%", "2024年1-12月", "达成年度指标", "92%"};
    for (int i = 0; i < 6; ++i) {
        Indicator& ind = p.indicators[static_cast<std::size_t>(k_real[i])];
        ind.actual = test::cell(actuals[i], ind.row, 16);
    }
    p.budget = test::cell("842.07", 5, 4);
    p.spent = test::cell("800", 5, 5);
}

}  // namespace

TEST_CASE("actual-missing finds indicators with no actual", "[actual-missing]") {
    Project p = seed();
    fill_all(p);
    p.indicators[3].actual = test::cell("", 8, 16);
    p.indicators[10].actual = test::cell("无", 15, 16);
    const auto findings = test::run_rule("actual-missing", p);
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].rule == "actual-missing");
    CHECK(findings[0].loc.row == 8);
    CHECK(findings[0].loc.column == 16);
    CHECK(findings[0].indicator == "产出指标/数量指标/享受补贴人数");
    CHECK(findings[0].message.zh == "项目“部分军退人员岗位补贴资金”的指标“享受补贴人数”未填写实际完成值，本项按0分计。");
    CHECK(findings[0].message.en == "Project “部分军退人员岗位补贴资金”, indicator “享受补贴人数” has no actual value; it scores 0.");
    CHECK_THAT(findings[0].hint.zh, Catch::Contains("与指标值“136”同口径"));
    CHECK(findings[1].loc.row == 15);
    CHECK(findings[1].value == "无");
    CHECK(findings[1].message.zh == "项目“部分军退人员岗位补贴资金”的指标“享受补贴对象满意度”实际完成值只填了“无”，本项按0分计。");
}

TEST_CASE("actual-missing finds missing budget figures when indicators have actuals", "[actual-missing]") {
    Project p = seed();
    fill_all(p);
    p.budget = test::cell("", 5, 4);
    p.spent = test::cell("", 5, 5);
    const auto findings = test::run_rule("actual-missing", p);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].indicator.empty());
    CHECK(findings[0].loc.row == 5);
    CHECK(findings[0].message.zh ==
          "项目“部分军退人员岗位补贴资金”已填写指标实际完成值，但未填写全年预算数、全年执行数，预算执行率按0分计。");
    p.budget = test::cell("842.07", 5, 4);
    const auto only_spent = test::run_rule("actual-missing", p);
    REQUIRE(only_spent.size() == 1);
    CHECK(only_spent[0].loc.column == 5);
    CHECK_THAT(only_spent[0].message.zh, Catch::Contains("但未填写全年执行数，"));
}

TEST_CASE("actual-missing: a budget of 0 leaves the rate uncomputed, and says so", "[actual-missing]") {
    // spent ÷ 0: the 10 points of budget execution used to be a silent 0.
    Project p = seed();
    fill_all(p);
    for (const char* zero : {"0", "0.00", "-5"}) {
        INFO(zero);
        p.budget = test::cell(zero, 5, 4);
        const auto findings = test::run_rule("actual-missing", p);
        REQUIRE(findings.size() == 1);
        CHECK(findings[0].loc.column == 4);
        CHECK(findings[0].value == zero);
        CHECK(findings[0].message.zh == std::string("项目“部分军退人员岗位补贴资金”的全年预算数为“") + zero +
                                            "”，无法计算预算执行率（执行数 ÷ 预算数），预算执行率按0分计。");
        CHECK_THAT(findings[0].message.en, Catch::Contains("cannot be computed"));
    }
    // The message quotes the cell as the table has it (full-width, as typed) without the spaces around it.
    p.budget = test::cell("0", 5, 4);
    p.budget.raw = " ０ ";
    const auto wide = test::run_rule("actual-missing", p);
    REQUIRE(wide.size() == 1);
    CHECK_THAT(wide[0].message.zh, Catch::Contains("全年预算数为“０”"));
    CHECK_THAT(wide[0].message.en, Catch::Contains("is “０”"));
    p.budget = test::cell("0.01", 5, 4);
    CHECK(test::run_rule("actual-missing", p).empty());
    // A placeholder is no figure either (it was a silent 0: not empty, not a number, not ≤ 0).
    p.budget = test::cell("-", 5, 4);
    p.spent = test::cell("无", 5, 5);
    const auto placeholders = test::run_rule("actual-missing", p);
    REQUIRE(placeholders.size() == 1);
    CHECK_THAT(placeholders[0].message.zh, Catch::Contains("未填写全年预算数、全年执行数"));
}

TEST_CASE("actual-missing: budget figures alone make every indicator's actual due", "[actual-missing]") {
    Project p = seed();
    p.budget = test::cell("842.07", 5, 4);
    p.spent = test::cell("800", 5, 5);
    const auto findings = test::run_rule("actual-missing", p);
    REQUIRE(findings.size() == 6);  // the six real indicators, not the five 无 rows
    CHECK(findings[0].loc.row == 5);
    CHECK(findings[5].loc.row == 15);
}

TEST_CASE("actual-missing does not over-find", "[actual-missing]") {
    // A targets table without self-evaluation data needs no actuals.
    CHECK(test::run_rule("actual-missing", seed()).empty());
    Project p = seed();
    fill_all(p);
    CHECK(test::run_rule("actual-missing", p).empty());
}

TEST_CASE("actual-missing: in a score run, a project with no self-evaluation data at all is reported",
          "[actual-missing]") {
    // It was scored 0（差）with no finding and exit 0: the rules stood down for a project not self-evaluated.
    RuleSet scoring = config::default_rule_set();
    scoring.scoring.every_project_scored = true;
    const auto findings = test::run_rule("actual-missing", seed(), &scoring);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].loc.row == 5);
    CHECK(findings[0].indicator.empty());
    CHECK(findings[0].message.zh ==
          "项目“部分军退人员岗位补贴资金”没有任何自评数据（各指标实际完成值、全年预算数、"
          "全年执行数均为空），总分按0分计。");
    CHECK_THAT(findings[0].hint.zh, Catch::Contains("--actuals"));
    // A self-evaluated project is judged indicator by indicator, as in a check.
    Project p = seed();
    fill_all(p);
    CHECK(test::run_rule("actual-missing", p, &scoring).empty());
}

TEST_CASE("actual-missing: a 定性 indicator without an actual but with a reviewer's 得分 is scored by it",
          "[actual-missing]") {
    // The finding said 本项按0分计 while the score took the reviewer's 10.
    Project p = seed();
    fill_all(p);
    Indicator& qualitative = p.indicators[7];  // 代缴社保缴费基数, 定性
    qualitative.actual = test::cell("", qualitative.row, 16);
    qualitative.score = test::cell("10", qualitative.row, 17);
    const auto findings = test::run_rule("actual-missing", p);
    REQUIRE(findings.size() == 1);
    CHECK_THAT(findings[0].message.zh, Catch::EndsWith("未填写实际完成值，评分暂按自评得分10分计。"));
    CHECK_THAT(findings[0].message.en, Catch::EndsWith("it is scored by the reviewer's 10 for now."));
    // A quantitative one scores 0 whatever its 得分.
    Indicator& people = p.indicators[3];
    people.actual = test::cell("", people.row, 16);
    people.score = test::cell("10", people.row, 17);
    const auto both = test::run_rule("actual-missing", p);
    REQUIRE(both.size() == 2);
    CHECK_THAT(both[0].message.zh, Catch::EndsWith("本项按0分计。"));
}

TEST_CASE("actual-missing rejects parameters", "[actual-missing]") {
    const auto rule = rules::find_rule("actual-missing")
                          ->factory(config::default_rule_set(), Params({{"threshold", Param{{"1"}, false, 3}}}));
    REQUIRE_FALSE(rule.has_value());
    CHECK(rule.error().line == 3);
    CHECK_THAT(rule.error().message, Catch::Contains("'threshold'"));
}
