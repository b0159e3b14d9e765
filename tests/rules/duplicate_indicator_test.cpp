// Tests of rule duplicate-indicator: one 三级指标 name per project.
#include <catch2/catch.hpp>

#include "../support/builders.hpp"

using namespace perf_check;

namespace {

test::Row row(const std::string& l1, const std::string& l2, const std::string& name) {
    return {l1, l2, name, "90", name, "达到指标值得满分，少于1%扣0.5分，扣完为止。", "%", "≥", "10分"};
}

/// The seed's third project (社区及改制企业人员养老金补差), rows 27–37.
std::vector<test::Row> seed_project3_rows() {
    return {
        {"成本指标", "经济成本指标", "养老金补差项目总支出", "232.00", "养老金补差项目总支出",
         "每超过10万元，扣1分，扣完为止", "万元", "≤", "20分"},
        {"成本指标", "社会成本指标", "无", "无", "无", "无", "无", "无", ""},
        {"成本指标", "生态环境成本指标", "无", "无", "无", "无", "无", "无", ""},
        {"产出指标", "数量指标", "享受补助人数", "130", "社区及改制人员享受财政养老金补差的人数",
         "达到指标值得满分，未达到指标值视情况扣分，扣完为止。", "人", "≥", "10分"},
        {"产出指标", "质量指标", "资金到位率", "90", "发放养老金到位率", "达到指标值得满分，少于1%扣0.5分，扣完为止。",
         "%", "≥", "15分"},
        {"产出指标", "时效指标", "资金时效期间", "2024年1-12月", "使用资金的时间段", "视情况，扣分，扣完为止", "月",
         "定性", "15分"},
        {"效益指标 ", "经济效益指标", "无", "无", "无", "无", "无", "无", ""},
        {"效益指标 ", "社会效益指标", "保民生", "应保尽保", "保障基本生活补助", "视情况，扣分，扣完为止", "-", "定性",
         "20分"},
        {"效益指标 ", "生态效益指标", "无", "无", "无", "无", "无", "无", ""},
        {"效益指标 ", "可持续影响指标", "无", "无", "无", "无", "无", "无", ""},
        {"满意度指标", "服务对象满意度指标", "领待人员满意度", "90", "领待人员满意度",
         "达到指标值得满分，少于1%扣0.5分，扣完为止。", "%", "≥", "10分"},
    };
}

}  // namespace

TEST_CASE("duplicate-indicator reports each repeat, naming the first occurrence", "[duplicate-indicator]") {
    const Project p = test::project(
        "301001", "测试项目", "100", "保障区内退休人员待遇按时足额发放。",
        {row("产出指标", "质量指标", "资金到位率"), row("产出指标", "数量指标", "享受补助人数"),
         row("效益指标", "社会效益指标", "资金 到位率"), row("满意度指标", "服务对象满意度指标", "资金到位率")});
    const auto findings = test::run_rule("duplicate-indicator", p);
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].rule == "duplicate-indicator");
    CHECK(findings[0].loc.row == 7);
    CHECK(findings[0].loc.column == 7);
    CHECK(findings[0].indicator == "效益指标/社会效益指标/资金 到位率");
    CHECK(findings[0].message.zh ==
          "项目“测试项目”中三级指标“资金 到位率”重复出现：第5行（产出指标/质量指标/资金到位率）已有同名指标。");
    CHECK(findings[1].loc.row == 8);
    CHECK_THAT(findings[1].message.zh, Catch::Contains("第5行"));
    CHECK_THAT(findings[1].message.en, Catch::Contains("row 5"));
    // In a CSV whose cells above hold line breaks, the row named is the one a spreadsheet shows, as the
    // 单元格 column gives it (the message said 第10行 beside G10 for the first at spreadsheet row 9).
    Project wrapped = p;
    wrapped.indicators[0].name.loc.sheet_row = 4;
    CHECK_THAT(test::run_rule("duplicate-indicator", wrapped)[0].message.zh, Catch::Contains("第4行"));
}

TEST_CASE("duplicate-indicator does not over-find", "[duplicate-indicator]") {
    // Placeholder rows all read 无; the seed's projects have no repeated names.
    CHECK(test::run_rule("duplicate-indicator", test::project("301001", "部分军退人员岗位补贴资金", "842.07",
                                                              "保障我区内六类军退人员被妥善安置。", test::seed_rows()))
              .empty());
    CHECK(test::run_rule("duplicate-indicator",
                         test::project("301001", "社区及改制企业人员养老金补差", "232.00",
                                       "保障区内社区及改制企业退休人员的生活补助。", seed_project3_rows(), 27))
              .empty());
    // A nameless real row twice is not a duplicate name (another rule flags the missing name).
    const Project p = test::project("301001", "测试项目", "100", "保障区内退休人员待遇按时足额发放。",
                                    {row("产出指标", "质量指标", ""), row("产出指标", "数量指标", "")});
    CHECK(test::run_rule("duplicate-indicator", p).empty());
}

TEST_CASE("duplicate-indicator rejects parameters", "[duplicate-indicator]") {
    const auto rule = rules::find_rule("duplicate-indicator")
                          ->factory(config::default_rule_set(), Params({{"scope", Param{{"file"}, false, 10}}}));
    REQUIRE_FALSE(rule.has_value());
    CHECK(rule.error().line == 10);
    CHECK_THAT(rule.error().message, Catch::Contains("'scope'"));
}

TEST_CASE("duplicate-indicator keeps row order when repeated names interleave", "[duplicate-indicator]") {
    // Two names repeated in turn, the later-sorting one first: each repeat names its own first row,
    // and the findings come in row order.
    const Project p =
        test::project("301001", "测试项目", "100", "保障区内退休人员待遇按时足额发放。",
                      {row("产出指标", "数量指标", "享受补助人数"), row("产出指标", "质量指标", "资金到位率"),
                       row("效益指标", "社会效益指标", "享受补助人数"), row("效益指标", "社会效益指标", "无"),
                       row("满意度指标", "服务对象满意度指标", "资金到位率"),
                       row("满意度指标", "服务对象满意度指标", "享受 补助人数")});
    const auto findings = test::run_rule("duplicate-indicator", p);
    REQUIRE(findings.size() == 3);
    CHECK(findings[0].loc.row == 7);
    CHECK_THAT(findings[0].message.zh, Catch::Contains("第5行（产出指标/数量指标/享受补助人数）"));
    CHECK(findings[1].loc.row == 9);
    CHECK_THAT(findings[1].message.zh, Catch::Contains("第6行（产出指标/质量指标/资金到位率）"));
    CHECK(findings[2].loc.row == 10);
    CHECK_THAT(findings[2].message.zh, Catch::Contains("第5行"));
}

TEST_CASE("duplicate-indicator: one project's names are not another's", "[duplicate-indicator]") {
    // Checked one after the other on one thread (the rule's lists are the thread's, kept from project to
    // project): a long project with a repeat, a short one without, the long one again.
    const Project repeats =
        test::project("301001", "测试项目", "100", "保障发放。",
                      {row("产出指标", "质量指标", "资金到位率"), row("产出指标", "数量指标", "人数"),
                       row("产出指标", "时效指标", "及时率"), row("效益指标", "社会效益指标", "资金到位率")});
    const Project distinct =
        test::project("301002", "另一项目", "100", "保障发放。",
                      {row("产出指标", "数量指标", "人数"), row("产出指标", "质量指标", "资金到位率")});
    REQUIRE(test::run_rule("duplicate-indicator", repeats).size() == 1);
    CHECK(test::run_rule("duplicate-indicator", distinct).empty());
    const auto again = test::run_rule("duplicate-indicator", repeats);
    REQUIRE(again.size() == 1);
    CHECK(again[0].indicator == "效益指标/社会效益指标/资金到位率");
}
