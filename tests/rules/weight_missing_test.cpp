// Tests of rule weight-missing: every real indicator needs a weight; placeholder rows do not.
#include <catch2/catch.hpp>

#include "support/builders.hpp"
#include "support/languages.hpp"

using namespace perf_check;

namespace {

const std::string k_goal = "有利于进一步完善城乡居民基本养老保险制度，确保符合待遇领取人员的基础养老金按时足额发放。";

// Like the seed's fourth project: 城乡居民养老保险预算执行率 as an 经济效益指标 with 备注 empty (row 11).
std::vector<test::Row> fourth_project_rows() {
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
    return rows;
}

// The seed's first project with `weight` as the 分值 of its row 9.
Project with_weight_at_row_9(const std::string& weight) {
    auto rows = test::seed_rows();
    rows[4].weight = weight;
    return test::project("301001", "部分军退人员岗位补贴资金", "842.07", k_goal, rows);
}

}  // namespace

TEST_CASE("weight-missing finds the seed's unweighted 预算执行率", "[weight-missing]") {
    const Project p =
        test::project("301001", "同级财政对城乡居民养老保险的补助", "158.62", k_goal, fourth_project_rows());
    const auto findings = test::run_rule("weight-missing", p);
    REQUIRE(findings.size() == 1);
    const Finding& f = findings[0];
    CHECK(f.rule == "weight-missing");
    CHECK(f.loc.row == 11);
    CHECK(f.loc.column == 13);
    CHECK(f.value.empty());
    CHECK(f.indicator == "效益指标/经济效益指标/城乡居民养老保险预算执行率");
    CHECK(f.message.zh ==
          "项目“同级财政对城乡居民养老保险的补助”的指标“城乡居民养老保险预算执行率”"
          "（效益指标/经济效益指标）没有填写分值。");
    CHECK_THAT(f.hint.zh, Catch::StartsWith("在“备注”（分值）列填写该指标的分值，如“10分”；各指标分值合计应为90分。"));
    CHECK_THAT(f.hint.zh, Catch::Contains("预算执行率在自评中单独计10分"));
}

TEST_CASE("weight-missing finds a weight that is not a number", "[weight-missing]") {
    const auto findings = test::run_rule("weight-missing", with_weight_at_row_9("待定"));
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].loc.row == 9);
    CHECK(findings[0].value == "待定");
    CHECK_THAT(findings[0].message.zh, Catch::Contains("分值“待定”不是有效的分数"));
    CHECK_THAT(findings[0].hint.zh, !Catch::Contains("预算执行率"));
}

TEST_CASE("weight-missing finds a weight of 0分", "[weight-missing]") {
    // A review found a real indicator weighted 0分 unreported: it can never score.
    const auto findings = test::run_rule("weight-missing", with_weight_at_row_9("0分"));
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].loc.row == 9);
    CHECK(findings[0].value == "0分");
    CHECK_THAT(findings[0].message.zh,
               Catch::EndsWith("分值为“0分”：分值不大于0的指标在自评中得不到分，等于没有分值。"));
    CHECK(test::run_rule("weight-missing", with_weight_at_row_9("0.5分")).empty());
}

TEST_CASE("weight-missing does not over-find", "[weight-missing]") {
    // The seed's placeholder rows (无) have empty weights and must not be reported.
    CHECK(test::run_rule("weight-missing",
                         test::project("301001", "部分军退人员岗位补贴资金", "842.07", k_goal, test::seed_rows()))
              .empty());
}

TEST_CASE("weight-missing rejects parameters", "[weight-missing]") {
    const auto rule = rules::find_rule("weight-missing")
                          ->factory(config::default_rule_set(), Params({{"default", Param{{"10"}, false, 4}}}));
    REQUIRE_FALSE(rule.has_value());
    CHECK(rule.error().line == 4);
}

TEST_CASE("weight-missing writes no English for a Chinese-only run", "[weight-missing]") {
    CHECK(test::check_chinese_only_run("weight-missing", test::project("301001", "同级财政对城乡居民养老保险的补助",
                                                                       "158.62", k_goal, fourth_project_rows())) == 1);
    for (const std::string weight : {"待定", "0分"}) {
        CHECK(test::check_chinese_only_run("weight-missing", with_weight_at_row_9(weight)) == 1);
    }
}
