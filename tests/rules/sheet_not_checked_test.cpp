// Tests of rule sheet-not-checked: later sheets of a workbook that also look like a target table.
#include <catch2/catch.hpp>

#include "support/builders.hpp"

using namespace perf_check;

TEST_CASE("sheet-not-checked names each table sheet that was not checked", "[sheet-not-checked]") {
    TableInfo t;
    t.file = "units.xlsx";
    t.sheet = "项目一";
    t.header_row = 4;
    t.other_table_sheets = {"项目二", "项目三"};
    const auto findings = test::run_rule("sheet-not-checked", test::seed_project(), nullptr, &t);
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].loc.file == "units.xlsx");
    CHECK(findings[0].loc.sheet == "项目二");
    CHECK(findings[0].value == "项目二");
    CHECK(findings[0].project.empty());
    CHECK(findings[0].message.zh ==
          "工作簿中的工作表“项目二”也像绩效目标表，但没有检查：未指定 --sheet 时只检查第一个"
          "像绩效目标表的工作表（本次为“项目一”）。");
    CHECK(findings[0].hint.zh ==
          "用 perf-check --sheet \"项目二\" 检查这个工作表，或把每张表分别保存为单独的文件后再提交。");
    CHECK_THAT(findings[1].message.en,
               Catch::StartsWith("Sheet “项目三” of the workbook also looks like a target table"));
}

TEST_CASE("sheet-not-checked names the forms read together as the sheets checked", "[sheet-not-checked][form]") {
    TableInfo t;
    t.file = "卫生院自评表.xlsx";
    t.sheet = "城关镇卫生院";
    t.more_sheets = {"河口乡卫生院", "白云乡卫生院"};
    t.other_table_sheets = {"2025年申报"};
    const auto findings = test::run_rule("sheet-not-checked", test::seed_project(), nullptr, &t);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].loc.sheet == "2025年申报");
    CHECK(findings[0].message.zh ==
          "工作簿中的工作表“2025年申报”也像绩效目标表，但没有检查：未指定 --sheet 时只检查第一个像绩效目标表的工作表"
          "及与它同样格式的绩效自评表（本次为“城关镇卫生院”、“河口乡卫生院”、“白云乡卫生院”）。");
    CHECK_THAT(findings[0].message.en,
               Catch::EndsWith("with the self-evaluation forms of its layout (“城关镇卫生院”, “河口乡卫生院”, "
                               "“白云乡卫生院” here)."));
}

TEST_CASE(
    "sheet-not-checked says what an unlike form lacks, names a sheet that could not be read, and shortens a "
    "long list of sheets read",
    "[sheet-not-checked][form]") {
    TableInfo t;
    t.file = "卫生院自评表.xlsx";
    t.sheet = "一";
    t.more_sheets = {"二", "三", "四", "五"};
    t.other_table_sheets = {"甲卫生院", "乙卫生院"};
    t.other_table_missing = {"分值（备注）", ""};
    t.unreadable_sheets = {
        {"坏表", "工作簿部件 xl/worksheets/sheet9.xml 已损坏", "part xl/worksheets/sheet9.xml is damaged"}};
    const auto findings = test::run_rule("sheet-not-checked", test::seed_project(), nullptr, &t);
    REQUIRE(findings.size() == 3);
    CHECK(findings[0].message.zh ==
          "工作簿中的工作表“甲卫生院”也像绩效目标表，但没有检查：未指定 --sheet 时只检查第一个像绩效目标表的工作表"
          "及与它同样格式的绩效自评表（本次为“一”、“二”、“三”等5个工作表）；它缺少分值（备注）列，格式与之不同。");
    CHECK_THAT(findings[0].message.en, Catch::Contains("(“一”, “二”, “三” and 2 more here); it lacks 分值（备注）"));
    CHECK_THAT(findings[1].message.zh, Catch::EndsWith("等5个工作表）。"));
    CHECK(findings[2].loc.sheet == "坏表");
    CHECK(findings[2].value == "坏表");
    CHECK(findings[2].message.zh ==
          "工作簿中的工作表“坏表”无法读取，没有检查：工作簿部件 xl/worksheets/sheet9.xml 已损坏");
    CHECK(
        findings[2].message.en ==
        "Sheet “坏表” of the workbook could not be read and was not checked: part xl/worksheets/sheet9.xml is damaged");
}

TEST_CASE("sheet-not-checked does not over-find", "[sheet-not-checked]") {
    TableInfo t;
    t.file = "one.xlsx";
    t.sheet = "项目一";
    CHECK(test::run_rule("sheet-not-checked", test::seed_project(), nullptr, &t).empty());
    CHECK(test::run_rule("sheet-not-checked", test::seed_project()).empty());
}

TEST_CASE("sheet-not-checked rejects parameters", "[sheet-not-checked]") {
    const auto* entry = rules::find_rule("sheet-not-checked");
    REQUIRE(entry != nullptr);
    const auto bad = entry->factory(config::default_rule_set(), Params({{"sheets", Param{{"2"}, false, 7}}}));
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().line == 7);
}
