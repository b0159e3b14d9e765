// Tests of rule cost-breakdown: the economic cost must be itemised and the items must sum to 资金总额.
#include <catch2/catch.hpp>

#include "rules/cost_items.hpp"
#include "support/builders.hpp"
#include "support/languages.hpp"

using namespace perf_check;

namespace {

const std::string k_goal = "保障我区内六类军退人员被妥善安置，依法享受各类社保权利及生活补贴。";

test::Row cost(const std::string& name, const std::string& target, const std::string& unit = "万元") {
    return {"成本指标", "经济成本指标", name, target, name, "每超过5万元，扣1分，扣完为止", unit, "≤", "10分"};
}

// The seed's first project with its single 项目总成本 row replaced by `costs`.
Project with_costs(const std::vector<test::Row>& costs, const std::string& goal = k_goal,
                   const std::string& funds = "842.07") {
    auto seed = test::seed_rows();
    std::vector<test::Row> rows(costs);
    rows.insert(rows.end(), seed.begin() + 1, seed.end());
    return test::project("301001", "部分军退人员岗位补贴资金", funds, goal, rows);
}

RuleSet with_tolerance(const std::string& t) {
    RuleSet rs = config::default_rule_set();
    rs.rules["cost-breakdown"].params.set("tolerance", Param{{t}, false, 40});
    return rs;
}

}  // namespace

TEST_CASE("cost-breakdown finds the seed's single total cost", "[cost-breakdown]") {
    const Project p = test::project("301001", "部分军退人员岗位补贴资金", "842.07", k_goal, test::seed_rows());
    const auto findings = test::run_rule("cost-breakdown", p);
    REQUIRE(findings.size() == 1);
    const Finding& f = findings[0];
    CHECK(f.rule == "cost-breakdown");
    CHECK(f.loc.row == 5);
    CHECK(f.loc.column == 8);
    CHECK(f.value == "842.07");
    CHECK(f.indicator == "成本指标/经济成本指标/项目总成本");
    CHECK(f.message.zh ==
          "经济成本未细化测算：项目“部分军退人员岗位补贴资金”的经济成本只有“项目总成本”一项"
          "（842.07万元），即资金总额本身；绩效目标中也没有“其中：X万元用于…”的分项。");
    CHECK_THAT(f.hint.zh, Catch::Contains("各项合计应等于资金总额842.07万元"));

    // The seed's second project: "4,500.00" both as funds and as its single cost.
    const Project second = with_costs({cost("项目总支出", "4,500.00")},
                                      "保障本年度区内机关事业单位退休人员及时足额享受养老保险待遇。", "4,500.00");
    const auto f2 = test::run_rule("cost-breakdown", second);
    REQUIRE(f2.size() == 1);
    CHECK_THAT(f2[0].message.zh, Catch::StartsWith("经济成本未细化测算"));
    CHECK_THAT(f2[0].message.zh, Catch::Contains("只有“项目总支出”一项（4500万元），即资金总额本身"));
}

TEST_CASE("cost-breakdown finds a single item short of the funds, or no money at all", "[cost-breakdown]") {
    const auto single = test::run_rule("cost-breakdown", with_costs({cost("岗位补贴发放", "500")}));
    REQUIRE(single.size() == 1);
    CHECK_THAT(single[0].message.zh, Catch::Contains("只有“岗位补贴发放”一项（500万元），而资金总额为842.07万元；"));

    // A cost indicator without a money unit, and a goal with one amount only: nothing is itemised.
    const auto none = test::run_rule("cost-breakdown", with_costs({cost("人均补贴标准", "1500", "元/人")},
                                                                  k_goal + "其中：842.07万元用于岗位补贴。"));
    REQUIRE(none.size() == 1);
    CHECK(none[0].loc.row == 5);
    CHECK(none[0].loc.column == 7);  // the indicator's name: there is no money cell to point at
    // The goal's one amount is named (a review found "no 其中 breakdown" said of a goal that has one 其中).
    CHECK(none[0].message.zh ==
          "经济成本未细化测算：项目“部分军退人员岗位补贴资金”没有按金额列出经济成本分项，"
          "绩效目标中也只写了一个金额（842.07万元，即资金总额本身），算不上分项。");
    CHECK(none[0].message.en ==
          "Economic cost not itemised: project “部分军退人员岗位补贴资金” lists no economic-cost amounts and the goal "
          "text gives a single amount (842.07万元, the total funds themselves), which is no breakdown.");
    const auto part = test::run_rule(
        "cost-breakdown", with_costs({cost("人均补贴标准", "1500", "元/人")}, k_goal + "其中：300万元用于岗位补贴。"));
    REQUIRE(part.size() == 1);
    CHECK_THAT(part[0].message.zh, Catch::EndsWith("绩效目标中也只写了一个金额（300万元），算不上分项。"));
    const auto no_goal_amount =
        test::run_rule("cost-breakdown", with_costs({cost("人均补贴标准", "1500", "元/人")}, k_goal));
    REQUIRE(no_goal_amount.size() == 1);
    CHECK_THAT(no_goal_amount[0].message.zh, Catch::EndsWith("绩效目标中也没有“其中：X万元用于…”的分项。"));

    // No economic-cost row at all: located at the project's first row.
    auto rows = test::seed_rows();
    rows.erase(rows.begin());
    const auto absent =
        test::run_rule("cost-breakdown", test::project("301001", "部分军退人员岗位补贴资金", "842.07", k_goal, rows));
    REQUIRE(absent.size() == 1);
    CHECK(absent[0].loc.row == 5);
    CHECK(absent[0].indicator.empty());
}

TEST_CASE("cost-breakdown finds goal-text items that do not add up", "[cost-breakdown]") {
    const Project p =
        with_costs({cost("项目总成本", "842.07")}, k_goal + "其中：30万元用于人员培训；12.5万元用于设备购置。");
    const auto findings = test::run_rule("cost-breakdown", p);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].loc.row == 5);
    CHECK(findings[0].loc.column == 4);  // the goal cell
    CHECK(findings[0].message.zh ==
          "项目“部分军退人员岗位补贴资金”绩效目标中列出的成本分项合计42.5万元（30万元 + 12.5万元），"
          "与资金总额842.07万元不符，少799.57万元。");
    CHECK_THAT(findings[0].message.en, Catch::Contains("sum to 42.5 万元"));
}

TEST_CASE("cost-breakdown finds cost indicators that do not add up", "[cost-breakdown]") {
    const Project p = with_costs({cost("岗位补贴发放", "800"), cost("经办费用", "40")});
    const auto findings = test::run_rule("cost-breakdown", p);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].loc.row == 5);
    CHECK(findings[0].indicator == "成本指标/经济成本指标/岗位补贴发放");
    CHECK(findings[0].message.zh ==
          "项目“部分军退人员岗位补贴资金”经济成本指标的分项合计840万元（“岗位补贴发放”800万元 + "
          "“经办费用”40万元），与资金总额842.07万元不符，少2.07万元。");
    // A looser tolerance accepts it.
    const RuleSet loose = with_tolerance("3");
    CHECK(test::run_rule("cost-breakdown", p, &loose).empty());
}

TEST_CASE("cost-breakdown leaves funds of 0 to funds-invalid, and still asks for a breakdown", "[cost-breakdown]") {
    // Items that cannot add up to 0 were a second finding for the one empty 资金总额.
    CHECK(test::run_rule("cost-breakdown",
                         with_costs({cost("岗位补贴发放", "800"), cost("经办费用", "42.07")}, k_goal, "0"))
              .empty());
    CHECK(test::run_rule("cost-breakdown",
                         with_costs({cost("项目总成本", "842.07")},
                                    k_goal + "其中：800万元用于岗位补贴发放；42.07万元用于经办费用。", "0"))
              .empty());
    // Not itemised at all is its own problem, whatever the funds; the funds of 0 are not quoted as the target.
    const auto single = test::run_rule("cost-breakdown", with_costs({cost("项目总成本", "842.07")}, k_goal, "0"));
    REQUIRE(single.size() == 1);
    CHECK(single[0].message.zh.find("0万元") == std::string::npos);
}

TEST_CASE("cost-breakdown does not over-find", "[cost-breakdown]") {
    // Goal-text breakdown in 万元 that adds up; the single total-cost indicator is then fine.
    CHECK(
        test::run_rule("cost-breakdown", with_costs({cost("项目总成本", "842.07")},
                                                    k_goal + "其中：800万元用于岗位补贴发放；42.07万元用于经办费用。"))
            .empty());
    // In 元, with grouping commas, full-width digits and commas between the items.
    CHECK(test::run_rule("cost-breakdown",
                         with_costs({cost("项目总成本", "842.07")},
                                    k_goal + "其中５,０００,０００元用于岗位补贴发放，3,420,700元用于经办费用。"))
              .empty());
    // Itemised indicators, one of them in 元.
    CHECK(test::run_rule("cost-breakdown", with_costs({cost("岗位补贴发放", "800"), cost("经办费用", "420700", "元")}))
              .empty());
    // A total line beside items that add up.
    CHECK(
        test::run_rule("cost-breakdown", with_costs({cost("项目总成本", "842.07"), cost("岗位补贴发放", "≤800万元", ""),
                                                     cost("经办费用", "42.07")}))
            .empty());
    // Within the default tolerance of 0.01 万元.
    CHECK(
        test::run_rule("cost-breakdown", with_costs({cost("岗位补贴发放", "800"), cost("经办费用", "42.06")})).empty());
}

TEST_CASE("cost-breakdown reads goal-text amounts", "[cost-breakdown]") {
    const auto items = rules::goal_breakdown("项目资金42.5万元，其中：30万元用于培训；12.5万元用于设备购置。");
    REQUIRE(items.size() == 2);
    CHECK(items[0].wan == Decimal::from_int(30));
    CHECK(items[0].text == "30万元");
    CHECK(items[1].wan == Decimal::from_raw(12500000));

    const auto yuan = rules::goal_breakdown("……其中200000元用于A，1,234.5元用于B");
    REQUIRE(yuan.size() == 2);
    CHECK(yuan[0].wan == Decimal::from_int(20));
    CHECK(yuan[1].wan == Decimal::from_raw(123450));  // 0.12345 万元

    // Rates and amounts before 其中 are not items; without 其中 plain amounts are not a breakdown.
    CHECK(rules::goal_breakdown("人均补助5元/人，其中：8万元用于A").size() == 1);
    CHECK(rules::goal_breakdown("项目资金842.07万元，保障发放。").empty());
    CHECK(rules::goal_breakdown("30万元用于A；12.5万元用于B").size() == 2);

    // Into a list kept from call to call (the rule keeps one per thread): what it held is gone.
    std::vector<rules::MoneyItem> kept;
    rules::goal_breakdown("其中：1万元用于A，2万元用于B，3万元用于C", kept);
    CHECK(kept.size() == 3);
    rules::goal_breakdown("项目资金842.07万元，保障发放。", kept);
    CHECK(kept.empty());
    rules::goal_breakdown("人均补助5元/人，其中：8万元用于A", kept);
    REQUIRE(kept.size() == 1);
    CHECK(kept[0].text == "8万元");
}

TEST_CASE("cost-breakdown: one project's items are not another's", "[cost-breakdown]") {
    // Checked one after the other on one thread (the rule's lists are the thread's): an itemised project
    // that adds up, then the seed's single total cost, which must still be reported, then the first again.
    const Project itemised =
        with_costs({cost("项目总成本", "842.07")}, "其中：800万元用于岗位补贴，42.07万元用于经办。");
    const Project single = test::project("301001", "部分军退人员岗位补贴资金", "842.07", k_goal, test::seed_rows());
    CHECK(test::run_rule("cost-breakdown", itemised).empty());
    REQUIRE(test::run_rule("cost-breakdown", single).size() == 1);
    CHECK(test::run_rule("cost-breakdown", itemised).empty());
}

TEST_CASE("cost-breakdown rejects a bad tolerance", "[cost-breakdown]") {
    const auto* entry = rules::find_rule("cost-breakdown");
    for (const std::string bad : {"-0.5", "abc"}) {
        const auto rule = entry->factory(config::default_rule_set(), Params({{"tolerance", Param{{bad}, false, 11}}}));
        REQUIRE_FALSE(rule.has_value());
        CHECK(rule.error().line == 11);
        CHECK_THAT(rule.error().message, Catch::Contains("tolerance"));
    }
    const auto unknown = entry->factory(config::default_rule_set(), Params({{"tolerence", Param{{"1"}, false, 12}}}));
    REQUIRE_FALSE(unknown.has_value());
    CHECK_THAT(unknown.error().message, Catch::Contains("did you mean 'tolerance'"));
}

TEST_CASE("cost-breakdown: funds that are the items' sum in 元 say so first", "[cost-breakdown]") {
    // A review found 2000000 (a 元 table without its 金额单位 line) read as 2000000万元 against items of
    // 1600000元 and 400000元, the hint silent about the unit.
    const auto findings = test::run_rule(
        "cost-breakdown",
        with_costs({cost("项目实施成本", "1600000", "元"), cost("工作经费", "400000", "元")}, k_goal, "2000000"));
    REQUIRE(findings.size() == 1);
    CHECK_THAT(findings[0].hint.zh,
               Catch::StartsWith("资金总额“2000000”按万元读作2000000万元；若它是以元填写的（2000000元 = 200万元），"
                                 "正好等于分项合计：请在表头上方写明“金额单位：元”，或把资金总额改为200（万元）。"));
    CHECK_THAT(findings[0].hint.en, Catch::Contains("金额单位：元"));
    // In the goal's 其中 items too; and not when the sum is simply off.
    const auto goal = test::run_rule(
        "cost-breakdown", with_costs({}, k_goal + "其中：160万元用于项目实施；40万元用于工作经费。", "2000000"));
    REQUIRE_FALSE(goal.empty());
    CHECK_THAT(goal[0].hint.zh, Catch::StartsWith("资金总额“2000000”按万元读作"));
    const auto off = test::run_rule(
        "cost-breakdown", with_costs({cost("项目实施成本", "500"), cost("工作经费", "100")}, k_goal, "842.07"));
    REQUIRE(off.size() == 1);
    CHECK_THAT(off[0].hint.zh, !Catch::Contains("若它是以元填写的"));
}

TEST_CASE("cost-breakdown reads items in 千元", "[cost-breakdown]") {
    // 4000千元 + 442.07万元 = 842.07万元: the items add up (千元 was no money unit, so the project was "not itemised").
    CHECK(test::run_rule("cost-breakdown",
                         with_costs({cost("岗位补贴", "4000", "千元"), cost("经办费用", "442.07", "万元")}))
              .empty());
}

TEST_CASE("cost-breakdown writes no English for a Chinese-only run when the items do not add up", "[cost-breakdown]") {
    // Goal items and cost indicators off the funds, each also with the hint that the funds look like 元.
    CHECK(test::check_chinese_only_run("cost-breakdown",
                                       with_costs({cost("项目总成本", "842.07")},
                                                  k_goal + "其中：30万元用于人员培训；12.5万元用于设备购置。")) == 1);
    CHECK(test::check_chinese_only_run("cost-breakdown",
                                       with_costs({cost("岗位补贴发放", "800"), cost("经办费用", "40")})) == 1);
    CHECK(test::check_chinese_only_run(
              "cost-breakdown", with_costs({cost("项目实施成本", "1600000", "元"), cost("工作经费", "400000", "元")},
                                           k_goal, "2000000")) == 1);
    CHECK(test::check_chinese_only_run(
              "cost-breakdown",
              with_costs({}, k_goal + "其中：160万元用于项目实施；40万元用于工作经费。", "2000000")) >= 1);
}
