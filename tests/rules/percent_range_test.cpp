// Tests of rule percent-range: percentage targets within [min, max].
#include <catch2/catch.hpp>

#include "../support/builders.hpp"

using namespace perf_check;

namespace {

test::Row row(const std::string& name, const std::string& target, const std::string& unit) {
    return {"产出指标", "质量指标", name,  target, name, "达到指标值得满分，少于1%扣0.5分，扣完为止。",
            unit,       "",         "10分"};
}

Project rows(const std::vector<test::Row>& r) {
    return test::project("301001", "测试项目", "100", "保障区内退休人员待遇按时足额发放。", r);
}

Expected<std::unique_ptr<Rule>> build(Params params) {
    return rules::find_rule("percent-range")->factory(config::default_rule_set(), params);
}

}  // namespace

TEST_CASE("percent-range finds percentages above 100 and below 0", "[percent-range]") {
    const Project p =
        rows({row("补贴资金到位率", "900", "%"), row("合格率", "≥120%", ""), row("完成率", "-5", "百分比")});
    const auto findings = test::run_rule("percent-range", p);
    REQUIRE(findings.size() == 3);
    CHECK(findings[0].rule == "percent-range");
    CHECK(findings[0].loc.row == 5);
    CHECK(findings[0].value == "900");
    CHECK(findings[0].message.zh ==
          "项目“测试项目”的指标“补贴资金到位率”是百分比指标，指标值 900% 高于允许范围 0%–100%。");
    CHECK(findings[1].loc.row == 6);
    CHECK(findings[1].value == "≥120%");
    CHECK_THAT(findings[1].message.zh, Catch::Contains("指标值 120% 高于"));
    CHECK(findings[2].loc.row == 7);
    CHECK_THAT(findings[2].message.zh, Catch::Contains("指标值 -5% 低于"));
}

TEST_CASE("percent-range does not over-find", "[percent-range]") {
    CHECK(test::run_rule("percent-range", test::project("301001", "部分军退人员岗位补贴资金", "842.07",
                                                        "保障我区内六类军退人员被妥善安置。", test::seed_rows()))
              .empty());
    const Project p = rows(
        {row("到位率", "100", "%"), row("达标率", "0", "％"), row("培训人数", "900", "人"), row("满意度", "≥95%", "")});
    CHECK(test::run_rule("percent-range", p).empty());
}

TEST_CASE("percent-range honours min and max", "[percent-range]") {
    RuleSet rs = config::default_rule_set();
    rs.rules["percent-range"].params = Params({{"min", Param{{"50"}, false, 3}}, {"max", Param{{"200"}, false, 4}}});
    const Project p = rows({row("增长率", "150", "%"), row("到位率", "40", "%")});
    const auto findings = test::run_rule("percent-range", p, &rs);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].loc.row == 6);
    CHECK_THAT(findings[0].message.zh, Catch::Contains("指标值 40% 低于允许范围 50%–200%"));
}

TEST_CASE("percent-range rejects bad parameters", "[percent-range]") {
    const auto not_number = build(Params({{"max", Param{{"一百"}, false, 5}}}));
    REQUIRE_FALSE(not_number.has_value());
    CHECK(not_number.error().line == 5);
    CHECK_THAT(not_number.error().message, Catch::Contains("'max'"));

    const auto inverted = build(Params({{"min", Param{{"80"}, false, 6}}, {"max", Param{{"20"}, false, 7}}}));
    REQUIRE_FALSE(inverted.has_value());
    CHECK(inverted.error().line == 6);
    CHECK_THAT(inverted.error().message, Catch::Contains("min (80) is greater than max (20)"));

    const auto unknown = build(Params({{"maximum", Param{{"100"}, false, 8}}}));
    REQUIRE_FALSE(unknown.has_value());
    CHECK_THAT(unknown.error().message, Catch::Contains("'maximum'"));
}

TEST_CASE("percent-range leaves growth rates alone, as its growth_words say", "[percent-range]") {
    // A review found 带动增收增长率 120% flagged: a growth rate may pass 100%, or be negative.
    const Project p = rows({row("带动增收增长率", "120", "%"), row("能耗降幅", "-5", "%"), row("合格率", "120", "%")});
    const auto findings = test::run_rule("percent-range", p);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].loc.row == 7);
    RuleSet rs = config::default_rule_set();
    rs.rules["percent-range"].params = Params({{"growth_words", Param{{}, true, 5}}});
    CHECK(test::run_rule("percent-range", p, &rs).size() == 3);
}
