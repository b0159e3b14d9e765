// Tests of rule unit-echoes-value: a unit that is a copy of the target.
#include <catch2/catch.hpp>

#include "../support/builders.hpp"

using namespace perf_check;

namespace {

test::Row row(const std::string& name, const std::string& target, const std::string& unit, const std::string& type) {
    return {"产出指标", "时效指标", name, target, name, "视情况，扣分，扣完为止", unit, type, "15分"};
}

Project rows(const std::vector<test::Row>& r) {
    return test::project("301001", "机关事业单位养老保险财政预留补助", "4500", "保障退休人员及时足额享受养老保险待遇。",
                         r);
}

}  // namespace

TEST_CASE("unit-echoes-value finds the seed's 基础养老金发放时间", "[unit-echoes-value]") {
    const auto findings =
        test::run_rule("unit-echoes-value", rows({row("基础养老金发放时间", "每月按时发放", "每月按时发放", "定性")}));
    REQUIRE(findings.size() == 1);
    const Finding& f = findings[0];
    CHECK(f.rule == "unit-echoes-value");
    CHECK(f.loc.row == 5);
    CHECK(f.loc.column == 11);
    CHECK(f.value == "每月按时发放");
    CHECK(f.indicator == "产出指标/时效指标/基础养老金发放时间");
    CHECK(f.message.zh ==
          "项目“机关事业单位养老保险财政预留补助”的指标“基础养老金发放时间”度量单位“每月按时发放”与指标值"
          "“每月按时发放”完全相同，不是计量单位。");
    CHECK_THAT(f.hint.zh, Catch::Contains("“-”"));
}

TEST_CASE("unit-echoes-value finds prose and copied numbers", "[unit-echoes-value]") {
    const Project p = rows({
        row("发放时间", "每月按时发放", "基础养老金每月按时发放", "定性"),
        row("发放时间", "每月按时 发放", "按时发放", "定性"),
        row("到位率", "90", "90%", "≥"),
        row("到位率", "≥95%", "≥ 95%", ""),
    });
    const auto findings = test::run_rule("unit-echoes-value", p);
    REQUIRE(findings.size() == 4);
    CHECK(findings[0].loc.row == 5);
    CHECK_THAT(findings[0].message.zh, Catch::Contains("重复了指标值“每月按时发放”的文字"));
    CHECK(findings[1].loc.row == 6);
    CHECK(findings[2].loc.row == 7);
    CHECK_THAT(findings[2].message.zh, Catch::Contains("度量单位“90%”重复了指标值“90”中的数字"));
    CHECK(findings[3].loc.row == 8);
    CHECK_THAT(findings[3].message.zh, Catch::Contains("完全相同"));
}

TEST_CASE("unit-echoes-value does not over-find", "[unit-echoes-value]") {
    CHECK(test::run_rule("unit-echoes-value", test::project("301001", "部分军退人员岗位补贴资金", "842.07",
                                                            "保障我区内六类军退人员被妥善安置。", test::seed_rows()))
              .empty());
    const Project p = rows({
        row("资金时效期间", "2024年1-12月", "月", "定性"),
        row("降低幅度", "≥5个百分点", "个百分点", ""),
        row("办结时限", "5个工作日内办结", "工作日", "定性"),
        row("社会效益", "有效保障", "-", "定性"),
        row("发放时间", "每月发放", "次", "定性"),
        row("培训人次", "≥50人次", "人次", ""),
    });
    CHECK(test::run_rule("unit-echoes-value", p).empty());
}

TEST_CASE("unit-echoes-value rejects parameters", "[unit-echoes-value]") {
    const auto rule = rules::find_rule("unit-echoes-value")
                          ->factory(config::default_rule_set(), Params({{"min_length", Param{{"3"}, false, 6}}}));
    REQUIRE_FALSE(rule.has_value());
    CHECK(rule.error().line == 6);
    CHECK_THAT(rule.error().message, Catch::Contains("'min_length'"));
}
