// Helpers of the shared model types: indicator paths and the findings make_finding starts from.
#include <catch2/catch.hpp>

#include "perf_check/finding.hpp"
#include "perf_check/model.hpp"
#include "support/builders.hpp"

using namespace perf_check;

namespace {

Project project_in(const std::string& file) {
    Project p;
    p.file = file;
    p.code = test::cell("301001", 5, 1);
    p.name = test::cell("部分军退人员岗位补贴资金", 5, 2);
    p.first_row = 5;
    return p;
}

}  // namespace

TEST_CASE("make_finding places a finding in the project's file, at the cell, with the indicator's path", "[model]") {
    const Project p = project_in("t.csv");
    Indicator ind;
    ind.level1 = test::cell("产出指标", 8, 5);
    ind.level2 = test::cell("数量指标", 8, 6);
    ind.name = test::cell("享受补贴人数", 8, 7);
    ind.level1_name = "产出指标";
    ind.level2_name = "数量指标";
    ind.row = 8;
    Cell value = test::cell("≥50人", 8, 8);
    value.raw = "  ≥50人 ";          // as read, spaces around it
    value.loc.file = "actuals.csv";  // joined from another file: the finding is still the project's
    value.loc.sheet = "Sheet1";
    const Finding f = make_finding(p, &ind, value);
    CHECK(f.loc.file == "t.csv");
    CHECK(f.loc.sheet == "Sheet1");
    CHECK(f.loc.row == 8);
    CHECK(f.loc.column == 8);
    CHECK(f.project_code == "301001");
    CHECK(f.project == "部分军退人员岗位补贴资金");
    CHECK(f.indicator == "产出指标/数量指标/享受补贴人数");
    CHECK(f.indicator == ind.path());
    CHECK(f.value == "≥50人");
    CHECK(f.rule.empty());
    CHECK(f.message.zh.empty());
}

TEST_CASE("make_finding names an indicator that did not go through normalisation by its cells without spaces",
          "[model]") {
    const Project p = project_in("t.csv");
    Indicator ind;
    ind.level1 = test::cell(" 产出 指标 ", 9, 5);
    ind.level2 = test::cell("", 9, 6);
    ind.name = test::cell("补贴资金到位率", 9, 7);
    ind.row = 9;
    const Finding f = make_finding(p, &ind, Cell{});  // a cell with no place: the indicator's row
    CHECK(f.indicator == "产出指标//补贴资金到位率");
    CHECK(f.indicator == ind.path());
    std::string over = "成本指标/经济成本指标/一个更长的旧指标名称";  // path_into replaces what it held
    ind.path_into(over);
    CHECK(over == ind.path());
    CHECK(f.loc.row == 9);
    CHECK(f.loc.column == 0);
    CHECK(f.value.empty());
}

TEST_CASE("make_finding without an indicator is about the project, at its first row when the cell has none",
          "[model]") {
    const Project p = project_in("t.csv");
    const Finding f = make_finding(p, nullptr, Cell{});
    CHECK(f.indicator.empty());
    CHECK(f.loc.row == 5);
    CHECK(f.loc.file == "t.csv");
    CHECK(f.project == "部分军退人员岗位补贴资金");
}

TEST_CASE("a cell reference quotes a sheet name as Excel writes it", "[model][cell-ref]") {
    SourceLocation at;
    at.row = 6;
    at.column = 5;
    CHECK(at.cell_ref() == "E6");
    for (const auto& [sheet, ref] : std::vector<std::pair<std::string, std::string>>{
             {"项目支出绩效目标表", "项目支出绩效目标表!E6"},
             {"Sheet1", "Sheet1!E6"},
             {"表_A.2", "表_A.2!E6"},
             {"2023年旧表", "'2023年旧表'!E6"},           // a leading digit
             {"Sheet 1", "'Sheet 1'!E6"},                 // a space
             {"A!B", "'A!B'!E6"},                         // the separator itself
             {"柳溪乡'卫生院!", "'柳溪乡''卫生院!'!E6"},  // a quote doubled
             {"表（一）", "'表（一）'!E6"},               // full-width punctuation
             {"FY2024", "'FY2024'!E6"},                   // a name that reads as a reference
             {"A1", "'A1'!E6"},
             {"R1C1", "'R1C1'!E6"},
             {"Rc", "'Rc'!E6"},
             {"Report", "Report!E6"},
             {"XFE1", "XFE1!E6"},  // past the last column: no reference
         }) {
        at.sheet = sheet;
        CHECK(at.cell_ref() == ref);
    }
    at.sheet_row = 9;  // a CSV row as a spreadsheet shows it
    at.sheet = "Sheet 1";
    CHECK(at.cell_ref() == "'Sheet 1'!E9");
}
