// Tests of rule comparator-direction: 数量/质量/满意度 expect ≥/=, 成本 expects ≤/=.
#include <catch2/catch.hpp>

#include "../support/builders.hpp"
#include "../support/languages.hpp"

using namespace perf_check;

namespace {

Project rows(const std::vector<test::Row>& r, const RuleSet* rules = nullptr) {
    return test::project("301001", "测试项目", "100", "保障区内退休人员待遇按时足额发放。", r, 5, rules);
}

test::Row row(const std::string& l1, const std::string& l2, const std::string& name, const std::string& type) {
    return {l1, l2, name, "90", name, "视情况扣分", "%", type, "10分"};
}

RuleSet with_params(Params params) {
    RuleSet rs = config::default_rule_set();
    rs.rules["comparator-direction"].params = std::move(params);
    return rs;
}

}  // namespace

TEST_CASE("comparator-direction finds the seed's 享受补贴人数 typed <", "[comparator-direction]") {
    const auto findings =
        test::run_rule("comparator-direction", test::project("301001", "部分军退人员岗位补贴资金", "842.07",
                                                             "保障我区内六类军退人员被妥善安置。", test::seed_rows()));
    REQUIRE(findings.size() == 1);
    const Finding& f = findings[0];
    CHECK(f.rule == "comparator-direction");
    CHECK(f.loc.row == 8);
    CHECK(f.loc.column == 12);
    CHECK(f.value == "<");
    CHECK(f.indicator == "产出指标/数量指标/享受补贴人数");
    CHECK(f.message.zh ==
          "项目“部分军退人员岗位补贴资金”的指标“享受补贴人数”属于“产出指标/数量指标”，这类指标越多（越高）越好，"
          "通常应为“≥”或“=”，但指标值类型为“<”。");
    CHECK_THAT(f.hint.zh, Catch::Contains("“≥”"));
}

TEST_CASE("comparator-direction finds costs typed ≥ and satisfaction typed ≤", "[comparator-direction]") {
    const Project p = rows({
        row("成本指标", "经济成本指标", "项目总成本", "≥"),
        row("满意度指标", "服务对象满意度指标", "群众满意度", "≤"),
        row("产出指标", "质量指标", "验收合格率", ""),  // no comparator at all: said so
        {"产出指标", "成本控制数", "设备购置成本", "≥50万元", "设备购置成本", "每超过1万元扣1分", "", "", "10分"},
    });
    const auto findings = test::run_rule("comparator-direction", p);
    REQUIRE(findings.size() == 4);
    CHECK(findings[0].loc.row == 5);
    CHECK_THAT(findings[0].message.zh, Catch::Contains("属于“成本指标”，这类指标越少（越低）越好，通常应为“≤”或“=”"));
    CHECK(findings[1].loc.row == 6);
    CHECK_THAT(findings[1].message.zh, Catch::Contains("属于“满意度指标”"));
    CHECK(findings[2].loc.row == 7);
    CHECK_THAT(findings[2].message.zh, Catch::Contains("指标值类型没有填写"));
    // The comparator came from the value cell, so the finding points there.
    CHECK(findings[3].loc.row == 8);
    CHECK(findings[3].value == "≥50万元");
    CHECK_THAT(findings[3].message.zh, Catch::Contains("“产出指标/成本控制数”"));
}

TEST_CASE("comparator-direction does not over-find", "[comparator-direction]") {
    const Project p = rows({
        row("成本指标", "经济成本指标", "项目总成本", "="),  // = is fine for a cost
        row("成本指标", "经济成本指标", "设备成本", "<"), row("产出指标", "数量指标", "培训人次", ">"),
        row("产出指标", "质量指标", "合格率", "="),
        row("产出指标", "时效指标", "完成时间", "≤"),  // 时效 is in neither list
        row("效益指标", "社会效益指标", "事故发生率", "≤"),
        row("满意度指标", "服务对象满意度指标", "满意度", "定性"),  // 定性 has no direction
    });
    CHECK(test::run_rule("comparator-direction", p).empty());
}

TEST_CASE("comparator-direction finds a number with no comparator anywhere", "[comparator-direction]") {
    // A review found 指标值类型 blank and 指标值 a bare 95 passing as clean: the score must guess its direction.
    test::Row quality = row("产出指标", "质量指标", "合格率", "");
    quality.target = "95";
    test::Row benefit = row("效益指标", "社会效益指标", "带动就业", "");
    benefit.target = "120";
    test::Row stated = row("产出指标", "数量指标", "人数", "");
    stated.target = "≥50";  // in the value: stated
    test::Row text = row("效益指标", "社会效益指标", "效果", "");
    text.target = "有效提升";  // no number: nothing to compare
    test::Row deadline = row("产出指标", "时效指标", "完成时间", "");
    deadline.target = "12月底前";  // a deadline's words give its direction (so do 30个工作日内, 年底)
    const auto findings = test::run_rule("comparator-direction", rows({quality, benefit, stated, text, deadline}));
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].loc.row == 5);
    CHECK(findings[0].loc.column == 8);  // the empty 指标值类型 cell
    CHECK(findings[0].value == "95");
    CHECK(findings[0].message.zh ==
          "项目“测试项目”的指标“合格率”指标值为“95”，但指标值类型没有填写，指标值中也没有比较符，无法判断实际值高于还是"
          "低于它算完成。");
    CHECK(findings[0].hint.zh == "在指标值类型列填写“≥”（“产出指标/质量指标”类指标越多（越高）越好）。");
    // Outside the configured categories no direction is suggested.
    CHECK(findings[1].loc.row == 6);
    CHECK(findings[1].hint.zh == "在指标值类型列填写≥、≤ 或 =，或写进指标值（如“≥120”）。");
}

TEST_CASE("comparator-direction follows its parameters, the most specific path winning", "[comparator-direction]") {
    const RuleSet rs = with_params(
        Params({{"at_least", Param{{"产出"}, true, 3}}, {"at_most", Param{{"产出指标/成本指标"}, true, 4}}}));
    const Project p =
        rows({row("产出指标", "成本指标", "设备购置成本", "≤"), row("产出指标", "时效指标", "完成时间", "≤"),
              row("成本指标", "经济成本指标", "项目总成本", "≥")},
             &rs);
    const auto findings = test::run_rule("comparator-direction", p, &rs);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].loc.row == 6);
    CHECK_THAT(findings[0].message.zh, Catch::Contains("属于“产出”"));
}

TEST_CASE("comparator-direction rejects bad parameters", "[comparator-direction]") {
    const auto* entry = rules::find_rule("comparator-direction");
    REQUIRE(entry != nullptr);
    const auto unknown =
        entry->factory(config::default_rule_set(), Params({{"at_lest", Param{{"产出指标"}, true, 9}}}));
    REQUIRE_FALSE(unknown.has_value());
    CHECK(unknown.error().line == 9);
    CHECK_THAT(unknown.error().message, Catch::Contains("did you mean 'at_least'"));

    const auto bad_path = entry->factory(config::default_rule_set(),
                                         Params({{"at_most", Param{{"成本指标/经济成本指标/项目总成本"}, true, 11}}}));
    REQUIRE_FALSE(bad_path.has_value());
    CHECK(bad_path.error().line == 11);
    CHECK_THAT(bad_path.error().message, Catch::Contains("成本指标/经济成本指标/项目总成本"));

    const auto empty_part =
        entry->factory(config::default_rule_set(), Params({{"at_least", Param{{"产出指标/"}, true, 2}}}));
    REQUIRE_FALSE(empty_part.has_value());
}

TEST_CASE("comparator-direction writes no English for a Chinese-only run", "[comparator-direction]") {
    // Both directions, with their hints worded once per run, and a comparator not stated.
    const Project p = rows({
        row("成本指标", "经济成本指标", "项目总成本", "≥"),
        row("满意度指标", "服务对象满意度指标", "群众满意度", "≤"),
        row("产出指标", "质量指标", "验收合格率", ""),
    });
    CHECK(test::check_chinese_only_run("comparator-direction", p) == 3);
    const auto findings = test::run_rule("comparator-direction", p);
    REQUIRE(findings.size() == 3);
    CHECK(findings[0].hint.en ==
          "Change the comparator to “≤”; if a lower limit is really intended, explain why in the indicator "
          "description.");
    CHECK(findings[1].hint.zh == "请把指标值类型改为“≥”；若确需设定上限，请在指标值内容中说明理由。");
}

TEST_CASE("comparator-direction finds a deadline typed ≥, and leaves one typed ≤ alone",
          "[comparator-direction][dates]") {
    const auto due = [](const std::string& type) {
        return test::Row{"产出指标", "时效指标", "完工时间", "2024年12月31日前", "完工时间", "每延迟1个月扣2分",
                         "",         type,       "10分"};
    };
    const auto findings = test::run_rule("comparator-direction", rows({due("≥"), due("≤"), due("定性"), due(">")}));
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].loc.row == 5);
    CHECK(findings[0].message.zh ==
          "项目“测试项目”的指标“完工时间”指标值“2024年12月31日前”是期限（日期），按期完成是不晚于它，但指标值类型为“≥”"
          "（越晚越好）。评分仍按期限计。");
    CHECK(findings[0].hint.zh == "把指标值类型改为“≤”（不晚于期限）。");
    CHECK(findings[1].loc.row == 8);
    // A month written as a number under 时效指标 with no comparator: a deadline, nothing to suggest.
    CHECK(test::run_rule("comparator-direction", rows({{"产出指标", "时效指标", "完工时间", "2024.10", "完工时间",
                                                        "每延迟1个月扣2分", "", "", "10分"}}))
              .empty());
    // Under a category that expects ≥ (数量指标), a deadline typed ≤ is no wrong way either.
    CHECK(test::run_rule("comparator-direction",
                         rows({{"产出指标", "数量指标", "完成时间", "2024-10-31", "完成时间", "", "", "≤", "10分"}}))
              .empty());
}

TEST_CASE("comparator-direction asks a table without 指标值类型 to write the comparator in the value",
          "[comparator-direction][form]") {
    // The national self-evaluation form has no such column: “fill in the column” could not be done.
    test::Row quality = row("产出指标", "质量指标", "合格率", "");
    quality.target = "95%";
    test::Row benefit = row("效益指标", "社会效益指标", "带动就业", "");
    benefit.target = "120人";
    Project p = rows({quality, benefit});
    for (auto& ind : p.indicators) ind.type.loc.column = 0;
    const auto findings = test::run_rule("comparator-direction", p);
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].hint.zh == "在指标值中写明比较符（如“≥95%”；“产出指标/质量指标”类指标越多（越高）越好）。");
    CHECK(findings[1].hint.zh == "在指标值中写明比较符（如“≥120人”，或 ≤、=）。");
    CHECK(findings[0].hint.en == "Write the comparator in the value (e.g. “≥95%”).");
}
