// Tests of rule deduction-weight-mismatch: a weight stated in the deduction standard, or a tier's points,
// against the indicator's 分值.
#include <catch2/catch.hpp>

#include "../support/builders.hpp"

using namespace perf_check;

namespace {

test::Row row(const std::string& deduction, const std::string& weight) {
    return {"满意度指标", "服务对象满意度指标", "群众满意度", "好", "群众满意度", deduction, "", "定性", weight};
}

Project rows(const std::vector<test::Row>& r) {
    return test::project("301001", "测试项目", "100", "保障区内退休人员待遇按时足额发放。", r);
}

}  // namespace

TEST_CASE("deduction-weight-mismatch finds a stated weight other than the column's", "[deduction-weight-mismatch]") {
    const auto findings =
        test::run_rule("deduction-weight-mismatch", rows({row("本项分值20分，好得满分，较好得8分，差不得分", "10")}));
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].rule == "deduction-weight-mismatch");
    CHECK(findings[0].loc.row == 5);
    CHECK(findings[0].loc.column == 10);  // the 评（扣分标准） cell
    CHECK(findings[0].value == "本项分值20分，好得满分，较好得8分，差不得分");
    CHECK(
        findings[0].message.zh ==
        "项目“测试项目”的指标“群众满意度”扣分标准写明本项分值20分，分值列却是10分；评分按分值列的10分计，最多得10分。");
    CHECK(findings[0].message.en ==
          "Project “测试项目”, indicator “群众满意度”, deduction standard: it states a weight of 20 while the weight "
          "column says 10; scoring goes by the weight column's 10 and gives at most 10.");
    CHECK_THAT(findings[0].hint.zh, Catch::Contains("改分值"));
}

TEST_CASE("deduction-weight-mismatch finds a tier above the weight, and names every row",
          "[deduction-weight-mismatch]") {
    const auto findings =
        test::run_rule("deduction-weight-mismatch", rows({row("好得20分，较好得15分，一般得8分，差扣12分", "10分"),
                                                          row("90%以上得满分，80%-90%得8分，80%以下不得分", "10")}));
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message.zh ==
          "项目“测试项目”的指标“群众满意度”扣分标准“好得20分”一档得20分，超过分值10分；“较好得15分”一档得15分，"
          "超过分值10分；“差扣12分”一档扣12分，多于分值10分；评分按分值列的10分计，最多得10分。");
    CHECK_THAT(findings[0].message.en, Catch::Contains("the row “较好得15分” gives 15, more than the weight 10") &&
                                           Catch::Contains("the row “差扣12分” takes off 12"));
    // Points off alone: the score stops at 0, not at the weight.
    const auto off = test::run_rule("deduction-weight-mismatch", rows({row("好得满分，较好扣5分，差扣12分", "10")}));
    REQUIRE(off.size() == 1);
    CHECK(
        off[0].message.zh ==
        "项目“测试项目”的指标“群众满意度”扣分标准“差扣12分”一档扣12分，多于分值10分；评分按分值列的10分计，最低0分。");
    CHECK_THAT(off[0].message.en, Catch::EndsWith("gives no less than 0."));
}

TEST_CASE("deduction-weight-mismatch does not over-find", "[deduction-weight-mismatch]") {
    const Project p = rows({
        row("本项分值10分，好得满分，较好得8分，差不得分", "10"),  // the same weight
        row("满分10分，好得满分，较好得10分，差不得分", "10分"),   // a row at the weight
        row("好得满分，较好得15分", ""),                           // no weight: weight-missing's
        row("好得满分，较好得15分", "无"), row("无", "10"),        // no standard: deduction-missing's
        row("每少1人扣15分，扣完为止", "10"),                      // a step may take off more: it stops at 0
        row("达到指标值得满分，未达到不得分", "5"),
        row("产出指标（40分）：完成100%得满分，完成90%得8分", "10"),      // a level's points, no row of the table
        row("满意度90分以上得满分，80-90分得8分，80分以下不得分", "10"),  // 分 of the actual
    });
    CHECK(test::run_rule("deduction-weight-mismatch", p).empty());
    // Placeholder rows are no indicators.
    CHECK(test::run_rule("deduction-weight-mismatch", rows({{"满意度指标", "服务对象满意度指标", "无", "无", "",
                                                             "好得20分，较好得15分", "", "", "10"}}))
              .empty());
}

TEST_CASE("deduction-weight-mismatch rejects parameters", "[deduction-weight-mismatch]") {
    const auto rule = rules::find_rule("deduction-weight-mismatch")
                          ->factory(config::default_rule_set(), Params({{"tolerance", Param{{"1"}, false, 13}}}));
    REQUIRE_FALSE(rule.has_value());
    CHECK_THAT(rule.error().message, Catch::Contains("tolerance"));
}
